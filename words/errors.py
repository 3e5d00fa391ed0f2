"""What went wrong, as a person reads it: an `InputError`'s key and details, worded from the
locale files' `[errors]` table in the person's language.

`words.phrases` does the wording (numbers as the language writes them, plurals
`{count:row|rows}`, bilingual labels, lists); a message also starts with a capital, unless it
starts with what the person gave.
"""

from __future__ import annotations

from model.errors import InputError, Phrase
from model.signals import SIGNALS
from words.i18n import Lang, texts
from words.numbers import typography
from words.phrases import words

TABLE = "errors"
KEYS = TABLE + "."


def explain(error: InputError | Phrase, lang: Lang, codes: bool = True) -> str:
    """The message in `lang`, starting with a capital unless it starts with what the person
    gave (a file's name, an option, a value: "x.json: cannot read"). `codes=False` leaves out a
    signal's code name after its label ("Active weeks (active_weeks_26)" reads "Active weeks"):
    the app shows labels, while a file or a command line needs the name to find the line."""
    phrase = error.phrase if isinstance(error, InputError) else error
    text = words(phrase, lang, TABLE)
    if not texts(lang)[KEYS + phrase.key].startswith("{"):
        text = text[:1].upper() + text[1:]
    if not codes:
        for name in SIGNALS:
            text = text.replace(f" ({name})", "")
    return typography(text, lang)
