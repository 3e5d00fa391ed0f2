"""Shared fixtures: the project's textbook readers (made from the persona files once per test
session, read-only) and a profile builder."""

from __future__ import annotations

from typing import Any

import pytest

from model.profile import Profile, from_signals
from model.reader import Readers, default_readers


@pytest.fixture(scope="session")
def readers() -> Readers:
    return default_readers()


def profile(**signals: Any) -> Profile:
    """A profile with the given signals, the rest assumed typical."""
    return from_signals(signals)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the slow child processes the selected tests will need (see tests/early.py)."""
    for item in session.items:
        for mark in item.iter_markers("early"):
            for work in mark.args:
                work.start()
