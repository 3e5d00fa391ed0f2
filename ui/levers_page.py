"""What to change: pick readers and a target, see the plan, apply it with one click, undo."""

from __future__ import annotations

import streamlit as st

from model.levers import Plan, Step, plan_for_reader, plan_for_readers
from model.reading import read
from model.signals import NAMES, SIGNALS
from ui import state
from ui.readers import session_readers
from words.i18n import t
from words.numbers import duration, percent, points
from words.plans import describe

UNDO = "levers_undo_signals"


def levers_page() -> None:
    lang = state.lang()
    readers = session_readers().readers
    st.title(t(lang, "levers_title"))
    st.write(t(lang, "levers_intro"))
    keys = sorted(readers)
    chosen = st.multiselect(
        t(lang, "levers_readers"),
        keys,
        default=[st.session_state[state.READER]],
        key="levers_readers",
        format_func=lambda k: readers[k].name(lang),
    ) or [st.session_state[state.READER]]
    left, right = st.columns(2)
    target = left.slider(t(lang, "levers_target"), 0.5, 0.95, 0.7, 0.05, key="levers_target", disabled=len(chosen) > 1)
    budget = right.slider(t(lang, "levers_budget"), 1.0, 30.0, 10.0, 1.0, key="levers_budget", disabled=len(chosen) == 1)
    actionable = [n for n in NAMES if SIGNALS[n].actionable]
    fixed = tuple(
        st.multiselect(t(lang, "levers_fixed"), actionable, key="levers_fixed", format_func=lambda n: SIGNALS[n].label[lang])
    )
    profile = state.profile()
    picked = [readers[k] for k in chosen]
    plan = (
        plan_for_reader(picked[0], profile, target, fixed)
        if len(picked) == 1
        else plan_for_readers(picked, profile, budget, fixed)
    )
    _summary(plan, lang)
    _steps(plan.steps, lang, readers)
    _buttons(plan, lang)
    if len(picked) > 1:
        _moves(t(lang, "levers_no_regret"), plan.no_regret, lang, readers)
        _moves(t(lang, "levers_trade_offs"), plan.trade_offs, lang, readers)


def _summary(plan: Plan, lang: str) -> None:
    effort = duration(plan.effort, lang)
    if not plan.steps:
        st.info(t(lang, "levers_nothing"))
    elif plan.target is None:
        st.success(t(lang, "levers_budget_plan", effort=effort))
    elif plan.reaches_target:
        st.success(t(lang, "levers_reached", effort=effort))
    else:
        st.warning(t(lang, "levers_unreached", effort=effort))
    readers = session_readers().readers
    columns = st.columns(len(plan.readers))
    for column, key in zip(columns, plan.readers, strict=True):
        column.metric(
            readers[key].name(lang), percent(plan.after[key], lang), delta=points(plan.after[key] - plan.before[key], lang)
        )


def _gains(step: Step, readers: dict, lang: str) -> str:
    return ", ".join(f"{readers[k].name(lang)} {g:+.2f}" for k, g in step.gains.items())


def _steps(steps: tuple[Step, ...], lang: str, readers: dict) -> None:
    for step in steps:
        st.markdown(
            "- "
            + t(
                lang,
                "levers_step",
                text=describe(step, lang),
                effort=duration(step.effort, lang),
                gains=_gains(step, readers, lang),
            )
        )


def _moves(title: str, steps: tuple[Step, ...], lang: str, readers: dict) -> None:
    if steps:
        st.subheader(title)
        _steps(steps, lang, readers)


def _buttons(plan: Plan, lang: str) -> None:
    left, right = st.columns(2)
    left.button(
        t(lang, "levers_apply"), key="levers_apply", on_click=_apply, args=(plan,), disabled=not plan.steps, type="primary"
    )
    right.button(t(lang, "levers_undo"), key="levers_undo", on_click=_undo, disabled=UNDO not in st.session_state)
    if UNDO in st.session_state:
        st.caption(t(lang, "levers_applied"))
        readers = session_readers().readers
        for key in plan.readers:
            st.caption(
                t(
                    lang,
                    "levers_before_after",
                    reader=readers[key].name(lang),
                    before=percent(plan.before[key], lang),
                    after=percent(read(readers[key], state.profile()).probability, lang),
                )
            )


def _apply(plan: Plan) -> None:
    st.session_state[UNDO] = (dict(state.signals()), st.session_state[state.PRESET])
    state.set_signals({**state.signals(), **plan.changes()})


def _undo() -> None:
    signals, preset = st.session_state.pop(UNDO)
    state.set_signals(signals, preset)
