from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.linear_model import LogisticRegression
from sklearn.utils.estimator_checks import parametrize_with_checks

from model.additive import AdditiveClassifier, _ramps


def shape(model: AdditiveClassifier, feature: int, grid: np.ndarray) -> np.ndarray:
    """Feature `feature`'s contribution along `grid`, through the public `contributions` (each
    feature's contribution depends on its own column only, so the others can be anything)."""
    X = np.zeros((len(grid), model.n_features_in_))
    X[:, feature] = grid
    return model.contributions(X)[:, feature]


@parametrize_with_checks([AdditiveClassifier(), AdditiveClassifier(monotone=None, knots=None, n_knots=4)])
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
    assert np.diff(shape(model, 0, grid)).max() <= 1e-12
    assert np.diff(shape(model, 1, grid)).min() >= -1e-12


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=0, max_value=2**31 - 1))
def test_the_fit_is_the_penalised_logistic_regression_on_the_same_basis(seed):
    """Checked against an independent computation: scikit-learn's LogisticRegression on the same
    ramp basis, with the same L2 penalty, gives the same decision function."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(300, 2))
    y = (X[:, 0] + np.sin(2 * X[:, 1]) + rng.logistic(size=300) > 0).astype(int)
    ours = AdditiveClassifier(alpha=2.0).fit(X, y)
    basis = np.hstack([np.zeros((300, 2)), *(_ramps(X[:, j], ours.knots_[j]) for j in range(2))])
    basis = basis[:, 2:]
    # scikit-learn's C is 1/alpha on the summed (not averaged) log-loss; intercept unpenalised
    theirs = LogisticRegression(C=1 / 2.0, tol=1e-10, max_iter=10_000).fit(basis, y)
    assert np.allclose(ours.decision_function(X), theirs.decision_function(basis), atol=1e-4)


def test_with_a_prior_and_no_contrary_evidence_the_prior_stays():
    class Prior:
        intercept = 0.0

        def contributions(self, X):
            return np.column_stack([2.0 * X[:, 0], np.zeros(len(X))])

    rng = np.random.default_rng(1)
    X = rng.normal(size=(2000, 2))
    y = (2.0 * X[:, 0] + rng.logistic(size=2000) > 0).astype(int)
    model = AdditiveClassifier(prior=Prior(), knots=[np.linspace(-2, 2, 5)] * 2).fit(X, y)
    assert abs(model.scales_[0] - 1.0) < 0.15
    assert np.abs(shape(model, 1, np.linspace(-2, 2, 9))).max() < 0.6
