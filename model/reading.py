"""A reading: how one reader reads one profile, signal by signal, in numbers and in words."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from model.features import encode
from model.profile import Profile
from model.reader import Reader, Readers
from model.signals import NAMES, SIGNALS, Lang, Signal, Value

DEAD_BAND = 0.1
"""Contributions within ±0.1 log-odds (about ±2.5 points of probability near 50%) are neutral."""

FAVOURABLE, UNFAVOURABLE, NEUTRAL = "favourable", "unfavourable", "neutral"


@dataclass(frozen=True)
class Reading:
    persona: str
    context: str | None
    reader_name: str
    question: str
    probability: float
    intercept: float
    logit: float
    contributions: dict[str, float]
    verdicts: dict[str, str]
    assumed: tuple[str, ...]
    sentences: tuple[str, ...]
    signal_sentences: dict[str, str]
    provenance: dict[str, Any]
    lang: Lang
    values: dict[str, Value] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return self.persona if self.context is None else f"{self.persona}/{self.context}"

    def strongest(self, verdict: str, n: int = 3) -> list[str]:
        """The `n` signals of this verdict that weigh most, largest first."""
        chosen = [s for s in NAMES if self.verdicts[s] == verdict]
        return sorted(chosen, key=lambda s: -abs(self.contributions[s]))[:n]

    def to_json(self) -> dict[str, Any]:
        return {
            "persona": self.persona,
            "context": self.context,
            "reader": self.reader_name,
            "question": self.question,
            "probability": self.probability,
            "intercept": self.intercept,
            "logit": self.logit,
            "contributions": self.contributions,
            "verdicts": self.verdicts,
            "assumed": list(self.assumed),
            "sentences": list(self.sentences),
            "provenance": self.provenance,
            "dead_band": DEAD_BAND,
            "lang": self.lang,
        }


def verdict_of(contribution: float) -> str:
    if contribution > DEAD_BAND:
        return FAVOURABLE
    if contribution < -DEAD_BAND:
        return UNFAVOURABLE
    return NEUTRAL


def read(reader: Reader, profile: Profile, lang: Lang = "en") -> Reading:
    """Read `profile` as `reader`: probability, contributions, verdicts and sentences."""
    model = reader.model
    row = encode(profile.values)[0]
    parts = [float(np.interp(row[j], model.knots_[j], model.values_[j])) for j in range(len(NAMES))]
    logit = model.intercept_ + math.fsum(parts)
    contributions = dict(zip(NAMES, parts, strict=True))
    verdicts = {name: verdict_of(c) for name, c in contributions.items()}
    phrases = {name: sentence(SIGNALS[name], profile.values[name], verdicts[name], reader, lang) for name in NAMES}
    ranked = sorted((n for n in NAMES if verdicts[n] != NEUTRAL), key=lambda n: -abs(contributions[n]))
    probability = 1.0 / (1.0 + math.exp(-logit))
    headline = verdict_sentence(reader, probability, lang)
    return Reading(
        persona=reader.persona.id,
        context=reader.context,
        reader_name=reader.name(lang),
        question=reader.persona.question[lang],
        probability=probability,
        intercept=model.intercept_,
        logit=logit,
        contributions=contributions,
        verdicts=verdicts,
        assumed=profile.assumed,
        sentences=(headline, *(phrases[n] for n in ranked)),
        signal_sentences=phrases,
        provenance=reader.provenance(),
        lang=lang,
        values=dict(profile.values),
    )


def read_all(readers: Readers, profile: Profile, lang: Lang = "en") -> list[Reading]:
    """Read `profile` as every reader, in a stable order."""
    return [read(readers.readers[k], profile, lang) for k in sorted(readers.readers)]


def format_value(signal: Signal, value: Value, lang: Lang) -> str:
    """A value as a person reads it: 35 %, 1 200, oui/yes, jamais/never."""
    if value is None:
        return "jamais" if lang == "fr" else "never"
    if signal.type == "bool":
        return ("oui" if value else "non") if lang == "fr" else ("yes" if value else "no")
    if signal.type == "share":
        percent = round(float(value) * 100)
        return f"{percent} %" if lang == "fr" else f"{percent}%"
    number = f"{int(value):,}"
    return number.replace(",", "\u202f") if lang == "fr" else number


def subject(signal: Signal, value: Value, lang: Lang) -> str:
    """The signal and its value as the subject of a sentence ("Vos 180 relations")."""
    if value is None and signal.phrase_null:
        return signal.phrase_null[lang]
    if value is False and signal.phrase_false:
        return signal.phrase_false[lang]
    if value == 0 and signal.type != "bool" and signal.phrase_zero:
        return signal.phrase_zero[lang]
    return signal.phrase[lang].format(value=format_value(signal, value, lang))


def _plural(signal: Signal, value: Value) -> bool:
    return signal.plural and value is not None and value is not False and not (value == 0 and signal.phrase_zero)


_VERBS = {
    ("fr", FAVOURABLE): ("joue en votre faveur", "jouent en votre faveur"),
    ("fr", UNFAVOURABLE): ("joue contre vous", "jouent contre vous"),
    ("fr", NEUTRAL): ("ne change pas grand-chose", "ne changent pas grand-chose"),
    ("en", FAVOURABLE): ("works in your favour", "work in your favour"),
    ("en", UNFAVOURABLE): ("works against you", "work against you"),
    ("en", NEUTRAL): ("makes little difference", "make little difference"),
}


def sentence(signal: Signal, value: Value, verdict: str, reader: Reader, lang: Lang) -> str:
    """ "Vos 180 relations jouent contre vous auprès d'un recruteur : …"."""
    verb = _VERBS[(lang, verdict)][int(_plural(signal, value))]
    why = reader.persona.readings_for(reader.context)[signal.name].why[lang]
    colon = " :" if lang == "fr" else ":"
    return f"{subject(signal, value, lang)} {verb} {reader.persona.reader[lang]}{colon} {why}."


def verdict_sentence(reader: Reader, probability: float, lang: Lang) -> str:
    """The overall reading in words, with its probability."""
    percent = round(probability * 100)
    where = reader.persona.reader[lang]
    if reader.context is not None:
        where += f" ({reader.persona.contexts[reader.context].name[lang].lower()})"
    if lang == "fr":
        tone = "plutôt favorable" if probability >= 0.6 else "plutôt défavorable" if probability <= 0.4 else "partagée"
        return f"Lecture {tone} {where} : {percent} % de chances d'une lecture favorable."
    tone = "rather favourable" if probability >= 0.6 else "rather unfavourable" if probability <= 0.4 else "mixed"
    return f"A {tone} reading {where}: {percent}% chance of a favourable reading."
