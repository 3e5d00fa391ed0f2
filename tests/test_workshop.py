"""The workshop's domain and command line: profiles worth judging, the room as a reader, exports."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import numpy as np
import pytest

from cli.main import main
from model.errors import InputError
from model.judgements import read_csv
from model.persona import load_persona
from model.reader import default_readers
from model.signals import NAMES, encode_frame
from model.workshop.design import at_random, choose, design_rows, prior_penalties
from model.workshop.links import join_url, parse_trainer_url, trainer_url
from model.workshop.room import persona_document, persona_toml, profile_texts, session_profiles, verdict
from model.workshop.service import create, trainer
from model.workshop.store import Store
from words.errors import explain
from words.workshop import comparison_text, persona_header, persona_texts, profile_lines

KEY = "recruiter/communication"


POSTGRES_URL = os.environ.get("REGARDS_TEST_POSTGRES_URL", "")


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path) -> Iterator[Store]:
    """The store on both backends: PostgreSQL when REGARDS_TEST_POSTGRES_URL is set (scripts/test.sh)."""
    if request.param == "postgresql" and not POSTGRES_URL:
        pytest.skip("REGARDS_TEST_POSTGRES_URL is not set (scripts/test.sh starts a PostgreSQL server and sets it)")
    found = Store(POSTGRES_URL if request.param == "postgresql" else f"sqlite:///{tmp_path}/workshop.sqlite3")
    yield found
    found.dispose()


@pytest.fixture(scope="module")
def textbook():
    return default_readers().by_key(KEY)


def _logdet(reader, frame) -> float:
    from scipy.special import expit

    X = encode_frame(frame)
    F = design_rows(reader, X)
    p = expit(reader.textbook.intercept + reader.textbook.contributions(X).sum(axis=1))
    M = np.diag(prior_penalties(reader, F.shape[1])) + 20 * (F * (p * (1 - p))[:, None]).T @ F
    return float(np.linalg.slogdet(M)[1])


def test_the_design_picks_distinct_profiles_more_informative_than_random_ones(textbook):
    chosen = choose(textbook, 12)
    assert len(chosen) == 12 and not chosen.duplicated().any()
    assert _logdet(textbook, chosen) > _logdet(textbook, at_random(12))


def test_the_design_is_reproducible_from_its_seed(textbook):
    assert choose(textbook, 5).equals(choose(textbook, 5))


@pytest.mark.parametrize(
    ("scale", "answer", "expected"),
    [
        ("yes_no", 1, 1),
        ("yes_no", 0, 0),
        ("scale_5", 5, 1),
        ("scale_5", 4, 1),
        ("scale_5", 3, None),
        ("scale_5", 2, 0),
        ("scale_5", 1, 0),
    ],
)
def test_answers_become_verdicts_and_a_3_is_dropped(scale, answer, expected):
    assert verdict(scale, answer) == expected


def _room_that_only_counts_connections(store, textbook, participants=30, scale="yes_no"):
    made = create(store, textbook, profiles=12, lang="en", scale=scale)
    _, frame = session_profiles(made.session.profiles)
    cut = frame["connections"].median()
    for i in range(participants):
        joined = store.join(made.session.code, role="recruiter_hr" if i % 2 else None)
        for p in range(12):
            yes = frame["connections"].iloc[p] > cut
            answer = int(yes) if scale == "yes_no" else (5 if yes else 1)
            store.vote(made.session.code, joined.token, p, answer)
    return made


def test_a_room_that_reads_only_connections_weighs_them_more_than_the_textbook(store, textbook):
    made = _room_that_only_counts_connections(store, textbook)
    found = trainer(store, made.session.code, made.secret).room(default_readers())
    assert found.votes == 360 and found.disagreement == 0.0
    by_signal = {c.signal: c for c in found.comparisons}
    assert by_signal["connections"].kind == "more"
    assert "connections" in comparison_text(by_signal["connections"], "en")
    assert found.reader.basis.count == 360


def test_half_the_room_against_the_other_half_disagrees_on_half_its_votes(store, textbook):
    made = create(store, textbook, profiles=3, lang="en")
    for i in range(4):
        joined = store.join(made.session.code)
        for p in range(3):
            store.vote(made.session.code, joined.token, p, i % 2)
    found = trainer(store, made.session.code, made.secret).room(default_readers(), compare=False)
    assert found.disagreement == 0.5


def test_the_room_can_be_split_by_role(store, textbook):
    made = _room_that_only_counts_connections(store, textbook, participants=4)
    held = trainer(store, made.session.code, made.secret)
    assert held.room(default_readers(), role="recruiter_hr", compare=False).votes == 24


def test_the_csv_export_is_what_regards_read_judgements_takes(store, textbook):
    made = _room_that_only_counts_connections(store, textbook, participants=3, scale="scale_5")
    text = trainer(store, made.session.code, made.secret).csv()
    found = read_csv(text.encode(), "room.csv")
    assert len(found.verdicts) == 36 and not found.assumed
    assert text.splitlines()[0] == ",".join([*NAMES, "verdict"])


def test_the_rooms_persona_file_loads_and_carries_the_rooms_weights(store, textbook, tmp_path):
    made = _room_that_only_counts_connections(store, textbook)
    found = trainer(store, made.session.code, made.secret).room(default_readers(), compare=False)
    document = persona_document(found.reader, "room_test", persona_texts(textbook, made.session.code))
    path = tmp_path / "room_test.toml"
    path.write_text(persona_toml(document, persona_header(textbook, made.session.code)), "utf-8")
    persona = load_persona(path)
    assert persona.readings["connections"].weight > textbook.readings["connections"].weight


def test_a_profile_is_described_in_words_by_situation(textbook):
    texts = profile_texts(choose(textbook, 1))
    profile = session_profiles(tuple(texts))[0][0]
    groups = profile_lines(profile, "en")
    assert len(groups) == 5
    assert any(line.startswith("Connections: ") for _, lines in groups for line in lines)


def test_links_carry_the_code_and_the_trainer_link_its_secret():
    assert join_url("http://x:8501/", "ABCDEF") == "http://x:8501/join?code=ABCDEF"
    assert parse_trainer_url(trainer_url("http://x", "ABCDEF", "s3cr-t_")) == ("ABCDEF", "s3cr-t_")


@pytest.mark.parametrize("link", ["http://x/workshop?code=ABCDEF", "http://x/join?secret=s3cret", "ABCDEF?"])
def test_a_link_without_code_and_secret_is_not_a_trainer_link(link):
    with pytest.raises(InputError) as refused:
        parse_trainer_url(link)
    assert refused.value.key == "workshop.not_a_trainer_link"
    assert explain(refused.value, "en").startswith("This is not a trainer link: a trainer link ends with /workshop?code=")
    assert explain(refused.value, "fr").startswith("Ce n'est pas un lien de formateur")


@pytest.mark.parametrize("count", [0, 101])
def test_a_workshop_judges_1_to_100_profiles(store, textbook, count):
    with pytest.raises(InputError) as refused:
        create(store, textbook, profiles=count)
    assert refused.value.key == "workshop.profile_count_out_of_range"
    assert refused.value.values == {"most": 100, "count": count}
    assert explain(refused.value, "en") == f"A workshop judges 1 to 100 profiles, not {count}."
    assert explain(refused.value, "fr") == f"Un atelier fait juger de 1 à 100 profils, pas {count}."


# ---------------------------------------------------------------------------------------------
# The command line


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("REGARDS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("REGARDS_DATABASE_URL", raising=False)
    monkeypatch.delenv("REGARDS_WORKSHOP_SECRET", raising=False)
    return tmp_path


def test_create_prints_the_code_and_both_links(capsys, data_dir):
    code, out, err = run(
        capsys,
        "workshop",
        "create",
        "--reader",
        "recruiter",
        "--context",
        "communication",
        "--profiles",
        "6",
        "--base-url",
        "https://regards.example/",
        "--json",
    )
    assert code == 0, err
    made = json.loads(out)
    assert made["join_url"] == f"https://regards.example/join?code={made['code']}"
    assert made["trainer_url"].startswith(f"https://regards.example/workshop?code={made['code']}&secret=")
    assert made["profiles"] == 6 and made["reader"] == KEY


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "en",
            [
                "Code: ",
                "(Recruiter — Communications role, 1 profile)",
                "Participants' link: https://",
                "Trainer's link (keep it to yourself): https://",
                "Deleted on its own on ",
            ],
        ),
        (
            "fr",
            [
                "Code\u202f: ",
                "1 profil)",
                "Lien des participants\u202f: https://",
                "Lien du formateur (à garder pour soi)\u202f: https://",
                "Effacé de lui-même le ",
            ],
        ),
    ],
)
def test_create_says_the_code_links_and_end_date_in_the_chosen_language(lang, lines, capsys, data_dir):
    code, out, err = run(
        capsys, "workshop", "create", "--reader", KEY, "--profiles", "1", "--lang", lang, "--base-url", "https://r.example/"
    )
    assert code == 0, err
    printed = out.splitlines()
    assert len(printed) == 4
    assert printed[0].startswith(lines[0]) and lines[1] in printed[0]
    for line, start in zip(printed[1:], lines[2:], strict=True):
        assert line.startswith(start), line
    assert "?code=" in printed[1] and " ?" not in printed[1]


def test_export_end_and_export_after_the_end(capsys, data_dir, tmp_path):
    _, out, _ = run(capsys, "workshop", "create", "--reader", KEY, "--json")
    made = json.loads(out)
    store = Store()
    joined = store.join(made["code"])
    store.vote(made["code"], joined.token, 0, 1)
    code, out, err = run(capsys, "workshop", "export", made["trainer_url"])
    assert code == 0, err
    assert len(out.splitlines()) == 2 and out.splitlines()[1].endswith(",favourable")
    code, _, err = run(
        capsys, "workshop", "export", made["trainer_url"], "--format", "persona", "-o", str(tmp_path / "room.toml")
    )
    assert code == 0, err
    assert load_persona(tmp_path / "room.toml").id == "room"
    code, out, err = run(capsys, "workshop", "end", made["code"], "--secret", parse_trainer_url(made["trainer_url"])[1])
    assert code == 0, err
    code, out, err = run(capsys, "workshop", "export", made["trainer_url"])
    assert code == 2 and err.startswith("regards: No workshop has the code") and len(err.splitlines()) == 1
    code, out, err = run(capsys, "workshop", "export", made["trainer_url"], "--lang", "fr")
    assert code == 2 and err.startswith(f"regards: Aucun atelier n'a le code {made['code']}") and "peut-être terminé" in err


def test_export_to_a_folder_that_does_not_exist_says_so_in_one_line(capsys, data_dir, tmp_path):
    _, out, _ = run(capsys, "workshop", "create", "--reader", "peer", "--json")
    made = json.loads(out)
    missing = tmp_path / "missing" / "room.csv"
    code, out, err = run(capsys, "workshop", "export", made["trainer_url"], "-o", str(missing))
    assert code == 2 and out == ""
    assert err == f"regards: {missing}: cannot write: No such file or directory\n"
    code, _, err = run(capsys, "workshop", "export", made["trainer_url"], "-o", str(missing), "--lang", "fr")
    assert err == f"regards: {missing}\u202f: écriture impossible\u202f: No such file or directory\n"


def test_export_refuses_without_the_trainers_secret_or_with_a_participants_token(capsys, data_dir):
    _, out, _ = run(capsys, "workshop", "create", "--reader", "peer", "--json")
    made = json.loads(out)
    code, _, err = run(capsys, "workshop", "export", made["code"])
    assert code == 2 and "secret" in err
    assert (
        err
        == f"regards: Workshop {made['code']}: the trainer's secret is needed: give the trainer's link, or --secret, or set REGARDS_WORKSHOP_SECRET\n"
    )
    code, _, err = run(capsys, "workshop", "export", made["code"], "--lang", "fr")
    assert code == 2 and err.startswith(f"regards: Atelier {made['code']}") and "le secret du formateur est nécessaire" in err
    token = Store().join(made["code"]).token
    code, _, err = run(capsys, "workshop", "export", made["code"], "--secret", token)
    assert code == 2 and "trainer link does not match" in err


def test_create_refuses_an_unknown_reader_in_one_line(capsys, data_dir):
    code, _, err = run(capsys, "workshop", "create", "--reader", "astrologer", "--lang", "en")
    assert code == 2 and err.startswith("regards: Unknown reader 'astrologer'")


@pytest.mark.parametrize("key", ["journalist", "peer", "recruiter", KEY])
def test_every_readers_room_exports_a_persona_file_that_loads(tmp_path, key):
    textbook = default_readers().by_key(key)
    store = Store(f"sqlite:///{tmp_path}/workshop.sqlite3")
    made = create(store, textbook, profiles=6, lang="fr")
    rng = np.random.default_rng(3)
    for _ in range(10):
        token = store.join(made.session.code).token
        for p in range(6):
            store.vote(made.session.code, token, p, int(rng.integers(0, 2)))
    found = trainer(store, made.session.code, made.secret).room(default_readers(), compare=False)
    path = tmp_path / "room_any.toml"
    document = persona_document(found.reader, "room_any", persona_texts(textbook, made.session.code))
    path.write_text(persona_toml(document, persona_header(textbook, made.session.code)), "utf-8")
    assert load_persona(path).question == textbook.persona.question


def test_a_profile_beyond_what_readers_see_is_described_as_they_see_it():
    profile = session_profiles(('{"signals": {"connections": 1639, "summary_words": 108}}',))[0][0]
    facts = [line for _, lines in profile_lines(profile, "en") for line in lines]
    assert "Connections: 500+" in facts and "About section: 108 words" in facts


def test_secrets_and_tokens_never_read_as_command_line_options():
    from model.workshop.codes import new_secret, new_token

    assert not any(new_secret().startswith(("-", "_")) or new_token().startswith(("-", "_")) for _ in range(3000))
