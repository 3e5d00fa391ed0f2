"""Readings in words: values, reasons (one text per side), the verdict with honest numbers,
where a reader comes from, and the JSON a face prints."""

from __future__ import annotations

from typing import Any

from model.evidence import EVIDENCE
from model.reader import Reader, departures
from model.reading import FAVOURABLE, Reading, Reason
from model.signals import SIGNALS, Signal, Value
from words.i18n import Lang, t
from words.numbers import fill, number, percent, plural_category, typography

SURE = 0.95
"""Beyond 95 % (below 5 %) a probability is said in words, never as 100 % or 0 %."""
TONES = ((0.6, "tone_favourable"), (0.4, "tone_mixed"))


def value_text(signal: Signal, value: Value, lang: Lang) -> str:
    """A value as a person reads it: 35 %, 1 200, oui/yes, jamais/never."""
    if value is None:
        return t(lang, "value_never")
    if signal.type == "bool":
        return t(lang, "value_yes") if value else t(lang, "value_no")
    if signal.type == "share":
        return percent(float(value), lang)
    return number(float(value), lang)


def value_with_unit(signal: Signal, value: Value, lang: Lang) -> str:
    """A count with its unit ("300 connections"); yes, no, never and shares speak for themselves."""
    text = value_text(signal, value, lang)
    if value is None or signal.type in ("bool", "share"):
        return text
    return f"{text} {signal.unit[lang]}"


def subject(signal: Signal, value: Value, lang: Lang) -> str:
    """The signal and its value as the subject of a sentence ("Vos 180 relations")."""
    if value is None and signal.phrase_null:
        return signal.phrase_null[lang]
    if value is False and signal.phrase_false:
        return signal.phrase_false[lang]
    if value == 0 and signal.type != "bool" and signal.phrase_zero:
        return signal.phrase_zero[lang]
    amount = float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 1.0
    return fill(signal.phrase[lang], lang, value=(amount, value_text(signal, value, lang)))


def _plural(signal: Signal, value: Value, lang: Lang) -> bool:
    if not signal.plural or value is None or isinstance(value, bool):
        return False
    if signal.type == "share":  # "your invitations with a note (10 %)": the noun is plural, not the share
        return True
    if value == 0 and signal.phrase_zero:
        return False
    return plural_category(float(value), lang) != "one"


def reason_text(reader: Reader, reason: Reason, value: Value, lang: Lang, assumed: bool = False) -> str:
    """ "Vos 180 relations jouent contre vous auprès d'un recruteur : …" — the reason for its side;
    a value the person did not give is said to be assumed."""
    signal = SIGNALS[reason.signal]
    reading = reader.readings[reason.signal]
    side = reading.helps if reason.verdict == FAVOURABLE else reading.hurts
    verb = t(lang, f"verb_{reason.verdict}_{'many' if _plural(signal, value, lang) else 'one'}")
    why = side[lang] if side is not None else t(lang, "why_learned")
    text = t(lang, "reason", subject=subject(signal, value, lang), verb=verb, reader=reader.persona.reader[lang], why=why)
    return f"{text[:-1]} {t(lang, 'assumed_value')}." if assumed else text


def probability_text(p: float, lang: Lang) -> str:
    """A probability as it may be said: never 100 % or 0 %."""
    if p > SURE:
        return t(lang, "probability_above", share=percent(SURE, lang))
    if p < 1 - SURE:
        return t(lang, "probability_below", share=percent(1 - SURE, lang))
    return percent(p, lang)


def probability_short(p: float, lang: Lang) -> str:
    """A probability for a big number on screen (a metric, a projector): "< 5 %", "> 95 %"; the
    sentence beside it says it in words."""
    if p > SURE:
        return f"> {percent(SURE, lang)}"
    if p < 1 - SURE:
        return f"< {percent(1 - SURE, lang)}"
    return percent(p, lang)


def range_text(reading: Reading, lang: Lang) -> str:
    low, high = reading.range
    if round(low * 100) == round(high * 100):
        return ""
    return t(lang, "range", low=probability_text(low, lang), high=probability_text(high, lang))


def verdict_sentence(reading: Reading, lang: Lang) -> str:
    """The overall reading in words, honest about what is assumed."""
    reader = reading.reader
    where = reader.persona.reader[lang]
    if reader.context is not None:
        where += f" ({reader.context.name[lang].lower()})"
    if not reading.readable:
        names = ", ".join(SIGNALS[n].label[lang] for n in reading.missing[:4])
        return t(lang, "verdict_unreadable", where=where, names=names)
    p = reading.probability
    if p > SURE:
        tone = t(lang, "tone_very_favourable")
    elif p < 1 - SURE:
        tone = t(lang, "tone_very_unfavourable")
    else:
        tone = next((t(lang, key) for bound, key in TONES if p >= bound), t(lang, "tone_unfavourable"))
    text = t(lang, "verdict", tone=tone, where=where, probability=probability_text(p, lang))
    spread = range_text(reading, lang)
    return f"{text[:-1]} {spread}." if spread else text


def standing_text(reading: Reading, lang: Lang) -> str:
    """Where the profile stands among the members this reader compares it with."""
    key = "standing_context" if reading.reader.context is not None and reading.reader.context.compared_with else "standing"
    return t(lang, key, share=percent(reading.percentile / 100, lang))


def basis_text(reader: Reader, lang: Lang) -> str:
    """Which reader this is: the persona file (with its sources), or learned from judgements."""
    if reader.basis.kind == "textbook":
        return t(lang, "basis_textbook", file=f"personas/{reader.persona.path.name}", sources=", ".join(reader.sources()))
    return t(lang, "basis_learned", count=number(reader.basis.count, lang), origin=reader.basis.origin)


def source_tag(source: str, lang: Lang) -> str:
    """A short tag for a source and its strength: "E16 · second-hand"."""
    evidence = EVIDENCE[source]
    if source in ("seed", "assumption"):
        return t(lang, f"source_{source}")
    return f"{source} · {t(lang, 'strength_' + evidence.kind.replace('-', '_'))}"


def reasons(reading: Reading, lang: Lang) -> list[dict[str, Any]]:
    return [
        {
            "signal": r.signal,
            "verdict": r.verdict,
            "text": reason_text(reading.reader, r, reading.values[r.signal], lang, r.signal in reading.assumed),
            "sources": list(r.sources),
        }
        for r in reading.reasons
    ]


def reading_json(reading: Reading, lang: Lang) -> dict[str, Any]:
    """The reading as `regards read --json` prints it: numbers and the texts a person reads."""
    reader = reading.reader
    found = reasons(reading, lang)
    return {
        **reading.to_json(),
        "reader": reader.name(lang),
        "key": reader.key,
        "question": typography(reader.question(lang), lang),
        "sentences": [verdict_sentence(reading, lang), *(r["text"] for r in found)],
        "reasons": found,
        "standing": standing_text(reading, lang),
        "provenance": {
            "persona_file": f"personas/{reader.persona.path.name}",
            "context": reader.context.id if reader.context else None,
            "sources": reader.sources(),
            "basis": basis_text(reader, lang),
            "assumed": list(reading.assumed),
        },
        "departures": [d.to_json() for d in departures(reader)],
        "lang": lang,
    }
