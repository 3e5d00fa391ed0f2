from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.errors import InputError
from model.signals import (
    LANGS,
    NAMES,
    SIGNALS,
    SITUATIONS,
    by_situation,
    encode_frame,
    encode_row,
    get,
    unknown_signal,
)
from tests.saying import raises_saying
from words.errors import explain

CONTRACT = (
    "connections",
    "invitation_note_rate",
    "recommendations_received",
    "press_contacts",
    "company_posts_90d",
    "comments_90d",
    "has_photo",
    "has_headline",
    "summary_words",
    "positions_listed",
    "skills_listed",
    "cv_mismatches",
    "posts_90d",
    "shares_90d",
    "on_topic_share",
    "controversial_share",
    "active_weeks_26",
    "reactions_90d",
    "days_since_last_activity",
)


def test_catalogue_keeps_every_contract_name():
    assert set(CONTRACT) <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_signal_has_french_and_english_texts(name):
    signal = SIGNALS[name]
    for texts in (signal.label, signal.help, signal.unit, signal.phrase):
        assert all(texts[lang].strip() for lang in LANGS)


def test_signals_fall_into_the_seeds_five_situations():
    groups = by_situation()
    assert sorted(groups) == [1, 2, 3, 4, 5] == sorted(SITUATIONS)
    assert all(groups[k] for k in groups)
    assert [s.name for s in groups[1]] == ["connections", "invitation_note_rate", "recommendations_received"]


def test_unknown_name_suggests_the_closest_valid_names():
    with raises_saying("Unknown signal 'conections'.*'connections'"):
        get("conections")


def test_unknown_name_is_said_in_french_too():
    error = unknown_signal("conections")
    assert explain(error, "fr").startswith("Signal inconnu 'conections'\u202f: vouliez-vous dire 'connections'")
    assert explain(error, "fr").endswith("\u202f?")
    assert explain(error, "en").startswith("Unknown signal 'conections': did you mean 'connections'")


@given(st.integers(min_value=-10_000, max_value=-1))
def test_negative_counts_are_refused_with_the_valid_range(value):
    with pytest.raises(InputError) as caught:
        SIGNALS["connections"].validate(value)
    assert (
        explain(caught.value, "en") == f"Connections (connections): {value} is out of range; expected an integer from 0 to 30,000"
    )
    assert (
        explain(caught.value, "fr")
        == f"Relations (connections)\u202f: {value}\u202f: hors limites\u202f; attendu un entier de 0 à 30\u202f000"
    )


@given(st.floats(min_value=1.0001, max_value=1e6) | st.floats(max_value=-0.0001, min_value=-1e6))
def test_shares_outside_zero_to_one_are_refused(value):
    with raises_saying(r"invitation_note_rate.*expected a number from 0 to 1"):
        SIGNALS["invitation_note_rate"].validate(value)


@pytest.mark.parametrize(
    ("name", "value"),
    [("has_photo", 1), ("has_photo", "yes"), ("connections", True), ("connections", 2.5), ("connections", "300")],
)
def test_values_of_the_wrong_type_are_refused(name, value):
    with raises_saying(rf"^{SIGNALS[name].label['en']} \({name}\): ") as caught:
        SIGNALS[name].validate(value)
    assert explain(caught.value, "fr").startswith(f"{SIGNALS[name].label['fr']} ({name})\u202f: ")


def test_never_active_is_null_and_only_there():
    assert SIGNALS["days_since_last_activity"].validate(None) is None
    with raises_saying("null, which is not allowed"):
        SIGNALS["connections"].validate(None)


def test_every_actionable_signal_has_a_three_month_bound_and_an_action():
    for signal in SIGNALS.values():
        if signal.actionable:
            assert signal.move_up > 0 or signal.move_down > 0, signal.name
            texts = [signal.action, *([signal.action_down] if signal.action_down else [])]
            assert any(all(text[lang] for lang in LANGS) for text in texts), signal.name


def test_readers_see_at_most_500_connections():
    connections = SIGNALS["connections"]
    assert connections.seen_up_to == 500
    assert connections.encode(180) == 180 and connections.encode(500) == 500 and connections.encode(12_000) == 500


def test_booleans_encode_as_0_and_1_and_never_as_what_it_reads_like():
    assert SIGNALS["has_photo"].encode(True) == 1.0 and SIGNALS["has_photo"].encode(False) == 0.0
    days = SIGNALS["days_since_last_activity"]
    assert days.null_reads_as is not None and days.encode(None) == days.null_reads_as >= days.encode(days.high - 1)


def test_encode_frame_agrees_with_encode_row():
    rows = [
        {name: SIGNALS[name].validate(SIGNALS[name].low if SIGNALS[name].type != "bool" else False) for name in NAMES},
        {name: SIGNALS[name].validate(SIGNALS[name].high if SIGNALS[name].type != "bool" else True) for name in NAMES},
    ]
    rows[0]["days_since_last_activity"] = None
    frame = pd.DataFrame([{k: (math.nan if v is None else float(v)) for k, v in row.items()} for row in rows])
    matrix = encode_frame(frame)
    assert matrix.shape == (2, len(NAMES))
    np.testing.assert_array_equal(matrix, np.stack([encode_row(row) for row in rows]))
    assert matrix[1, NAMES.index("connections")] == 500


def test_press_contacts_are_part_of_connections_and_activity_is_a_behaviour():
    assert SIGNALS["press_contacts"].at_most == "connections"
    assert {"posts_90d", "comments_90d", "reactions_90d", "active_weeks_26"} <= {
        name for name, signal in SIGNALS.items() if signal.behaviour == "presence"
    }
