"""The LinkedIn export import on the profile page: upload or sample, then what was found.

The archive is read in memory by `model.linkedin` and dropped at once (the uploader is
replaced by a fresh one); only the derived counts stay, in this session.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from model.errors import InputError
from model.linkedin import import_export
from model.population import DATA_DIR
from model.signals import SIGNALS
from ui import state
from words.i18n import t
from words.numbers import date
from words.readings import value_text

SAMPLE = DATA_DIR / "samples" / "sample_export.zip"
SUMMARY, PROBLEM, GENERATION = "linkedin_summary", "linkedin_problem", "linkedin_uploader_generation"


def linkedin_import(lang: str) -> None:
    st.subheader(t(lang, "linkedin_title"))
    st.caption(t(lang, "linkedin_help"))
    generation = st.session_state.setdefault(GENERATION, 0)
    st.file_uploader(
        t(lang, "linkedin_upload"), type=["zip"], key=f"linkedin_zip_{generation}", on_change=_from_upload, args=(generation,)
    )
    st.button(t(lang, "linkedin_sample"), key="linkedin_sample", on_click=_from_sample)
    if problem := st.session_state.get(PROBLEM):
        st.error(t(lang, "linkedin_error", message=problem.text(lang)))
    elif summary := st.session_state.get(SUMMARY):
        _summary(summary, lang)


def signals_to_fill_in() -> set[str]:
    """The signals the last import could not give, for the editor to mark."""
    summary = st.session_state.get(SUMMARY)
    return set(summary["to_fill_in"]) if summary else set()


def forget_import() -> None:
    """The profile was replaced another way: the import's summary no longer describes it."""
    st.session_state.pop(SUMMARY, None)
    st.session_state.pop(PROBLEM, None)


def _from_upload(generation: int) -> None:
    uploaded = st.session_state.get(f"linkedin_zip_{generation}")
    if uploaded is not None:
        _import(uploaded.getvalue())
    st.session_state[GENERATION] = generation + 1


def _from_sample() -> None:
    _import(SAMPLE.read_bytes())


def _import(data: bytes) -> None:
    """Import in memory; on a bad archive keep the profile on screen as it was."""
    st.session_state.pop(PROBLEM, None)
    try:
        result = import_export(data)
    except InputError as error:
        st.session_state[PROBLEM] = error
        return
    state.set_signals(dict(result.signals))
    st.session_state[state.PROFILE_IN_URL] = False
    st.session_state[SUMMARY] = result.to_json()


def _summary(summary: dict[str, Any], lang: str) -> None:
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
        st.caption("⚠ " + note[lang])
    with st.expander(t(lang, "linkedin_sources")):
        st.markdown("\n".join(f"- **{SIGNALS[n].label[lang]}** ← {s[lang]}" for n, s in summary["sources"].items()))
