"""The LinkedIn export import on the profile page: upload or sample, then what was found.

The archive is read in memory by `model.linkedin` and dropped at once (the uploader is
replaced by a fresh one); only the derived counts stay, in this session.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

import streamlit as st

from model.errors import InputError
from model.linkedin import import_export
from model.paths import DATA_DIR
from model.signals import SIGNALS, Value
from ui import state
from ui.plain import plain
from words.errors import explain
from words.i18n import Lang, t
from words.linkedin import import_json
from words.numbers import date
from words.readings import value_text

SAMPLE = DATA_DIR / "samples" / "sample_export.zip"
SUMMARY: Final = state.LINKEDIN_SUMMARY
PROBLEM: Final = state.LINKEDIN_PROBLEM
GENERATION: Final = state.LINKEDIN_GENERATION
PENDING: Final = state.LINKEDIN_PENDING
UNDO: Final = state.LINKEDIN_UNDO
UNDONE: Final = state.LINKEDIN_UNDONE
READING_PAGE = "views/reading.py"


def linkedin_import(lang: Lang) -> None:
    st.subheader(t(lang, "linkedin_title"))
    st.caption(t(lang, "linkedin_help"))
    generation = state.session().setdefault(GENERATION, 0)
    st.file_uploader(
        t(lang, "linkedin_upload"),
        type=["zip"],
        key=state.linkedin_upload_key(generation),
        on_change=_from_upload,
        args=(generation,),
    )
    st.button(t(lang, "linkedin_sample"), key=state.BUTTON_LINKEDIN_SAMPLE, on_click=_from_sample)
    if problem := state.session().get(PROBLEM):
        st.error(t(lang, "linkedin_error", message=plain(explain(problem, lang, codes=False))))
    elif pending := state.session().get(PENDING):
        _preview(pending, lang)
    elif state.session().pop(UNDONE, False):
        st.info(t(lang, "linkedin_undone"))
    elif summary := state.session().get(SUMMARY):
        _summary(summary, lang)
        buttons = st.container(horizontal=True)
        if buttons.button(t(lang, "linkedin_see_reading"), key=state.BUTTON_LINKEDIN_SEE_READING, type="primary"):
            st.switch_page(READING_PAGE)
        buttons.button(
            t(lang, "linkedin_undo"), key=state.BUTTON_LINKEDIN_UNDO, on_click=_undo, disabled=UNDO not in state.session()
        )


def signals_to_fill_in() -> set[str]:
    """The signals the last import could not give, for the editor to mark."""
    summary = state.session().get(SUMMARY)
    return set(summary["to_fill_in"]) if summary else set()


def forget_import() -> None:
    """The profile was replaced another way: the import's summary no longer describes it."""
    session = state.session()
    session.pop(SUMMARY, None)
    session.pop(PROBLEM, None)
    session.pop(PENDING, None)
    session.pop(UNDO, None)


def _from_upload(generation: int) -> None:
    uploaded = st.session_state.get(state.linkedin_upload_key(generation))
    if uploaded is not None:
        _import(uploaded.getvalue())
    state.session()[GENERATION] = generation + 1


def _from_sample() -> None:
    _import(SAMPLE.read_bytes())


def _import(data: bytes) -> None:
    """Read in memory and show what would change; nothing is applied before the person confirms.
    On a bad archive the profile on screen stays as it was."""
    state.session().pop(PROBLEM, None)
    state.session().pop(PENDING, None)
    try:
        result = import_export(data)
    except InputError as error:
        state.session()[PROBLEM] = error
        return
    state.session()[PENDING] = {"signals": dict(result.signals), "summary": import_json(result)}


def _merged(found: dict[str, Any]) -> dict[str, Any]:
    """The archive's values over what the person gave; an example's values are not the person's and go."""
    kept = {} if state.session()[state.PRESET] else dict(state.signals())
    return {**kept, **found}


def changes(found: dict[str, Value], lang: Lang) -> list[dict[str, str]]:
    """Signal by signal: what the profile has now, what the archive gives, and what applying does."""
    given, now = state.signals(), state.profile().values
    example = bool(state.session()[state.PRESET])
    rows = []
    for name, value in found.items():
        signal = SIGNALS[name]
        if name not in given:
            kind = "linkedin_change_fills"
        elif given[name] == value:
            kind = "linkedin_change_same"
        else:
            kind = "linkedin_change_replaces_example" if example else "linkedin_change_replaces"
        rows.append(
            {
                t(lang, "col_signal"): signal.label[lang],
                t(lang, "linkedin_col_now"): value_text(signal, now[name], lang)
                + ("" if name in given else f" ({t(lang, 'linkedin_assumed')})"),
                t(lang, "linkedin_col_export"): value_text(signal, value, lang),
                t(lang, "linkedin_col_change"): t(lang, kind),
            }
        )
    return rows


def _preview(pending: state.LinkedinPending, lang: Lang) -> None:
    found = pending["signals"]
    rows = changes(found, lang)
    replaced = len([r for r in rows if r[t(lang, "linkedin_col_change")] == t(lang, "linkedin_change_replaces")])
    st.info(t(lang, "linkedin_preview", count=len(found), replaced=replaced))
    st.dataframe(rows, hide_index=True, width="stretch", height=(len(rows) + 1) * 35 + 3)
    buttons = st.container(horizontal=True)
    buttons.button(t(lang, "linkedin_apply"), key=state.BUTTON_LINKEDIN_APPLY, on_click=_apply, type="primary")
    buttons.button(t(lang, "linkedin_cancel"), key=state.BUTTON_LINKEDIN_CANCEL, on_click=_cancel)


def _apply() -> None:
    pending = state.session().pop(PENDING)
    state.session()[UNDO] = (
        dict(state.signals()),
        state.session()[state.PRESET],
        state.session().get(state.PROFILE_IN_URL, True),
    )
    state.set_signals(_merged(pending["signals"]))
    state.session()[state.PROFILE_IN_URL] = False
    state.session()[SUMMARY] = pending["summary"]


def _cancel() -> None:
    state.session().pop(PENDING, None)


def _undo() -> None:
    signals, preset, in_url = state.session().pop(UNDO)
    state.set_signals(signals, preset)
    state.session()[state.PROFILE_IN_URL] = in_url
    state.session().pop(SUMMARY, None)
    state.session()[UNDONE] = True


def _summary(summary: dict[str, Any], lang: Lang) -> None:
    as_of = date(dt.date.fromisoformat(summary["profile"]["as_of"]), lang)
    st.success(t(lang, "linkedin_done", count=len(summary["profile"]["signals"]), as_of=as_of))
    st.caption(t(lang, "linkedin_files", files=", ".join(f"{k} ({v})" for k, v in summary["counts"].items())))
    if summary["files_missing"]:
        st.caption(t(lang, "linkedin_missing", files=", ".join(summary["files_missing"])))
    if summary["date_range"]:
        first, last = (date(dt.date.fromisoformat(d), lang) for d in summary["date_range"])
        st.caption(t(lang, "linkedin_dates", first=first, last=last))
    if summary["to_fill_in"]:
        st.warning(t(lang, "linkedin_to_fill", names=", ".join(SIGNALS[n].label[lang] for n in summary["to_fill_in"])))
    for name, value in summary["estimates"].items():
        st.info(t(lang, "linkedin_estimate", label=SIGNALS[name].label[lang], value=value_text(SIGNALS[name], value, lang)))
    for note in summary["notes"]:
        st.caption("⚠ " + plain(note[lang]))
    with st.expander(t(lang, "linkedin_sources")):
        st.markdown("\n".join(f"- **{SIGNALS[n].label[lang]}** ← {plain(s[lang])}" for n, s in summary["sources"].items()))
