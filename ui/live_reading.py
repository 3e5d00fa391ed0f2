"""The reading beside the editor: the verdict, and the signals the last change moved, without switching pages."""

from __future__ import annotations

import streamlit as st

from model.reading import Reading, read
from model.signals import SIGNALS
from ui import state
from ui.readers import session_readers
from words.i18n import Lang, t
from words.numbers import points, signed
from words.readings import probability_short, verdict_sentence

MOVED = 0.01
"""A contribution that moved less than this (log-odds) did not move."""
COLOURS = {"favourable": "blue", "unfavourable": "orange", "neutral": "gray"}
"""Markdown colours nearest the charts' verdict colours (blue, vermillion, grey)."""


def _reading() -> Reading | None:
    """The session reader's reading of the profile; None when no reader could be loaded (the sidebar says so)."""
    reader = session_readers().readers.get(state.session()[state.READER])
    return read(reader, state.profile()) if reader is not None else None


def remember_reading() -> None:
    """Called just before a change: the reading as it was, to show what the change moved."""
    reading = _reading()
    if reading is None:
        return
    state.session()[state.BEFORE_CHANGE] = {
        "reader": reading.key,
        "probability": reading.probability,
        "contributions": dict(reading.contributions),
        "verdicts": dict(reading.verdicts),
    }


def live_reading(lang: Lang) -> None:
    reading = _reading()
    if reading is None:
        return
    before = state.session().get(state.BEFORE_CHANGE)
    if before is not None and before["reader"] != reading.key:
        before = None
    st.markdown(f"##### {t(lang, 'live_title', reader=reading.reader.name(lang))}")
    moved_by = reading.probability - before["probability"] if before else 0.0
    delta = points(moved_by, lang) if round(moved_by * 100) else None
    st.metric(t(lang, "probability"), probability_short(reading.probability, lang), delta=delta)
    st.caption(verdict_sentence(reading, lang))
    moved = (
        [
            name
            for name, value in reading.contributions.items()
            if abs(value - before["contributions"].get(name, 0.0)) >= MOVED and not reading.reader.ignores(name)
        ]
        if before
        else []
    )
    if before is None:
        st.caption(t(lang, "live_hint"))
    elif not moved:
        st.caption(t(lang, "live_nothing_moved"))
    else:
        st.markdown(f"**{t(lang, 'live_moved')}**")
        moved.sort(key=lambda n: -abs(reading.contributions[n] - before["contributions"][n]))
        lines = []
        for name in moved:
            verdict = reading.verdicts[name]
            lines.append(
                "- "
                + t(
                    lang,
                    "live_moved_line",
                    label=SIGNALS[name].label[lang],
                    verdict=f":{COLOURS[verdict]}[{t(lang, verdict)}]",
                    before=signed(before["contributions"][name], lang),
                    after=signed(reading.contributions[name], lang),
                )
            )
        st.markdown("\n".join(lines))
    st.page_link("views/reading.py", label=t(lang, "live_full_reading"), icon=":material/visibility:")
