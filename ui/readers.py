"""The fitted readers, shared read-only by every session of this server process."""

from __future__ import annotations

import streamlit as st

from model.reader import Readers, default_readers


@st.cache_resource(show_spinner=False)
def shared_readers() -> Readers:
    """Fitted once per process; sessions only read them (no profile ever reaches this cache)."""
    return default_readers()
