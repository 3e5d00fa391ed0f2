"""Plans in words: what to do for each step, its effort, what it gains for each reader in points
of probability, and whether it only lessens a penalty."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from model.levers import Plan, Step
from model.reader import Reader
from model.signals import SIGNALS
from words.i18n import Lang, t
from words.numbers import duration, fill, points
from words.readings import value_text


def describe(step: Step, lang: Lang) -> str:
    """What to do, in words: "Invite 40 people from your field, with a personal note"."""
    signal = SIGNALS[step.signal]
    before, after = step.before, step.after
    if signal.nullable:
        return signal.action[lang]
    down = after is False or (
        not isinstance(after, bool) and before is not None and after is not None and float(after) < float(before)
    )
    template = signal.action_down if down else signal.action
    target_text = value_text(signal, after, lang)
    if template is None or not template[lang]:
        return t(lang, "step_generic", label=signal.label[lang].lower(), target=target_text)
    delta = 1.0 if signal.type == "bool" else abs(float(after or 0) - float(before or 0))
    delta_text = value_text(signal, delta, lang)
    amount = float(after) if isinstance(after, int | float) and not isinstance(after, bool) else 1.0
    return fill(template[lang], lang, delta=(delta, delta_text), target=(amount, target_text))


class Named(Protocol):
    def name(self, lang: Lang) -> str: ...


def gains_text(step: Step, readers: Mapping[str, Named], lang: Lang) -> str:
    """ "Recruiter — Communications role +19 pts, Peer +4 pts" (readers it does not move left out)."""
    moved = [(key, p) for key, p in step.points.items() if round(p * 100) != 0]
    return ", ".join(f"{readers[key].name(lang)} {points(p, lang)}" for key, p in moved)


def still_below_text(step: Step, readers: Mapping[str, Named], lang: Lang) -> str:
    """A step that only lessens a penalty says so."""
    if not step.still_below:
        return ""
    names = ", ".join(readers[key].name(lang) for key in step.still_below)
    return t(lang, "step_still_below", readers=names)


def step_line(step: Step, readers: Mapping[str, Named], lang: Lang) -> str:
    """One line of a plan: the action, its effort, its gains, and what remains below expectations."""
    text = t(
        lang, "step_line", text=describe(step, lang), effort=duration(step.effort, lang), gains=gains_text(step, readers, lang)
    )
    note = still_below_text(step, readers, lang)
    return f"{text} {note}" if note else text


def plan_json(plan: Plan, readers: dict[str, Reader], lang: Lang) -> dict[str, object]:
    """The plan as `regards levers --json` prints it: numbers and the texts a person reads."""
    document = plan.to_json()
    for key, steps in (
        ("steps", plan.steps),
        ("optional", plan.optional),
        ("no_regret", plan.optional),
        ("trade_offs", plan.trade_offs),
    ):
        for shown, step in zip(document[key], steps, strict=True):
            shown["text"] = describe(step, lang)
            shown["line"] = step_line(step, readers, lang)
    document["reader_names"] = {key: readers[key].name(lang) for key in plan.readers}
    return document
