"""The shared frame: language, reader, presenter mode, and warnings about broken reader files."""

from __future__ import annotations

import streamlit as st

from model.presets import preset_problems, presets
from model.reader import Readers
from ui import state
from words.errors import explain
from words.i18n import LANGS, t

PRESENTER_CSS = """
<style>
html, body, [data-testid="stAppViewContainer"] { font-size: 22px; }
[data-testid="stMainBlockContainer"] { padding: 3.5rem 2.5rem 2rem 2.5rem; max-width: none; }
[data-testid="stMetricValue"] { font-size: 3.2rem; }
h1 { font-size: 2.4rem !important; padding-top: 0 !important; }
</style>
"""

FRAME_CSS = """
<style>
/* The reading beside the editor stays in view while the person scrolls the editor. */
div[data-testid="stColumn"]:has(> div > div > .st-key-live_reading),
div[data-testid="stColumn"]:has(.st-key-live_reading) { position: sticky; top: 4rem; align-self: flex-start; }
/* A reading printed from the browser: clean A4 pages, no sidebar, no widgets, charts whole. */
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stStatusWidget"], [data-testid="stSidebarCollapsedControl"], header, footer,
  .stButton, .stDownloadButton, .stFileUploader, .stSelectbox, .stMultiSelect, .stSlider, .stRadio,
  .stNumberInput, .stCheckbox, .stToggle, [data-testid="stPageLink"], [data-testid="stFileUploader"],
  [data-testid="stBaseButton-secondary"], [data-testid="stBaseButton-primary"], .st-key-example_notice,
  [data-testid="stExpander"] details:not([open]), [data-testid="stElementToolbar"], [data-testid="stDataFrame"] {
    display: none !important;
  }
  html, body, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"] {
    background: white !important; overflow: visible !important; height: auto !important; position: static !important;
  }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: none !important; width: 100% !important; }
  [data-testid="stVegaLiteChart"], [data-testid="stMetric"], [data-testid="stVerticalBlockBorderWrapper"],
  .stMarkdown li, [data-testid="stCaptionContainer"] { break-inside: avoid; page-break-inside: avoid; }
  [data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg { max-width: 100% !important; height: auto !important; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
}
</style>
"""


def sidebar(readers: Readers) -> None:
    lang = state.lang()
    with st.sidebar:
        st.markdown(f"## {t(lang, 'app_title')}")
        st.caption(t(lang, "tagline"))
        # persist_state: a page switch (presenter mode opening side by side) must not drop these values.
        st.radio(
            t(lang, "language"),
            LANGS,
            key=state.LANG,
            horizontal=True,
            format_func=lambda language: t(language, "language_name"),
            persist_state="session",
        )
        lang = state.lang()
        keys = sorted(readers.readers)
        if not keys:
            st.error(t(lang, "no_reader"))
        st.radio(
            t(lang, "reader"),
            keys,
            key=state.READER,
            format_func=lambda k: readers.readers[k].name(lang),
            persist_state="session",
        )
        st.toggle(t(lang, "profile_in_url"), key=state.PROFILE_IN_URL, value=True, help=t(lang, "profile_in_url_help"))
        st.caption(t(lang, "profile_in_url_on") if state.session()[state.PROFILE_IN_URL] else t(lang, "profile_in_url_off"))
        st.toggle(
            t(lang, "presenter"),
            key=state.PRESENTER,
            help=t(lang, "presenter_help"),
            on_change=state.start_presenting,
            persist_state="session",
        )
        preset = state.session()[state.PRESET]
        name = presets()[preset].name[lang] if preset in presets() else t(lang, "custom_profile")
        st.caption(t(lang, "current_profile", name=name))
        for problem in preset_problems():
            st.warning(t(lang, "broken_preset", message=explain(problem, lang)))
        for problem in readers.problems:
            st.warning(t(lang, "broken_persona", message=explain(problem, lang, codes=False)))
        if url_problem := state.take_url_problem():
            st.warning(t(lang, "url_ignored", message=explain(url_problem, lang, codes=False)))
    st.markdown(FRAME_CSS, unsafe_allow_html=True)
    if state.session()[state.PRESENTER]:
        st.markdown(PRESENTER_CSS, unsafe_allow_html=True)
