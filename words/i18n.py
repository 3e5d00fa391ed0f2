"""UI texts, one data file per language (`words/locales/<lang>.toml`), looked up strictly.

A key that does not exist, or a value a text needs and did not get, fails loudly; every key
looked up is recorded in `USED` so tests can check that no locale key is left unused.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from model.signals import LANGS as LANGS
from model.signals import Lang as Lang

LOCALES = Path(__file__).resolve().parent / "locales"
USED: set[str] = set()


@cache
def texts(lang: Lang) -> dict[str, str]:
    """Every text of `lang`, a table's keys joined with dots (`[errors.profile] not_json` is
    `errors.profile.not_json`)."""
    return dict(_flat(tomllib.loads((LOCALES / f"{lang}.toml").read_text("utf-8"))))


def _flat(table: dict[str, object], prefix: str = "") -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for key, value in table.items():
        if isinstance(value, dict):
            pairs.extend(_flat(value, f"{prefix}{key}."))
        else:
            pairs.append((prefix + key, str(value)))
    return pairs


def fields(text: str) -> set[str]:
    """The names a text fills in ("{count} judgements" needs count)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def t(lang: Lang, key: str, **values: object) -> str:
    """The text `key` in `lang`, with `values` filled in and French typography applied.
    `{count:profile|profiles}` takes the form CLDR's plural rules choose for the number `count`."""
    from words.numbers import amount, fill, typography

    text = template(lang, key, values)
    if not values:
        return typography(text, lang)
    return fill(text, lang, **{name: (amount(value), str(value)) for name, value in values.items()})


def template(lang: Lang, key: str, given: Iterable[str]) -> str:
    """The text `key` in `lang` as written, recorded as used; a KeyError names what it needs
    that `given` lacks."""
    USED.add(key)
    text = texts(lang)[key]
    missing = fields(text) - set(given)
    if missing:
        raise KeyError(f"locale key {key!r} needs {', '.join(sorted(missing))}")
    return text
