"""Shape curves: how one reader reads every value of one signal, for plots."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from model.population import population
from model.reader import Reader
from model.signals import NAMES, SIGNALS, Value, encode_frame


@dataclass(frozen=True)
class Curve:
    signal: str
    grid: list[float]
    contribution: list[float]
    value: float
    here: float
    expects: float
    population: list[float]

    def to_json(self) -> dict[str, Any]:
        return {
            "signal": self.signal,
            "grid": self.grid,
            "contribution": self.contribution,
            "value": self.value,
            "here": self.here,
            "expects": self.expects,
        }


def upper_bound(signal: str, value: float) -> float:
    """Where to stop drawing: where readers stop seeing, or past the members' 99th percentile and the person's value."""
    spec = SIGNALS[signal]
    if spec.type in ("bool", "share", "weeks"):
        return spec.high
    if spec.seen_up_to is not None:
        return spec.seen_up_to
    p99 = float(np.nanquantile(population().profiles[signal].to_numpy(dtype=float), 0.99))
    return float(max(p99, value, spec.low + 1))


def curve(reader: Reader, signal: str, value: Value, points: int = 200) -> Curve:
    """`signal`'s contribution for `reader` over its range, and where `value` sits."""
    spec = SIGNALS[signal]
    here = spec.encode(value)
    high = upper_bound(signal, here)
    if spec.type == "bool":
        grid = np.array([0.0, 1.0])
    elif spec.is_integer and high - spec.low < points:
        grid = np.arange(spec.low, high + 1)
    else:
        grid = np.linspace(spec.low, high, points)
    column = encode_frame(population().profiles)[:, NAMES.index(signal)]
    return Curve(
        signal=signal,
        grid=grid.tolist(),
        contribution=reader.contribution(signal, grid).tolist(),
        value=here,
        here=float(reader.contribution(signal, np.array([here]))[0]),
        expects=float(reader.readings[signal].expects),
        population=np.clip(column, spec.low, high).tolist(),
    )
