"""The `regards` command line. JSON output is the contract the app and other tools build on.

Any bad input exits with status 2 and one line on stderr naming the problem; never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from model.cli_io import load_profile, print_json, read_bytes
from model.errors import InputError
from model.judgements import DEFAULT_SEED, DEFAULT_SIZE, JUDGEMENTS_DIR, read_csv, write_all
from model.levers_command import register as register_levers
from model.linkedin.command import register as register_import_linkedin
from model.persona import load_personas
from model.reader import Readers, default_readers, fit
from model.reading import Reading, format_value, read, read_all
from model.signals import SIGNALS

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message}\n")


def _readers(args: argparse.Namespace) -> Readers:
    readers = default_readers()
    if getattr(args, "judgements", None):
        judgements = read_csv(read_bytes(args.judgements), Path(args.judgements).name)
        base = readers.get(args.persona, args.context)
        real = fit(base.persona, base.context, judgements)
        readers = Readers(readers={**readers.readers, real.key: real}, problems=readers.problems)
    return readers


def cmd_personas(args: argparse.Namespace) -> int:
    readers = default_readers()
    personas, _ = load_personas()
    listing = [
        {
            "id": p.id,
            "name": p.name[args.lang],
            "question": p.question[args.lang],
            "description": p.description[args.lang],
            "file": f"personas/{p.path.name}",
            "contexts": [
                {"id": c.id, "name": c.name[args.lang], "description": c.description[args.lang]} for c in p.contexts.values()
            ],
            "sources": p.sources(),
        }
        for p in personas.values()
    ]
    problems = [e.text(args.lang) for e in readers.problems]
    if args.json:
        print_json({"personas": listing, "problems": problems})
        return 0
    for p in listing:
        print(f"{p['id']:<12} {p['name']} — {p['question']}")
        for c in p["contexts"]:
            print(f"{'':<12}   --context {c['id']}: {c['name']}")
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    return 0


def _print_reading(reading: Reading) -> None:
    print(f"{reading.reader_name}: {reading.question}")
    print(f"  {reading.sentences[0]}")
    for sentence in reading.sentences[1:]:
        print(f"  - {sentence}")
    if reading.assumed:
        label = "supposés (valeur typique)" if reading.lang == "fr" else "assumed (typical value)"
        print(f"  {label}: {', '.join(reading.assumed)}")


def cmd_read(args: argparse.Namespace) -> int:
    profile = load_profile(args.profile)
    reading = read(_readers(args).get(args.persona, args.context), profile, args.lang)
    if args.json:
        print_json(reading.to_json())
    else:
        _print_reading(reading)
        print()
        for name, value in reading.contributions.items():
            shown = format_value(SIGNALS[name], profile.values[name], args.lang)
            print(f"  {name:<26} {shown:>10} {value:+.2f}  {reading.verdicts[name]}")
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    readings = read_all(default_readers(), load_profile(args.profile), args.lang)
    if args.json:
        print_json({"readings": [r.to_json() for r in readings]})
    else:
        for reading in readings:
            _print_reading(reading)
            print()
    return 0


def cmd_judgements_generate(args: argparse.Namespace) -> int:
    if args.size < 30:
        raise InputError(
            f"--size {args.size}: at least 30 judgements are needed", fr=f"--size {args.size} : il faut au moins 30 jugements"
        )
    personas, problems = load_personas()
    if problems:
        raise problems[0]
    directory = Path(args.out)
    for path in write_all(personas, directory, args.size, args.seed):
        print(path)
    return 0


def _lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("fr", "en"), default="en", help="language of texts (default: en)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="regards", description="How readers read a professional profile, signal by signal.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    personas = commands.add_parser("personas", help="list the readers and their contexts")
    personas.add_argument("--json", action="store_true", help="print JSON")
    _lang(personas)
    personas.set_defaults(func=cmd_personas)

    reading = commands.add_parser("read", help="read a profile as one reader")
    reading.add_argument("profile", metavar="PROFILE.json")
    reading.add_argument("--persona", required=True, help="reader id (see `regards personas`)")
    reading.add_argument("--context", default=None, help="the reader's context, e.g. communication")
    reading.add_argument(
        "--judgements", metavar="FILE.csv", default=None, help="learn from real judgements (signal columns + verdict)"
    )
    reading.add_argument("--json", action="store_true", help="print JSON")
    _lang(reading)
    reading.set_defaults(func=cmd_read)

    compare = commands.add_parser("compare", help="read a profile as every reader")
    compare.add_argument("profile", metavar="PROFILE.json")
    compare.add_argument("--json", action="store_true", help="print JSON")
    _lang(compare)
    compare.set_defaults(func=cmd_compare)

    judgements = commands.add_parser("judgements", help="synthetic judgement sets")
    jcommands = judgements.add_subparsers(dest="action", required=True, parser_class=_Parser)
    generate = jcommands.add_parser("generate", help="regenerate data/judgements from the persona files")
    generate.add_argument("--seed", type=int, default=DEFAULT_SEED)
    generate.add_argument("--size", type=int, default=DEFAULT_SIZE)
    generate.add_argument("--out", default=str(JUDGEMENTS_DIR), help="output folder (default: data/judgements)")
    generate.set_defaults(func=cmd_judgements_generate)

    register_import_linkedin(commands)
    register_levers(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except InputError as error:
        print(f"regards: {error.text(getattr(args, 'lang', 'en'))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
