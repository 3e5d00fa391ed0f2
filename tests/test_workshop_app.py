"""The workshop's two pages through Streamlit's AppTest: the trainer's and a participant's."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from model.errors import InputError
from model.reader import default_readers
from model.workshop.room import session_profiles
from model.workshop.service import create
from model.workshop.store import Store, database_url
from ui import state
from ui.readers import LEARNED

APP = str(Path(__file__).resolve().parent.parent / "app.py")
KEY = "recruiter/communication"


@pytest.fixture()
def store(tmp_path, monkeypatch) -> Store:
    monkeypatch.setenv("REGARDS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("REGARDS_DATABASE_URL", raising=False)
    return Store(database_url())


def page(view: str, **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(view)
    return at.run()


def trainer(**query: str) -> AppTest:
    return page("views/workshop.py", **query)


def participant(**query: str) -> AppTest:
    return page("views/join.py", **query)


def texts(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption] + [s.value for s in at.subheader])


def test_the_trainer_creates_a_workshop_and_projects_its_code_qr_and_link(store):
    at = trainer(lang="en")
    at.selectbox(key="workshop_reader").set_value(KEY)
    at.number_input(key="workshop_profiles").set_value(6)
    at.number_input(key="workshop_days").set_value(2)
    next(b for b in at.button if b.label == "Create the workshop").click()
    at.run()
    assert not at.exception
    code, secret = at.query_params["code"], at.query_params["secret"]
    session = store.session(code)
    assert session.reader == KEY and len(session.profiles) == 6
    assert (session.expires_at - session.created_at).days == 2
    shown = texts(at)
    assert f'<div class="regards-code">{code}</div>' in shown
    assert "data:image/svg+xml" in shown and f"/join?code={code}" in shown
    assert [m.value for m in at.metric] == ["0", "0"]
    assert store.trainer_results(code, secret).joined == 0


def test_a_wrong_trainer_secret_reaches_no_control(store):
    made = create(store, default_readers().by_key(KEY), profiles=3, lang="en")
    at = trainer(code=made.session.code, secret="not-the-secret")
    assert at.error and "trainer link does not match" in at.error[0].value
    assert not [b for b in at.button if b.key in ("workshop_reveal", "workshop_end")]


def test_a_participant_joins_by_link_votes_and_a_refresh_resumes_where_they_were(store):
    made = create(store, default_readers().by_key(KEY), profiles=4, lang="en")
    code = made.session.code
    at = participant(code=code)
    assert not at.sidebar.radio, "the participant's page has no sidebar"
    at.radio(key="join_role").set_value("journalist")
    next(b for b in at.button if b.label == "Join").click()
    at.run()
    token = at.query_params["token"]
    assert at.query_params["code"] == code
    assert "Profile 1 of 4" in texts(at) and "Would I call this candidate?" in texts(at)
    assert "Connections: " in texts(at)
    at.button(key=state.vote_key(1, 0)).click().run()
    assert "Profile 2 of 4" in texts(at)
    again = participant(code=code, token=token)  # a refresh, a lost connection: a new session
    assert "Profile 2 of 4" in texts(again)
    again.button(key=state.vote_key(0, 1)).click().run()
    assert store.resume(code, token).answers == {0: 1, 1: 0}
    assert store.resume(code, token).role == "journalist"


def test_a_participant_answers_on_the_1_to_5_scale(store):
    made = create(store, default_readers().by_key(KEY), profiles=2, lang="fr", scale="scale_5")
    joined = store.join(made.session.code)
    at = participant(code=made.session.code, token=joined.token)
    assert "Profil 1 sur 2" in texts(at)
    at.button(key=state.vote_key(4, 0)).click().run()
    at.button(key=state.vote_key(3, 1)).click().run()
    assert store.resume(made.session.code, joined.token).answers == {0: 4, 1: 3}
    assert at.success and "Merci" in at.success[0].value


def test_a_participant_sees_no_result_before_the_reveal_and_cannot_vote_after_it(store):
    made = create(store, default_readers().by_key(KEY), profiles=2, lang="en")
    joined = store.join(made.session.code)
    at = participant(code=made.session.code, token=joined.token)
    assert "The room's answers" not in texts(at)
    with pytest.raises(InputError) as refused:
        store.results(made.session.code, joined.token)
    assert refused.value.key == "workshop.not_revealed"
    store.reveal(made.session.code, made.secret)
    at = participant(code=made.session.code, token=joined.token)
    assert at.info and "Votes are closed" in at.info[0].value
    assert "Profile 1 of 2 — Yes: 0 · No: 0" in texts(at)
    assert not [b for b in at.button if (b.key or "").startswith("join_yes")]
    with pytest.raises(InputError) as refused:
        store.vote(made.session.code, joined.token, 0, 1)
    assert refused.value.key == "workshop.votes_closed"


def test_a_participants_token_only_works_in_its_own_workshop(store):
    reader = default_readers().by_key(KEY)
    one, other = create(store, reader, profiles=2, lang="en"), create(store, reader, profiles=2, lang="en")
    token = store.join(one.session.code).token
    at = participant(code=other.session.code, token=token)
    assert at.error and "belongs to another workshop" in at.error[0].value


def _room_that_counts_connections(store, participants=12):
    made = create(store, default_readers().by_key(KEY), profiles=8, lang="en")
    _, frame = session_profiles(made.session.profiles)
    cut = frame["connections"].median()
    for i in range(participants):
        joined = store.join(made.session.code, "peer" if i % 3 == 0 else None)
        for p in range(8):
            store.vote(made.session.code, joined.token, p, int(frame["connections"].iloc[p] > cut))
    return made


def test_the_trainer_reveals_the_rooms_reader_beside_the_textbook_and_keeps_it(store):
    made = _room_that_counts_connections(store)
    at = trainer(code=made.session.code, secret=made.secret, lang="en")
    assert "Votes per profile" in texts(at)
    assert at.info and "hidden" in at.info[0].value
    at.button(key="workshop_reveal").click().run()
    assert not at.exception
    shown = texts(at)
    assert "This room weighs connections" in shown
    assert "The room disagrees with itself on 0" in shown
    assert [m.label for m in at.metric][:2] == ["Textbook reader", "This room"]
    at.button(key="workshop_keep").click().run()
    assert at.session_state[LEARNED][KEY].basis.count == 96
    assert any("replaces the textbook one" in s.value for s in at.success)
    at.selectbox(key="workshop_role").set_value("peer").run()
    assert "of its 32 votes" in texts(at)
    at.switch_page("views/compare.py").run()  # the room's reader is now a reader like the others
    assert not at.exception and at.session_state[LEARNED][KEY].basis.kind == "learned"


def test_ending_the_workshop_deletes_it_and_its_votes(store):
    made = _room_that_counts_connections(store, participants=2)
    at = trainer(code=made.session.code, secret=made.secret, lang="en")
    at.button(key="workshop_end").click().run()
    assert "code" not in at.query_params
    assert at.success and "votes are deleted" in at.success[0].value
    with pytest.raises(InputError) as refused:
        store.session(made.session.code)
    assert refused.value.key == "workshop.unknown_code"


def test_the_revealed_results_read_in_french(store):
    made = _room_that_counts_connections(store, participants=3)
    store.reveal(made.session.code, made.secret)
    at = trainer(code=made.session.code, secret=made.secret, lang="fr")
    assert not at.exception
    assert "La salle est en désaccord avec elle-même" in texts(at)
    assert [m.label for m in at.metric][:2] == ["Lecteur type", "Cette salle"]


def test_a_vote_tapped_after_the_trainer_closed_the_votes_is_refused_with_a_message(store):
    made = create(store, default_readers().by_key(KEY), profiles=2, lang="en")
    joined = store.join(made.session.code)
    at = participant(code=made.session.code, token=joined.token)
    store.close(made.session.code, made.secret)
    at.button(key=state.vote_key(1, 0)).click().run()
    assert not at.exception
    assert at.info and "Votes are closed" in at.info[0].value
    assert store.resume(made.session.code, joined.token).answers == {}


def test_a_code_typed_wrong_on_a_phone_is_refused_in_the_phones_language(store):
    at = participant(lang="fr")
    at.text_input(key="join_code").input("K7-Q0")
    next(b for b in at.button if b.label == "Rejoindre").click()
    at.run()
    assert not at.exception and "token" not in at.query_params
    assert at.error and at.error[0].value.startswith("'K7-Q0' n'est pas un code d'atelier\u202f: un code a 6 lettres et chiffres")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "No vote yet: the room's reader is still the textbook one."),
        ("fr", "Aucun vote pour l'instant\u202f: le lecteur de la salle est encore le lecteur type."),
    ],
)
def test_a_room_revealed_before_anyone_voted_says_its_reader_is_still_the_textbook_one(store, lang, said):
    made = create(store, default_readers().by_key(KEY), profiles=3, lang="en")
    store.join(made.session.code)
    at = trainer(code=made.session.code, secret=made.secret, lang=lang)
    at.button(key="workshop_reveal").click().run()
    assert not at.exception
    assert [i.value for i in at.info] == [said]
    assert not [b for b in at.button if b.key == "workshop_keep"]  # nothing learned, nothing to keep
    assert [m.value for m in at.metric] == ["1", "0"]


@pytest.mark.parametrize(
    ("lang", "basis", "same"),
    [
        (
            "en",
            "Learned from 2 votes (2 answers of 3 left out), starting from the textbook reader.",
            "No signal weighs very differently for this room and the textbook reader.",
        ),
        (
            "fr",
            "Appris de 2 votes (2 réponses «\u00a03\u00a0» écartées), à partir du lecteur type.",
            "Aucun signal ne pèse très différemment pour cette salle et pour le lecteur type.",
        ),
    ],
)
def test_a_small_room_on_the_1_to_5_scale_says_what_it_left_out_and_that_it_reads_like_the_textbook(store, lang, basis, same):
    """A 3 is neither yes nor no: left out, and said so. Two votes move the room's reader too little
    for any signal to weigh very differently from the textbook one."""
    made = create(store, default_readers().by_key(KEY), profiles=4, lang="fr", scale="scale_5")
    joined = store.join(made.session.code)
    for profile, answer in enumerate([5, 3, 1, 3]):
        store.vote(made.session.code, joined.token, profile, answer)
    at = trainer(code=made.session.code, secret=made.secret, lang=lang)
    at.button(key="workshop_reveal").click().run()
    assert not at.exception
    assert basis in [c.value for c in at.caption]
    assert same in [m.value for m in at.markdown]
    assert not [m for m in at.markdown if m.value.startswith("- ")]  # no signal listed as different


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Every answer so far is a 3, neither yes nor no: the room's reader is still the textbook one."),
        (
            "fr",
            "Toutes les réponses sont pour l'instant des «\u00a03\u00a0», ni oui ni non\u202f: le lecteur de la salle est encore"
            " le lecteur type.",
        ),
    ],
)
def test_a_room_whose_every_answer_is_a_3_is_not_said_to_have_no_vote(store, lang, said):
    """Was "No vote yet" beside a count of 4 votes: a 3 is a vote, only not a yes or a no."""
    made = create(store, default_readers().by_key(KEY), profiles=2, lang="fr", scale="scale_5")
    for _ in range(2):
        joined = store.join(made.session.code)
        for profile in range(2):
            store.vote(made.session.code, joined.token, profile, 3)
    at = trainer(code=made.session.code, secret=made.secret, lang=lang)
    at.button(key="workshop_reveal").click().run()
    assert not at.exception
    assert [i.value for i in at.info] == [said]
    assert [m.value for m in at.metric] == ["2", "4"]
