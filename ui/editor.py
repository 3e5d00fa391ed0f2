"""The profile page: presets, load and save as JSON, reset, and an editor by situation."""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from model.errors import InputError
from model.presets import presets
from model.profile import loads
from model.signals import SIGNALS, SITUATIONS, Signal, Value, by_situation
from ui import state
from ui.downloads import private_download
from ui.linkedin_import import forget_import, linkedin_import, signals_to_fill_in
from ui.live_reading import live_reading, remember_reading
from words.errors import explain
from words.i18n import Lang, t
from words.numbers import number, typography
from words.readings import value_text


def profile_page() -> None:
    lang = state.lang()
    st.title(t(lang, "profile_title"))
    st.write(t(lang, "profile_intro"))
    state.restore_widgets()
    edit, live = st.columns([5, 2], gap="large")
    with edit:
        if state.session().pop(state.FOCUS_IMPORT, False):
            linkedin_import(lang)
            _sources(lang)
        else:
            _sources(lang)
            linkedin_import(lang)
        _editor(lang)
    with live, st.container(key=state.BOX_LIVE_READING):
        live_reading(lang)


def _sources(lang: Lang) -> None:
    left, right = st.columns([3, 2])
    with left:
        choices = ["", *presets()]
        st.selectbox(
            t(lang, "presets"),
            choices,
            key=state.PRESET_CHOICE,
            format_func=lambda k: t(lang, "preset_none") if not k else presets()[k].name[lang],
            on_change=_apply_preset,
        )
        current = state.session()[state.PRESET]
        if current:
            st.info(typography(f"**{presets()[current].name[lang]}** — {presets()[current].description[lang]}", lang))
        st.button(t(lang, "reset"), on_click=_replace, args=({},), key=state.BUTTON_RESET)
    with right:
        st.file_uploader(t(lang, "upload"), type=["json"], key=state.UPLOAD, help=t(lang, "upload_help"), on_change=_apply_upload)
        if problem := state.session().get(state.UPLOAD_PROBLEM):
            st.error(t(lang, "upload_error", message=explain(problem, lang, codes=False)))
        elif loaded := state.session().get(state.UPLOAD_LOADED):
            st.success(t(lang, "upload_ok", name=loaded))
        document = state.profile().to_json()
        private_download(
            t(lang, "download"),
            lambda: json.dumps(document, ensure_ascii=False, indent=2),
            stem="regards-profile",
            extension="json",
            mime="application/json",
            key=state.BUTTON_DOWNLOAD,
        )


def _replace(values: dict[str, Value], preset: str | None = None) -> None:
    """A preset, a file or a reset replaces the whole profile: an earlier import's summary no longer applies."""
    state.set_signals(values, preset)
    forget_import()


def _apply_preset() -> None:
    choice = state.session().get(state.PRESET_CHOICE)
    if choice:
        _replace(dict(presets()[choice].profile.to_json()["signals"]), choice)


def _apply_upload() -> None:
    """Read the uploaded JSON in memory; on any problem keep the profile as it was."""
    state.session().pop(state.UPLOAD_PROBLEM, None)
    state.session().pop(state.UPLOAD_LOADED, None)
    uploaded = state.session().get(state.UPLOAD)
    if uploaded is None:
        return
    try:
        profile = loads(uploaded.getvalue())
    except InputError as error:
        state.session()[state.UPLOAD_PROBLEM] = error
        return
    _replace(dict(profile.to_json()["signals"]))
    state.session()[state.UPLOAD_LOADED] = uploaded.name


def _editor(lang: Lang) -> None:
    given = state.signals()
    to_fill_in = signals_to_fill_in()
    problems = state.session().get(state.EDITOR_PROBLEMS, {})
    for situation, signals in by_situation().items():
        with st.expander(f"{situation}. {SITUATIONS[situation][lang]}", expanded=True):
            columns = st.columns(3)
            for i, signal in enumerate(signals):
                with columns[i % 3]:
                    _widget(signal, lang)
                    if problem := problems.get(signal.name):
                        st.error(problem)
                    if signal.name in to_fill_in and signal.name not in given:
                        st.caption(f":orange[{t(lang, 'to_fill_in_caption')}]")
                    elif signal.name not in given:
                        st.caption(t(lang, "assumed_caption"))


def label(signal: Signal, lang: Lang) -> str:
    """The label, with the unit when it adds something ("About section (words)", not "Skills listed (skills)")."""
    text, unit = signal.label[lang], signal.unit[lang]
    return text if signal.type == "bool" or unit.lower() in text.lower() else f"{text} ({unit})"


def _widget(signal: Signal, lang: Lang) -> None:
    key = state.widget_key(signal.name)
    changed: dict[str, Any] = {"on_change": _changed, "args": (signal,), "key": key, "help": signal.help[lang]}
    if signal.type == "bool":
        st.toggle(label(signal, lang), **changed)
    elif signal.type == "share":
        st.slider(label(signal, lang), 0, 100, step=1, format="%d\u202f%%" if lang == "fr" else "%d%%", **changed)
    elif signal.type == "weeks":
        st.slider(label(signal, lang), int(signal.low), int(signal.high), step=1, **changed)
    else:
        never = signal.nullable and st.checkbox(
            t(lang, "never_active"), key=state.never_key(signal.name), on_change=_changed, args=(signal,)
        )
        # No bounds on the widget: an empty field or a value out of range gets a message, never a silent 0 or clamp.
        st.number_input(
            label(signal, lang), value=None, step=1, placeholder=t(lang, "empty_placeholder"), disabled=bool(never), **changed
        )


def _changed(signal: Signal) -> None:
    """One field changed: keep it if valid, else say why and keep the value it had."""
    lang = state.lang()
    name = signal.name
    problems: dict[str, str] = state.session().setdefault(state.EDITOR_PROBLEMS, {})
    problems.pop(name, None)
    raw = st.session_state[state.widget_key(name)]
    remember_reading()
    if signal.nullable and st.session_state.get(state.never_key(name)):
        state.set_signal(name, None)
        return
    if raw is None:
        state.unset_signal(name)
        return
    value = state.from_widget(name, raw)
    if problem := _problem(signal, value, lang):
        problems[name] = problem
        st.session_state[state.widget_key(name)] = state.to_widget(name, state.profile().values[name])
        return
    state.set_signal(name, value)


def _problem(signal: Signal, value: Value, lang: Lang) -> str | None:
    """What is wrong with `value` for `signal`, in words, with the valid range; None when it is fine."""
    kept = value_text(signal, state.profile().values[signal.name], lang)
    if not isinstance(value, bool) and value is not None and not signal.low <= float(value) <= signal.high:
        return t(
            lang,
            "editor_out_of_range",
            label=signal.label[lang],
            value=number(float(value), lang),
            low=number(signal.low, lang),
            high=number(signal.high, lang),
            kept=kept,
        )
    given = {**state.signals(), signal.name: value}
    for name, bound in ((n, SIGNALS[n].at_most) for n in given):
        part, whole = given[name], given.get(bound) if bound else None
        if bound and isinstance(part, int | float) and isinstance(whole, int | float) and part > whole:
            return t(
                lang,
                "editor_at_most",
                label=SIGNALS[name].label[lang],
                value=value_text(SIGNALS[name], given[name], lang),
                other=SIGNALS[bound].label[lang].lower(),
                bound=value_text(SIGNALS[bound], given[bound], lang),
                kept=kept,
            )
    return None
