"""The reading engine's figures (issue "Readings a coach would sign"), side by side in one run.

    .venv/bin/python benchmarks/bench_engine.py [--quick]

1. Textbook fidelity: every signal of every reader, on a grid over its range, against the shape
   its persona file declares, computed independently from the file's numbers. Goal: 1e-9.
2. Learning toward the textbook: judgements drawn from a *different* ground-truth reader (the
   textbook with some weights doubled, some halved and one sign flipped; individual readers
   disagree with logistic noise of the persona's `disagreement`), at 40, 100, 400 and 4,000
   judgements (several draws at the small sizes). Held-out AUC on 4,000 fresh judgements and
   mean shape error (mean |learned − true| contribution over members' values, per signal) of
   ours (`model.reader.learn`), of the same estimator without the prior, and of InterpretML's
   EBM (interactions=0), all on one core. Goals: at ≤ 400 ours beats both on AUC and shape
   error; at 4,000 ours is within 0.005 AUC of EBM; a refit takes ≤ 20 ms at 400 judgements.
3. Reading every reader for one profile, with ranges and percentiles (`read_all`), against
   scikit-learn's `predict_proba` on a one-row DataFrame through a SplineTransformer →
   LogisticRegression pipeline per reader. Goal: p50 ≤ 1 ms.

Goals print PASS or MISS; the script exits 0 either way (figures, not a gate).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import SplineTransformer
from threadpoolctl import threadpool_limits

from benchmarks.table import markdown
from model.judgements import generate
from model.population import population
from model.presets import presets
from model.reader import Reader, default_readers, learner
from model.reading import read_all
from model.signals import NAMES, SIGNALS, encode_frame
from tests.textbook_oracle import by_hand, declared

READERS = ("recruiter", "peer")
SIZES = {40: 5, 100: 5, 400: 3, 4000: 1}
CHANGES = {
    "doubled": ("summary_words", "has_photo"),
    "halved": ("connections", "on_topic_share"),
    "flipped": ("active_weeks_26",),
}


def fidelity() -> list[dict[str, object]]:
    rows = []
    for key, reader in default_readers().readers.items():
        worst = 0.0
        for signal in NAMES:
            spec = SIGNALS[signal]
            grid = np.array([0.0, 1.0]) if spec.type == "bool" else np.linspace(spec.low, min(spec.high, 2000.0), 401)
            got = reader.contribution(signal, np.array([spec.encode(v) for v in grid]))
            want = np.array([by_hand(declared(key, signal), float(v), signal) for v in grid])
            worst = max(worst, float(np.abs(got - want).max()))
        rows.append(
            {
                "reader": key,
                "signals": len(NAMES),
                "points": "401 per signal",
                "max abs deviation": f"{worst:.1e}",
                "goal <= 1e-9": "PASS" if worst <= 1e-9 else "MISS",
            }
        )
    return rows


def truth(reader: Reader) -> Callable[[np.ndarray], np.ndarray]:
    """The ground-truth reader: the textbook with weights doubled, halved and one sign flipped."""
    factor = np.ones(len(NAMES))
    for name in CHANGES["doubled"]:
        factor[NAMES.index(name)] = 2.0
    for name in CHANGES["halved"]:
        factor[NAMES.index(name)] = 0.5
    for name in CHANGES["flipped"]:
        factor[NAMES.index(name)] = -1.0

    def parts(X: np.ndarray) -> np.ndarray:
        return reader.contributions(X) * factor

    return parts


def _set(reader: Reader, size: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    parts = truth(reader)
    frame = generate(lambda X: parts(X).sum(axis=1), reader.persona.disagreement, size, seed)
    return encode_frame(frame.drop(columns="verdict")), (frame["verdict"] == "favourable").to_numpy(dtype=int)


def _shape_error(contributions: np.ndarray, true_parts: np.ndarray) -> float:
    """Mean over signals of the mean |learned − true| contribution, both centred on their mean
    over members (an additive model's shapes are defined up to a constant)."""
    a = contributions - contributions.mean(axis=0)
    b = true_parts - true_parts.mean(axis=0)
    return float(np.abs(a - b).mean())


def learning(quick: bool) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    from interpret.glassbox import ExplainableBoostingClassifier

    members = encode_frame(population().profiles.sample(3000, random_state=3))
    rows: list[dict[str, object]] = []
    goals: list[dict[str, object]] = []
    sizes = {40: 2, 400: 1} if quick else SIZES
    refits = []
    for key in READERS:
        reader = default_readers().get(key)
        X_test, y_test = _set(reader, 4000, 999)
        true_members = truth(reader)(members)
        for size, draws in sizes.items():
            scores: dict[str, list[tuple[float, float]]] = {"ours": [], "ours without prior": [], "EBM": []}
            for draw in range(draws):
                X, y = _set(reader, size, 100 + draw)
                if len(np.unique(y)) < 2:
                    continue
                with threadpool_limits(1):
                    ours = learner(reader).fit(X, y)
                    bare = learner(reader, prior=False).fit(X, y)
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        ebm = ExplainableBoostingClassifier(interactions=0, random_state=7, n_jobs=1).fit(
                            pd.DataFrame(X, columns=NAMES), y
                        )
                scores["ours"].append(
                    (
                        roc_auc_score(y_test, ours.decision_function(X_test)),
                        _shape_error(ours.contributions(members), true_members),
                    )
                )
                scores["ours without prior"].append(
                    (
                        roc_auc_score(y_test, bare.decision_function(X_test)),
                        _shape_error(bare.contributions(members), true_members),
                    )
                )
                ebm_parts = ebm.eval_terms(pd.DataFrame(members, columns=NAMES))
                scores["EBM"].append(
                    (
                        roc_auc_score(y_test, ebm.predict_proba(pd.DataFrame(X_test, columns=NAMES))[:, 1]),
                        _shape_error(np.asarray(ebm_parts), true_members),
                    )
                )
                if size == 400:
                    with threadpool_limits(1):
                        for _ in range(5):
                            start = time.perf_counter()
                            learner(reader).fit(X, y)
                            refits.append((time.perf_counter() - start) * 1000)
            means = {name: (statistics.mean(a for a, _ in s), statistics.mean(e for _, e in s)) for name, s in scores.items()}
            rows.append(
                {
                    "reader": key,
                    "judgements": size,
                    "draws": draws,
                    "AUC ours": means["ours"][0],
                    "AUC no prior": means["ours without prior"][0],
                    "AUC EBM": means["EBM"][0],
                    "shape error ours": means["ours"][1],
                    "shape error no prior": means["ours without prior"][1],
                    "shape error EBM": means["EBM"][1],
                }
            )
            if size <= 400:
                beats = means["ours"][0] > max(means["ours without prior"][0], means["EBM"][0]) and means["ours"][1] < min(
                    means["ours without prior"][1], means["EBM"][1]
                )
                goals.append(
                    {
                        "goal": f"{key}, {size} judgements: ours beats both (AUC and shape error)",
                        "result": "PASS" if beats else "MISS",
                    }
                )
            else:
                gap = means["ours"][0] - means["EBM"][0]
                goals.append(
                    {
                        "goal": f"{key}, {size} judgements: AUC ours >= EBM - 0.005",
                        "result": f"{'PASS' if gap >= -0.005 else 'MISS'} ({gap:+.4f})",
                    }
                )
    refit = statistics.median(refits)
    goals.append(
        {
            "goal": "refit at 400 judgements <= 20 ms (median, one core)",
            "result": f"{'PASS' if refit <= 20 else 'MISS'} ({refit:.1f} ms)",
        }
    )
    return rows, goals


def reading_speed() -> list[dict[str, object]]:
    readers = default_readers()
    profile = presets()["comms_manager"].profile
    read_all(readers, profile)
    ours = []
    for _ in range(2200):
        start = time.perf_counter()
        read_all(readers, profile)
        ours.append((time.perf_counter() - start) * 1000)
    ours = ours[200:]
    pipelines = []
    for reader in readers.readers.values():
        X, y = _set(reader, 2000, 5)
        pipelines.append(
            make_pipeline(SplineTransformer(), LogisticRegression(max_iter=1000)).fit(pd.DataFrame(X, columns=NAMES), y)
        )
    row = pd.DataFrame([encode_frame(pd.DataFrame([profile.values]).astype(float).fillna(np.nan))[0]], columns=NAMES)
    theirs = []
    for i in range(2200):
        start = time.perf_counter()
        for pipeline in pipelines:
            pipeline.predict_proba(row)
        if i >= 200:
            theirs.append((time.perf_counter() - start) * 1000)
    p50, p95 = np.percentile(ours, [50, 95])
    t50, t95 = np.percentile(theirs, [50, 95])
    return [
        {
            "case": f"ours: read_all, {len(readers.readers)} readers, ranges and percentiles",
            "p50 (ms)": float(p50),
            "p95 (ms)": float(p95),
            "goal p50 <= 1 ms": "PASS" if p50 <= 1 else "MISS",
        },
        {
            "case": "scikit-learn: one-row DataFrame → predict_proba, SplineTransformer → LogisticRegression, per reader",
            "p50 (ms)": float(t50),
            "p95 (ms)": float(t95),
            "goal p50 <= 1 ms": f"ours {t50 / p50:.1f}x faster",
        },
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer sizes and draws (a smoke run)")
    args = parser.parse_args()
    _ = clone
    print("#### Textbook fidelity: each reader against its persona file\n")
    print(markdown(fidelity()))
    print(
        "\n#### Learning toward the textbook: truth = textbook with "
        + "; ".join(f"{k} {', '.join(v)}" for k, v in CHANGES.items())
        + "\n"
    )
    print(
        "Held-out: 4,000 fresh judgements from the truth. Shape error: mean |learned − true| contribution over 3,000 members, per signal, both centred.\n"
    )
    rows, goals = learning(args.quick)
    print(markdown(rows, digits=4))
    print("\n#### Reading one profile against every reader (2,000 calls after 200 warm-up)\n")
    speed = reading_speed()
    print(markdown(speed))
    print("\n#### Goals\n")
    print(markdown(goals))


if __name__ == "__main__":
    main()
