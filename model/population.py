"""A synthetic population of profiles, drawn from `data/population.toml` with a fixed seed.

The population gives each signal its typical value (what a missing signal is assumed to be,
and where contributions are centred), the distributions drawn under shape curves, and the
profiles that synthetic judgements are made on.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy import special

from model.errors import InputError
from model.paths import DATA_DIR
from model.signals import NAMES, SIGNALS, Value

PARAMETERS = DATA_DIR / "population.toml"


@dataclass(frozen=True)
class Population:
    """Drawn profiles (one column per signal; `days_since_last_activity` NaN = never active)."""

    profiles: pd.DataFrame
    typical: dict[str, Value]
    source: str


def load_parameters(path: Path = PARAMETERS) -> dict[str, Any]:
    try:
        raw = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise InputError("population.unreadable", file=str(path), detail=str(error)) from None
    missing = [name for name in NAMES if name not in raw.get("signals", {})]
    if missing:
        raise InputError("population.missing", file=str(path), count=len(missing), names=", ".join(missing))
    return raw


def draw(size: int, seed: int, parameters: dict[str, Any] | None = None) -> pd.DataFrame:
    """Draw `size` profiles from the population parameters, reproducibly from `seed`."""
    params = parameters or load_parameters()
    rng = np.random.default_rng(seed)
    factors = params["factors"]
    latent = rng.standard_normal((size, len(factors)))
    columns: dict[str, np.ndarray] = {}
    for name in NAMES:
        spec = params["signals"][name]
        if spec["distribution"] == "recency":
            continue
        loadings = np.array([spec.get("loadings", {}).get(f, 0.0) for f in factors])
        noise_scale = np.sqrt(max(1.0 - float(loadings @ loadings), 0.05))
        score = latent @ loadings + noise_scale * rng.standard_normal(size)
        u = special.ndtr(score / np.sqrt(loadings @ loadings + noise_scale**2))
        columns[name] = _quantile(spec, u, SIGNALS[name].low, SIGNALS[name].high)
    frame = pd.DataFrame(columns)
    _make_consistent(frame, params.get("consistency", {}))
    for name in NAMES:
        if params["signals"][name]["distribution"] == "recency":
            frame[name] = _recency(frame, params["signals"][name], rng)
    for name in NAMES:
        if SIGNALS[name].type == "bool":
            frame[name] = frame[name].astype(bool)
        elif SIGNALS[name].at_most is not None:
            frame[name] = np.minimum(frame[name], frame[SIGNALS[name].at_most])
    return frame[list(NAMES)]


def _quantile(spec: dict[str, Any], u: np.ndarray, low: float, high: float) -> np.ndarray:
    """Map uniform scores `u` onto the signal's distribution (inverse CDF)."""
    kind = spec["distribution"]
    eps = 1e-12
    if kind == "bernoulli":
        return np.asarray(u > 1.0 - spec["p_true"], dtype=float)
    if kind == "beta":
        return np.clip(special.betaincinv(spec["a"], spec["b"], u), low, high)
    p_zero = spec.get("p_zero", 0.0)
    rest = np.clip((u - p_zero) / (1.0 - p_zero), eps, 1.0 - eps)
    if kind in ("lognormal", "zero_lognormal"):
        values = np.exp(np.log(spec["median"]) + spec["sigma"] * special.ndtri(rest))
        values = np.maximum(np.round(values), 1.0)
    elif kind == "zero_beta":
        values = special.betaincinv(spec["a"], spec["b"], rest)
        if high > 1.0:
            values = np.maximum(np.ceil(values * high), 1.0)
    else:
        raise InputError("population.distribution", kind=str(kind))
    values = np.where(u <= p_zero, 0.0, values)
    return np.clip(values, low, high)


def _make_consistent(frame: pd.DataFrame, rules: dict[str, Any]) -> None:
    """Enforce what real profiles cannot contradict (`[consistency]` in the parameters)."""
    for name, parts in rules.get("at_most_sum", {}).items():
        frame[name] = np.minimum(frame[name], frame[list(parts)].sum(axis=1))
    for name, counts in rules.get("at_least_one", {}).items():
        active = frame[list(counts)].sum(axis=1) > 0
        frame[name] = np.where(active, np.maximum(frame[name], 1), frame[name])


def _recency(frame: pd.DataFrame, spec: dict[str, Any], rng: np.random.Generator) -> np.ndarray:
    """Days since the last activity, from regularity and the recent counts: the more regular,
    the more recent; active in the window when any count is positive; long silences lognormal;
    some members never active at all (NaN)."""
    weeks = frame[spec["weeks"]].to_numpy()
    active = frame[list(spec["counts"])].sum(axis=1).to_numpy() > 0
    window, half_year = int(spec["window_days"]), float(spec["half_year_days"])
    size = len(frame)
    recent = np.floor(rng.exponential(1.0, size) * half_year / np.maximum(weeks, 1) / 2.0)
    recent = np.where(active, np.minimum(recent, window - 1), np.minimum(recent + window, half_year - 1))
    lapsed = half_year + np.floor(rng.lognormal(np.log(spec["lapsed"]["median"]), spec["lapsed"]["sigma"], size))
    never = rng.random(size) < spec["p_never"]
    return np.where(weeks > 0, recent, np.where(never, np.nan, lapsed))


def typical_values(profiles: pd.DataFrame) -> dict[str, Value]:
    """The population's typical profile: medians, the most common boolean, rounded integers."""
    typical: dict[str, Value] = {}
    for name in NAMES:
        signal = SIGNALS[name]
        column = profiles[name]
        if signal.type == "bool":
            typical[name] = bool(column.mean() >= 0.5)
        elif signal.is_integer:
            typical[name] = int(round(float(column.median())))
        else:
            typical[name] = round(float(column.median()), 2)
    return typical


@cache
def population() -> Population:
    """The reference population, drawn once per process from the fixed seed."""
    params = load_parameters()
    profiles = draw(int(params["size"]), int(params["seed"]), params)
    return Population(profiles=profiles, typical=typical_values(profiles), source=str(PARAMETERS.name))


@cache
def segment(name: str) -> Population:
    """A segment of members (e.g. communications candidates): the population's parameters with
    the segment's own for some signals (`[segments.<name>]` in data/population.toml)."""
    params = load_parameters()
    segments = params.get("segments", {})
    if name not in segments:
        raise InputError("population.segment", name=name, segments=", ".join(segments))
    merged = {
        **params,
        "signals": {k: {**v, **segments[name].get("signals", {}).get(k, {})} for k, v in params["signals"].items()},
    }
    profiles = draw(int(params["size"]), int(params["seed"]) + 1, merged)
    return Population(profiles=profiles, typical=typical_values(profiles), source=f"{PARAMETERS.name} [segments.{name}]")
