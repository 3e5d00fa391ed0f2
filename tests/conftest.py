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
