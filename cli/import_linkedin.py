"""`regards import-linkedin`: a LinkedIn export ZIP to the profile JSON `regards read` takes."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from cli.edges import print_json, read_bytes
from model.errors import InputError
from model.linkedin.derive import ImportResult, import_export
from model.signals import SIGNALS
from words.i18n import Lang, t
from words.linkedin import notes, source
from words.numbers import date
from words.readings import value_text


def register(commands: argparse._SubParsersAction[Any], lang: Lang) -> None:  # noqa: SLF001 - argparse's own type
    command = commands.add_parser("import-linkedin", help=t(lang, "cli_help_import"))
    command.add_argument("export", metavar="EXPORT.zip")
    command.add_argument("--as-of", default=None, metavar="YYYY-MM-DD", help=t(lang, "cli_help_as_of"))
    command.add_argument("--json", action="store_true", help=t(lang, "cli_help_import_json"))
    command.add_argument("--lang", choices=("fr", "en"), default="en", help=t(lang, "cli_help_lang"))
    command.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    as_of = None
    if args.as_of:
        try:
            as_of = dt.date.fromisoformat(args.as_of)
        except ValueError:
            raise InputError("linkedin.as_of_not_a_date", shown=repr(args.as_of)) from None
    result = import_export(read_bytes(args.export), as_of)
    if args.json:
        print_json(result.to_profile_json())
    else:
        print_summary(result, args.lang)
    return 0


def print_summary(result: ImportResult, lang: Lang) -> None:
    """The import in words, with the same texts the app shows."""
    print(t(lang, "cli_import_as_of", date=date(result.as_of, lang)))
    print(t(lang, "linkedin_files", files=", ".join(f"{k} ({v})" for k, v in result.counts.items())))
    if result.files_missing:
        print(t(lang, "linkedin_missing", files=", ".join(result.files_missing)))
    if result.date_range:
        print(t(lang, "linkedin_dates", first=date(result.date_range[0], lang), last=date(result.date_range[1], lang)))
    for name, value in result.signals.items():
        print(f"  {SIGNALS[name].label[lang]:<32} {value_text(SIGNALS[name], value, lang):>8}  ← {source(result, name, lang)}")
    if result.to_fill_in:
        print(t(lang, "linkedin_to_fill", names=", ".join(SIGNALS[n].label[lang] for n in result.to_fill_in)))
    for name, value in result.estimates.items():
        print(t(lang, "linkedin_estimate", label=SIGNALS[name].label[lang], value=value_text(SIGNALS[name], value, lang)))
    for note in notes(result, lang):
        print("! " + note)
    print()
    print(t(lang, "cli_import_save"))
