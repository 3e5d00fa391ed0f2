"""Regards — the Streamlit entry point: the shared frame (sidebar) and the router."""

from __future__ import annotations

import logging

import streamlit as st

from ui import state
from ui.privacy import keep_uploads_in_memory
from ui.readers import session_readers
from ui.report_button import report_button
from ui.sidebar import sidebar
from words.i18n import t

keep_uploads_in_memory()  # before any uploader exists: no upload spooled to disk (README, Privacy)
st.set_page_config(page_title="Regards", page_icon="👁", layout="wide")
readers = session_readers()
state.init(sorted(readers.readers))
st.set_page_config(initial_sidebar_state="collapsed" if state.presenting() else "auto")
lang = state.lang()
# A participant's link (?code=… without the trainer's secret) opens their phone page alone:
# no navigation, no sidebar, nothing but the workshop.
participant = "code" in st.query_params and "secret" not in st.query_params

reading = st.Page("views/reading.py", title=t(lang, "page_reading"), url_path="reading", default=True)
compare = st.Page("views/compare.py", title=t(lang, "page_compare"), url_path="compare")
levers = st.Page("views/levers.py", title=t(lang, "page_levers"), url_path="levers")
profile = st.Page("views/profile.py", title=t(lang, "page_profile"), url_path="profile")
evidence = st.Page("views/evidence.py", title=t(lang, "page_evidence"), url_path="sources")
workshop = st.Page("views/workshop.py", title=t(lang, "page_workshop"), url_path="workshop")
join = st.Page("views/join.py", title=t(lang, "page_join"), url_path="join")
presenting = state.session()[state.PRESENTER]
pages = [compare, reading, levers, profile] if presenting else [reading, compare, levers, profile]
page = st.navigation([*pages, evidence, workshop, join], position="hidden" if participant else "top")
# The workshop pages keep their own address (the trainer's secret, a participant's token).
own_url = page.url_path in (workshop.url_path, join.url_path)
if page.url_path != join.url_path:
    sidebar(readers)
if state.take_presenter_start() and page.url_path == reading.url_path:
    st.switch_page(compare)
needs_a_reader = page.url_path in (reading.url_path, compare.url_path, levers.url_path)
try:
    if needs_a_reader and not readers.readers:
        st.error(t(lang, "no_reader"))
        st.stop()
    page.run()
    if not own_url:  # a report is of one's own profile: not on the workshop's pages
        report_button()
except Exception as error:  # noqa: BLE001 - the error boundary: nobody ever sees a traceback
    logging.getLogger("regards").exception("page %s failed", page.url_path)
    st.error(t(lang, "page_error", kind=type(error).__name__))
if not own_url:
    state.write_url()
