"""`regards levers`: what to change, for one reader or several at once."""

from __future__ import annotations

import argparse
from typing import Any

from cli.edges import load_profile, number_argument, print_json
from model.errors import InputError
from model.levers import DEFAULT_BUDGET, DEFAULT_TARGET, MAX_BUDGET, TARGETS, Plan, plan
from model.reader import Reader, Readers, default_readers
from model.signals import SIGNALS
from words.i18n import Lang, t
from words.numbers import duration, percent, points
from words.plans import plan_json, step_line


def register(commands: argparse._SubParsersAction[Any], lang: Lang) -> None:  # noqa: SLF001 - argparse's own type
    levers = commands.add_parser("levers", help=t(lang, "cli_help_levers"))
    levers.add_argument("profile", metavar="PROFILE.json")
    levers.add_argument("--persona", action="append", required=True, help=t(lang, "cli_help_personas_repeatable"))
    levers.add_argument("--context", default=None, help=t(lang, "cli_help_levers_context"))
    levers.add_argument("--target", default=str(DEFAULT_TARGET), help=t(lang, "cli_help_target", default=DEFAULT_TARGET))
    levers.add_argument("--budget", default=str(DEFAULT_BUDGET), help=t(lang, "cli_help_budget", default=f"{DEFAULT_BUDGET:g}"))
    levers.add_argument("--fixed", action="append", default=[], metavar="SIGNAL", help=t(lang, "cli_help_fixed"))
    levers.add_argument("--trade-offs", action="store_true", help=t(lang, "cli_help_trade_offs"))
    levers.add_argument("--json", action="store_true", help=t(lang, "cli_help_json"))
    levers.add_argument("--lang", choices=("fr", "en"), default="en", help=t(lang, "cli_help_lang"))
    levers.set_defaults(func=run)


def chosen_readers(readers: Readers, personas: list[str], context: str | None) -> list[Reader]:
    """Readers named `persona` or `persona/context`; `--context` applies to a single persona."""
    if context is not None and len(personas) > 1:
        raise InputError("levers.context_needs_one_persona")
    found = []
    for name in personas:
        persona, _, own_context = name.partition("/")
        found.append(readers.get(persona, own_context or context))
    return found


def run(args: argparse.Namespace) -> int:
    profile = load_profile(args.profile)
    readers = chosen_readers(default_readers(), args.persona, args.context)
    target = number_argument(args.target, "--target", *TARGETS)
    budget = number_argument(args.budget, "--budget", 0.0, MAX_BUDGET)
    found = plan(readers, profile, target=target, budget=budget, fixed=tuple(args.fixed), trade_offs=args.trade_offs)
    by_key = {r.key: r for r in readers}
    if args.json:
        print_json(plan_json(found, by_key, args.lang))
    else:
        print_plan(found, args.lang, by_key)
    return 0


def print_plan(found: Plan, lang: Lang, readers: dict[str, Reader]) -> None:
    """The plan in words, with the same texts as the app's checklist."""
    for key in found.readers:
        before, after = percent(found.before[key], lang), percent(found.after[key], lang)
        print(
            t(
                lang,
                "cli_plan_reader",
                reader=readers[key].name(lang),
                before=before,
                after=after,
                change=points(found.after[key] - found.before[key], lang),
            )
        )
    if found.ask_first:
        print(t(lang, "cli_plan_ask_first", names=", ".join(SIGNALS[n].label[lang] for n in found.ask_first)))
    key = "cli_plan_reached" if found.reaches_target else "cli_plan_unreached"
    print(t(lang, key, target=percent(found.target, lang), effort=duration(found.effort, lang)))
    for step in found.steps:
        print(f"  - {step_line(step, readers, lang)}")
    for title, steps in (("cli_plan_optional", found.optional), ("cli_plan_trade_offs", found.trade_offs)):
        if steps:
            print(t(lang, title))
            for step in steps:
                print(f"  - {step_line(step, readers, lang)}")
