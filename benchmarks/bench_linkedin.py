"""Issue 4's speed figure: importing a large export beside bare pandas.read_csv of the same files.

    .venv/bin/python -m benchmarks.bench_linkedin

The archive: 30,000 connections, 20,000 reactions, 3,000 shares, 5,000 comments, 2,000
invitations (synthetic, invented names). Both sides start from the same ZIP bytes in memory;
the baseline only unzips and parses each CSV with pandas' defaults, ours derives every signal.
Goal: ours <= 1.2x the baseline and under a second. A second row, reported without a goal,
writes the same archive as LinkedIn really does: multi-line comments, posts and invitation
notes left unquoted when they hold no comma or quote; the importer rebuilds those records
(quotes followed with numpy over each file at once, then pandas again), bare pandas miscounts them.
Ours and the baseline are timed in turn and the ratio is the median of each turn's ratio, so
that other work on a shared machine slows both sides alike.
"""

from __future__ import annotations

import io
import statistics
import time
import zipfile
from collections.abc import Callable

import pandas as pd

from benchmarks.table import markdown
from model.linkedin import import_export
from model.linkedin.synthetic import Spec, archive

REPEATS = 15
GOAL = 1.2
LARGE = Spec(connections=30_000, reactions=20_000, shares=3_000, comments=5_000, invitations=2_000, seed=5)


def bare_read_csv(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.endswith(".csv"):
                content = zf.read(name)
                skip = 3 if name.endswith("Connections.csv") else 0
                pd.read_csv(io.BytesIO(content), skiprows=skip, dtype=str, on_bad_lines="skip")


def _seconds(function: Callable[[bytes], object], data: bytes) -> float:
    start = time.perf_counter()
    function(data)
    return time.perf_counter() - start


def row(label: str, spec: Spec, goal: bool = True) -> dict[str, object]:
    """Ours and the baseline timed in turn, so that a machine busy with other work slows both
    alike; the ratio is the median of the ratios of each turn."""
    data = archive(spec)
    import_export(data)
    bare_read_csv(data)
    turns = [(_seconds(import_export, data), _seconds(bare_read_csv, data)) for _ in range(REPEATS)]
    ours, baseline = statistics.median(t[0] for t in turns), statistics.median(t[1] for t in turns)
    ratio = statistics.median(t[0] / t[1] for t in turns)
    return {
        "archive": f"{label} ({len(data) / 2**20:.1f} MB ZIP)",
        "ours: import_export (ms)": ours * 1000,
        "baseline: unzip + pandas.read_csv (ms)": baseline * 1000,
        "ratio": ratio,
        "goal": f"<= {GOAL}x and < 1 s" if goal else "(reported)",
        "result": ("PASS" if ratio <= GOAL and ours < 1.0 else "MISS") if goal else "",
    }


def main() -> None:
    print(f"## Import of a large export, median of {REPEATS} turns\n")
    rows = [
        row("large", LARGE),
        row("large, multi-line text unquoted as LinkedIn writes it", Spec(**{**LARGE.__dict__, "multiline": True}), goal=False),
    ]
    print(markdown(rows, 2))


if __name__ == "__main__":
    main()
