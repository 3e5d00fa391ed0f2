"""`regards levers`: what to change, for one reader or several at once."""

from __future__ import annotations

import argparse

from model.cli_io import load_profile, print_json
from model.errors import InputError
from model.levers import DEFAULT_BUDGET, DEFAULT_TARGET, Plan, plan_for_reader, plan_for_readers
from model.reader import Reader, Readers, default_readers


def register(commands: argparse._SubParsersAction) -> None:  # noqa: SLF001 - argparse's own type
    levers = commands.add_parser("levers", help="the least-effort changes that move one reader, or several at once")
    levers.add_argument("profile", metavar="PROFILE.json")
    levers.add_argument(
        "--persona", action="append", required=True, help="reader id, repeatable; recruiter/communication for a context"
    )
    levers.add_argument("--context", default=None, help="context of a single --persona, e.g. communication")
    levers.add_argument("--target", type=float, default=DEFAULT_TARGET, help="probability to reach with one reader (default 0.7)")
    levers.add_argument("--budget", type=float, default=DEFAULT_BUDGET, help="hours to spend with several readers (default 10)")
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


def run(args: argparse.Namespace) -> int:
    profile = load_profile(args.profile)
    readers = chosen_readers(default_readers(), args.persona, args.context)
    fixed = tuple(args.fixed)
    if len(readers) == 1:
        plan = plan_for_reader(readers[0], profile, args.target, fixed, args.lang)
    else:
        plan = plan_for_readers(readers, profile, args.budget, fixed, args.lang)
    if args.json:
        print_json(plan.to_json())
    else:
        print_plan(plan, args.lang)
    return 0


def print_plan(plan: Plan, lang: str) -> None:
    fr = lang == "fr"
    for key in plan.readers:
        print(f"{key}: {plan.before[key]:.0%} → {plan.after[key]:.0%}")
    if plan.target is not None:
        status = (
            ("cible atteinte" if plan.reaches_target else "cible hors d'atteinte en trois mois : voici le mieux possible")
            if fr
            else (
                "target reached" if plan.reaches_target else "target out of reach in three months: here is the best possible plan"
            )
        )
        print(f"{status} ({plan.target:.0%})")
    print(f"{'effort' if not fr else 'effort'}: {plan.effort:g} h")
    for step in plan.steps:
        gains = ", ".join(f"{k} {g:+.2f}" for k, g in step.gains.items())
        print(f"  - {step.text} ({step.effort:g} h; {gains})")
    for title, steps in (
        ("sans regret" if fr else "no-regret moves", plan.no_regret),
        ("arbitrages" if fr else "trade-offs", plan.trade_offs),
    ):
        if steps:
            print(f"{title}:")
            for step in steps:
                gains = ", ".join(f"{k} {g:+.2f}" for k, g in step.gains.items())
                print(f"  - {step.text} ({gains})")
