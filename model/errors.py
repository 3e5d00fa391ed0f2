"""The one exception type for input a person can fix, and the phrases its messages are made of.

An `InputError` is raised anywhere in `model/` and caught at the edges (the command line, the
app). It does not hold text: it names what went wrong with a key (`profile.not_json`) and the
details that fill it in (`line=3`). Every message is written once per language in
`words/locales/<lang>.toml`, under `[errors]`, where `words.errors.explain` finds it: the domain
says what is wrong, the faces say it in the person's language. A test reads every key raised
here and checks that both languages have it, with the details each text needs.

A detail is a number (written as the language writes numbers, and choosing plurals), a date
(written in words: 20 November 2026), a string shown as it is (a file's name, a value found in
it), a bilingual label (`{"en": …, "fr": …}`), a list of those, or a `Phrase`: a smaller message
used inside a larger one ("expected a number"). Other tables of the locale files hold phrases
too (`[linkedin]`: where an imported signal comes from); whoever renders one names its table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeAlias

Detail: TypeAlias = "str | int | float | dt.date | Mapping[str, str] | Phrase | Sequence[str | int | float | dt.date | Mapping[str, str] | Phrase]"


@dataclass(frozen=True)
class Phrase:
    """A key of a locale table (`[errors]` for an `InputError`) and the details that fill it in."""

    key: str
    values: Mapping[str, Detail] = field(default_factory=dict)

    def __str__(self) -> str:
        details = ", ".join(f"{name}={_plain(value)}" for name, value in self.values.items())
        return f"{self.key}({details})" if details else self.key


def phrase(key: str, /, **values: Detail) -> Phrase:
    """`Phrase("expected.finite")` with the details as keywords, as `InputError` takes them."""
    return Phrase(key, values)


class InputError(ValueError):
    """Bad input: a profile, a persona file, a judgements CSV, an export, an argument.

    `str(error)` is for developers and logs (the key and the details); a person reads
    `words.errors.explain(error, lang)`.
    """

    def __init__(self, key: str, /, **values: Detail) -> None:
        self.phrase = Phrase(key, values)
        super().__init__(str(self.phrase))

    @property
    def key(self) -> str:
        return self.phrase.key

    @property
    def values(self) -> Mapping[str, Detail]:
        return self.phrase.values


def _plain(value: Detail) -> str:
    if isinstance(value, Mapping):
        return repr(value.get("en", next(iter(value.values()), "")))
    if isinstance(value, Phrase):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (str, int, float)):
        return repr(value)
    return "[" + ", ".join(_plain(item) for item in value) + "]"
