"""A workshop in words: a profile described for a participant's phone, the room beside the
textbook reader, and the texts of a room's persona file."""

from __future__ import annotations

from model.profile import Profile
from model.reader import Reader
from model.signals import SIGNALS, SITUATIONS, Signal, Value, by_situation
from model.workshop.room import Comparison, Room
from words.i18n import LANGS, Lang, t
from words.numbers import number, percent
from words.readings import value_text, value_with_unit


def _fact(signal: Signal, value: Value, lang: Lang) -> str:
    """ "About section: 108 words", "Connections: 363" (the unit is left out when the label says it),
    "Connections: 500+" beyond what readers see."""
    label = signal.label[lang]
    said = signal.unit[lang].lower() in label.lower()
    value_said = value_text(signal, value, lang) if said else value_with_unit(signal, value, lang)
    seen = signal.seen_up_to
    if seen is not None and isinstance(value, int | float) and not isinstance(value, bool) and value > seen:
        value_said = value_text(signal, seen, lang) + "+"  # what a reader sees: LinkedIn's "500+"
    return t(lang, "workshop_fact", label=label, value=value_said)


def profile_lines(profile: Profile, lang: Lang) -> list[tuple[str, list[str]]]:
    """A profile as a person reads it on a phone: for each of the seed's five situations, its
    facts ("Connections: 300"), in the catalogue's order."""

    return [
        (SITUATIONS[situation][lang], [_fact(s, profile.values[s.name], lang) for s in signals])
        for situation, signals in by_situation().items()
    ]


def factor_text(ratio: float, lang: Lang) -> str:
    """2.0 → "twice", 3.1 → "3.1 times"."""
    if round(ratio, 1) == 2.0:
        return t(lang, "workshop_twice")
    return t(lang, "workshop_times", factor=number(ratio, lang, 1))


def comparison_text(item: Comparison, lang: Lang) -> str:
    """One signal, the room beside the textbook, as a sentence."""
    label = SIGNALS[item.signal].label[lang].lower()
    if item.kind == "more":
        return t(lang, "workshop_cmp_more", signal=label, factor=factor_text(item.ratio, lang))
    if item.kind == "less":
        return t(lang, "workshop_cmp_less", signal=label, factor=factor_text(1 / item.ratio, lang))
    return t(lang, f"workshop_cmp_{item.kind}", signal=label)


def disagreement_text(found: Room, lang: Lang) -> str:
    return t(lang, "workshop_disagreement", share=percent(found.disagreement, lang), votes=number(found.votes, lang))


def persona_texts(reader: Reader, code: str) -> dict[str, dict[str, str]]:
    """The texts of a room's persona file, both languages."""

    def each(key: str, **values: object) -> dict[str, str]:
        return {lang: t(lang, key, **values) for lang in LANGS}

    return {
        "name": {lang: t(lang, "workshop_persona_name", code=code, reader=reader.name(lang)) for lang in LANGS},
        "reader": {lang: t(lang, "workshop_persona_reader", code=code) for lang in LANGS},
        "description": {
            lang: t(
                lang, "workshop_persona_description", code=code, reader=reader.name(lang), count=number(reader.basis.count, lang)
            )
            for lang in LANGS
        },
        "helps": each("workshop_persona_helps"),
        "hurts": each("workshop_persona_hurts"),
    }


def persona_header(reader: Reader, code: str) -> str:
    return t("en", "workshop_persona_header", code=code, reader=reader.key, count=reader.basis.count)
