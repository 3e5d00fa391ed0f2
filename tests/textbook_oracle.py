"""The textbook reader's shapes computed by hand from the persona files' numbers alone: the
independent computation tests/test_textbook.py and benchmarks/bench_engine.py check the
engine against."""

from __future__ import annotations

import math
import tomllib
from typing import Any

from model.paths import PERSONAS_DIR
from model.signals import SIGNALS


def declared(key: str, signal: str) -> dict[str, Any]:
    """The reading as written in the file (a context's own reading, else the persona's)."""
    persona, _, context = key.partition("/")
    raw = tomllib.loads((PERSONAS_DIR / f"{persona}.toml").read_text("utf-8"))
    if context and signal in raw["contexts"][context].get("signals", {}):
        own: dict[str, Any] = raw["contexts"][context]["signals"][signal]
        return own
    reading: dict[str, Any] = raw["signals"][signal]
    return reading


def by_hand(spec: dict[str, Any], x: float, signal: str) -> float:
    """The declared shape computed independently, from the file's numbers alone."""
    if spec["direction"] == "none":
        return 0.0
    catalogue = SIGNALS[signal]
    log = spec.get("scale") == "log"

    def t(v: float) -> float:
        return math.log1p(max(v, 0.0)) if log else v

    start = float(spec.get("from", catalogue.low))
    end = float(spec.get("until", catalogue.seen_up_to if catalogue.seen_up_to is not None else catalogue.high))

    def score(v: float) -> float:
        v = min(v, catalogue.seen_up_to) if catalogue.seen_up_to is not None else v
        if spec["direction"] in ("up", "down"):
            rise = min(max((t(v) - t(start)) / (t(end) - t(start)), 0.0), 1.0)
            return rise if spec["direction"] == "up" else 1 - rise
        low, high = (float(b) for b in spec["best"])
        rise = 1.0 if t(low) == t(start) else min(max((t(v) - t(start)) / (t(low) - t(start)), 0.0), 1.0)
        fall = 1.0 if t(high) == t(end) else min(max((t(end) - t(v)) / (t(end) - t(high)), 0.0), 1.0)
        return min(rise, fall)

    expects = float(spec["expects"])
    return float(spec["weight"]) * (score(x) - score(expects))
