"""`regards levers`: what to change, for one reader or several at once."""

from __future__ import annotations

import argparse

from cli.edges import load_profile, print_json
from model.errors import InputError
from model.levers import DEFAULT_BUDGET, DEFAULT_TARGET, Plan, Step, plan_for_reader, plan_for_readers
from model.reader import Reader, Readers, default_readers
from words.i18n import Lang
from words.numbers import duration, percent, points
from words.plans import describe


def register(commands: argparse._SubParsersAction) -> None:  # noqa: SLF001 - argparse's own type
    levers = commands.add_parser("levers", help="the least-effort changes that move one reader, or several at once")
    levers.add_argument("profile", metavar="PROFILE.json")
    levers.add_argument(
        "--persona", action="append", required=True, help="reader id, repeatable; recruiter/communication for a context"
    )
    levers.add_argument("--context", default=None, help="context of a single --persona, e.g. communication")
    levers.add_argument("--target", default=str(DEFAULT_TARGET), help="probability to reach with one reader (default 0.7)")
    levers.add_argument("--budget", default=str(DEFAULT_BUDGET), help="hours to spend with several readers (default 10)")
    levers.add_argument("--fixed", action="append", default=[], metavar="SIGNAL", help="a signal you will not change, repeatable")
    levers.add_argument("--json", action="store_true", help="print JSON")
    levers.add_argument("--lang", choices=("fr", "en"), default="en", help="language of texts (default: en)")
    levers.set_defaults(func=run)


def chosen_readers(readers: Readers, personas: list[str], context: str | None) -> list[Reader]:
    """Readers named `persona` or `persona/context`; `--context` applies to a single persona."""
    if context is not None and len(personas) > 1:
        raise InputError(
            "--context goes with a single --persona; write persona/context for several",
            fr="--context va avec un seul --persona ; écrivez persona/contexte pour plusieurs",
        )
    found = []
    for name in personas:
        persona, _, own_context = name.partition("/")
        found.append(readers.get(persona, own_context or context))
    return found


def _finite(text: str, name: str, low: float, high: float) -> float:
    """A number argument within [low, high]: inf, nan and 1e308 get a message, not a traceback."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:
        raise InputError(
            f"{name} {text!r}: expected a number from {low:g} to {high:g}",
            fr=f"{name} {text!r} : attendu un nombre de {low:g} à {high:g}",
        )
    return value


def run(args: argparse.Namespace) -> int:
    profile = load_profile(args.profile)
    readers = chosen_readers(default_readers(), args.persona, args.context)
    fixed = tuple(args.fixed)
    if len(readers) == 1:
        plan = plan_for_reader(readers[0], profile, _finite(args.target, "--target", 0.01, 0.99), fixed)
    else:
        plan = plan_for_readers(readers, profile, _finite(args.budget, "--budget", 0.0, 1000.0), fixed)
    if args.json:
        document = plan.to_json()
        for key in ("steps", "no_regret", "trade_offs"):
            for step, shown in zip(getattr(plan, key), document[key], strict=True):
                shown["text"] = describe(step, args.lang)
        print_json(document)
    else:
        print_plan(plan, args.lang, {r.key: r for r in readers})
    return 0


def _gains(step: Step, readers: dict[str, Reader], lang: Lang) -> str:
    return ", ".join(f"{readers[k].name(lang)} {g:+.2f}" for k, g in step.gains.items())


def print_plan(plan: Plan, lang: Lang, readers: dict[str, Reader]) -> None:
    fr = lang == "fr"
    for key in plan.readers:
        change = points(plan.after[key] - plan.before[key], lang)
        print(f"{readers[key].name(lang)}: {percent(plan.before[key], lang)} → {percent(plan.after[key], lang)} ({change})")
    if plan.target is not None:
        if plan.reaches_target:
            status = "cible atteinte" if fr else "target reached"
        else:
            status = (
                "cible hors d'atteinte en trois mois : voici le mieux possible"
                if fr
                else "target out of reach in three months: here is the best possible plan"
            )
        print(f"{status} ({percent(plan.target, lang)})")
    print(f"effort{' :' if fr else ':'} {duration(plan.effort, lang)}")
    for step in plan.steps:
        print(f"  - {describe(step, lang)} ({duration(step.effort, lang)}; {_gains(step, readers, lang)})")
    for title, steps in (
        ("sans regret" if fr else "no-regret moves", plan.no_regret),
        ("arbitrages" if fr else "trade-offs", plan.trade_offs),
    ):
        if steps:
            print(f"{title}{' :' if fr else ':'}")
            for step in steps:
                print(f"  - {describe(step, lang)} ({_gains(step, readers, lang)})")
