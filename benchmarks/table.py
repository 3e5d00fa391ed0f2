"""A markdown table printer shared by the benchmarks (the README quotes their output)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


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
