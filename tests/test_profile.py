from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.errors import InputError
from model.population import population
from model.profile import from_json, loads
from model.signals import NAMES, SIGNALS
from tests.saying import raises_saying
from words.errors import explain


def _value_strategy(name: str):
    signal = SIGNALS[name]
    if signal.type == "bool":
        return st.booleans()
    if signal.type == "share":
        return st.floats(min_value=0.0, max_value=1.0)
    values = st.integers(min_value=int(signal.low), max_value=int(min(signal.high, 50_000)))
    return values | st.none() if signal.nullable else values


profiles = st.fixed_dictionaries({}, optional={name: _value_strategy(name) for name in NAMES})


@given(profiles)
def test_valid_profiles_load_and_missing_signals_are_assumed_typical(signals):
    signals = dict(signals)
    if "press_contacts" in signals and "connections" in signals:
        signals["press_contacts"] = min(signals["press_contacts"], signals["connections"])
    elif "press_contacts" in signals:
        signals["connections"] = max(signals["press_contacts"], 1000)
    loaded = from_json({"as_of": "2026-11-01", "signals": signals})
    assert set(loaded.assumed) == set(NAMES) - set(signals)
    for name in loaded.assumed:
        assert loaded.values[name] == population().typical[name]
    assert from_json(loaded.to_json()).values == loaded.values


def test_unknown_signal_is_named_with_the_closest_valid_names():
    with raises_saying("Unknown signal 'has_foto': did you mean 'has_photo'"):
        loads(json.dumps({"signals": {"has_foto": True}}))


def test_out_of_range_value_names_the_signal_and_its_range():
    with pytest.raises(InputError) as caught:
        loads(json.dumps({"signals": {"active_weeks_26": 30}}))
    assert explain(caught.value, "en") == "Active weeks (active_weeks_26): 30 is out of range; expected an integer from 0 to 26"
    assert (
        explain(caught.value, "fr")
        == "Semaines actives (active_weeks_26)\u202f: 30\u202f: hors limites\u202f; attendu un entier de 0 à 26"
    )


@pytest.mark.parametrize(
    ("signals", "french"),
    [
        ({"has_foto": True}, "Signal inconnu 'has_foto'\u202f: vouliez-vous dire 'has_photo'\u202f?"),
        (
            {"connections": 10, "press_contacts": 12},
            "Contacts presse (press_contacts)\u202f: 12 ne peut dépasser le nombre de relations (10)",
        ),
    ],
)
def test_profile_errors_are_said_in_french_too(signals, french):
    with pytest.raises(InputError) as caught:
        loads(json.dumps({"signals": signals}))
    assert french in explain(caught.value, "fr") and explain(caught.value, "fr") != explain(caught.value, "en")


def test_malformed_json_says_where():
    with raises_saying(r"not valid JSON \(line 1, column 2"):
        loads("{connections: 3}")


def test_a_bad_date_is_refused():
    with raises_saying("'as_of' is '01/11/2026'; expected a date as YYYY-MM-DD"):
        loads(json.dumps({"as_of": "01/11/2026", "signals": {}}))


def test_press_contacts_cannot_exceed_connections():
    with raises_saying(r"^Press contacts \(press_contacts\): 12 cannot exceed connections \(10\)"):
        loads(json.dumps({"signals": {"connections": 10, "press_contacts": 12}}))


def test_unknown_top_level_keys_are_refused():
    with raises_saying("unknown key"):
        loads(json.dumps({"signal": {}}))
