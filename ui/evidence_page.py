"""The sources behind the readings: every piece of evidence in full, its strength, and who cites it."""

from __future__ import annotations

import streamlit as st

from model.evidence import EVIDENCE, KINDS, Evidence
from model.reader import Reader
from ui import state
from ui.readers import session_readers
from words.i18n import Lang, t
from words.numbers import typography
from words.readings import source_tag


def citing(reader: Reader) -> set[str]:
    """The sources a reader cites, for any signal it reads and for what it expects."""
    return set(reader.sources())


def evidence_page() -> None:
    lang = state.lang()
    st.title(t(lang, "evidence_title"))
    st.write(t(lang, "evidence_intro"))
    readers = sorted(session_readers().readers.values(), key=lambda r: r.key)
    cited = {r.key: citing(r) for r in readers}
    for kind in KINDS:
        for evidence in (e for e in EVIDENCE.values() if e.kind == kind):
            _entry(evidence, [r.name(lang) for r in readers if evidence.id in cited[r.key]], lang)


def _entry(evidence: Evidence, readers: list[str], lang: Lang) -> None:
    with st.container(border=True, key=state.evidence_box(evidence.id)):
        # The reference as published, in its own language (no French spacing inside an English title).
        st.markdown(f"`{source_tag(evidence.id, lang)}` &nbsp; {evidence.ref}")
        st.markdown(f"**{t(lang, 'evidence_says')}** — {typography(evidence.says[lang], lang)}")
        st.caption(t(lang, "evidence_cited_by", readers=", ".join(readers)) if readers else t(lang, "evidence_not_cited"))
