"""What to change: the session's reader (and any others to move with it), a target, a budget;
the plan as a checklist, applied with one click and undone; optional moves and trade-offs."""

from __future__ import annotations

from typing import Any

import streamlit as st

from model.levers import DEFAULT_BUDGET, DEFAULT_TARGET, Plan, plan
from model.reader import Reader
from model.signals import NAMES, SIGNALS
from ui import state
from ui.readers import session_readers
from words.i18n import Lang, t
from words.numbers import duration, percent, points
from words.plans import step_line
from words.readings import probability_short

SLIDER_TARGETS = (0.5, 0.95, 0.05)
"""The targets the page offers (low, high, step): a coach aims between even odds and near
certainty; the command line takes any target in model.levers.TARGETS."""
SLIDER_BUDGETS = (1.0, 30.0, 1.0)
"""Hours over three months the page offers (the command line takes up to model.levers.MAX_BUDGET)."""


def levers_page() -> None:
    lang = state.lang()
    readers = session_readers().readers
    main = state.session()[state.READER]
    st.title(t(lang, "levers_title"))
    st.write(t(lang, "levers_intro", reader=readers[main].name(lang)))
    others = [k for k in readers if k != main]
    state.session()[state.LEVERS_ALSO] = [k for k in state.session().get(state.LEVERS_ALSO, []) if k in others]
    also = st.multiselect(
        t(lang, state.LEVERS_ALSO),
        others,
        key=state.LEVERS_ALSO,
        format_func=lambda k: readers[k].name(lang),
        placeholder=t(lang, "choose"),
    )
    left, middle, right = st.columns(3)
    lowest, highest, every = SLIDER_TARGETS
    target = left.slider(t(lang, "levers_target"), lowest, highest, DEFAULT_TARGET, every, key=state.LEVERS_TARGET, format="%.2f")
    lowest, highest, every = SLIDER_BUDGETS
    budget = middle.slider(t(lang, "levers_budget"), lowest, highest, DEFAULT_BUDGET, every, key=state.LEVERS_BUDGET)
    trade_offs = right.toggle(t(lang, "levers_allow_trade_offs"), key=state.LEVERS_TRADE_OFFS)
    actionable = [n for n in NAMES if SIGNALS[n].actionable]
    fixed = tuple(
        st.multiselect(
            t(lang, "levers_fixed"),
            actionable,
            key=state.LEVERS_FIXED,
            format_func=lambda n: SIGNALS[n].label[lang],
            placeholder=t(lang, "choose"),
        )
    )
    chosen = {k: readers[k] for k in [main, *also]}
    found = plan(list(chosen.values()), state.profile(), target=target, budget=budget, fixed=fixed, trade_offs=trade_offs)
    _applied(lang, readers)
    _summary(found, chosen, lang)
    for step in found.steps:
        st.markdown("- [ ] " + step_line(step, chosen, lang))
    _buttons(found, lang)
    _moves(t(lang, "levers_optional", remaining=duration(max(budget - found.effort, 0.0), lang)), found.optional, chosen, lang)
    _moves(t(lang, "levers_trade_offs"), found.trade_offs, chosen, lang)


def _summary(found: Plan, chosen: dict[str, Reader], lang: Lang) -> None:
    if found.ask_first:
        st.warning(t(lang, "levers_ask_first", names=", ".join(SIGNALS[n].label[lang] for n in found.ask_first)))
    effort = duration(found.effort, lang)
    goal = percent(found.target, lang)
    if not found.steps:
        st.info(t(lang, "levers_nothing", target=goal) if found.reaches_target else t(lang, "levers_nothing_possible"))
    elif found.reaches_target:
        st.success(t(lang, "levers_reached", effort=effort, target=goal))
    else:
        st.warning(t(lang, "levers_unreached", effort=effort, target=goal))
    columns = st.columns(len(found.readers))
    for column, key in zip(columns, found.readers, strict=True):
        column.metric(
            chosen[key].name(lang),
            probability_short(found.after[key], lang),
            delta=points(found.after[key] - found.before[key], lang),
        )


def _moves(title: str, steps: tuple[Any, ...], chosen: dict[str, Reader], lang: Lang) -> None:
    if steps:
        st.subheader(title)
        for step in steps:
            st.markdown("- " + step_line(step, chosen, lang))


def _buttons(found: Plan, lang: Lang) -> None:
    left, right = st.columns(2)
    left.button(
        t(lang, "levers_apply"),
        key=state.BUTTON_LEVERS_APPLY,
        on_click=_apply,
        args=(found,),
        disabled=not found.steps,
        type="primary",
    )
    right.button(
        t(lang, "levers_undo"),
        key=state.BUTTON_LEVERS_UNDO,
        on_click=_undo,
        disabled=state.LEVERS_APPLIED not in state.session(),
    )


def _applied(lang: Lang, readers: dict[str, Reader]) -> None:
    """After "Apply": what the applied plan did, as it was computed (before → after), until undone."""
    applied = state.session().get(state.LEVERS_APPLIED)
    if not applied:
        return
    lines = [
        t(
            lang,
            "levers_before_after",
            reader=readers[k].name(lang),
            before=percent(applied["before"][k], lang),
            after=percent(applied["after"][k], lang),
        )
        for k in applied["before"]
        if k in readers
    ]
    st.success(t(lang, "levers_applied") + "  \n" + "  \n".join(lines))


def _apply(found: Plan) -> None:
    state.session()[state.LEVERS_APPLIED] = {
        "signals": dict(state.signals()),
        "preset": state.session()[state.PRESET],
        "before": dict(found.before),
        "after": dict(found.after),
    }
    state.set_signals({**state.signals(), **found.changes()})


def _undo() -> None:
    applied = state.session().pop(state.LEVERS_APPLIED)
    state.set_signals(applied["signals"], applied["preset"])
