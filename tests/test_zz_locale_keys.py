"""Every text in the locale files is one a person can read: looked up while the suite runs.

`words.i18n.t` records each key it is asked for (keys built at run time included, which no
search of the source finds). Named `zz` so it runs after the app's, the CLI's and the report's
tests; run alone, it has nothing to check and says so."""

from __future__ import annotations

import pytest

from words.errors import KEYS
from words.i18n import LANGS, USED, texts
from words.linkedin import TABLE as IMPORT_TABLE

CHECKED_IN_THE_SOURCE = (KEYS, IMPORT_TABLE + ".")
"""Tables test_error_messages checks by reading the code: every text is used somewhere there."""


def test_every_locale_key_is_used_somewhere():
    if len(USED) < 150:
        pytest.skip("run with the whole suite: the keys are recorded while the app, CLI and report tests run")
    unused = {key for key in texts("en") if not key.startswith(CHECKED_IN_THE_SOURCE)} - USED
    assert not unused, f"locale keys nothing looked up: {sorted(unused)}"


def test_both_languages_have_the_same_keys():
    assert set(texts(LANGS[0])) == set(texts(LANGS[1]))
