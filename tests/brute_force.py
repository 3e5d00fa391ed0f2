"""Brute-force planners: every combination of options, the baseline the exact planners are
checked and timed against on small cases (a few free signals)."""

from __future__ import annotations

import itertools

import numpy as np

from model.levers import Option


def cheapest_reaching(groups: list[list[Option]], need: float) -> tuple[int, float] | None:
    """(effort units, gain) of the cheapest combination whose gain reaches `need`, or None."""
    best: tuple[int, float] | None = None
    for combo in itertools.product(*groups):
        gain = sum(o.gains[0] for o in combo)
        units = sum(o.units for o in combo)
        if gain >= need - 1e-12 and (best is None or units < best[0]):
            best = (units, gain)
    return best


def best_floor(groups: list[list[Option]], starts: np.ndarray, budget_units: int) -> float:
    """The highest lowest log-odds reachable within `budget_units`."""
    best = -np.inf
    for combo in itertools.product(*groups):
        if sum(o.units for o in combo) <= budget_units:
            best = max(best, min(starts[r] + sum(o.gains[r] for o in combo) for r in range(len(starts))))
    return best
