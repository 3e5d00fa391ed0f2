"""A reading: how one reader reads one profile, signal by signal, in numbers.

Besides the probability and its exact decomposition, a reading says how sure it can be: the
range the probability spans when assumed signals take the members' values instead of the
typical one (10th–90th percentile, widened by a learned reader's own uncertainty), whether too
much is assumed to give a verdict at all, and where the profile stands among the members this
reader compares it with. Words are the faces' business (`words`).
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from model.profile import Profile
from model.reader import Basis, Reader, Readers
from model.signals import NAMES, Value, encode_frame, encode_row

DEAD_BAND = 0.1
"""Contributions within ±0.1 log-odds (about ±2.5 points of probability near 50 %) are neutral."""
RANGE_QUANTILES = (0.1, 0.9)
Z_80 = 1.2815515655446004
"""The 80 % two-sided normal quantile: a learned reader's band matches the 10th–90th range."""
READABLE_SHARE = 0.5
"""A reading gives no verdict when assumed signals carry more than this share of the reader's weight."""
RANGE_SAMPLE = 2000

Verdict = Literal["favourable", "unfavourable", "neutral"]
FAVOURABLE: Verdict = "favourable"
UNFAVOURABLE: Verdict = "unfavourable"
NEUTRAL: Verdict = "neutral"


@dataclass(frozen=True)
class Reason:
    """One signal read better or worse than the reader expects, and the sources behind it."""

    signal: str
    verdict: Verdict
    contribution: float
    sources: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Reading:
    reader: Reader
    probability: float
    intercept: float
    logit: float
    range: tuple[float, float]
    percentile: float
    readable: bool
    missing: tuple[str, ...]
    contributions: dict[str, float]
    verdicts: dict[str, Verdict]
    reasons: tuple[Reason, ...]
    assumed: tuple[str, ...]
    values: dict[str, Value]

    @property
    def key(self) -> str:
        return self.reader.key

    @property
    def basis(self) -> Basis:
        return self.reader.basis

    def strongest(self, verdict: Verdict, n: int = 3) -> list[Reason]:
        """The `n` reasons of this verdict that weigh most, largest first."""
        return [r for r in self.reasons if r.verdict == verdict][:n]

    def to_json(self) -> dict[str, Any]:
        """The numbers of the contract (`regards read --json`); texts are added by the face."""
        return {
            "persona": self.reader.persona.id,
            "context": self.reader.context.id if self.reader.context else None,
            "probability": self.probability,
            "range": list(self.range),
            "percentile": self.percentile,
            "readable": self.readable,
            "missing": list(self.missing),
            "basis": self.basis.to_json(),
            "intercept": self.intercept,
            "logit": self.logit,
            "contributions": self.contributions,
            "verdicts": self.verdicts,
            "assumed": list(self.assumed),
            "dead_band": DEAD_BAND,
        }


def verdict_of(contribution: float) -> Verdict:
    if contribution > DEAD_BAND:
        return FAVOURABLE
    if contribution < -DEAD_BAND:
        return UNFAVOURABLE
    return NEUTRAL


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


class _Standing:
    """What a reader needs to place a profile among members, computed once per reader."""

    def __init__(self, reader: Reader) -> None:
        compared = encode_frame(reader.comparison().profiles)
        self.sorted_logits = np.sort(reader.intercept + reader.contributions(compared).sum(axis=1))
        from model.population import population

        members = encode_frame(population().profiles)
        sample = np.random.default_rng(7).choice(len(members), size=min(RANGE_SAMPLE, len(members)), replace=False)
        self.member_contributions = reader.contributions(members[np.sort(sample)])
        spread = reader.contributions(members)
        self.weights = spread.max(axis=0) - spread.min(axis=0)


_STANDINGS: weakref.WeakKeyDictionary[Reader, _Standing] = weakref.WeakKeyDictionary()


def standing(reader: Reader) -> _Standing:
    found = _STANDINGS.get(reader)
    if found is None:
        found = _STANDINGS[reader] = _Standing(reader)
    return found


def read(reader: Reader, profile: Profile) -> Reading:
    """Read `profile` as `reader`: probability, its range, where it stands, contributions, reasons."""
    row = encode_row(profile.values)
    parts = reader.contributions(row[None, :])[0]
    logit = reader.intercept + math.fsum(parts)
    place = standing(reader)
    assumed_mask = np.array([name in profile.assumed for name in NAMES])
    low, high = logit, logit
    if assumed_mask.any():
        given = logit - float(parts[assumed_mask].sum())
        spread = given + place.member_contributions[:, assumed_mask].sum(axis=1)
        low, high = (float(q) for q in np.quantile(spread, RANGE_QUANTILES))
        low, high = min(low, logit), max(high, logit)
    sd = reader.shapes.logit_sd(row[None, :])
    if sd is not None:
        low, high = low - Z_80 * float(sd[0]), high + Z_80 * float(sd[0])
    total = float(place.weights.sum())
    weights = dict(zip(NAMES, place.weights, strict=True))
    missing = tuple(sorted((n for n in profile.assumed if weights[n] > 1e-9), key=lambda n: -weights[n]))
    readable = bool(total <= 0 or sum(weights[n] for n in missing) <= READABLE_SHARE * total)
    contributions = dict(zip(NAMES, (float(c) for c in parts), strict=True))
    verdicts = {name: verdict_of(c) for name, c in contributions.items()}
    reasons = tuple(
        Reason(name, verdicts[name], contributions[name], tuple(reader.readings[name].sources))
        for name in sorted(NAMES, key=lambda n: -abs(contributions[n]))
        if verdicts[name] != NEUTRAL and not reader.ignores(name)
    )
    percentile = 100.0 * float(np.searchsorted(place.sorted_logits, logit, side="left")) / len(place.sorted_logits)
    return Reading(
        reader=reader,
        probability=_sigmoid(logit),
        intercept=reader.intercept,
        logit=logit,
        range=(_sigmoid(low), _sigmoid(high)),
        percentile=percentile,
        readable=readable,
        missing=missing if not readable else (),
        contributions=contributions,
        verdicts=verdicts,
        reasons=reasons,
        assumed=profile.assumed,
        values=dict(profile.values),
    )


def read_all(readers: Readers, profile: Profile) -> list[Reading]:
    """Read `profile` as every reader, in a stable order."""
    return [read(readers.readers[k], profile) for k in sorted(readers.readers)]
