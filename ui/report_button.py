"""The "Report" download on every page: the profile on screen, for the readers chosen.

The file is built only when the button is clicked (Streamlit calls `data` then, on its own
thread, so everything it needs is captured now), in memory, and handed to the browser.
Streamlit serves a download from an address made of its content's hash: each report carries a
fresh random id, so that address cannot be guessed from the profile.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from model.levers import DEFAULT_TARGET
from model.profile import Profile
from model.reader import Reader
from ui import state
from ui.readers import session_readers
from words.i18n import Lang, t

FORMAT_KEY = state.REPORT_FORMAT
MIME = {"html": "text/html", "pdf": "application/pdf"}


def chosen_readers() -> list[Reader]:
    """The session's reader and those chosen on the what-to-change page; every reader if none were."""
    readers = session_readers().readers
    picked = [k for k in state.session().get(state.LEVERS_ALSO) or [] if k in readers]
    if not picked:
        return list(readers.values())
    keys = dict.fromkeys([state.session()[state.READER], *picked])
    return [readers[k] for k in keys if k in readers]


def _builder(profile: Profile, readers: list[Reader], lang: Lang, target: float, kind: str) -> Callable[[], bytes]:
    def make() -> bytes:
        from report.content import build

        report = build(profile, readers, lang, target)
        if kind == "pdf":
            from report.pdf import render

            return render(report)
        from report.html import render as render_html

        return render_html(report)

    return make


def report_button() -> None:
    lang = state.lang()
    with st.sidebar:
        kind = st.radio(t(lang, "report_format"), ("html", "pdf"), key=FORMAT_KEY, horizontal=True, format_func=str.upper)
        st.download_button(
            t(lang, "report_download", format=kind.upper()),
            data=_builder(
                state.profile(), chosen_readers(), lang, float(state.session().get(state.LEVERS_TARGET, DEFAULT_TARGET)), kind
            ),
            file_name=f"regards-report.{kind}",
            mime=MIME[kind],
            help=t(lang, "report_download_help"),
            key=state.BUTTON_REPORT_DOWNLOAD,
            icon=":material/download:",
        )
