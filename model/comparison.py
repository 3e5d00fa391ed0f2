"""Readers side by side: where they agree and where they disagree on the same profile.

The seed's "il est impossible de plaire à tout le monde", made visible: a signal is
disputed when it reads favourably for one reader and unfavourably for another.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from model.reading import FAVOURABLE, UNFAVOURABLE, Reading
from model.signals import NAMES


@dataclass(frozen=True)
class Disagreement:
    signal: str
    favourable: tuple[str, ...]
    unfavourable: tuple[str, ...]
    spread: float

    def to_json(self) -> dict[str, Any]:
        return {
            "signal": self.signal,
            "favourable": list(self.favourable),
            "unfavourable": list(self.unfavourable),
            "spread": self.spread,
        }


def disagreements(readings: list[Reading]) -> list[Disagreement]:
    """Signals favourable for some readers and unfavourable for others, widest spread first."""
    found = []
    for name in NAMES:
        pro = tuple(r.key for r in readings if r.verdicts[name] == FAVOURABLE)
        con = tuple(r.key for r in readings if r.verdicts[name] == UNFAVOURABLE)
        if pro and con:
            values = [r.contributions[name] for r in readings]
            found.append(Disagreement(name, pro, con, max(values) - min(values)))
    return sorted(found, key=lambda d: -d.spread)


def agreements(readings: list[Reading], verdict: str) -> list[str]:
    """Signals every reader reads with `verdict`."""
    return [name for name in NAMES if readings and all(r.verdicts[name] == verdict for r in readings)]


def contribution_table(readings: list[Reading]) -> list[dict[str, Any]]:
    """Long-form rows (signal, reader, contribution, verdict) for a signals × readers heatmap."""
    return [
        {
            "signal": name,
            "reader": r.key,
            "reader_name": r.reader_name,
            "contribution": r.contributions[name],
            "verdict": r.verdicts[name],
        }
        for r in readings
        for name in NAMES
    ]
