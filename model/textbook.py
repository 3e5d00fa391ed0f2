"""The textbook reader: a persona file's declared shapes, evaluated exactly and fast.

Each signal's contribution is `weight × (score(x) − score(expects))`, the score rising (or
falling, or rising then falling) linearly — on a log scale where the file says so — between
where the signal starts and stops mattering. Nothing is fitted: what the file says is what the
reader reads, and a coach can check it line by line against its sources. The arrays below
evaluate every signal of many profiles at once (the same formula as `SignalReading.score`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from model.persona import SignalReading
from model.signals import NAMES

_UP, _DOWN, _MIDDLE, _NONE = 0, 1, 2, 3
_KIND = {"up": _UP, "down": _DOWN, "middle": _MIDDLE, "none": _NONE}


class TextbookShapes:
    """The additive reader a persona file declares: intercept 0 (a profile exactly as expected
    reads 50 %), one exact shape per signal."""

    intercept: float = 0.0

    def __init__(self, readings: Mapping[str, SignalReading]) -> None:
        ordered = [readings[name] for name in NAMES]
        self.readings = tuple(ordered)
        self._log = np.array([r.scale == "log" for r in ordered])
        self._kind = np.array([_KIND[r.direction] for r in ordered])
        self._weight = np.array([0.0 if r.ignored else r.weight for r in ordered])
        start = np.array([r.start for r in ordered])
        end = np.array([r.end for r in ordered])
        low = np.array([r.best[0] if r.best else r.start for r in ordered])
        high = np.array([r.best[1] if r.best else r.end for r in ordered])
        self._a, self._b = self._t(start), self._t(end)
        middle = self._kind == _MIDDLE
        self._rise_end = np.where(middle, self._t(low), self._b)
        self._fall_start = np.where(middle, self._t(high), self._b)
        self._at_expected = self._score(np.array([[r.expects for r in ordered]]))[0]

    def _t(self, x: np.ndarray) -> np.ndarray:
        return np.where(self._log, np.log1p(np.maximum(x, 0.0)), x)

    def _score(self, X: np.ndarray) -> np.ndarray:
        t = self._t(X)
        with np.errstate(divide="ignore", invalid="ignore"):
            span = self._rise_end - self._a
            rise = np.where(span > 0, np.clip((t - self._a) / span, 0.0, 1.0), (t >= self._a).astype(float))
            span = self._b - self._fall_start
            fall = np.where(span > 0, np.clip((self._b - t) / span, 0.0, 1.0), (t <= self._b).astype(float))
        score = np.where(self._kind == _DOWN, 1.0 - rise, rise)
        score = np.where(self._kind == _MIDDLE, np.minimum(rise, fall), score)
        return np.where(self._kind == _NONE, 0.0, score)

    def contributions(self, X: np.ndarray) -> np.ndarray:
        """Each signal's contribution for encoded profiles `X` (n, n_signals)."""
        return np.asarray(self._weight * (self._score(np.asarray(X, dtype=float)) - self._at_expected), dtype=float)

    def logit_sd(self, X: np.ndarray) -> None:
        """A textbook reader states its reading; it has no uncertainty of its own to report."""
        return None
