"""The profile page: presets, load and save as JSON, reset, and an editor by situation."""

from __future__ import annotations

import json

import streamlit as st

from model.errors import InputError
from model.presets import presets
from model.profile import loads
from model.signals import SITUATIONS, Signal, Value, by_situation
from ui import state
from ui.downloads import private_download
from ui.linkedin_import import forget_import, linkedin_import, signals_to_fill_in
from words.i18n import t


def profile_page() -> None:
    lang = state.lang()
    st.title(t(lang, "profile_title"))
    st.write(t(lang, "profile_intro"))
    state.restore_widgets()
    _sources(lang)
    linkedin_import(lang)
    _editor(lang)


def _sources(lang: str) -> None:
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
        current = st.session_state[state.PRESET]
        if current:
            st.info(f"**{presets()[current].name[lang]}** — {presets()[current].description[lang]}")
        st.button(t(lang, "reset"), on_click=_replace, args=({},), key="reset")
    with right:
        st.file_uploader(t(lang, "upload"), type=["json"], key="upload", help=t(lang, "upload_help"), on_change=_apply_upload)
        if problem := st.session_state.get("upload_problem"):
            st.error(t(lang, "upload_error", message=problem))
        elif loaded := st.session_state.get("upload_loaded"):
            st.success(t(lang, "upload_ok", name=loaded))
        document = state.profile().to_json()
        private_download(
            t(lang, "download"),
            lambda: json.dumps(document, ensure_ascii=False, indent=2),
            stem="regards-profile",
            extension="json",
            mime="application/json",
            key="download",
        )


def _replace(values: dict[str, Value], preset: str | None = None) -> None:
    """A preset, a file or a reset replaces the whole profile: an earlier import's summary no longer applies."""
    state.set_signals(values, preset)
    forget_import()


def _apply_preset() -> None:
    choice = st.session_state.get(state.PRESET_CHOICE)
    if choice:
        _replace(dict(presets()[choice].profile.to_json()["signals"]), choice)


def _apply_upload() -> None:
    """Read the uploaded JSON in memory; on any problem keep the profile as it was."""
    st.session_state.pop("upload_problem", None)
    st.session_state.pop("upload_loaded", None)
    uploaded = st.session_state.get("upload")
    if uploaded is None:
        return
    try:
        profile = loads(uploaded.getvalue())
    except InputError as error:
        st.session_state["upload_problem"] = error.text(state.lang())
        return
    _replace(dict(profile.to_json()["signals"]))
    st.session_state["upload_loaded"] = uploaded.name


def _editor(lang: str) -> None:
    given = state.signals()
    to_fill_in = signals_to_fill_in()
    for situation, signals in by_situation().items():
        with st.expander(f"{situation}. {SITUATIONS[situation][lang]}", expanded=True):
            columns = st.columns(3)
            for i, signal in enumerate(signals):
                with columns[i % 3]:
                    _widget(signal, lang)
                    if signal.name in to_fill_in and signal.name not in given:
                        st.caption(f":orange[{t(lang, 'to_fill_in_caption')}]")
                    elif signal.name not in given:
                        st.caption(t(lang, "assumed_caption"))


def label(signal: Signal, lang: str) -> str:
    """The label, with the unit when it adds something ("About section (words)", not "Skills listed (skills)")."""
    text, unit = signal.label[lang], signal.unit[lang]
    return text if signal.type == "bool" or unit.lower() in text.lower() else f"{text} ({unit})"


def _widget(signal: Signal, lang: str) -> None:
    key = state.widget_key(signal.name)
    changed = {"on_change": _changed, "args": (signal,), "key": key, "help": signal.help[lang]}
    if signal.type == "bool":
        st.toggle(label(signal, lang), **changed)
    elif signal.type == "share":
        st.slider(label(signal, lang), 0, 100, step=1, format="%d %%", **changed)
    elif signal.type == "weeks":
        st.slider(label(signal, lang), int(signal.low), int(signal.high), step=1, **changed)
    else:
        never = signal.nullable and st.checkbox(
            t(lang, "never_active"), key=state.never_key(signal.name), on_change=_changed, args=(signal,)
        )
        st.number_input(label(signal, lang), int(signal.low), int(signal.high), step=1, disabled=bool(never), **changed)


def _changed(signal: Signal) -> None:
    value = state.from_widget(signal.name, st.session_state[state.widget_key(signal.name)])
    if signal.nullable and st.session_state.get(state.never_key(signal.name)):
        value = None
    state.set_signal(signal.name, value)
