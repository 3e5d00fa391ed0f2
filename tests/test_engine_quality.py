"""The reading model ranks held-out judgements almost as well as the priorities that made them.

The bar (held-out AUC >= 0.99 x the oracle's, the oracle being the persona's own generating
priorities) is issue 2's quality goal; benchmarks/bench_engine.py measures it for every reader.
"""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

from model.features import encode_frame
from model.judgements import FAVOURABLE, Judgements, generate, oracle_logit, synthetic
from model.reader import fit

BAR = 0.99


@pytest.fixture(scope="module")
def recruiter_split(readers):
    """The recruiter's committed judgement set, split 75/25 stratified (seed 7, as the benchmark),
    and the reader fitted by model.reader.fit on the training rows only."""
    persona = readers.get("recruiter").persona
    judgements = synthetic(persona, None)
    X, y = encode_frame(judgements.profiles), judgements.verdicts
    train, test = train_test_split(np.arange(len(y)), test_size=0.25, random_state=7, stratify=y)
    training = Judgements(
        profiles=judgements.profiles.iloc[train].reset_index(drop=True),
        verdicts=y[train],
        source=judgements.source,
        synthetic=True,
    )
    model = fit(persona, None, training).model
    oracle = roc_auc_score(y[test], oracle_logit(persona, None, X[test]))
    return model, X[train], y[train], X[test], y[test], oracle


def test_held_out_auc_is_at_least_99_percent_of_the_oracle(recruiter_split):
    model, _, _, X_test, y_test, oracle = recruiter_split
    ours = roc_auc_score(y_test, model.decision_function(X_test))
    assert ours >= BAR * oracle, f"held-out AUC {ours:.4f} < {BAR} x oracle {oracle:.4f}"


def test_the_bar_rejects_a_model_that_has_not_learnt_the_shapes(recruiter_split):
    """The bar has power: the same model smoothed almost flat (alpha 1e4) falls below it."""
    model, X_train, y_train, X_test, y_test, oracle = recruiter_split
    flat = clone(model).set_params(alpha=1e4).fit(X_train, y_train)
    assert roc_auc_score(y_test, flat.decision_function(X_test)) < BAR * oracle


def test_the_fitted_recruiter_ranks_fresh_judgements_almost_as_well_as_its_own_priorities(readers):
    reader = readers.get("recruiter")
    fresh = generate(reader.persona, None, 5000, seed=12345)
    verdicts = (fresh.pop("verdict") == FAVOURABLE).to_numpy(dtype=int)
    X = encode_frame(fresh)
    ours = roc_auc_score(verdicts, reader.model.decision_function(X))
    oracle = roc_auc_score(verdicts, oracle_logit(reader.persona, None, X))
    assert ours >= BAR * oracle, (ours, oracle)
