"""A `Phrase` as a person reads it: a key of one of the locale files' tables, worded in the
person's language with its details filled in.

The errors (`[errors]`, through `words.errors.explain`) and the LinkedIn import's sources and
notes (`[linkedin]`, through `words.linkedin`) are written this way. Numbers are written as the
language writes them and choose the plural form (`{count:row|rows}`), dates read in words,
bilingual labels take the language's side, lists read as a list, a phrase inside a phrase comes
from the same table, and the text follows the language's typography.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping

from babel.lists import format_list

from model.errors import Detail, Phrase
from words.i18n import Lang, template
from words.numbers import amount, babel_locale, date, fill, number, typography


def say(message: Phrase, lang: Lang, table: str) -> str:
    """The phrase `message`, a key of the locale files' `[table]`, in `lang`."""
    return typography(words(message, lang, table), lang)


def words(message: Phrase, lang: Lang, table: str) -> str:
    """The phrase in words, for a caller that changes it further before its own typography pass
    (`explain` starts it with a capital and may leave out code names)."""
    text = template(lang, f"{table}.{message.key}", message.values)
    values = {name: (amount(value), _text(value, lang, table)) for name, value in message.values.items()}
    return fill(text, lang, **values)


def _text(value: Detail, lang: Lang, table: str) -> str:
    if isinstance(value, Phrase):
        return words(value, lang, table)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return number(value, lang)
    if isinstance(value, float):
        return _decimal(value, lang)
    if isinstance(value, str):
        return value
    if isinstance(value, dt.date):
        return date(value, lang)
    if isinstance(value, Mapping):
        return str(value.get(lang) or value.get("en") or "")
    return format_list([_text(item, lang, table) for item in value], style="standard", locale=babel_locale(lang))


def _decimal(value: float, lang: Lang) -> str:
    """0.5 / 0,5, 0.0001 / 0,0001; a number too large, too small or not finite as Python writes it."""
    if not math.isfinite(value) or abs(value) >= 1e15 or (value != 0 and abs(value) < 1e-6):
        return repr(value)
    if value == int(value):
        return number(value, lang)
    return number(value, lang, decimals=6).rstrip("0")
