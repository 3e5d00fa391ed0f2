"""The readers a session reads with: the textbook ones, shared read-only by every session of
this server process, and any this session learned from judgements (kept in the session only)."""

from __future__ import annotations

import gc

import streamlit as st

from model.reader import Reader, Readers, default_readers
from model.reading import standing
from ui import state

LEARNED = state.LEARNED


@st.cache_resource(show_spinner=False)
def shared_readers() -> Readers:
    """Made once per process from the persona files; no profile ever reaches this cache.

    Everything alive by then (libraries, the population, the readers) lives as long as the
    process: `gc.freeze()` moves it out of the collector's sight, so later collections only
    walk what sessions create."""
    readers = default_readers()
    for reader in readers.readers.values():
        standing(reader)
    gc.collect()
    gc.freeze()
    return readers


def session_readers() -> Readers:
    """The shared readers, with this session's learned readers in place of their textbook ones."""
    readers = shared_readers()
    for reader in st.session_state.get(LEARNED, {}).values():
        readers = readers.with_reader(reader)
    return readers


def keep_learned(reader: Reader) -> None:
    st.session_state[LEARNED] = {**st.session_state.get(LEARNED, {}), reader.key: reader}


def forget_learned(key: str) -> None:
    st.session_state[LEARNED] = {k: v for k, v in st.session_state.get(LEARNED, {}).items() if k != key}
