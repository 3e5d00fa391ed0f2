"""An additive (glass-box) binary classifier: log-odds = intercept + one shape per feature.

Each feature's shape is piecewise linear between knots placed at the training data's
quantiles, constant outside them (where a signal stops mattering). It is fitted by penalised
logistic regression over ramp functions, whose coefficients are the shape's rises between
knots; L-BFGS-B bounds on those rises make a declared direction exact (monotone increasing
or decreasing), not just likely.

Contributions are centred on a reference row (the population's typical profile), so the
reference scores exactly `intercept_` and each contribution says how much better or worse a
value reads than the typical one.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit, log_expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data
from threadpoolctl import ThreadpoolController


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
        Iterations of L-BFGS-B at most.

    Attributes
    ----------
    classes_ : ndarray of shape (2,)
    intercept_ : float
        Log-odds of the reference row.
    knots_ : list of ndarray
        Knots of each feature's shape.
    values_ : list of ndarray
        Each shape's value at its knots, centred on the reference.
    n_iter_ : int

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
    ) -> None:
        self.n_knots = n_knots
        self.alpha = alpha
        self.monotone = monotone
        self.reference = reference
        self.max_iter = max_iter

    def __sklearn_tags__(self):  # noqa: ANN204 - sklearn's Tags type
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_class = False
        return tags

    def fit(self, X, y) -> AdditiveClassifier:  # noqa: ANN001 - array-likes, as sklearn
        """Fit the shapes on `X` (n_samples, n_features) and binary labels `y`."""
        X, y = validate_data(self, X, y, dtype=np.float64)
        check_classification_targets(y)
        self.classes_ = np.unique(y)
        if len(self.classes_) != 2:
            raise ValueError(
                "Only binary classification is supported: AdditiveClassifier needs two classes "
                f"to learn from, got {len(self.classes_)} class(es)"
            )
        n_features = X.shape[1]
        monotone = self._monotone(n_features)
        knots = [self._knots(X[:, j]) for j in range(n_features)]
        basis = np.hstack([_ramps(X[:, j], knots[j]) for j in range(n_features)])
        bounds = [(None, None)] + [_bound(monotone[j]) for j in range(n_features) for _ in range(len(knots[j]) - 1)]
        sign = np.where(y == self.classes_[1], 1.0, -1.0)
        theta, self.n_iter_ = _fit_logistic(basis, sign, float(self.alpha), bounds, int(self.max_iter))
        rises = np.split(theta[1:], np.cumsum([len(k) - 1 for k in knots])[:-1])
        raw = [np.concatenate([[0.0], np.cumsum(r)]) for r in rises]
        reference = self._reference(X)
        at_reference = np.array([np.interp(reference[j], knots[j], raw[j]) for j in range(n_features)])
        self.knots_ = knots
        self.values_ = [raw[j] - at_reference[j] for j in range(n_features)]
        self.intercept_ = float(theta[0] + at_reference.sum())
        self.reference_ = reference
        return self

    def contributions(self, X) -> np.ndarray:  # noqa: ANN001
        """Each feature's contribution to the log-odds, shape (n_samples, n_features)."""
        check_is_fitted(self)
        X = validate_data(self, X, dtype=np.float64, reset=False)
        return self._contributions(X)

    def _contributions(self, X: np.ndarray) -> np.ndarray:
        return np.column_stack([np.interp(X[:, j], self.knots_[j], self.values_[j]) for j in range(X.shape[1])])

    def decision_function(self, X) -> np.ndarray:  # noqa: ANN001
        """Log-odds of ``classes_[1]``: intercept plus the sum of contributions."""
        contributions = self.contributions(X)
        return self.intercept_ + contributions.sum(axis=1)

    def predict_proba(self, X) -> np.ndarray:  # noqa: ANN001
        p = expit(self.decision_function(X))
        return np.column_stack([1.0 - p, p])

    def predict(self, X) -> np.ndarray:  # noqa: ANN001
        decision = self.decision_function(X)
        return self.classes_[(decision > 0).astype(int)]

    def shape(self, feature: int, grid) -> np.ndarray:  # noqa: ANN001
        """Feature `feature`'s centred shape function evaluated on `grid` (for plots)."""
        check_is_fitted(self)
        return np.interp(np.asarray(grid, dtype=np.float64), self.knots_[feature], self.values_[feature])

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
            return np.median(X, axis=0)
        reference = np.asarray(self.reference, dtype=np.float64)
        if reference.shape != (X.shape[1],):
            raise ValueError(f"reference needs one value per feature ({X.shape[1]} features)")
        return reference


def _ramps(column: np.ndarray, knots: np.ndarray) -> np.ndarray:
    """Ramp k rises from 0 at knot k to 1 at knot k+1: the shape's rises are their weights."""
    if len(knots) < 2:
        return np.empty((len(column), 0))
    return np.clip((column[:, None] - knots[:-1]) / np.diff(knots), 0.0, 1.0)


def _bound(direction: int) -> tuple[float | None, float | None]:
    return {1: (0.0, None), -1: (None, 0.0), 0: (None, None)}[int(direction)]


def _fit_logistic(basis: np.ndarray, sign: np.ndarray, alpha: float, bounds: list, max_iter: int) -> tuple[np.ndarray, int]:
    """Penalised logistic regression with bounded coefficients; returns (theta, iterations)."""
    design = np.hstack([np.ones((len(basis), 1)), basis])
    penalty = np.full(design.shape[1], alpha)
    penalty[0] = 0.0

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        margin = sign * (design @ theta)
        value = -log_expit(margin).sum() + 0.5 * float(penalty @ theta**2)
        gradient = -design.T @ (sign * expit(-margin)) + penalty * theta
        return value, gradient

    # ftol 1e-6 stops once an iteration improves the loss by less than a millionth (on 4,000
    # judgements, far below what moves a reading); a longer memory (maxcor 20) needs fewer
    # iterations. Together they halve the fit time for the same AUC (benchmarks/bench_engine.py).
    # One BLAS thread: each iteration is two matrix-vector products, too small to share out.
    # On a 2-core machine OpenBLAS's second thread made fitting every reader 2-6x slower and
    # erratic (250 ms vs 420-1,700 ms for load_readers), and single-threaded products were
    # faster up to 300,000 judgements.
    with _blas_controller().limit(limits=1, user_api="blas"):
        result = minimize(
            loss,
            np.zeros(design.shape[1]),
            jac=True,
            method="L-BFGS-B",
            bounds=bounds,
            options={"maxiter": max_iter, "ftol": 1e-6, "maxcor": 20},
        )
    return result.x, max(int(result.nit), 1)


@cache
def _blas_controller() -> ThreadpoolController:
    """The process's thread pools, inspected once (numpy's and scipy's BLAS are loaded by then)."""
    return ThreadpoolController()
