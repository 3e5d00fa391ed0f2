"""`regards report`: the report a client takes home, as a standalone HTML file or an A4 PDF."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from cli.edges import load_profile, number_argument
from cli.levers import chosen_readers
from model.errors import InputError
from model.levers import DEFAULT_TARGET, TARGETS
from model.reader import default_readers
from report.content import build
from report.html import render as render_html
from report.pdf import render as render_pdf
from words.i18n import Lang, t

FORMATS = ("html", "pdf")


def register(commands: argparse._SubParsersAction[Any], lang: Lang) -> None:  # noqa: SLF001 - argparse's own type
    report = commands.add_parser("report", help=t(lang, "cli_help_report"))
    report.add_argument("profile", metavar="PROFILE.json")
    report.add_argument(
        "--persona",
        action="append",
        default=None,
        help=t(lang, "cli_help_report_personas"),
    )
    report.add_argument("--target", default=str(DEFAULT_TARGET), help=t(lang, "cli_help_report_target", default=DEFAULT_TARGET))
    report.add_argument("--format", default="html", help=t(lang, "cli_help_format"))
    report.add_argument("--lang", choices=("fr", "en"), default="en", help=t(lang, "cli_help_lang"))
    report.add_argument("-o", "--output", required=True, metavar="FILE", help=t(lang, "cli_help_output"))
    report.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.format not in FORMATS:
        raise InputError("report.unknown_format", shown=repr(args.format))
    target = number_argument(args.target, "--target", *TARGETS)
    readers = default_readers()
    chosen = chosen_readers(readers, args.persona, None) if args.persona else list(readers.readers.values())
    if not chosen:
        raise InputError("readers.none", problems=[p.phrase for p in readers.problems])
    profile = load_profile(args.profile)
    output = None if args.output == "-" else _writable(args.output)
    report = build(profile, chosen, args.lang, target)
    data = render_pdf(report) if args.format == "pdf" else render_html(report)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        try:
            output.write_bytes(data)
        except OSError as error:
            raise _cannot_write(args.output, error) from None
    return 0


def _writable(path: str) -> Path:
    """Check the output can be written before the work of building the report."""
    target = Path(path)
    if target.is_dir():
        raise InputError("report.is_a_folder", file=path)
    if not target.parent.is_dir():
        raise InputError("report.no_folder", file=path, folder=str(target.parent))
    if not os.access(target if target.exists() else target.parent, os.W_OK):
        raise InputError("report.permission_denied", file=path)
    return target


def _cannot_write(path: str, error: OSError) -> InputError:
    return InputError("report.cannot_write", file=path, reason=error.strerror or type(error).__name__)
