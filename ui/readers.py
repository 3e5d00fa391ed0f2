"""The readers a session reads with: the textbook ones, shared read-only by every session of
this server process, and any this session learned from judgements (kept in the session only)."""

from __future__ import annotations

import gc
from typing import Final

import streamlit as st

from model.reader import Reader, Readers, default_readers
from model.reading import standing
from ui import state

LEARNED: Final = state.LEARNED


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
    for reader in state.session().get(LEARNED, {}).values():
        readers = readers.with_reader(reader)
    return readers


def keep_learned(reader: Reader) -> None:
    state.session()[LEARNED] = {**state.session().get(LEARNED, {}), reader.key: reader}


def forget_learned(key: str) -> None:
    state.session()[LEARNED] = {k: v for k, v in state.session().get(LEARNED, {}).items() if k != key}
