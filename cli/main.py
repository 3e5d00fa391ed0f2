"""The `regards` command line. JSON output is the contract the app and other tools build on.

Any bad input exits with status 2 and one line on stderr naming the problem; never a traceback.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, NoReturn

import numpy as np

from cli.edges import load_profile, print_json, read_bytes, whole_argument
from cli.import_linkedin import register as register_import_linkedin
from cli.levers import register as register_levers
from cli.report import register as register_report
from cli.serve import register as register_app
from cli.workshop import register as register_workshop
from model.comparison import differences, disagreements
from model.errors import InputError
from model.judgements import DEFAULT_SEED, DEFAULT_SIZE, JUDGEMENTS_DIR, generate, read_csv, write_all
from model.reader import Reader, default_readers, departures, learn
from model.reading import Reading, read, read_all
from model.signals import SIGNALS
from words.errors import explain
from words.i18n import Lang, t
from words.numbers import signed, typography
from words.readings import basis_text, reading_json, value_text

EXIT_BAD_INPUT = 2


def one_line(text: str) -> str:
    """A message on one line: line breaks (even in a signal name someone typed) become spaces;
    narrow no-break spaces stay."""
    return re.sub(r"[\r\n\t\v\f\x1c-\x1e\x85\u2028\u2029]+", " ", text).strip()


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2, and the help's own
    words (usage, options, -h) in the parser's language; `parser_class(lang)` gives one."""

    lang: Lang = "en"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False
        kwargs.setdefault("formatter_class", _formatter(self.lang))
        super().__init__(*args, **kwargs)
        self._positionals.title = t(self.lang, "cli_help_positionals")
        self._optionals.title = t(self.lang, "cli_help_options")
        self.add_argument("-h", "--help", action="help", help=t(self.lang, "cli_help_help"))

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {one_line(refusal(message, self.lang))}\n")


ARGPARSE_REFUSALS = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "cli_refused_required"),
    (re.compile(r"argument (?P<name>\S+): invalid choice: (?P<given>.+?) \(choose from (?P<choices>.+)\)"), "cli_refused_choice"),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"), "cli_refused_unknown"),
    (re.compile(r"argument (?P<name>\S+): expected one argument"), "cli_refused_one_value"),
)
"""argparse's own refusals (it writes them in English), in the person's language."""


def refusal(message: str, lang: Lang) -> str:
    """argparse's message said in `lang` when it is one of the refusals people meet; any other
    stays as argparse wrote it."""
    for pattern, key in ARGPARSE_REFUSALS:
        found = pattern.fullmatch(message)
        if found:
            return t(lang, key, **found.groupdict())
    return message


@cache
def parser_class(lang: Lang) -> type[_Parser]:
    return type(f"Parser_{lang}", (_Parser,), {"lang": lang})


@cache
def _formatter(lang: Lang) -> type[argparse.HelpFormatter]:
    class Formatter(argparse.HelpFormatter):
        def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
            super().add_usage(usage, actions, groups, prefix if prefix is not None else t(lang, "cli_help_usage") + " ")

    return Formatter


def _reader(args: argparse.Namespace) -> Reader:
    reader = default_readers().get(args.persona, args.context)
    if getattr(args, "judgements", None):
        return learn(reader, read_csv(read_bytes(args.judgements), Path(args.judgements).name))
    return reader


def cmd_personas(args: argparse.Namespace) -> int:
    readers = default_readers()
    personas = {r.persona.id: r.persona for r in readers.readers.values()}
    listing: list[dict[str, Any]] = [
        {
            "id": p.id,
            "name": p.name[args.lang],
            "question": typography(p.question[args.lang], args.lang),
            "description": typography(p.description[args.lang], args.lang),
            "file": f"personas/{p.path.name}",
            "contexts": [
                {"id": c.id, "name": c.name[args.lang], "description": c.description[args.lang]} for c in p.contexts.values()
            ],
            "sources": readers.get(p.id).sources(),
        }
        for p in personas.values()
    ]
    problems = [explain(e, args.lang) for e in readers.problems]
    if args.json:
        print_json({"personas": listing, "problems": problems})
        return 0
    for p in listing:
        print(f"{p['id']:<12} {p['name']} — {p['question']}")
        for c in p["contexts"]:
            print(typography(f"{'':<12}   --context {c['id']}: {c['name']}", args.lang))
    for problem in problems:
        print(t(args.lang, "cli_warning", message=problem), file=sys.stderr)
    return 0 if listing else EXIT_BAD_INPUT


def _print_reading(reading: Reading, lang: Lang) -> None:
    shown = reading_json(reading, lang)
    print(typography(f"{shown['reader']}: {shown['question']}", lang))
    print(f"  {shown['sentences'][0]}")
    print(f"  {shown['standing']}")
    for sentence in shown["sentences"][1:]:
        print(f"  - {sentence}")
    print(f"  {basis_text(reading.reader, lang)}")
    for d in departures(reading.reader)[:5]:
        flip = f" {t(lang, 'cli_reversed')}" if d.reversed else ""
        line = f"{SIGNALS[d.signal].label[lang]}: {signed(d.textbook, lang)} → {signed(d.learned, lang)}{flip}"
        print(f"    {typography(line, lang)}")
    if reading.assumed:
        print(f"  {t(lang, 'assumed_list', names=', '.join(SIGNALS[n].label[lang] for n in reading.assumed))}")


def cmd_read(args: argparse.Namespace) -> int:
    profile = load_profile(args.profile)
    reading = read(_reader(args), profile)
    if args.json:
        print_json(reading_json(reading, args.lang))
        return 0
    _print_reading(reading, args.lang)
    print()
    for name, value in reading.contributions.items():
        shown = value_text(SIGNALS[name], profile.values[name], args.lang)
        print(f"  {SIGNALS[name].label[args.lang]:<34} {shown:>10} {signed(value, args.lang, 2):>7}")
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    readers = default_readers()
    if not readers.readers:
        raise InputError("readers.none", problems=[p.phrase for p in readers.problems])
    readings = read_all(readers, load_profile(args.profile))
    if args.json:
        print_json(
            {
                "readings": [reading_json(r, args.lang) for r in readings],
                "disagreements": [d.to_json() for d in disagreements(readings)],
                "differ": [d.to_json() for d in differences(readings)],
                "problems": [explain(p, args.lang) for p in readers.problems],
            }
        )
        return 0
    for reading in readings:
        _print_reading(reading, args.lang)
        print()
    found = differences(readings)
    if found:
        print(t(args.lang, "cli_differ"))
        for item in found:
            parts = ", ".join(f"{readers.by_key(k).name(args.lang)} {signed(v, args.lang)}" for k, v in item.by_reader.items())
            print(f"  - {t(args.lang, 'cli_differ_line', signal=SIGNALS[item.signal].label[args.lang], parts=parts)}")
    for problem in readers.problems:
        print(t(args.lang, "cli_warning", message=explain(problem, args.lang)), file=sys.stderr)
    return 0


def cmd_judgements_generate(args: argparse.Namespace) -> int:
    """Synthetic judgement sets from the textbook readers: test and benchmark data only."""
    seed = whole_argument(args.seed, "--seed", 0, 2**32 - 1)
    size = whole_argument(args.size, "--size", 1, 1_000_000)
    readers = default_readers()
    if readers.problems:
        raise readers.problems[0]
    sets = {}
    for key, reader in readers.readers.items():

        def logit(X: np.ndarray, reader: Reader = reader) -> np.ndarray:
            return np.asarray(reader.intercept + reader.contributions(X).sum(axis=1), dtype=float)

        frame = generate(logit, reader.persona.disagreement, size, seed)
        sets[key] = (
            frame,
            {
                "persona_file": f"personas/{reader.persona.path.name}",
                "persona_sha256": reader.persona.digest,
                "seed": seed,
                "size": size,
            },
        )
    for path in write_all(sets, Path(args.out)):
        print(path)
    return 0


def _lang(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("--lang", choices=("fr", "en"), default="en", help=t(lang, "cli_help_lang"))


def wanted_lang(argv: Sequence[str]) -> Lang:
    """The language of the help and of argparse's refusals (`refusal`): the `--lang` the command
    line asks for, read before argparse runs (it answers `--help` and refuses arguments before
    it returns)."""
    for index, argument in enumerate(argv):
        if argument == "--lang=fr" or (argument == "--lang" and list(argv[index + 1 : index + 2]) == ["fr"]):
            return "fr"
    return "en"


def build_parser(lang: Lang = "en") -> argparse.ArgumentParser:
    parser = parser_class(lang)(prog="regards", description=t(lang, "cli_help_description"))
    commands = parser.add_subparsers(dest="command", required=True, parser_class=parser_class(lang))

    personas = commands.add_parser("personas", help=t(lang, "cli_help_personas"))
    personas.add_argument("--json", action="store_true", help=t(lang, "cli_help_json"))
    _lang(personas, lang)
    personas.set_defaults(func=cmd_personas)

    reading = commands.add_parser("read", help=t(lang, "cli_help_read"))
    reading.add_argument("profile", metavar="PROFILE.json")
    reading.add_argument("--persona", required=True, help=t(lang, "cli_help_persona"))
    reading.add_argument("--context", default=None, help=t(lang, "cli_help_context"))
    reading.add_argument(
        "--judgements",
        metavar="FILE.csv",
        default=None,
        help=t(lang, "cli_help_judgements_file"),
    )
    reading.add_argument("--json", action="store_true", help=t(lang, "cli_help_json"))
    _lang(reading, lang)
    reading.set_defaults(func=cmd_read)

    compare = commands.add_parser("compare", help=t(lang, "cli_help_compare"))
    compare.add_argument("profile", metavar="PROFILE.json")
    compare.add_argument("--json", action="store_true", help=t(lang, "cli_help_json"))
    _lang(compare, lang)
    compare.set_defaults(func=cmd_compare)

    judgements = commands.add_parser("judgements", help=t(lang, "cli_help_judgements"))
    jcommands = judgements.add_subparsers(dest="action", required=True, parser_class=parser_class(lang))
    generate_cmd = jcommands.add_parser("generate", help=t(lang, "cli_help_generate"))
    generate_cmd.add_argument("--seed", default=str(DEFAULT_SEED))
    generate_cmd.add_argument("--size", default=str(DEFAULT_SIZE))
    generate_cmd.add_argument("--out", default=str(JUDGEMENTS_DIR), help=t(lang, "cli_help_out"))
    generate_cmd.set_defaults(func=cmd_judgements_generate)

    register_import_linkedin(commands, lang)
    register_levers(commands, lang)
    register_workshop(commands, lang)
    register_report(commands, lang)
    register_app(commands, lang)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(wanted_lang(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    lang: Lang = "fr" if getattr(args, "lang", "en") == "fr" else "en"
    try:
        return int(args.func(args))
    except InputError as error:
        print(f"regards: {one_line(explain(error, lang))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0
    except (RecursionError, MemoryError, OverflowError) as error:
        print(f"regards: {t(lang, 'cli_too_large', kind=type(error).__name__)}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
