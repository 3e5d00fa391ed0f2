"""Profiles worth judging: a dozen contrasting members whose verdicts identify a room's reader.

A room judges few profiles (a dozen), each many times (once per participant). Which dozen
matters: twelve typical members all read alike and teach the room's reader little; twelve
members that differ where the reader might differ tell it apart from the textbook quickly.

`choose` is a greedy Bayesian D-optimal design over a candidate pool drawn from the population
(seeded): the room's reader is learned by `model.reader.learn`, whose coefficients are an
intercept, one scale per signal (times the textbook shape) and smooth corrections (ramps at the
population's knots), each with its prior penalty. The design picks, one at a time, the
candidate that most increases the log-determinant of the posterior precision

    M = diag(penalties) + votes_per_profile × Σ p(1 − p) f fᵀ

(f: the candidate's row of the learner's design, p: the textbook's probability for it), by the
matrix determinant lemma and Sherman–Morrison updates: the gain of a candidate is
log(1 + n p(1 − p) fᵀ M⁻¹ f). Profiles the textbook reads as certain (p near 0 or 1) carry
little information, as do profiles like those already chosen.

`at_random` draws as many members at random: the baseline `benchmarks/bench_workshop.py`
measures the design against.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import expit

from model.population import draw
from model.reader import Reader, learner, population_knots
from model.signals import NAMES, SIGNALS, encode_frame

DEFAULT_PROFILES = 12
DEFAULT_SEED = 20261124
POOL = 3000
"""Candidates drawn from the population: enough to hold contrasting members for every signal."""
VOTES_PER_PROFILE = 160
"""How much a profile's verdicts weigh against the prior in the design. From a sweep (2, 5, 20,
40, 80, 160) in benchmarks/bench_workshop.py's simulated rooms: the larger, the closer to a plain
D-optimal design on the signals' scales, and the faster both readers were recovered (at 20, the
size of a real room, the communications recruiter was recovered no faster than the textbook
for the first 120 votes). Chosen on that benchmark's truth: a tuned figure, not a law."""


def design_rows(reader: Reader, X: np.ndarray) -> np.ndarray:
    """The rows the learner's coefficients multiply for encoded profiles `X`: [1, the textbook's
    contributions, the ramps of the corrections at the population's knots]."""
    ramps = []
    for j, knots in enumerate(population_knots()):
        k = np.asarray(knots)
        if len(k) >= 2:
            ramps.append(np.clip((X[:, j, None] - k[:-1]) / np.diff(k), 0.0, 1.0))
    return np.hstack([np.ones((len(X), 1)), reader.textbook.contributions(X), *ramps])


def prior_penalties(reader: Reader, width: int) -> np.ndarray:
    """The learner's penalties, in the order of `design_rows`' columns."""
    model = learner(reader)
    n = len(NAMES)
    penalties: np.ndarray = np.r_[model.alpha_intercept, np.full(n, model.alpha_scale), np.full(width - 1 - n, model.alpha)]
    return penalties


def candidates(seed: int = DEFAULT_SEED, pool: int = POOL) -> pd.DataFrame:
    """Members drawn from the population, as a person would describe them: shares rounded to
    5 points (a phone shows "35 %", not "34.7 %")."""
    frame = draw(pool, seed)
    for name in NAMES:
        if SIGNALS[name].type == "share":
            frame[name] = (frame[name] * 20).round() / 20
    return frame.drop_duplicates().reset_index(drop=True)


def choose(
    reader: Reader,
    count: int = DEFAULT_PROFILES,
    *,
    seed: int = DEFAULT_SEED,
    pool: int = POOL,
    votes_per_profile: int = VOTES_PER_PROFILE,
) -> pd.DataFrame:
    """`count` members that identify the room's reader with the fewest votes (greedy D-optimal).

    Each candidate's spread f·M⁻¹·f is computed once, then lowered by the rank-one update the
    chosen member makes to M⁻¹ (Sherman–Morrison): O(candidates × width) a step, not × width²."""
    frame = candidates(seed, pool)
    X = encode_frame(frame)
    F = design_rows(reader, X)
    p = expit(reader.textbook.intercept + reader.textbook.contributions(X).sum(axis=1))
    w = votes_per_profile * p * (1.0 - p)
    M_inv = np.diag(1.0 / prior_penalties(reader, F.shape[1]))
    spread = ((F @ M_inv) * F).sum(axis=1)
    chosen: list[int] = []
    for _ in range(min(count, len(frame))):
        gain = np.log1p(w * spread)
        gain[chosen] = -np.inf
        best = int(np.argmax(gain))
        chosen.append(best)
        f = F[best]
        u = M_inv @ f
        shrink = w[best] / (1.0 + w[best] * (f @ u))
        M_inv -= np.outer(u, u) * shrink
        spread -= shrink * (F @ u) ** 2
    return frame.iloc[chosen].reset_index(drop=True)


def at_random(count: int = DEFAULT_PROFILES, *, seed: int = DEFAULT_SEED, pool: int = POOL) -> pd.DataFrame:
    """`count` members drawn at random from the same candidates (the benchmark's baseline)."""
    frame = candidates(seed, pool)
    rows = np.random.default_rng([seed, 2]).choice(len(frame), size=min(count, len(frame)), replace=False)
    return frame.iloc[rows].reset_index(drop=True)


__all__ = ["DEFAULT_PROFILES", "at_random", "candidates", "choose", "design_rows"]
