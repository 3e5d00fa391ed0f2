"""`regards workshop`: create a workshop, export what its room said, end it.

The trainer's secret: `create` prints the trainer's link (`trainer_url`), which carries the
session code and the secret. `export` and `end` take that link in place of the code, or the
code with `--secret`, or the code with the secret in `REGARDS_WORKSHOP_SECRET` (so it stays out
of the shell's history). The command line and the app use the same store
(`REGARDS_DATABASE_URL`, else the SQLite file in `REGARDS_DATA_DIR` or the user's data folder).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from cli.edges import number_argument, print_json, whole_argument
from model.errors import InputError
from model.reader import default_readers
from model.workshop.design import DEFAULT_PROFILES
from model.workshop.links import DEFAULT_BASE_URL, join_url, parse_trainer_url, trainer_url
from model.workshop.room import persona_document, persona_toml
from model.workshop.service import create, trainer
from model.workshop.store import DEFAULT_LIFETIME, LONGEST_LIFETIME, MAX_PROFILES, Store
from words.i18n import Lang, t
from words.numbers import date
from words.workshop import persona_header, persona_texts

SECRET_ENV = "REGARDS_WORKSHOP_SECRET"


def register(commands: argparse._SubParsersAction[Any], lang: Lang) -> None:  # noqa: SLF001 - argparse's own type
    from cli.main import parser_class

    workshop = commands.add_parser("workshop", help=t(lang, "cli_help_workshop"))
    actions = workshop.add_subparsers(dest="action", required=True, parser_class=parser_class(lang))

    make = actions.add_parser("create", help=t(lang, "cli_help_create"))
    make.add_argument("--reader", required=True, help=t(lang, "cli_help_reader"))
    make.add_argument("--context", default=None, help=t(lang, "cli_help_context"))
    make.add_argument("--profiles", default=str(DEFAULT_PROFILES), help=t(lang, "cli_help_profiles", default=DEFAULT_PROFILES))
    make.add_argument("--scale", choices=("yes_no", "scale_5"), default="yes_no", help=t(lang, "cli_help_scale"))
    make.add_argument("--days", default=str(DEFAULT_LIFETIME.days), help=t(lang, "cli_help_days", default=DEFAULT_LIFETIME.days))
    make.add_argument("--base-url", default=DEFAULT_BASE_URL, help=t(lang, "cli_help_base_url", default=DEFAULT_BASE_URL))
    make.add_argument("--json", action="store_true", help=t(lang, "cli_help_json"))
    make.add_argument("--lang", choices=("fr", "en"), default="fr", help=t(lang, "cli_help_workshop_lang"))
    make.set_defaults(func=run_create)

    export = actions.add_parser("export", help=t(lang, "cli_help_export"))
    _session_arguments(export, lang)
    export.add_argument("--format", choices=("csv", "persona"), default="csv", help=t(lang, "cli_help_export_format"))
    export.add_argument("-o", "--output", default=None, metavar="FILE", help=t(lang, "cli_help_export_output"))
    export.set_defaults(func=run_export)

    end = actions.add_parser("end", help=t(lang, "cli_help_end"))
    _session_arguments(end, lang)
    end.set_defaults(func=run_end)


def _session_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("session", metavar="CODE|TRAINER_URL", help=t(lang, "cli_help_session"))
    parser.add_argument("--secret", default=None, help=t(lang, "cli_help_secret", variable=SECRET_ENV))
    parser.add_argument("--lang", choices=("fr", "en"), default="en", help=t(lang, "cli_help_messages_lang"))


def _credentials(args: argparse.Namespace) -> tuple[str, str]:
    if "?" in args.session:
        return parse_trainer_url(args.session)
    secret = args.secret or os.environ.get(SECRET_ENV, "")
    if not secret:
        raise InputError("workshop.secret_needed", code=args.session, variable=SECRET_ENV)
    return args.session, secret


def run_create(args: argparse.Namespace) -> int:
    persona, _, context = args.reader.partition("/")
    reader = default_readers().get(persona, context or args.context)
    count = whole_argument(args.profiles, "--profiles", 1, MAX_PROFILES)
    days = number_argument(args.days, "--days", 0.01, LONGEST_LIFETIME.days)
    store = Store()
    made = create(store, reader, profiles=int(count), lang=args.lang, scale=args.scale, days=days)
    session = made.session
    links = {
        "join_url": join_url(args.base_url, session.code),
        "trainer_url": trainer_url(args.base_url, session.code, made.secret),
    }
    shown: dict[str, object] = {
        "code": session.code,
        "reader": session.reader,
        "lang": session.lang,
        "scale": session.scale,
        "profiles": len(session.profiles),
        **links,
        "expires_at": session.expires_at.isoformat(),
        "store": store.url,
    }
    if args.json:
        print_json(shown)
        return 0
    lang = args.lang
    print(t(lang, "cli_workshop_code", code=session.code, reader=reader.name(lang), count=len(session.profiles)))
    print(t(lang, "cli_workshop_join", url=links["join_url"]))
    print(t(lang, "cli_workshop_trainer", url=links["trainer_url"]))
    print(t(lang, "cli_workshop_until", date=date(session.expires_at.date(), lang)))
    return 0


def run_export(args: argparse.Namespace) -> int:
    code, secret = _credentials(args)
    store = Store()
    held = trainer(store, code, secret)
    if args.format == "csv":
        text = held.csv()
    else:
        found = held.room(default_readers(), compare=False)
        persona_id = Path(args.output).stem if args.output else f"workshop_{held.session.code.lower()}"
        texts = persona_texts(found.textbook, held.session.code)
        text = persona_toml(persona_document(found.reader, persona_id, texts), persona_header(found.textbook, held.session.code))
    if args.output:
        try:
            Path(args.output).write_text(text, "utf-8")
        except OSError as error:
            raise InputError("workshop.cannot_write", file=args.output, reason=error.strerror or type(error).__name__) from None
    else:
        sys.stdout.write(text)
    return 0


def run_end(args: argparse.Namespace) -> int:
    code, secret = _credentials(args)
    Store().end(code, secret)
    print(t(args.lang, "cli_workshop_ended", code=code))
    return 0
