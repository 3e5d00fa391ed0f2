"""Readings a coach would sign: each correction the issue measured, and the honest numbers."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from model.comparison import differences
from model.population import Population, population, segment
from model.profile import from_signals, loads
from model.reader import Reader
from model.reading import read, read_all
from model.signals import NAMES, encode_frame, encode_row

PRESETS = Path(__file__).resolve().parent.parent / "data" / "presets"
GOOD = {
    "connections": 450, "invitation_note_rate": 0.5, "recommendations_received": 4, "press_contacts": 2,
    "company_posts_90d": 2, "comments_90d": 8, "has_photo": True, "has_headline": True, "summary_words": 150,
    "positions_listed": 5, "skills_listed": 20, "cv_mismatches": 0, "posts_90d": 4, "shares_90d": 3,
    "on_topic_share": 0.8, "controversial_share": 0.0, "active_weeks_26": 15, "reactions_90d": 30,
    "days_since_last_activity": 3,
}  # fmt: skip
BEST = {
    "connections": 500, "invitation_note_rate": 1.0, "recommendations_received": 10, "press_contacts": 20,
    "company_posts_90d": 4, "comments_90d": 20, "has_photo": True, "has_headline": True, "summary_words": 150,
    "positions_listed": 6, "skills_listed": 30, "cv_mismatches": 0, "posts_90d": 12, "shares_90d": 10,
    "on_topic_share": 0.9, "controversial_share": 0.0, "active_weeks_26": 26, "reactions_90d": 60,
    "days_since_last_activity": 0,
}  # fmt: skip


def preset(name: str):
    return loads((PRESETS / f"{name}.json").read_text("utf-8"))


def test_eight_cv_discrepancies_sink_a_good_profile_with_a_recruiter(readers):
    """E16: a CV–profile mismatch is the top reason for rejection. Was read 90 % favourable."""
    good = read(readers.get("recruiter"), from_signals(GOOD))
    eight = read(readers.get("recruiter"), from_signals({**GOOD, "cv_mismatches": 8}))
    assert good.probability > 0.85
    assert eight.probability < 0.35
    assert eight.contributions["cv_mismatches"] <= -4.0


@pytest.mark.parametrize("key", ["journalist", "peer", "recruiter", "recruiter/communication"])
def test_a_polarising_profile_reads_unfavourable_for_every_reader(readers, key):
    """E14; the seed's "ni bien ni mal": 0 % is neutral, a large share is not. Was 97–99.6 %."""
    reader = readers.by_key(key)
    none = read(reader, from_signals({**GOOD, "controversial_share": 0.0}))
    polarising = read(reader, from_signals({**GOOD, "controversial_share": 0.7}))
    assert none.contributions["controversial_share"] == 0.0
    assert polarising.contributions["controversial_share"] <= -1.5
    assert polarising.probability < none.probability - 0.2


def test_an_invitation_without_a_note_is_not_praised_by_a_peer(readers):
    """The seed's own bad example: invitations with a note 10 % of the time. Was 'in your favour'."""
    reading = read(readers.get("peer"), from_signals({**GOOD, "invitation_note_rate": 0.1}))
    assert reading.verdicts["invitation_note_rate"] == "unfavourable"


def test_the_seeds_silent_expert_reads_unfavourable_for_a_communications_role(readers):
    """Not being active is information: was read 94 % favourable for a communications role."""
    expert = preset("silent_expert")
    assert read(readers.get("recruiter", "communication"), expert).probability < 0.4
    assert (
        read(readers.get("recruiter", "communication"), expert).probability < read(readers.get("recruiter"), expert).probability
    )


def test_the_seeds_communications_manager_reads_worse_for_a_communications_recruiter(readers):
    manager = preset("comms_manager")
    communication = read(readers.get("recruiter", "communication"), manager)
    assert communication.probability < 0.3
    assert communication.probability < read(readers.get("recruiter"), manager).probability - 0.4
    assert {"press_contacts", "company_posts_90d", "connections"} <= {
        r.signal for r in communication.strongest("unfavourable", 5)
    }


@pytest.mark.parametrize("key", ["journalist", "peer", "recruiter", "recruiter/communication"])
def test_a_profile_best_on_everything_reads_very_favourable_not_certain(readers, key):
    """One behaviour counted once: the activity signals share one bounded weight."""
    probability = read(readers.by_key(key), from_signals(BEST)).probability
    assert 0.9 < probability < 0.995


def test_the_sample_export_does_not_read_certain(readers):
    from model.linkedin import import_export
    from model.paths import DATA_DIR

    profile = from_signals(import_export((DATA_DIR / "samples" / "sample_export.zip").read_bytes()).signals)
    assert all(r.probability < 0.995 for r in read_all(readers, profile))


def test_a_profile_with_only_connections_gives_a_range_and_no_verdict(readers):
    """Was read 4 % as if the 18 assumed values were facts."""
    reading = read(readers.get("recruiter"), from_signals({"connections": 300}))
    low, high = reading.range
    assert low < reading.probability < high
    assert high - low > 0.3
    assert not reading.readable
    assert "cv_mismatches" in reading.missing and "connections" not in reading.missing


def test_a_complete_profile_has_a_range_of_one_point_and_a_verdict(readers):
    reading = read(readers.get("recruiter"), preset("comms_manager"))
    assert reading.range == (reading.probability, reading.probability)
    assert reading.readable and reading.missing == ()


def test_where_you_stand_is_a_percentile_among_members(readers):
    weak = read(readers.get("peer"), preset("thin_graduate")).percentile
    strong = read(readers.get("peer"), preset("regular_contributor")).percentile
    assert 0 <= weak < 30 < 70 < strong <= 100


def declared_logits(reader: Reader, X: np.ndarray) -> np.ndarray:
    """Each encoded profile's logit as the persona file declares it, signal by signal
    (`SignalReading.contribution` on each distinct value), not through the reader's arrays."""
    total = np.zeros(len(X))
    for j, name in enumerate(NAMES):
        values, inverse = np.unique(X[:, j], return_inverse=True)
        total += np.array([reader.readings[name].contribution(float(v)) for v in values])[inverse.reshape(-1)]
    return reader.intercept + total


def logit(p: float) -> float:
    return math.log(p / (1 - p))


MANAGER = json.loads((PRESETS / "comms_manager.json").read_text("utf-8"))["signals"]


@pytest.mark.parametrize(
    ("key", "members"),
    [
        ("recruiter", population),
        ("recruiter/communication", lambda: segment("communication")),
        ("peer", population),
        ("journalist", population),
    ],
)
def test_where_you_stand_is_the_share_of_compared_members_read_lower(readers, key: str, members: Callable[[], Population]):
    """The seed's communications manager, placed among the members (or a context's segment) by
    hand: every member's logit from the persona file, and the share strictly below."""
    reader = readers.by_key(key)
    manager = from_signals(MANAGER)
    reading = read(reader, manager)
    own = float(declared_logits(reader, encode_row(manager.values)[None, :])[0])
    assert reading.logit == pytest.approx(own, abs=1e-9)
    others = declared_logits(reader, encode_frame(members().profiles))
    assert reading.percentile == pytest.approx(100 * float(np.mean(others < own - 1e-9)), abs=0.01)
    assert 5 < reading.percentile < 95


@pytest.mark.parametrize("assumed", ["connections", "cv_mismatches"])
def test_the_range_is_the_members_10th_to_90th_on_the_one_assumed_signal(readers, assumed):
    """Complete, the range is the probability itself; with one signal assumed, it spans what the
    members' values of that signal give (10th to 90th percentile, the reading itself included)."""
    reader = readers.get("recruiter")
    complete = read(reader, from_signals(MANAGER))
    assert complete.range == (complete.probability, complete.probability)
    profile = from_signals({name: value for name, value in MANAGER.items() if name != assumed})
    reading = read(reader, profile)
    assert reading.assumed == (assumed,)
    j = NAMES.index(assumed)
    declared = reader.readings[assumed]
    given = reading.logit - declared.contribution(float(encode_row(profile.values)[j]))
    spread = given + np.array([declared.contribution(float(v)) for v in encode_frame(population().profiles)[:, j]])
    q10, q90 = np.quantile(spread, (0.1, 0.9))
    low, high = (logit(p) for p in reading.range)
    assert low == pytest.approx(min(q10, reading.logit), abs=0.05)
    assert high == pytest.approx(max(q90, reading.logit), abs=0.05)
    assert high - low > 0.5


def test_signals_the_reader_does_not_read_leave_no_range_when_assumed(readers):
    """The peer ignores press contacts, positions and shares: assuming them changes nothing."""
    peer = readers.get("peer")
    complete = read(peer, from_signals(MANAGER))
    ignored = ("press_contacts", "positions_listed", "shares_90d")
    reading = read(peer, from_signals({name: value for name, value in MANAGER.items() if name not in ignored}))
    assert set(reading.assumed) == set(ignored)
    assert reading.probability == complete.probability
    assert reading.range == (complete.probability, complete.probability)
    assert reading.readable and reading.missing == ()


def test_a_context_compares_with_its_own_segment(readers):
    """A communications recruiter places a candidate among communications candidates, who have
    more connections and press contacts than members at large: the same profile stands lower."""
    manager = preset("comms_manager")
    general = read(readers.get("recruiter"), manager).percentile
    communication = read(readers.get("recruiter", "communication"), manager).percentile
    assert communication < general


def test_readers_differ_on_press_contacts_connections_and_company_posts(readers):
    """The seed's point on its own example: 'the readers agree on every signal' was said above a
    heatmap where press contacts weighed −3.3 for one reader and 0 for the others."""
    found = {d.signal: d for d in differences(read_all(readers, preset("comms_manager")))}
    assert {"press_contacts", "connections", "company_posts_90d"} <= set(found)
    spreads = [d.spread for d in differences(read_all(readers, preset("comms_manager")))]
    assert spreads == sorted(spreads, reverse=True)
    assert found["press_contacts"].by_reader["recruiter/communication"] < -1 < 0 == found["press_contacts"].by_reader["peer"]


def test_the_json_contract_has_range_percentile_readable_basis_and_reasons(readers):
    from words.readings import reading_json

    reading = read(readers.get("recruiter"), from_signals({"connections": 300}))
    document = json.loads(json.dumps(reading_json(reading, "en")))
    assert document["probability"] == reading.probability
    assert document["range"] == list(reading.range) and document["range"][1] - document["range"][0] > 0.3
    assert document["percentile"] == reading.percentile
    assert document["readable"] is False and document["missing"]
    assert document["basis"] == {"kind": "textbook"}
    assert all({"signal", "verdict", "text", "sources"} <= set(r) for r in document["reasons"])


@pytest.mark.parametrize(
    ("share", "lang", "said"),
    [
        (0.1, "fr", "Vos invitations avec un mot (10\u202f%) jouent contre vous auprès d'un journaliste"),
        (1.0, "fr", "Vos invitations avec un mot (100\u202f%) jouent en votre faveur auprès d'un journaliste"),
        (0.1, "en", "Your invitations with a note (10%) work against you with a journalist"),
        (1.0, "en", "Your invitations with a note (100%) work in your favour with a journalist"),
    ],
)
def test_a_share_of_invitations_takes_the_verb_of_its_plural_noun_whatever_the_share(readers, share, lang, said):
    """The share is a number, but the subject is "your invitations": was "Vos invitations avec un
    mot (10 %) joue contre vous" (French counts 0.1 as singular) and "… (100%) works …"."""
    from words.readings import reading_json

    reading = read(readers.get("journalist"), from_signals({**GOOD, "invitation_note_rate": share}))
    assert any(sentence.startswith(said) for sentence in reading_json(reading, lang)["sentences"])
