from __future__ import annotations

import numpy as np

from model.population import draw, population, segment
from tests.saying import raises_saying
from words.errors import explain


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


def test_communications_candidates_have_bigger_networks_and_more_press_contacts():
    everyone, candidates = population().profiles, segment("communication").profiles
    assert candidates["connections"].median() > everyone["connections"].median()
    assert (candidates["press_contacts"] > 0).mean() > (everyone["press_contacts"] > 0).mean()
    assert (candidates["press_contacts"] <= candidates["connections"]).all()


def test_an_unknown_segment_is_refused_in_both_languages():
    with raises_saying("no segment 'marketing'") as caught:
        segment("marketing")
    assert "pas de segment 'marketing'" in explain(caught.value, "fr")


def test_a_context_compares_with_its_segment(readers):
    assert readers.by_key("recruiter/communication").comparison().profiles.equals(segment("communication").profiles)
    assert readers.by_key("recruiter").comparison().profiles.equals(population().profiles)
