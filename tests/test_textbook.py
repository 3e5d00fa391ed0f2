"""The textbook reader is the persona file: every signal of every reader equals its declared shape."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.signals import NAMES, SIGNALS
from tests.textbook_oracle import by_hand, declared

READERS = ["recruiter", "recruiter/communication", "journalist", "peer"]


values = st.floats(min_value=0, max_value=40_000, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(READERS), st.sampled_from(NAMES), values)
def test_every_signal_of_every_reader_is_its_declared_shape(readers, key, signal, raw):
    catalogue = SIGNALS[signal]
    x = min(raw, catalogue.high) if catalogue.type != "bool" else float(raw > 0.5)
    if catalogue.type == "share":
        x = raw / 40_000
    reader = readers.by_key(key)
    got = float(reader.contribution(signal, np.array([catalogue.encode(x)]))[0])
    assert got == pytest.approx(by_hand(declared(key, signal), x, signal), abs=1e-9)


@pytest.mark.parametrize("key", READERS)
def test_a_signal_the_reader_ignores_contributes_exactly_zero_and_gets_no_reason(readers, key):
    reader = readers.by_key(key)
    ignored = [n for n in NAMES if reader.readings[n].ignored]
    assert ignored, "every reader ignores something"
    from model.population import population
    from model.profile import from_row
    from model.reading import read
    from model.signals import encode_frame

    members = encode_frame(population().profiles.head(500))
    contributions = reader.contributions(members)
    for name in ignored:
        assert np.all(contributions[:, NAMES.index(name)] == 0.0)
    reading = read(reader, from_row(population().profiles.iloc[3]))
    assert not {r.signal for r in reading.reasons} & set(ignored)


@pytest.mark.parametrize("key", READERS)
def test_a_profile_exactly_as_the_reader_expects_reads_fifty_fifty(readers, key):
    reader = readers.by_key(key)
    assert np.abs(reader.contributions(reader.expected[None, :])).max() <= 1e-12
    assert reader.intercept == 0.0


def test_no_reader_sees_more_than_500_connections(readers):
    """LinkedIn shows "500+" beyond 500: 600 and 20,000 connections read alike for everyone."""
    for reader in readers.readers.values():
        seen = reader.contribution("connections", np.array([SIGNALS["connections"].encode(v) for v in (600, 20_000)]))
        assert seen[0] == seen[1]
