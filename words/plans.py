"""Plans in words: what to do for each step, its effort, and what it gains for each reader."""

from __future__ import annotations

from model.levers import Step
from model.signals import SIGNALS
from words.i18n import Lang, t
from words.numbers import fill
from words.readings import value_text


def describe(step: Step, lang: Lang) -> str:
    """What to do, in words: "Invite 40 people from your field, with a personal note"."""
    signal = SIGNALS[step.signal]
    before, after = step.before, step.after
    if signal.nullable:
        return signal.action[lang]
    down = after is False or (not isinstance(after, bool) and before is not None and float(after) < float(before))
    template = signal.action_down if down else signal.action
    target_text = value_text(signal, after, lang)
    if template is None or not template[lang]:
        return t(lang, "step_generic", label=signal.label[lang].lower(), target=target_text)
    delta = 1.0 if signal.type == "bool" else abs(float(after) - float(before or 0))
    delta_text = value_text(signal, delta, lang)
    amount = float(after) if not isinstance(after, bool) else 1.0
    return fill(template[lang], lang, delta=(delta, delta_text), target=(amount, target_text))
