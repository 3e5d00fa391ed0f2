"""What went wrong, as a person reads it: an `InputError`'s key and details, worded from the
locale files' `[errors]` table in the person's language.

Numbers are written as the language writes them and choose the plural form
(`{count:row|rows}`), bilingual labels take the language's side, lists read as a list, and a
message starts with a capital and follows the language's typography.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from babel.lists import format_list

from model.errors import Detail, InputError, Phrase
from model.signals import SIGNALS
from words.i18n import USED, Lang, fields, texts
from words.numbers import babel_locale, fill, number, typography

KEYS = "errors."


def explain(error: InputError | Phrase, lang: Lang, codes: bool = True) -> str:
    """The message in `lang`. `codes=False` leaves out a signal's code name after its label
    ("Active weeks (active_weeks_26)" reads "Active weeks"): the app shows labels, while a
    file or a command line needs the name to find the line."""
    text = sentence(_words(error.phrase if isinstance(error, InputError) else error, lang))
    if not codes:
        for name in SIGNALS:
            text = text.replace(f" ({name})", "")
    return typography(text, lang)


def sentence(text: str) -> str:
    """A message that follows a full stop starts with a capital ("… unchanged. Not valid JSON"),
    unless it starts with a file's or a code's name ("peer.toml: …", "'as_of'", "--budget");
    "l'archive" becomes "L'archive"."""
    first = text.split(" ", 1)[0].rstrip(":")
    if first[:1] in "'\"-" or any(c in first for c in "./_\\") or any(c.isdigit() for c in first):
        return text
    return text[:1].upper() + text[1:]


def _words(message: Phrase, lang: Lang) -> str:
    key = KEYS + message.key
    USED.add(key)
    template = texts(lang)[key]
    missing = fields(template) - set(message.values)
    if missing:
        raise KeyError(f"error {message.key!r} needs {', '.join(sorted(missing))}")
    values = {name: (_amount(value), _text(value, lang)) for name, value in message.values.items()}
    return fill(template.replace("{{", "\0").replace("}}", "\1"), lang, **values).replace("\0", "{").replace("\1", "}")


def _amount(value: Detail) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def _text(value: Detail, lang: Lang) -> str:
    if isinstance(value, Phrase):
        return _words(value, lang)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return number(value, lang)
    if isinstance(value, float):
        return _decimal(value, lang)
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return str(value.get(lang) or value.get("en") or "")
    return format_list([_text(item, lang) for item in value], style="standard", locale=babel_locale(lang))


def _decimal(value: float, lang: Lang) -> str:
    """0.5 / 0,5, 0.0001 / 0,0001; a number too large, too small or not finite as Python writes it."""
    if not math.isfinite(value) or abs(value) >= 1e15 or (value != 0 and abs(value) < 1e-6):
        return repr(value)
    if value == int(value):
        return number(value, lang)
    return number(value, lang, decimals=6).rstrip("0")
