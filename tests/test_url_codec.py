"""The share link's codec: every value round-trips, and a bad link says what is wrong, in both languages."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.errors import InputError
from model.population import draw
from model.profile import from_row
from ui.state import decode_signals, encode_signals
from words.errors import explain


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=2**31 - 1))
def test_every_members_profile_round_trips_through_a_link(seed):
    values = from_row(draw(1, seed).iloc[0]).values
    assert decode_signals(encode_signals(values)) == values


def test_never_active_travels_as_null():
    assert decode_signals("days_since_last_activity:null") == {"days_since_last_activity": None}
    assert encode_signals({"days_since_last_activity": None}) == "days_since_last_activity:null"


@pytest.mark.parametrize(
    ("link", "en", "fr"),
    [
        (
            "conections:3",
            "Unknown signal 'conections': did you mean 'connections'",
            "Signal inconnu 'conections'\u202f: vouliez-vous dire 'connections'",
        ),
        ("connections:lots", "is not a number", "n'est pas un nombre"),
        ("connections:-4", "is out of range", "hors limites"),
        ("press_contacts:50;connections:3", "cannot exceed", "ne peut dépasser"),
    ],
)
def test_a_bad_link_says_what_is_wrong_in_both_languages(link, en, fr):
    with pytest.raises(InputError) as caught:
        decode_signals(link)
    assert en in explain(caught.value, "en") and fr in explain(caught.value, "fr")


def test_a_link_naming_an_example_without_its_values_opens_that_example():
    """The app writes `?preset=…` without `p` when the person keeps the profile out of the address."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from model.presets import presets
    from ui import state

    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=30)
    at.query_params["preset"] = "silent_expert"
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    assert at.session_state[state.PRESET] == "silent_expert"
    assert at.session_state[state.SIGNALS_KEY] == presets()["silent_expert"].profile.to_json()["signals"]
