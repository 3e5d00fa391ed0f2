"""The workshop store's rules, each against SQLite and against a real PostgreSQL server.

PostgreSQL runs when REGARDS_TEST_POSTGRES_URL is set (scripts/test.sh starts a throwaway
server and sets it); each PostgreSQL test starts from empty tables.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, false, func, inspect, literal, select

import model.workshop as workshop
from model.errors import InputError
from model.workshop import Store, data_dir, database_url
from model.workshop.codes import ALPHABET, CODE_LENGTH, normalise_code
from model.workshop.store import metadata, participant_table, profile_table, session_table, vote_table
from words.errors import explain

POSTGRES_URL = os.environ.get("REGARDS_TEST_POSTGRES_URL", "")
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


def profiles(n: int = 12) -> list[str]:
    """`n` profiles as JSON texts (their content is the domain's business, not the store's)."""
    return [json.dumps({"as_of": "2026-03-01", "signals": {"connections": 100 + 50 * i}}) for i in range(n)]


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store' / 'workshop.sqlite3'}"
        return
    if not POSTGRES_URL:
        pytest.skip("REGARDS_TEST_POSTGRES_URL is not set (scripts/test.sh starts a PostgreSQL server and sets it)")
    engine = create_engine(POSTGRES_URL)
    metadata.drop_all(engine)
    engine.dispose()
    yield POSTGRES_URL


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(url: str, clock: Clock) -> Iterator[Store]:
    store = Store(url, clock=clock)
    yield store
    store.dispose()


def rows(store: Store, table_name: str) -> int:
    """How many rows a table holds, read beside the store."""
    engine = create_engine(store.url)
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(metadata.tables[table_name])).scalar_one()
    finally:
        engine.dispose()


# -- sessions and codes ----------------------------------------------------------------------


def test_a_new_session_has_a_six_character_code_without_look_alikes(store: Store) -> None:
    created = store.create_session("recruiter", profiles())
    assert len(created.session.code) == CODE_LENGTH
    assert set(created.session.code) <= set(ALPHABET)
    assert not set("0O1I") & set(ALPHABET)


def test_a_session_keeps_what_the_trainer_set(store: Store, clock: Clock) -> None:
    texts = profiles(3)
    created = store.create_session("recruiter/communication", texts, lang="en", scale="scale_5", lifetime=timedelta(days=2))
    session = store.session(created.session.code)
    assert session == created.session
    assert (session.reader, session.lang, session.scale, session.profiles) == (
        "recruiter/communication",
        "en",
        "scale_5",
        tuple(texts),
    )
    assert (session.created_at, session.expires_at) == (clock.now, clock.now + timedelta(days=2))
    assert not session.closed and not session.revealed


def test_sessions_expire_after_seven_days_by_default(store: Store, clock: Clock) -> None:
    assert store.create_session("recruiter", profiles()).session.expires_at == clock.now + timedelta(days=7)


def test_the_trainer_secret_is_stored_only_as_a_hash(store: Store) -> None:
    created = store.create_session("recruiter", profiles())
    engine = create_engine(store.url)
    with engine.connect() as conn:
        stored = conn.execute(select(session_table.c.secret_digest)).scalar_one()
    engine.dispose()
    assert created.secret not in stored and len(stored) == 64
    assert len(created.secret) >= 40


def test_codes_are_read_whatever_the_case_spaces_and_dashes(store: Store) -> None:
    code = store.create_session("recruiter", profiles()).session.code
    typed = f" {code[:3].lower()}-{code[3:]} "
    assert store.session(typed).code == code
    assert store.join(typed).session.code == code


@pytest.mark.parametrize("typed", ["ABC", "ABCDEFG", "AB0DEF", "ABIDEF", "ABCDE!"])
def test_what_cannot_be_a_code_is_refused_saying_what_a_code_looks_like(typed: str) -> None:
    with pytest.raises(InputError) as refused:
        normalise_code(typed)
    assert refused.value.key == "workshop.not_a_code"
    assert refused.value.values == {"shown": repr(typed), "length": 6}
    assert explain(refused.value, "en").startswith(f"{typed!r} is not a workshop code: a code has 6 letters and digits")
    assert "6 lettres et chiffres" in explain(refused.value, "fr")


def test_an_unknown_code_is_refused_in_both_languages(store: Store) -> None:
    with pytest.raises(InputError) as refused:
        store.join("ZZZZZZ")
    assert refused.value.key == "workshop.unknown_code" and refused.value.values == {"code": "ZZZZZZ"}
    assert explain(refused.value, "en").startswith("No workshop has the code ZZZZZZ: it may have ended or expired")
    assert explain(refused.value, "fr").startswith("Aucun atelier n'a le code ZZZZZZ\u202f: il est peut-être terminé")


@pytest.mark.parametrize(
    ("reader", "texts", "lang", "scale", "lifetime", "key", "expected"),
    [
        ("", profiles(), "fr", "yes_no", None, "reader_missing", "reader the room plays"),
        ("recruiter", [], "fr", "yes_no", None, "profiles_not_a_list", "list of 1 to 100 profiles"),
        ("recruiter", '{"as_of": "2026-01-01"}', "fr", "yes_no", None, "profiles_not_a_list", "list of 1 to 100 profiles"),
        ("recruiter", ["{}", "{not json"], "fr", "yes_no", None, "profile_not_json", "Profile 1 of the workshop is not JSON"),
        ("recruiter", profiles(), "de", "yes_no", None, "not_a_language", "'de' is not a workshop language"),
        ("recruiter", profiles(), "fr", "scale_7", None, "not_a_scale", "'scale_7' is not an answer scale"),
        ("recruiter", profiles(), "fr", "yes_no", timedelta(0), "lifetime_out_of_range", "more than zero and at most 90 days"),
        ("recruiter", profiles(), "fr", "yes_no", timedelta(days=91), "lifetime_out_of_range", "at most 90 days, not 91 days"),
    ],
)
def test_session_creation_refuses_bad_input_saying_what_is_expected(
    store: Store, reader: str, texts: list[str], lang: str, scale: str, lifetime: timedelta | None, key: str, expected: str
) -> None:
    with pytest.raises(InputError) as refused:
        store.create_session(reader, texts, lang=lang, scale=scale, lifetime=lifetime)  # type: ignore[arg-type]
    assert refused.value.key == f"workshop.{key}"
    assert expected in explain(refused.value, "en")
    assert explain(refused.value, "fr") != explain(refused.value, "en")
    assert rows(store, "workshop_sessions") == 0


@pytest.mark.parametrize(
    ("texts", "en", "fr"),
    [
        (
            ["{}", "{not json"],
            "Profile 1 of the workshop is not JSON text of at most 100,000 characters: line 1, column 2: Expecting property name",
            "Le profil 1 de l'atelier n'est pas un texte JSON d'au plus 100\u202f000 caractères\u202f: ligne 1, colonne 2\u202f: Expecting",
        ),
        (
            [7],
            "Profile 0 of the workshop is not JSON text of at most 100,000 characters: got int.",
            "caractères\u202f: reçu int.",
        ),
        (["1" * 100_001], "at most 100,000 characters: 100,001 characters.", "caractères\u202f: 100\u202f001 caractères."),
    ],
)
def test_a_profile_that_is_not_json_text_is_refused_saying_why_in_each_language(
    store: Store, texts: list[str], en: str, fr: str
) -> None:
    with pytest.raises(InputError) as refused:
        store.create_session("recruiter", texts)
    assert refused.value.key == "workshop.profile_not_json"
    assert en in explain(refused.value, "en")
    assert fr in explain(refused.value, "fr")


def test_a_lifetime_reads_in_days_in_each_language(store: Store) -> None:
    with pytest.raises(InputError) as refused:
        store.create_session("recruiter", profiles(), lifetime=timedelta(hours=-12))
    assert refused.value.values == {"most": 90, "days": -0.5}
    assert explain(refused.value, "en") == "A workshop lasts more than zero and at most 90 days, not \u22120.5 days."
    assert explain(refused.value, "fr") == "Un atelier dure plus de zéro et au plus 90 jours, pas \u22120,5 jour."


# -- participants and votes ------------------------------------------------------------------


def test_voting_again_replaces_the_answer_and_never_counts_twice(store: Store) -> None:
    code = store.create_session("recruiter", profiles()).session.code
    token = store.join(code).token
    for answer in (1, 1, 0, 1, 0):
        store.vote(code, token, 3, answer)
    assert store.counts(code).votes[3] == 1
    assert store.resume(code, token).answers == {3: 0}
    assert rows(store, "workshop_votes") == 1


def test_counts_give_joined_and_votes_per_profile_not_the_answers(store: Store) -> None:
    code = store.create_session("recruiter", profiles(4)).session.code
    tokens = [store.join(code).token for _ in range(5)]
    for i, token in enumerate(tokens):
        for profile in range(i % 4 + 1):
            store.vote(code, token, profile, i % 2)
    assert store.counts(code) == workshop.Counts(joined=5, votes=(5, 3, 2, 1))


def test_a_participant_resumes_with_their_token_where_they_were(store: Store) -> None:
    code = store.create_session("recruiter", profiles(4), scale="scale_5").session.code
    token = store.join(code, role="journalist").token
    store.vote(code, token, 0, 4)
    store.vote(code, token, 2, 1)
    progress = store.resume(code, token)
    assert progress.answers == {0: 4, 2: 1}
    assert progress.voted == frozenset({0, 2})
    assert progress.next_profile == 1
    assert progress.role == "journalist"
    assert progress.session.code == code


def test_a_token_from_another_session_cannot_vote_there(store: Store) -> None:
    first = store.create_session("recruiter", profiles()).session.code
    second = store.create_session("journalist", profiles()).session.code
    token = store.join(first).token
    with pytest.raises(InputError) as refused:
        store.vote(second, token, 0, 1)
    assert refused.value.key == "workshop.other_workshop" and refused.value.values == {"code": second}
    assert f"belongs to another workshop, not {second}" in explain(refused.value, "en")
    assert "appartient à un autre atelier" in explain(refused.value, "fr")
    assert store.counts(first).votes[0] == store.counts(second).votes[0] == 0
    with pytest.raises(InputError) as refused:
        store.resume(second, token)
    assert refused.value.key == "workshop.other_workshop"


def test_an_unknown_token_is_refused(store: Store) -> None:
    code = store.create_session("recruiter", profiles()).session.code
    with pytest.raises(InputError) as refused:
        store.vote(code, "made-up-token", 0, 1)
    assert refused.value.key == "workshop.participant_gone" and refused.value.values == {"code": code}
    assert f"not part of workshop {code} any more" in explain(refused.value, "en")


@pytest.mark.parametrize(
    ("scale", "profile", "answer", "key", "expected"),
    [
        ("yes_no", 12, 1, "no_such_profile", "has no profile 12: its profiles are numbered 0 to 11"),
        ("yes_no", -1, 1, "no_such_profile", "has no profile -1"),
        ("yes_no", 0, 2, "not_an_answer", r"^2 is not an answer .*expected 0 \(no\) or 1 \(yes\)"),
        ("yes_no", 0, True, "not_an_answer", "^True is not an answer"),
        ("scale_5", 0, 0, "not_an_answer", r"^0 is not an answer .*expected 1 \(surely not\) to 5 \(surely\)"),
    ],
)
def test_a_vote_outside_the_profiles_or_the_scale_is_refused(
    store: Store, scale: str, profile: int, answer: int, key: str, expected: str
) -> None:
    code = store.create_session("recruiter", profiles(12), scale=scale).session.code  # type: ignore[arg-type]
    token = store.join(code).token
    with pytest.raises(InputError) as refused:
        store.vote(code, token, profile, answer)
    assert refused.value.key == f"workshop.{key}"
    assert re.search(expected, explain(refused.value, "en"))
    assert f"atelier {code}" in explain(refused.value, "fr")
    assert rows(store, "workshop_votes") == 0


def test_the_answers_a_scale_takes_read_in_french() -> None:
    from model.errors import phrase

    yes_no = InputError("workshop.not_an_answer", shown="2", code="K7QX3M", expected=phrase("workshop.answers_yes_no"))
    scale_5 = InputError("workshop.not_an_answer", shown="0", code="K7QX3M", expected=phrase("workshop.answers_scale_5"))
    assert explain(yes_no, "fr") == "2 n'est pas une réponse dans l'atelier K7QX3M\u202f: attendu 0 (non) ou 1 (oui)."
    assert explain(scale_5, "fr").endswith("attendu de 1 (sûrement pas) à 5 (sûrement).")


def test_a_vote_the_store_could_not_write_asks_to_answer_again(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every rule allows the vote but it was not written (a race the rules did not see): the
    participant is asked to answer again, never shown a vote as counted."""
    code = store.create_session("recruiter", profiles()).session.code
    token = store.join(code).token
    monkeypatch.setattr(store, "_upsert", select(literal(1)).where(false()))  # a statement that writes nothing
    with pytest.raises(InputError) as refused:
        store.vote(code, token, 0, 1)
    assert refused.value.key == "workshop.vote_not_stored" and refused.value.values == {"code": code}
    assert explain(refused.value, "en") == f"The vote in workshop {code} could not be stored just now. Please answer again."
    assert explain(refused.value, "fr").startswith(f"Le vote dans l'atelier {code} n'a pas pu être enregistré")
    assert rows(store, "workshop_votes") == 0


def test_a_role_must_be_one_of_the_four(store: Store) -> None:
    code = store.create_session("recruiter", profiles()).session.code
    assert store.resume(code, store.join(code).token).role is None
    with pytest.raises(InputError) as refused:
        store.join(code, role="boss")  # type: ignore[arg-type]
    assert refused.value.key == "workshop.not_a_role" and refused.value.values["shown"] == "'boss'"
    assert (
        explain(refused.value, "en")
        == "'boss' is not a role here: expected one of recruiter_hr, journalist, peer, other, or none."
    )
    assert explain(refused.value, "fr").startswith("'boss' n'est pas un rôle proposé\u202f: attendu l'un de recruiter_hr")


def test_nothing_stored_identifies_a_participant(store: Store) -> None:
    """Participants and votes hold these columns and nothing else: no name, address, browser or time."""
    engine = create_engine(store.url)
    columns = inspect(engine)
    assert {c["name"] for c in columns.get_columns("workshop_participants")} == {"id", "session_id", "token_digest", "role"}
    assert {c["name"] for c in columns.get_columns("workshop_votes")} == {"participant_id", "profile", "session_id", "answer"}
    engine.dispose()


# -- closed, revealed, ended, expired ------------------------------------------------------


def test_votes_and_joins_on_a_closed_session_are_refused_in_both_languages(store: Store) -> None:
    created = store.create_session("recruiter", profiles())
    code = created.session.code
    token = store.join(code).token
    store.vote(code, token, 0, 1)
    assert store.close(code, created.secret).closed
    with pytest.raises(InputError) as refused:
        store.vote(code, token, 1, 1)
    assert refused.value.key == "workshop.votes_closed" and refused.value.values == {"code": code}
    assert explain(refused.value, "en").startswith(f"Voting is closed in workshop {code}: the trainer has stopped the votes")
    assert explain(refused.value, "fr").startswith(f"Les votes sont clos dans l'atelier {code}")
    with pytest.raises(InputError) as refused:
        store.join(code)
    assert refused.value.key == "workshop.votes_closed"
    assert store.resume(code, token).answers == {0: 1}


def test_votes_on_an_expired_session_are_refused_in_both_languages(store: Store, clock: Clock) -> None:
    code = store.create_session("recruiter", profiles(), lifetime=timedelta(hours=3)).session.code
    token = store.join(code).token
    store.vote(code, token, 0, 1)
    clock.advance(timedelta(hours=3))
    with pytest.raises(InputError) as refused:
        store.vote(code, token, 0, 0)
    assert refused.value.key == "workshop.expired" and refused.value.values == {"code": code}
    assert explain(refused.value, "en").startswith(f"Workshop {code} has expired: it no longer takes votes")
    assert explain(refused.value, "fr").startswith(f"L'atelier {code} a expiré")
    for read in (store.session, store.counts):
        with pytest.raises(InputError) as refused:
            read(code)
        assert refused.value.key == "workshop.expired"


def test_participants_see_the_rooms_answers_only_after_the_reveal(store: Store) -> None:
    created = store.create_session("recruiter", profiles(2), scale="scale_5")
    code = created.session.code
    tokens = [store.join(code).token for _ in range(3)]
    for token, answer in zip(tokens, (5, 5, 2), strict=True):
        store.vote(code, token, 1, answer)
    with pytest.raises(InputError) as refused:
        store.results(code, tokens[0])
    assert refused.value.key == "workshop.not_revealed" and refused.value.values == {"code": code}
    assert f"The room's answers in workshop {code} are not revealed yet" in explain(refused.value, "en")
    assert "pas encore dévoilées" in explain(refused.value, "fr")
    assert store.trainer_results(code, created.secret).profiles[1].answers == {1: 0, 2: 1, 3: 0, 4: 0, 5: 2}
    store.reveal(code, created.secret)
    results = store.results(code, tokens[2])
    assert results.joined == 3
    assert [p.votes for p in results.profiles] == [0, 3]
    assert results.profiles[1].answers == {1: 0, 2: 1, 3: 0, 4: 0, 5: 2}
    assert results.session.revealed


def test_the_reveal_closes_the_votes(store: Store) -> None:
    created = store.create_session("recruiter", profiles())
    token = store.join(created.session.code).token
    revealed = store.reveal(created.session.code, created.secret)
    assert revealed.revealed and revealed.closed
    with pytest.raises(InputError) as refused:
        store.vote(created.session.code, token, 0, 1)
    assert refused.value.key == "workshop.votes_closed"


@pytest.mark.parametrize("operation", ["close", "reveal", "trainer_results", "export_votes", "end"])
def test_trainer_operations_refuse_a_wrong_secret_in_both_languages(store: Store, operation: str) -> None:
    created = store.create_session("recruiter", profiles())
    other = store.create_session("recruiter", profiles())
    code = created.session.code
    token = store.join(code).token
    store.vote(code, token, 0, 1)
    for wrong in ("", "guess", other.secret, created.secret + "x"):
        with pytest.raises(InputError) as refused:
            getattr(store, operation)(code, wrong)
        assert refused.value.key == "workshop.wrong_secret" and refused.value.values == {"code": code}
        assert explain(refused.value, "en").startswith(f"This trainer link does not match workshop {code}")
        assert explain(refused.value, "fr").startswith("Ce lien de formateur")
    session = store.session(code)
    assert not session.closed and not session.revealed
    assert store.counts(code).votes[0] == 1


def test_export_numbers_participants_in_the_order_they_joined_within_the_session(store: Store) -> None:
    other = store.create_session("recruiter", profiles(2)).session.code
    store.join(other)
    created = store.create_session("recruiter", profiles(2))
    code = created.session.code
    first, second = store.join(code, role="peer").token, store.join(code).token
    store.vote(code, second, 0, 0)
    store.vote(code, first, 1, 1)
    store.vote(code, first, 0, 1)
    assert store.export_votes(code, created.secret) == (
        workshop.Vote(participant=1, role="peer", profile=0, answer=1),
        workshop.Vote(participant=1, role="peer", profile=1, answer=1),
        workshop.Vote(participant=2, role=None, profile=0, answer=0),
    )


def test_ending_a_session_deletes_it_its_profiles_participants_and_votes_only(store: Store) -> None:
    kept = store.create_session("recruiter", profiles(3))
    kept_token = store.join(kept.session.code).token
    store.vote(kept.session.code, kept_token, 0, 1)
    ended = store.create_session("recruiter", profiles(5))
    code = ended.session.code
    tokens = [store.join(code).token for _ in range(4)]
    for token in tokens:
        store.vote(code, token, 2, 1)

    store.end(code, ended.secret)

    assert [rows(store, t) for t in ("workshop_sessions", "workshop_profiles", "workshop_participants", "workshop_votes")] == [
        1,
        3,
        1,
        1,
    ]
    with pytest.raises(InputError) as refused:
        store.counts(code)
    assert refused.value.key == "workshop.unknown_code" and refused.value.values == {"code": code}
    with pytest.raises(InputError) as refused:
        store.vote(code, tokens[0], 2, 0)
    assert refused.value.key == "workshop.participant_gone" and refused.value.values == {"code": code}
    assert "terminé ou expiré" in explain(refused.value, "fr")
    with pytest.raises(InputError) as refused:
        store.end(code, ended.secret)
    assert refused.value.key == "workshop.unknown_code"
    assert store.resume(kept.session.code, kept_token).answers == {0: 1}


def test_an_expired_session_can_still_be_ended_by_its_trainer(store: Store, clock: Clock) -> None:
    created = store.create_session("recruiter", profiles(), lifetime=timedelta(hours=1))
    clock.advance(timedelta(hours=2))
    store.end(created.session.code, created.secret)
    assert rows(store, "workshop_sessions") == 0


def test_purge_removes_expired_sessions_with_their_data_and_nothing_else(store: Store, clock: Clock) -> None:
    short = store.create_session("recruiter", profiles(2), lifetime=timedelta(hours=1)).session.code
    long = store.create_session("recruiter", profiles(2), lifetime=timedelta(days=1)).session.code
    for code in (short, long):
        store.vote(code, store.join(code).token, 1, 1)

    assert store.purge_expired(clock.now + timedelta(minutes=59)) == 0
    assert store.purge_expired(clock.now + timedelta(hours=1)) == 1

    assert [rows(store, t) for t in ("workshop_sessions", "workshop_profiles", "workshop_participants", "workshop_votes")] == [
        1,
        2,
        1,
        1,
    ]
    assert store.counts(long) == workshop.Counts(joined=1, votes=(0, 1))
    with pytest.raises(InputError) as refused:
        store.session(short)
    assert refused.value.key == "workshop.unknown_code" and refused.value.values == {"code": short}


def test_creating_and_joining_purge_expired_sessions_on_the_way(store: Store, clock: Clock) -> None:
    old = store.create_session("recruiter", profiles(), lifetime=timedelta(hours=1)).session.code
    store.join(old)
    clock.advance(timedelta(hours=2))
    fresh = store.create_session("recruiter", profiles()).session.code
    assert rows(store, "workshop_sessions") == 1
    short = store.create_session("recruiter", profiles(), lifetime=timedelta(hours=1)).session.code
    clock.advance(timedelta(hours=2))
    store.join(fresh)
    assert rows(store, "workshop_sessions") == 1
    for code in (old, short):
        with pytest.raises(InputError) as refused:
            store.session(code)
        assert refused.value.key == "workshop.unknown_code"
        assert explain(refused.value, "en").startswith(f"No workshop has the code {code}: it may have ended or expired")


# -- concurrency and restarts --------------------------------------------------------------


def test_sixty_participants_voting_at_once_lose_no_vote_and_count_none_twice(store: Store) -> None:
    voters, profile_count = 60, 12
    created = store.create_session("recruiter", profiles(profile_count))
    code = created.session.code
    start = threading.Barrier(voters)

    def final_answer(voter: int, profile: int) -> int:
        return (voter + profile) % 2

    def participant(voter: int) -> str:
        token = store.join(code).token
        start.wait()
        for profile in range(profile_count):
            store.vote(code, token, profile, 1 - final_answer(voter, profile))  # a first answer …
        for profile in range(profile_count):
            store.vote(code, token, profile, final_answer(voter, profile))  # … changed on second thought
            store.counts(code)  # the projector reads while the room writes
        return token

    with ThreadPoolExecutor(max_workers=voters) as pool:
        tokens = list(pool.map(participant, range(voters)))

    assert store.counts(code) == workshop.Counts(joined=voters, votes=(voters,) * profile_count)
    results = store.trainer_results(code, created.secret)
    for profile in results.profiles:
        yes = sum(final_answer(v, profile.profile) for v in range(voters))
        assert profile.answers == {0: voters - yes, 1: yes}
    assert len(store.export_votes(code, created.secret)) == voters * profile_count
    assert {len(store.resume(code, t).answers) for t in tokens} == {profile_count}


def test_a_restart_keeps_sessions_participants_and_votes(url: str, clock: Clock) -> None:
    before = Store(url, clock=clock)
    created = before.create_session("recruiter", profiles(3), scale="scale_5")
    code = created.session.code
    token = before.join(code, role="other").token
    before.vote(code, token, 0, 3)
    before.vote(code, token, 2, 5)
    counts = before.counts(code)
    before.dispose()
    del before

    after = Store(url, clock=clock)  # a new server process on the same database
    assert after.counts(code) == counts
    assert after.resume(code, token).answers == {0: 3, 2: 5}
    after.vote(code, token, 1, 4)
    after.vote(code, token, 0, 3)
    assert after.counts(code).votes == (1, 1, 1)
    after.reveal(code, created.secret)  # the secret given before the restart still works
    assert after.results(code, token).joined == 1
    after.dispose()


def test_several_server_processes_can_start_at_once_on_an_empty_database(url: str, clock: Clock) -> None:
    """Each builds the tables if missing; none fails because another was creating them."""
    start = threading.Barrier(4)

    def server(_: int) -> Store:
        start.wait()
        return Store(url, clock=clock)

    with ThreadPoolExecutor(max_workers=4) as pool:
        stores = list(pool.map(server, range(4)))
    code = stores[0].create_session("recruiter", profiles()).session.code
    assert {store.session(code).code for store in stores} == {code}
    for store in stores:
        store.dispose()


# -- where the store lives -----------------------------------------------------------------


def test_the_sqlite_file_goes_in_REGARDS_DATA_DIR_created_on_first_use_in_wal_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "not" / "yet"
    monkeypatch.setenv("REGARDS_DATA_DIR", str(folder))
    monkeypatch.delenv("REGARDS_DATABASE_URL", raising=False)
    store = Store()
    code = store.create_session("recruiter", profiles()).session.code
    assert store.backend == "sqlite"
    assert (folder / "workshop.sqlite3").is_file()
    with sqlite3.connect(folder / "workshop.sqlite3") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("SELECT code FROM workshop_sessions").fetchone() == (code,)
    store.dispose()


def test_the_database_url_comes_from_REGARDS_DATABASE_URL_then_the_data_directory(tmp_path: Path) -> None:
    pg = "postgresql+psycopg://regards@db.internal/regards"
    assert database_url({"REGARDS_DATABASE_URL": pg, "REGARDS_DATA_DIR": str(tmp_path)}) == pg
    assert database_url({"REGARDS_DATA_DIR": str(tmp_path)}) == f"sqlite:///{tmp_path / 'workshop.sqlite3'}"
    assert data_dir({}).name.lower() == "regards"


@pytest.mark.parametrize(
    ("url", "key", "expected"),
    [
        ("not a url", "database_url_unreadable", "The workshop database URL 'not a url' cannot be read"),
        ("mysql://user@host/db", "unsupported_database", "SQLite or PostgreSQL, not 'mysql' (in mysql://user@host/db)"),
        ("sqlite://", "sqlite_in_memory", "needs an SQLite file"),
        ("postgresql://nobody@127.0.0.1:1/none", "store_unreachable", "did not answer"),
    ],
)
def test_a_database_url_that_cannot_serve_is_an_input_error(url: str, key: str, expected: str) -> None:
    with pytest.raises(InputError) as refused:
        Store(url)
    assert refused.value.key == f"workshop.{key}"
    assert expected in explain(refused.value, "en")
    assert explain(refused.value, "fr").startswith(("L'URL", "Le stockage des ateliers"))


def test_the_package_exports_what_all_says() -> None:
    exported = {name for name in dir(workshop) if not name.startswith("_")} - {"store", "codes"}
    assert exported == set(workshop.__all__)


def test_every_table_is_in_the_schema() -> None:
    assert set(metadata.tables) == {t.name for t in (session_table, profile_table, participant_table, vote_table)}
