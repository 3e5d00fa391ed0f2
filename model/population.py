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
from model.signals import NAMES, SIGNALS, Value

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
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
        raise InputError(f"{path}: cannot read population parameters: {error}") from None
    missing = [name for name in NAMES if name not in raw.get("signals", {})]
    if missing:
        raise InputError(f"{path}: no parameters for signals {', '.join(missing)}")
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
        if spec["distribution"] == "derived":
            continue
        loadings = np.array([spec.get("loadings", {}).get(f, 0.0) for f in factors])
        noise_scale = np.sqrt(max(1.0 - float(loadings @ loadings), 0.05))
        score = latent @ loadings + noise_scale * rng.standard_normal(size)
        u = special.ndtr(score / np.sqrt(loadings @ loadings + noise_scale**2))
        columns[name] = _quantile(spec, u, SIGNALS[name].low, SIGNALS[name].high)
    frame = pd.DataFrame(columns)
    _make_consistent(frame, params["signals"]["days_since_last_activity"], rng)
    frame["has_photo"] = frame["has_photo"].astype(bool)
    frame["has_headline"] = frame["has_headline"].astype(bool)
    return frame[list(NAMES)]


def _quantile(spec: dict[str, Any], u: np.ndarray, low: float, high: float) -> np.ndarray:
    """Map uniform scores `u` onto the signal's distribution (inverse CDF)."""
    kind = spec["distribution"]
    eps = 1e-12
    if kind == "bernoulli":
        return (u > 1.0 - spec["p_true"]).astype(float)
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
        raise InputError(f"population parameters: unknown distribution '{kind}'")
    values = np.where(u <= p_zero, 0.0, values)
    return np.clip(values, low, high)


def _make_consistent(frame: pd.DataFrame, days_spec: dict[str, Any], rng: np.random.Generator) -> None:
    """Enforce what real profiles cannot contradict, and derive the last-activity date."""
    frame["press_contacts"] = np.minimum(frame["press_contacts"], frame["connections"])
    frame["company_posts_90d"] = np.minimum(frame["company_posts_90d"], frame["posts_90d"] + frame["shares_90d"])
    counts = frame[["posts_90d", "shares_90d", "comments_90d", "reactions_90d"]].sum(axis=1)
    active_90 = counts > 0
    frame["active_weeks_26"] = np.where(active_90, np.maximum(frame["active_weeks_26"], 1), frame["active_weeks_26"])
    weeks = frame["active_weeks_26"].to_numpy()
    size = len(frame)
    # Active recently: the more regular, the more recent the last activity.
    recent = np.floor(rng.exponential(1.0, size) * 182.0 / np.maximum(weeks, 1) / 2.0)
    recent = np.where(active_90, np.minimum(recent, 89), np.minimum(recent + 90, 181))
    lapsed = 182 + np.floor(rng.lognormal(np.log(300), 0.8, size))
    never = rng.random(size) < days_spec["p_never"]
    days = np.where(weeks > 0, recent, np.where(never, np.nan, lapsed))
    frame["days_since_last_activity"] = days


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
