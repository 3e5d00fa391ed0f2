"""Issue 2's speed and quality figures, measured side by side in one run.

    .venv/bin/python benchmarks/bench_engine.py

1. fit time of our AdditiveClassifier vs InterpretML's ExplainableBoostingClassifier(interactions=0)
   on the same training judgements (goal: ours >= 20x faster);
2. AUC on 20,000 held-out judgements drawn afresh (another seed: profiles and readers unseen in
   training; a large set, so that the AUC's own sampling noise is far below the 0.005 margin)
   of both models and of the persona's own generating priorities, the oracle
   (goals: ours >= EBM - 0.005 and >= 0.99 x oracle);
3. reading one profile against every reader in-process vs scikit-learn's predict_proba on one
   pandas row through a pipeline (goal: ours <= 1 ms p50);
4. fitting every reader at start-up (goal: well under a second).
"""

from __future__ import annotations

import statistics
import time
import warnings

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import SplineTransformer

from benchmarks.table import markdown
from model import population as population_module
from model.additive import AdditiveClassifier
from model.features import encode, encode_frame
from model.judgements import FAVOURABLE, generate, oracle_logit, synthetic
from model.persona import load_personas
from model.presets import presets
from model.reader import default_readers, load_readers
from model.reading import read_all
from model.signals import NAMES

SEED = 7
HELD_OUT = 20_000
HELD_OUT_SEED = 99  # the committed judgements use 20261124: these profiles and verdicts are new


def timed(function, repeats: int) -> float:
    """Median seconds of `repeats` calls."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fit_and_quality() -> list[dict[str, object]]:
    from interpret.glassbox import ExplainableBoostingClassifier

    personas, _ = load_personas()
    rows = []
    for persona in personas.values():
        for context in [None, *persona.contexts]:
            judgements = synthetic(persona, context)
            X_train, y_train = encode_frame(judgements.profiles), judgements.verdicts
            held_out = generate(persona, context, HELD_OUT, HELD_OUT_SEED)
            y_test = (held_out.pop("verdict") == FAVOURABLE).to_numpy(dtype=int)
            X_test = encode_frame(held_out)
            readings = persona.readings_for(context)
            reference = {**population_module.population().typical, **persona.typical(context)}
            ours = AdditiveClassifier(monotone=[readings[n].monotone for n in NAMES], reference=encode(reference)[0])
            ebm = ExplainableBoostingClassifier(interactions=0, random_state=SEED, n_jobs=1)
            ours_time = timed(lambda ours=ours: ours.fit(X_train, y_train), 7)
            ebm_time = timed(lambda ebm=ebm: ebm.fit(pd.DataFrame(X_train, columns=NAMES), y_train), 3)
            auc_ours = roc_auc_score(y_test, ours.decision_function(X_test))
            auc_ebm = roc_auc_score(y_test, ebm.predict_proba(pd.DataFrame(X_test, columns=NAMES))[:, 1])
            auc_oracle = roc_auc_score(y_test, oracle_logit(persona, context, X_test))
            rows.append(
                {
                    "reader": persona.id if context is None else f"{persona.id}/{context}",
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
    return rows


def reading_speed() -> dict[str, float]:
    readers = default_readers()
    profile = presets()["comms_manager"].profile
    for _ in range(200):
        read_all(readers, profile, "en")
    ours = []
    for _ in range(2000):
        start = time.perf_counter()
        read_all(readers, profile, "en")
        ours.append(time.perf_counter() - start)
    pipelines = []
    for reader in readers.readers.values():
        judgements = synthetic(reader.persona, reader.context)
        frame = pd.DataFrame(encode_frame(judgements.profiles), columns=NAMES)
        pipelines.append(
            make_pipeline(SplineTransformer(n_knots=6), LogisticRegression(max_iter=2000)).fit(frame, judgements.verdicts)
        )
    row = pd.DataFrame(encode(profile.values), columns=NAMES)
    for _ in range(50):
        [p.predict_proba(row) for p in pipelines]
    baseline = []
    for _ in range(500):
        start = time.perf_counter()
        [p.predict_proba(row) for p in pipelines]
        baseline.append(time.perf_counter() - start)
    return {
        "ours p50 (ms)": np.percentile(ours, 50) * 1000,
        "ours p95 (ms)": np.percentile(ours, 95) * 1000,
        "pipeline p50 (ms)": np.percentile(baseline, 50) * 1000,
        "pipeline p95 (ms)": np.percentile(baseline, 95) * 1000,
    }


def start_up() -> float:
    def once() -> None:
        population_module.population.cache_clear()
        load_readers()

    return timed(once, 5)


def main() -> None:
    warnings.filterwarnings("ignore")
    rows = fit_and_quality()
    table = pd.DataFrame(rows).set_index("reader")
    print(f"## Fit on the committed 4,000 judgements; AUC on {HELD_OUT:,} fresh held-out judgements (EBM n_jobs=1)\n")
    print(markdown(rows))
    speed = reading_speed()
    startup = start_up()
    goals = [
        (
            "fit: ours >= 20x faster than EBM (every reader)",
            bool((table["speed-up"] >= 20).all()),
            f"min {table['speed-up'].min():.0f}x",
        ),
        (
            "AUC: ours >= EBM - 0.005 (every reader)",
            bool((table["ours - EBM"] >= -0.005).all()),
            f"min {table['ours - EBM'].min():+.4f}",
        ),
        (
            "AUC: ours >= 0.99 x oracle (every reader)",
            bool((table["ours / oracle"] >= 0.99).all()),
            f"min {table['ours / oracle'].min():.4f}",
        ),
        (
            "read one profile, every reader: p50 <= 1 ms",
            speed["ours p50 (ms)"] <= 1.0,
            f"{speed['ours p50 (ms)']:.3f} ms (p95 {speed['ours p95 (ms)']:.3f}) vs pipeline predict_proba "
            f"{speed['pipeline p50 (ms)']:.3f} ms: {speed['pipeline p50 (ms)'] / speed['ours p50 (ms)']:.1f}x faster",
        ),
        ("fit every reader at start-up: well under 1 s", startup < 1.0, f"{startup * 1000:.0f} ms (median of 5)"),
    ]
    print("\n## Goals\n")
    print("| goal | result | figure |\n|---|---|---|")
    for goal, ok, figure in goals:
        print(f"| {goal} | {'PASS' if ok else 'MISS'} | {figure} |")


if __name__ == "__main__":
    main()
