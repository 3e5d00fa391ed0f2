from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.utils.estimator_checks import parametrize_with_checks

from model.additive import AdditiveClassifier
from model.features import encode, encode_frame
from model.population import draw
from model.profile import from_row
from model.reading import read
from model.shapes import curve

READERS = ["recruiter", "recruiter/communication", "journalist", "peer"]


@parametrize_with_checks([AdditiveClassifier()])
def test_the_reading_model_is_a_scikit_learn_estimator(estimator, check):
    check(estimator)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=2**31 - 1))
def test_declared_directions_are_constraints_not_hopes(seed):
    """Even on labels that run against the declared direction, the fitted shape keeps it."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(200, 3))
    y = (X[:, 0] - X[:, 1] + rng.logistic(size=200) > 0).astype(int)
    model = AdditiveClassifier(monotone=[-1, 1, 0]).fit(X, y)
    grid = np.linspace(-4, 4, 200)
    assert np.diff(model.shape(0, grid)).max() <= 1e-12
    assert np.diff(model.shape(1, grid)).min() >= -1e-12


profiles = st.integers(min_value=0, max_value=2**31 - 1).map(lambda seed: draw(1, seed))


@settings(max_examples=60, deadline=None)
@given(profiles, st.sampled_from(READERS))
def test_intercept_plus_contributions_is_the_decision_function(readers, frame, key):
    model = readers.readers[key].model
    X = encode_frame(frame)
    contributions = model.contributions(X)
    assert np.allclose(model.intercept_ + contributions.sum(axis=1), model.decision_function(X), atol=1e-9, rtol=0)


@settings(max_examples=60, deadline=None)
@given(profiles, st.sampled_from(READERS))
def test_a_reading_decomposes_exactly_and_its_probability_is_a_probability(readers, frame, key):
    profile = from_row(frame.iloc[0])
    reading = read(readers.readers[key], profile)
    assert abs(reading.intercept + sum(reading.contributions.values()) - reading.logit) <= 1e-9
    assert abs(readers.readers[key].model.decision_function(encode(profile.values))[0] - reading.logit) <= 1e-9
    assert 0.0 < reading.probability < 1.0


@pytest.mark.parametrize("key", READERS)
def test_the_typical_profile_scores_zero_on_every_signal(readers, key):
    reader = readers.readers[key]
    contributions = reader.model.contributions(encode(reader.typical))[0]
    assert np.abs(contributions).max() <= 1e-12


@pytest.mark.parametrize("key", READERS)
def test_shape_curves_can_be_exported_over_the_valid_range(readers, key):
    c = curve(readers.readers[key], "connections", 180)
    assert c.grid[0] == 0 and len(c.grid) == len(c.contribution) >= 50
    assert c.here == pytest.approx(readers.readers[key].contribution("connections", np.array([180.0]))[0])
