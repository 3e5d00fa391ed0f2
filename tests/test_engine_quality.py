from __future__ import annotations

from sklearn.metrics import roc_auc_score

from model.features import encode_frame
from model.judgements import FAVOURABLE, generate, oracle_logit


def test_the_fitted_recruiter_ranks_fresh_judgements_almost_as_well_as_its_own_priorities(readers):
    reader = readers.get("recruiter")
    fresh = generate(reader.persona, None, 5000, seed=12345)
    verdicts = (fresh.pop("verdict") == FAVOURABLE).to_numpy(dtype=int)
    X = encode_frame(fresh)
    ours = roc_auc_score(verdicts, reader.model.decision_function(X))
    oracle = roc_auc_score(verdicts, oracle_logit(reader.persona, None, X))
    assert ours >= 0.99 * oracle, (ours, oracle)
