"""What went wrong, as a person reads it: an `InputError`'s key and details, worded from the
locale files' `[errors]` table in the person's language.

`words.phrases` does the wording (numbers as the language writes them, plurals
`{count:row|rows}`, bilingual labels, lists); a message also starts with a capital.
"""

from __future__ import annotations

from model.errors import InputError, Phrase
from model.signals import SIGNALS
from words.i18n import Lang
from words.numbers import typography
from words.phrases import words

TABLE = "errors"
KEYS = TABLE + "."


def explain(error: InputError | Phrase, lang: Lang, codes: bool = True) -> str:
    """The message in `lang`. `codes=False` leaves out a signal's code name after its label
    ("Active weeks (active_weeks_26)" reads "Active weeks"): the app shows labels, while a
    file or a command line needs the name to find the line."""
    text = sentence(words(error.phrase if isinstance(error, InputError) else error, lang, TABLE))
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
