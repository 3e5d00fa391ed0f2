from __future__ import annotations

import numpy as np

from model.population import draw, population


def test_connections_are_heavy_tailed():
    connections = population().profiles["connections"]
    assert connections.quantile(0.99) > 10 * connections.median()


def test_most_members_rarely_post():
    assert (population().profiles["posts_90d"] == 0).mean() > 0.7


def test_activity_signals_move_together():
    frame = population().profiles
    rho = frame[["posts_90d", "comments_90d", "reactions_90d", "active_weeks_26"]].corr(method="spearman")
    assert (rho.to_numpy()[np.triu_indices(4, 1)] > 0.3).all()


def test_profiles_are_consistent():
    frame = population().profiles
    assert (frame["press_contacts"] <= frame["connections"]).all()
    active = frame[["posts_90d", "shares_90d", "comments_90d", "reactions_90d"]].sum(axis=1) > 0
    assert (frame.loc[active, "active_weeks_26"] >= 1).all()
    assert (frame.loc[active, "days_since_last_activity"] < 90).all()


def test_the_same_seed_draws_the_same_profiles():
    assert draw(500, 7).equals(draw(500, 7))
    assert not draw(500, 7).equals(draw(500, 8))
