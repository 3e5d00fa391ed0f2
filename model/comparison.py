"""Readers side by side: where they disagree, and where they differ most.

The seed's "cela dépend de ce que recherche le lecteur", made visible: a signal is disputed
when it reads favourably for one reader and unfavourably for another; it differs when its
weight on the reading differs a lot between readers, even with the same sign.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from model.reading import FAVOURABLE, UNFAVOURABLE, Reading
from model.signals import NAMES

DIFFER_LOG_ODDS = 1.0
"""Readers differ on a signal when its contribution differs by this much between them…"""
DIFFER_POINTS = 0.10
"""…or when it moves their probabilities by amounts this far apart (10 points)."""


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


@dataclass(frozen=True)
class Difference:
    """A signal whose weight differs most between readers: its contribution for each."""

    signal: str
    spread: float
    points: float
    by_reader: dict[str, float]

    def to_json(self) -> dict[str, Any]:
        return {"signal": self.signal, "spread": self.spread, "points": self.points, "by_reader": self.by_reader}


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


def _points(reading: Reading, contribution: float) -> float:
    """How many points of probability this contribution moves the reading by."""
    without = reading.logit - contribution
    return 1.0 / (1.0 + math.exp(-reading.logit)) - 1.0 / (1.0 + math.exp(-without))


def differences(readings: list[Reading]) -> list[Difference]:
    """Signals whose weight differs by at least 1 log-odds or 10 points between readers, largest first."""
    found = []
    for name in NAMES:
        by_reader = {r.key: r.contributions[name] for r in readings}
        spread = max(by_reader.values()) - min(by_reader.values())
        points = [_points(r, r.contributions[name]) for r in readings]
        point_spread = max(points) - min(points)
        if spread >= DIFFER_LOG_ODDS or point_spread >= DIFFER_POINTS:
            found.append(Difference(name, spread, point_spread, by_reader))
    return sorted(found, key=lambda d: (-d.spread, -d.points))


def agreements(readings: list[Reading], verdict: str) -> list[str]:
    """Signals every reader reads with `verdict`."""
    return [name for name in NAMES if readings and all(r.verdicts[name] == verdict for r in readings)]


def contribution_table(readings: list[Reading]) -> list[dict[str, Any]]:
    """Long-form rows (signal, reader, contribution, verdict) for a signals × readers heatmap."""
    return [
        {"signal": name, "reader": r.key, "contribution": r.contributions[name], "verdict": r.verdicts[name]}
        for r in readings
        for name in NAMES
    ]
