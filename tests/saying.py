"""Checking what an error says to a person, in a language, rather than its key."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from model.errors import InputError
from words.errors import explain
from words.i18n import Lang


@contextmanager
def raises_saying(pattern: str, lang: Lang = "en") -> Iterator[pytest.ExceptionInfo[InputError]]:
    """Like `pytest.raises(InputError, match=…)`, matched against the message a person reads."""
    with pytest.raises(InputError) as caught:
        yield caught
    said = explain(caught.value, lang)
    assert re.search(pattern, said), f"{said!r} does not say {pattern!r}"
