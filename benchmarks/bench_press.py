"""Issue: press contacts in every language. The lexicon's precision and recall, per language.

    .venv/bin/python -m benchmarks.bench_press

On `tests/data/press_labelled.csv` (invented (title, company) pairs, half hard negatives,
read while the rules were written); goal: precision and recall >= 0.95 in every language.
Then on `tests/data/press_heldout.csv`, rows written after the rules and never tuned on: the
honest estimate of how they generalise. Also times `is_press` on 30,000 connections drawn
from the labelled titles and companies, against `pandas.factorize` of the same two columns
as a baseline measured in the same run.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from benchmarks.table import markdown
from model.linkedin.press import is_press

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
LABELLED, HELDOUT = DATA / "press_labelled.csv", DATA / "press_heldout.csv"
GOAL = 0.95
REPEATS = 7


def labelled(path: Path = LABELLED) -> pd.DataFrame:
    """A labelled set, with the lexicon's answer in a `found` column."""
    rows = pd.read_csv(path, dtype=str, keep_default_na=False)
    rows["press"] = rows["press"].astype(int).astype(bool)
    rows["found"] = is_press(rows["title"], rows["company"]).to_numpy()
    return rows


def scores(rows: pd.DataFrame) -> list[dict[str, object]]:
    """Precision and recall per language, then over all languages."""
    table = []
    for language, group in [*rows.groupby("language", sort=False), ("all", rows)]:
        hits = int((group["press"] & group["found"]).sum())
        precision = hits / max(int(group["found"].sum()), 1)
        recall = hits / max(int(group["press"].sum()), 1)
        table.append(
            {
                "language": language,
                "press rows": int(group["press"].sum()),
                "non-press rows": int((~group["press"]).sum()),
                "precision": precision,
                "recall": recall,
                "result": "PASS" if precision >= GOAL and recall >= GOAL else "MISS",
            }
        )
    return table


def timing(rows: pd.DataFrame, distinct: int, n: int = 30_000) -> dict[str, object]:
    """Median time of is_press on n connections, beside factorizing the same columns."""
    rng = np.random.default_rng(5)
    pick = rng.integers(0, len(rows), n)
    # up to `distinct` different positions (all distinct is the worst case); companies repeat
    variant = pd.Series(rng.integers(0, max(distinct // len(rows), 1), n)).astype(str).radd(" #")
    if distinct >= n:
        variant = pd.Series(range(n)).astype(str).radd(" #")
    positions = rows["title"].iloc[pick].reset_index(drop=True) + variant
    companies = rows["company"].iloc[pick].reset_index(drop=True)

    def median(function: Callable[[], object]) -> float:
        times = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            function()
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    ours = median(lambda: is_press(positions, companies))
    baseline = median(lambda: (pd.factorize(positions), pd.factorize(companies)))
    return {
        "connections": n,
        "distinct positions": positions.nunique(),
        "distinct companies": companies.nunique(),
        "ours: is_press (ms)": ours * 1000,
        "baseline: factorize (ms)": baseline * 1000,
        "ratio": ours / baseline,
    }


def report(title: str, rows: pd.DataFrame) -> None:
    print(f"## {title}: {len(rows)} rows (goal: precision and recall >= {GOAL})\n")
    print(markdown(scores(rows)))
    wrong = rows[rows["press"] != rows["found"]]
    if len(wrong):
        print("\nMisread rows:\n")
        print(markdown(wrong[["language", "title", "company", "press", "note"]].to_dict("records")))
    print()


def main() -> None:
    rows = labelled()
    report("Press lexicon on the labelled set", rows)
    report("Press lexicon on the held-out set (never tuned on)", labelled(HELDOUT))
    print(f"## Speed, median of {REPEATS}\n")
    print(markdown([timing(rows, distinct) for distinct in (30_000, 10_000, 1_000)], digits=1))


if __name__ == "__main__":
    main()
