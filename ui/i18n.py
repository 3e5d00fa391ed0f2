"""UI texts, one data file per language (`ui/locales/<lang>.toml`)."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

LOCALES = Path(__file__).resolve().parent / "locales"
LANGS = ("fr", "en")


@cache
def texts(lang: str) -> dict[str, str]:
    return tomllib.loads((LOCALES / f"{lang}.toml").read_text("utf-8"))


def t(lang: str, key: str, **values: object) -> str:
    """The text `key` in `lang`, with `values` filled in. A missing key fails loudly."""
    text = texts(lang)[key]
    return text.format(**values) if values else text
