"""A markdown table printer shared by the benchmarks (the README quotes their output)."""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np


def markdown(rows: Sequence[Mapping[Any, object]], digits: int = 3) -> str:
    """Rows of equal keys as a markdown table; floats with `digits` decimals."""
    if not rows:
        return ""
    headers = list(rows[0])

    def cell(value: object) -> str:
        return f"{value:.{digits}f}" if isinstance(value, float) else str(value)

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(row[h]) for h in headers) + " |" for row in rows]
    return "\n".join(lines)


def timing_row(case: str, times: Sequence[float], goal: str = "", ok: bool | None = None) -> dict[str, object]:
    """A row of timings in seconds as the benchmarks print them: p50 and p95 in ms, a goal, PASS or MISS."""
    return {
        "case": case,
        "p50 (ms)": statistics.median(times) * 1000,
        "p95 (ms)": float(np.percentile(times, 95)) * 1000,
        "goal": goal,
        "result": "" if ok is None else ("PASS" if ok else "MISS"),
    }
