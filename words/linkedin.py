"""The LinkedIn import as a person reads it: where each signal comes from and what to know about
the archive, worded from the locale files' `[linkedin]` table (`model.linkedin.derive` says
them as `Phrase`s, with numbers and dates as details)."""

from __future__ import annotations

from typing import Any

from model.errors import Phrase
from model.linkedin.derive import ImportResult
from words.i18n import LANGS, Lang
from words.phrases import say

TABLE = "linkedin"


def _say(phrase: Phrase, lang: Lang) -> str:
    """A source or a note of the import, in `lang`."""
    return say(phrase, lang, TABLE)


def source(result: ImportResult, name: str, lang: Lang) -> str:
    """Where the signal `name` comes from ("Connections.csv: 1,200 rows")."""
    return _say(result.sources[name], lang)


def notes(result: ImportResult, lang: Lang) -> list[str]:
    """What a person should know about the archive, one text per note."""
    return [_say(note, lang) for note in result.notes]


def import_json(result: ImportResult) -> dict[str, Any]:
    """What the import found, as JSON, its texts in every language: `sources` as
    `{signal: {"en": …, "fr": …}}` and `notes` as `[{"en": …, "fr": …}]`."""
    return {
        "profile": result.to_profile_json(),
        "sources": {name: _in_every_language(phrase) for name, phrase in result.sources.items()},
        "files_found": result.files_found,
        "files_missing": result.files_missing,
        "counts": result.counts,
        "date_range": [d.isoformat() for d in result.date_range] if result.date_range else None,
        "to_fill_in": result.to_fill_in,
        "estimates": result.estimates,
        "notes": [_in_every_language(note) for note in result.notes],
        "complete": result.complete,
    }


def _in_every_language(phrase: Phrase) -> dict[str, str]:
    return {lang: _say(phrase, lang) for lang in sorted(LANGS)}
