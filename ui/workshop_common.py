"""What the workshop's two pages share: one store per server process and the app's address."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import streamlit as st

from model.workshop.links import DEFAULT_BASE_URL
from model.workshop.store import Store, database_url

BASE_URL_ENV = "REGARDS_BASE_URL"


@st.cache_resource(show_spinner=False)
def _store(url: str) -> Store:
    return Store(url)


def store() -> Store:
    """The workshop store of this process (one per database URL: tests point each at a folder)."""
    return _store(database_url())


def base_url() -> str:
    """Where participants reach the app: `REGARDS_BASE_URL` (behind a proxy), else the address
    the trainer's browser uses."""
    configured = os.environ.get(BASE_URL_ENV, "").strip()
    if configured:
        return configured.rstrip("/")
    url = getattr(st.context, "url", None) or ""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else DEFAULT_BASE_URL


HIDE_SIDEBAR = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"] { display: none; }
</style>
"""
