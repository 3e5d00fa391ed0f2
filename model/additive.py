"""An additive (glass-box) binary classifier: log-odds = intercept + one shape per feature.

Each feature's shape is piecewise linear between knots (the training data's quantiles, or
knots given), constant outside them (where a signal stops mattering). It is fitted by
penalised logistic regression over ramp functions, whose coefficients are the shape's rises
between knots; L-BFGS-B bounds on those rises make a declared direction exact (monotone
increasing or decreasing), not just likely.

With a `prior` (another additive reader, e.g. the textbook one), each shape is the prior's
shape times a learned scale, plus learned rises; the penalty pulls the scales towards 1 and
the rises towards 0, so few judgements leave the prior nearly as it is and many can overturn
it (a scale can reach 0 or turn negative). Without bounds the fit is Newton's method on a
convex loss, and the inverse Hessian at the optimum (the Laplace approximation) gives the
reading's uncertainty.

Contributions are centred on a reference row (what the reader expects), so the reference
scores exactly `intercept_` and each contribution says how much better or worse a value reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any, Protocol

import numpy as np
from numpy.typing import ArrayLike
from scipy.optimize import minimize
from scipy.special import expit, log_expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data
from threadpoolctl import ThreadpoolController


class Prior(Protocol):
    """An additive reader to learn from: its intercept and its contributions on rows of X."""

    intercept: float

    def contributions(self, X: np.ndarray) -> np.ndarray: ...


class AdditiveClassifier(ClassifierMixin, BaseEstimator):
    """Binary classifier whose log-odds is an intercept plus one shape function per feature.

    Parameters
    ----------
    n_knots : int, default=8
        Largest number of knots per feature (fewer when a feature has fewer distinct values).
    alpha : float, default=10.0
        Ridge penalty on the rises between knots: larger is smoother. It is not scaled by the
        number of rows, so it weighs less as judgements grow. 10 fits the readers' 3,000-4,000
        judgements best (held-out AUC and log-loss, benchmarks/bench_engine.py); 1 overfitted them.
    monotone : sequence of {-1, 0, 1} or None, default=None
        Per feature: 1 forces a non-decreasing shape, -1 non-increasing, 0 leaves it free.
    reference : array-like of shape (n_features,) or None, default=None
        The row that scores exactly ``intercept_``; None uses the training medians.
    max_iter : int, default=500
        Iterations of L-BFGS-B (or Newton) at most.
    knots : sequence of array-like or None, default=None
        Knots per feature; None places them at the training data's quantiles. Fixed knots keep
        a refit on a handful of judgements stable.
    prior : object with ``intercept`` and ``contributions(X)``, or None, default=None
        The reader to start from. With a prior, labels must be 0/1 (or booleans) and a single
        class is allowed: the prior knows both.
    alpha_scale : float, default=4.0
        Penalty pulling each feature's scale of the prior towards 1.
    alpha_intercept : float, default=1.0
        Penalty pulling the intercept towards the prior's (only with a prior).

    Attributes
    ----------
    classes_ : ndarray of shape (2,)
    intercept_ : float
        Log-odds of the reference row.
    knots_ : list of ndarray
        Knots of each feature's shape.
    rises_ : list of ndarray
        Each shape's learned corrections at its knots (before centring).
    coef_ : ndarray
        The fitted coefficients over [intercept, scales, rises] (what ``covariance_`` is over).
    n_iter_ : int
    scales_ : ndarray of shape (n_features,)
        The prior's shape is multiplied by these (zeros without a prior).
    covariance_ : ndarray or None
        Inverse Hessian of the penalised loss at the optimum (Laplace approximation), over
        [intercept, scales, rises]; None when bounds were active.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]])
    >>> clf = AdditiveClassifier(monotone=[1]).fit(X, [0, 0, 0, 1, 1, 1])
    >>> clf.predict([[0.5], [4.5]]).tolist()
    [0, 1]
    >>> bool(np.isclose(clf.intercept_ + clf.contributions(X).sum(axis=1), clf.decision_function(X)).all())
    True
    """

    def __init__(
        self,
        n_knots: int = 8,
        alpha: float = 10.0,
        monotone: Sequence[int] | None = None,
        reference: Sequence[float] | None = None,
        max_iter: int = 500,
        knots: Sequence[Sequence[float]] | None = None,
        prior: Prior | None = None,
        alpha_scale: float = 4.0,
        alpha_intercept: float = 1.0,
    ) -> None:
        self.n_knots = n_knots
        self.alpha = alpha
        self.monotone = monotone
        self.reference = reference
        self.max_iter = max_iter
        self.knots = knots
        self.prior = prior
        self.alpha_scale = alpha_scale
        self.alpha_intercept = alpha_intercept

    def __sklearn_tags__(self) -> Any:  # sklearn's Tags type
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_class = False
        return tags

    def fit(self, X: Any, y: Any) -> AdditiveClassifier:  # array-likes, as scikit-learn takes them
        """Fit the shapes on `X` (n_samples, n_features) and binary labels `y`."""
        checked_X, checked_y = validate_data(self, X, y, dtype=np.float64)
        X, y = np.asarray(checked_X, dtype=np.float64), np.asarray(checked_y)
        check_classification_targets(y)
        positive = self._positive(y)
        n_features = X.shape[1]
        monotone = self._monotone(n_features)
        knots = self._all_knots(X)
        ramps = np.hstack([_ramps(X[:, j], knots[j]) for j in range(n_features)])
        prior = self._prior_contributions(X)
        design = np.hstack([np.ones((len(X), 1)), prior, ramps])
        n_rises = ramps.shape[1]
        mean = np.r_[
            self._prior_intercept(), np.ones(n_features) if self.prior is not None else np.zeros(n_features), np.zeros(n_rises)
        ]
        penalty = np.r_[
            float(self.alpha_intercept) if self.prior is not None else 0.0,
            np.full(n_features, float(self.alpha_scale) if self.prior is not None else 1.0),
            np.full(n_rises, float(self.alpha)),
        ]
        sign = np.where(positive, 1.0, -1.0)
        if monotone.any():
            bounds = [(None, None)] * (1 + n_features) + [
                _bound(monotone[j]) for j in range(n_features) for _ in range(len(knots[j]) - 1)
            ]
            theta, self.n_iter_ = _fit_bounded(design, sign, penalty, mean, bounds, int(self.max_iter))
            self.covariance_ = None
        else:
            theta, self.n_iter_, self.covariance_ = _fit_newton(design, sign, penalty, mean, int(self.max_iter))
        self.scales_ = theta[1 : 1 + n_features] if self.prior is not None else np.zeros(n_features)
        rises = np.split(theta[1 + n_features :], np.cumsum([len(k) - 1 for k in knots])[:-1])
        raw = [np.concatenate([[0.0], np.cumsum(r)]) for r in rises]
        self.knots_ = knots
        self.rises_ = raw
        at_reference = self._raw_shapes(self._reference(X)[None, :])[0]
        self._at_reference = at_reference
        self.intercept_ = float(theta[0] + at_reference.sum())
        self.coef_ = theta
        return self

    def _positive(self, y: np.ndarray) -> np.ndarray:
        if self.prior is not None:
            labels = np.asarray(y)
            if not np.isin(labels, (0, 1)).all():
                raise ValueError("with a prior, labels must be 0 (unfavourable) or 1 (favourable)")
            self.classes_ = np.array([0, 1])
            return np.asarray(labels.astype(int) == 1)
        self.classes_ = np.unique(y)
        if len(self.classes_) != 2:
            raise ValueError(
                "Only binary classification is supported: AdditiveClassifier needs two classes "
                f"to learn from, got {len(self.classes_)} class(es)"
            )
        return np.asarray(y == self.classes_[1])

    def _prior_intercept(self) -> float:
        return float(self.prior.intercept) if self.prior is not None else 0.0

    def _prior_contributions(self, X: np.ndarray) -> np.ndarray:
        if self.prior is None:
            return np.zeros_like(X)
        return np.asarray(self.prior.contributions(X), dtype=np.float64)

    def _all_knots(self, X: np.ndarray) -> list[np.ndarray]:
        if self.knots is None:
            return [self._knots(X[:, j]) for j in range(X.shape[1])]
        if len(self.knots) != X.shape[1]:
            raise ValueError(f"knots needs one array per feature ({X.shape[1]} features)")
        return [np.unique(np.asarray(k, dtype=np.float64)) for k in self.knots]

    def _raw_shapes(self, X: np.ndarray) -> np.ndarray:
        """Each feature's uncentred shape: the prior's scaled plus the learned rises."""
        ramps = np.column_stack([np.interp(X[:, j], self.knots_[j], self.rises_[j]) for j in range(X.shape[1])])
        return np.asarray(self.scales_ * self._prior_contributions(X) + ramps, dtype=np.float64)

    def contributions(self, X: ArrayLike) -> np.ndarray:
        """Each feature's contribution to the log-odds, shape (n_samples, n_features)."""
        check_is_fitted(self)
        checked = np.asarray(validate_data(self, X, dtype=np.float64, reset=False), dtype=np.float64)
        return self._contributions(checked)

    def _contributions(self, X: np.ndarray) -> np.ndarray:
        return np.asarray(self._raw_shapes(X) - self._at_reference, dtype=np.float64)

    def design(self, X: np.ndarray) -> np.ndarray:
        """The rows the coefficients multiply: [1, prior contributions, ramps] (for the Laplace band)."""
        ramps = np.hstack([_ramps(X[:, j], self.knots_[j]) for j in range(X.shape[1])])
        return np.hstack([np.ones((len(X), 1)), self._prior_contributions(X), ramps])

    def logit_sd(self, X: ArrayLike) -> np.ndarray | None:
        """The standard deviation of each row's log-odds under the Laplace approximation."""
        check_is_fitted(self)
        if self.covariance_ is None:
            return None
        rows = self.design(np.asarray(X, dtype=np.float64))
        variance = np.einsum("ij,jk,ik->i", rows, self.covariance_, rows)
        return np.asarray(np.sqrt(np.maximum(variance, 0.0)), dtype=np.float64)

    def decision_function(self, X: ArrayLike) -> np.ndarray:
        """Log-odds of ``classes_[1]``: intercept plus the sum of contributions."""
        contributions = self.contributions(X)
        return np.asarray(self.intercept_ + contributions.sum(axis=1), dtype=np.float64)

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        p = expit(self.decision_function(X))
        return np.column_stack([1.0 - p, p])

    def predict(self, X: ArrayLike) -> np.ndarray:
        decision = self.decision_function(X)
        return np.asarray(self.classes_[(decision > 0).astype(int)])

    def _monotone(self, n_features: int) -> np.ndarray:
        if self.monotone is None:
            return np.zeros(n_features, dtype=int)
        monotone = np.asarray(self.monotone, dtype=int)
        if monotone.shape != (n_features,) or not np.isin(monotone, (-1, 0, 1)).all():
            raise ValueError(f"monotone needs one of -1, 0, 1 per feature ({n_features} features)")
        return monotone

    def _knots(self, column: np.ndarray) -> np.ndarray:
        """Knots at the minimum and at quantiles of the values above it: zero-inflated signals
        (most members never post) keep knots where their values actually vary."""
        low = column.min()
        above = column[column > low]
        if above.size == 0:
            return np.array([low])
        quantiles = np.quantile(above, np.linspace(0.0, 1.0, max(int(self.n_knots), 2) - 1))
        return np.unique(np.concatenate([[low], quantiles]))

    def _reference(self, X: np.ndarray) -> np.ndarray:
        if self.reference is None:
            return np.asarray(np.median(X, axis=0), dtype=np.float64)
        reference = np.asarray(self.reference, dtype=np.float64)
        if reference.shape != (X.shape[1],):
            raise ValueError(f"reference needs one value per feature ({X.shape[1]} features)")
        return reference


def _ramps(column: np.ndarray, knots: np.ndarray) -> np.ndarray:
    """Ramp k rises from 0 at knot k to 1 at knot k+1: the shape's rises are their weights."""
    if len(knots) < 2:
        return np.empty((len(column), 0))
    return np.asarray(np.clip((column[:, None] - knots[:-1]) / np.diff(knots), 0.0, 1.0), dtype=np.float64)


def _bound(direction: int) -> tuple[float | None, float | None]:
    return {1: (0.0, None), -1: (None, 0.0), 0: (None, None)}[int(direction)]


def _fit_bounded(
    design: np.ndarray, sign: np.ndarray, penalty: np.ndarray, mean: np.ndarray, bounds: list[Any], max_iter: int
) -> tuple[np.ndarray, int]:
    """Penalised logistic regression with bounded coefficients (L-BFGS-B); returns (theta, iterations)."""

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        margin = sign * (design @ theta)
        value = -log_expit(margin).sum() + 0.5 * float(penalty @ (theta - mean) ** 2)
        gradient = -design.T @ (sign * expit(-margin)) + penalty * (theta - mean)
        return value, gradient

    # ftol 1e-6 stops once an iteration improves the loss by less than a millionth (on 4,000
    # judgements, far below what moves a reading); a longer memory (maxcor 20) needs fewer
    # iterations. One BLAS thread: each iteration is two matrix-vector products, too small to
    # share out (a second OpenBLAS thread made fitting 2-6x slower on 2 cores).
    with _blas_controller().limit(limits=1, user_api="blas"):
        result = minimize(
            loss,
            mean.copy(),
            jac=True,
            method="L-BFGS-B",
            bounds=bounds,
            options={"maxiter": max_iter, "ftol": 1e-6, "maxcor": 20},
        )
    return result.x, max(int(result.nit), 1)


def _fit_newton(
    design: np.ndarray, sign: np.ndarray, penalty: np.ndarray, mean: np.ndarray, max_iter: int
) -> tuple[np.ndarray, int, np.ndarray]:
    """Penalised logistic regression by Newton's method with step halving; returns (theta,
    iterations, inverse Hessian at the optimum). The loss is convex and, with the penalty on
    every coefficient but the intercept, has one minimum; a few iterations reach it."""
    theta = mean.copy()
    floor = np.where(penalty > 0, penalty, 1e-8)

    def loss(t: np.ndarray) -> float:
        return float(-log_expit(sign * (design @ t)).sum() + 0.5 * penalty @ (t - mean) ** 2)

    current = loss(theta)
    iterations = 0
    with _blas_controller().limit(limits=1, user_api="blas"):
        while iterations < max_iter:
            iterations += 1
            margin = sign * (design @ theta)
            p = expit(-margin)
            gradient = -design.T @ (sign * p) + penalty * (theta - mean)
            hessian = (design.T * (p * (1.0 - p))) @ design
            hessian[np.diag_indices_from(hessian)] += floor
            step = np.linalg.solve(hessian, gradient)
            size = 1.0
            while size > 1e-6:
                candidate = theta - size * step
                value = loss(candidate)
                if value <= current + 1e-12:
                    break
                size /= 2
            theta, improvement, current = candidate, current - value, value
            if improvement < 1e-9 * max(1.0, abs(current)) or float(np.abs(size * step).max()) < 1e-8:
                break
        margin = sign * (design @ theta)
        p = expit(-margin)
        hessian = (design.T * (p * (1.0 - p))) @ design
        hessian[np.diag_indices_from(hessian)] += floor
        covariance = np.linalg.inv(hessian)
    return theta, iterations, covariance


@cache
def _blas_controller() -> ThreadpoolController:
    """The process's thread pools, inspected once (numpy's and scipy's BLAS are loaded by then)."""
    return ThreadpoolController()
