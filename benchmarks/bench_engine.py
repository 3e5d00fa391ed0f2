"""Issue 2's speed and quality figures, measured side by side in one run.

    .venv/bin/python benchmarks/bench_engine.py

Every (persona, context) judgement set committed in data/judgements (4,000 rows) is split 75/25,
stratified on the verdict, with a fixed seed. On the same split:

1. fit time of our AdditiveClassifier, configured exactly as `model.reader.fit` configures it
   (monotone constraints from the persona, reference = the typical profile), against InterpretML's
   ExplainableBoostingClassifier(interactions=0, random_state fixed, other parameters default),
   both on ONE core: EBM with n_jobs=1, ours with BLAS/OpenMP limited to one thread
   (threadpoolctl). Median of 7 fits for ours, of 3 for EBM. Goal: ours >= 20x faster.
2. held-out AUC of ours, of EBM and of the oracle (the persona's own generating priorities,
   `oracle_logit`, on the held-out profiles). Goals: ours >= EBM - 0.005 and ours >= 0.99 x oracle.
   The held-out quarter is 1,000 judgements, so its AUCs carry sampling noise of about +/-0.01;
   the same models are therefore also scored on 20,000 fresh judgements (another seed: profiles
   and individual readers unseen in training), printed as a second table for information.
3. reading one profile against every reader in-process (`read_all(default_readers(), profile,
   "en")`, sentences included) against scikit-learn's `predict_proba` on a one-row DataFrame
   through `make_pipeline(SplineTransformer(), LogisticRegression())`, one pipeline per reader,
   fitted on the same judgements. p50/p95 of 2,000 calls each after 200 warm-up calls.
   Goal: ours <= 1 ms p50.
4. start-up: `load_readers()` end to end (persona files, judgement CSVs, every fit), median of 5,
   the population cache cleared before each run. Goal: well under a second (on this 2-core box).

Goals print PASS or MISS; the script exits 0 either way (figures, not a gate).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
import warnings
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
import pandas as pd
from scipy.special import expit
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import SplineTransformer
from threadpoolctl import threadpool_limits

from benchmarks.table import markdown
from model import population as population_module
from model.features import encode, encode_frame
from model.judgements import FAVOURABLE, Judgements, generate, oracle_logit, synthetic
from model.persona import load_personas
from model.presets import presets
from model.reader import default_readers, fit, load_readers
from model.reading import read_all
from model.signals import NAMES

SEED = 7  # the split and EBM's random_state
HELD_OUT_SHARE = 0.25
OURS_REPEATS = 7
EBM_REPEATS = 3
FRESH = 20_000
FRESH_SEED = 99  # the committed judgements use 20261124: these profiles and verdicts are new
READ_CALLS = 2000
WARM_UP = 200


def timed(function, repeats: int) -> float:
    """Median seconds of `repeats` calls."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def check_decomposition_and_monotony(model, X: np.ndarray, monotone: list[int]) -> None:
    """The invariants the brief keeps: intercept + contributions = decision function, exact directions."""
    decision = model.decision_function(X)
    assert np.allclose(model.intercept_ + model.contributions(X).sum(axis=1), decision, rtol=0, atol=1e-9)
    for j, direction in enumerate(monotone):
        steps = np.diff(model.values_[j])
        assert (direction != 1 or (steps >= 0).all()) and (direction != -1 or (steps <= 0).all()), NAMES[j]


def fit_and_quality() -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    from interpret.glassbox import ExplainableBoostingClassifier

    personas, _ = load_personas()
    rows, fresh_rows = [], []
    for persona in personas.values():
        for context in [None, *persona.contexts]:
            name = persona.id if context is None else f"{persona.id}/{context}"
            judgements = synthetic(persona, context)
            X, y = encode_frame(judgements.profiles), judgements.verdicts
            train, test = train_test_split(np.arange(len(y)), test_size=HELD_OUT_SHARE, random_state=SEED, stratify=y)
            # Ours exactly as the app configures it: through model.reader.fit, on the training rows.
            train_set = Judgements(
                profiles=judgements.profiles.iloc[train].reset_index(drop=True),
                verdicts=y[train],
                source=judgements.source,
                synthetic=judgements.synthetic,
            )
            ours = fit(persona, context, train_set).model
            X_train, y_train, frame_train = X[train], y[train], pd.DataFrame(X[train], columns=NAMES)
            timing = clone(ours)
            with threadpool_limits(limits=1):
                ours_time = timed(lambda m=timing, X=X_train, y=y_train: m.fit(X, y), OURS_REPEATS)
            check_decomposition_and_monotony(ours, X[test], list(ours.monotone))

            ebm = ExplainableBoostingClassifier(interactions=0, random_state=SEED, n_jobs=1)
            ebm_time = timed(lambda e=ebm, X=frame_train, y=y_train: e.fit(X, y), EBM_REPEATS)

            auc_ours = roc_auc_score(y[test], ours.decision_function(X[test]))
            auc_ebm = roc_auc_score(y[test], ebm.predict_proba(pd.DataFrame(X[test], columns=NAMES))[:, 1])
            auc_oracle = roc_auc_score(y[test], oracle_logit(persona, context, X[test]))
            rows.append(
                {
                    "reader": name,
                    "train/held-out": f"{len(train)}/{len(test)}",
                    "fit ours (ms)": ours_time * 1000,
                    "fit EBM (ms)": ebm_time * 1000,
                    "speed-up": ebm_time / ours_time,
                    "AUC ours": auc_ours,
                    "AUC EBM": auc_ebm,
                    "AUC oracle": auc_oracle,
                    "ours - EBM": auc_ours - auc_ebm,
                    "ours / oracle": auc_ours / auc_oracle,
                }
            )

            fresh = generate(persona, context, FRESH, FRESH_SEED)
            y_fresh = (fresh.pop("verdict") == FAVOURABLE).to_numpy(dtype=int)
            X_fresh = encode_frame(fresh)
            oracle = oracle_logit(persona, context, X_fresh)
            f_ours = roc_auc_score(y_fresh, ours.decision_function(X_fresh))
            f_ebm = roc_auc_score(y_fresh, ebm.predict_proba(pd.DataFrame(X_fresh, columns=NAMES))[:, 1])
            f_oracle = roc_auc_score(y_fresh, oracle)
            fresh_rows.append(
                {
                    "reader": name,
                    "AUC ours": f_ours,
                    "AUC EBM": f_ebm,
                    "AUC oracle": f_oracle,
                    "ours - EBM": f_ours - f_ebm,
                    "ours / oracle": f_ours / f_oracle,
                    "mean abs(p ours - p oracle)": float(np.abs(expit(ours.decision_function(X_fresh)) - expit(oracle)).mean()),
                    "favourable share": float(y.mean()),
                    "disagreement": persona.disagreement,
                }
            )
    return rows, fresh_rows


def display(row: dict[str, object]) -> dict[str, object]:
    """Cells as text: times in ms to 0.1, the speed-up to 1x, AUCs and shares to 4 decimals."""
    out: dict[str, object] = {}
    for column, value in row.items():
        if not isinstance(value, float):
            out[column] = value
        elif column.endswith("(ms)"):
            out[column] = f"{value:.1f}"
        elif column == "speed-up":
            out[column] = f"{value:.0f}x"
        elif column == "ours - EBM":
            out[column] = f"{value:+.4f}"
        else:
            out[column] = f"{value:.4f}"
    return out


def percentiles(seconds: list[float]) -> tuple[float, float]:
    return float(np.percentile(seconds, 50) * 1000), float(np.percentile(seconds, 95) * 1000)


def reading_speed() -> dict[str, float]:
    readers = default_readers()
    profile = presets()["comms_manager"].profile

    def measure(call) -> list[float]:
        for _ in range(WARM_UP):
            call()
        times = []
        for _ in range(READ_CALLS):
            start = time.perf_counter()
            call()
            times.append(time.perf_counter() - start)
        return times

    ours = measure(lambda: read_all(readers, profile, "en"))
    pipelines = []
    for reader in readers.readers.values():
        judgements = synthetic(reader.persona, reader.context)
        frame = pd.DataFrame(encode_frame(judgements.profiles), columns=NAMES)
        pipelines.append(make_pipeline(SplineTransformer(), LogisticRegression(max_iter=2000)).fit(frame, judgements.verdicts))
    row = pd.DataFrame(encode(profile.values), columns=NAMES)
    baseline = measure(lambda: [p.predict_proba(row) for p in pipelines])
    ours_p50, ours_p95 = percentiles(ours)
    base_p50, base_p95 = percentiles(baseline)
    return {"readers": len(pipelines), "ours p50": ours_p50, "ours p95": ours_p95, "base p50": base_p50, "base p95": base_p95}


def start_up() -> tuple[float, int]:
    def once() -> None:
        population_module.population.cache_clear()
        load_readers()

    once()  # imports and file-system caches warm, as in a running app's first rerun
    return timed(once, 5), len(load_readers().readers)


def main() -> None:
    warnings.filterwarnings("ignore")
    rows, fresh_rows = fit_and_quality()
    table = pd.DataFrame(rows).set_index("reader")
    print(
        f"## Fit and held-out AUC: each committed judgement set split {1 - HELD_OUT_SHARE:.0%}/{HELD_OUT_SHARE:.0%}, "
        f"stratified, seed {SEED}\n"
    )
    print(
        f"One core each: EBM n_jobs=1 (random_state={SEED}, interactions=0, other parameters default); "
        f"ours with BLAS limited to 1 thread. Fit: median of {OURS_REPEATS} (ours), {EBM_REPEATS} (EBM). "
        f"Machine: {os.cpu_count()} CPUs.\n"
    )
    print(markdown([display(row) for row in rows]))
    print(f"\n## The same models on {FRESH:,} fresh judgements (seed {FRESH_SEED}; for information, not a goal)\n")
    print(markdown([display(row) for row in fresh_rows]))
    speed = reading_speed()
    startup, n_readers = start_up()
    ratio = speed["base p50"] / speed["ours p50"]
    print(f"\n## Reading one profile against all {speed['readers']} readers ({READ_CALLS:,} calls after {WARM_UP} warm-up)\n")
    print("| | p50 (ms) | p95 (ms) |\n|---|---|---|")
    ours_label = "ours: `read_all` (probabilities, contributions, verdicts, sentences)"
    print(f"| {ours_label} | {speed['ours p50']:.3f} | {speed['ours p95']:.3f} |")
    print(
        f"| scikit-learn: one-row DataFrame → `predict_proba`, SplineTransformer → LogisticRegression, × {speed['readers']} "
        f"| {speed['base p50']:.3f} | {speed['base p95']:.3f} |"
    )
    goals = [
        (
            "fit: ours >= 20x faster than EBM (every reader)",
            bool((table["speed-up"] >= 20).all()),
            f"min {table['speed-up'].min():.0f}x, median {table['speed-up'].median():.0f}x",
        ),
        (
            "held-out AUC: ours >= EBM - 0.005 (every reader)",
            bool((table["ours - EBM"] >= -0.005).all()),
            f"min {table['ours - EBM'].min():+.4f}",
        ),
        (
            "held-out AUC: ours >= 0.99 x oracle (every reader)",
            bool((table["ours / oracle"] >= 0.99).all()),
            f"min {table['ours / oracle'].min():.4f} ({table['ours / oracle'].idxmin()})",
        ),
        (
            "read one profile, every reader: p50 <= 1 ms",
            speed["ours p50"] <= 1.0,
            f"{speed['ours p50']:.3f} ms (p95 {speed['ours p95']:.3f}); pipeline predict_proba "
            f"{speed['base p50']:.3f} ms: ours {ratio:.1f}x faster",
        ),
        (
            f"start-up, load_readers() fitting all {n_readers} readers: well under 1 s",
            startup < 1.0,
            f"{startup * 1000:.0f} ms (median of 5, {os.cpu_count()} CPUs)",
        ),
    ]
    print("\n## Goals\n")
    print("| goal | result | figure |\n|---|---|---|")
    for goal, ok, figure in goals:
        print(f"| {goal} | {'PASS' if ok else 'MISS'} | {figure} |")


if __name__ == "__main__":
    main()
