"""Issue 4's speed figure: importing a large export beside bare pandas.read_csv of the same files.

    .venv/bin/python -m benchmarks.bench_linkedin

The archive: 30,000 connections, 20,000 reactions, 3,000 shares, 5,000 comments, 2,000
invitations (synthetic, invented names). Both sides start from the same ZIP bytes in memory;
the baseline only unzips and parses each CSV with pandas' defaults, ours derives every signal.
Goals: ours <= 1.5x the baseline and under a second.
"""

from __future__ import annotations

import io
import statistics
import time
import zipfile

import pandas as pd

from benchmarks.table import markdown
from model.linkedin import import_export
from model.linkedin.synthetic import Spec, archive

REPEATS = 7


def bare_read_csv(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.endswith(".csv"):
                content = zf.read(name)
                skip = 3 if name.endswith("Connections.csv") else 0
                pd.read_csv(io.BytesIO(content), skiprows=skip, dtype=str, on_bad_lines="skip")


def median_time(function, data: bytes) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        function(data)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    data = archive(Spec(connections=30_000, reactions=20_000, shares=3_000, comments=5_000, invitations=2_000, seed=5))
    import_export(data)
    bare_read_csv(data)
    ours, baseline = median_time(import_export, data), median_time(bare_read_csv, data)
    ratio = ours / baseline
    print(f"## Import of a large export ({len(data) / 2**20:.1f} MB ZIP), median of {REPEATS}\n")
    print(
        markdown(
            [
                {
                    "ours: import_export (ms)": ours * 1000,
                    "baseline: unzip + pandas.read_csv (ms)": baseline * 1000,
                    "ratio": ratio,
                    "goal": "<= 1.5x and < 1 s",
                    "result": "PASS" if ratio <= 1.5 and ours < 1.0 else "MISS",
                }
            ],
            2,
        )
    )


if __name__ == "__main__":
    main()
