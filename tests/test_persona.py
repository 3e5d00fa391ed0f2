"""Persona files: every one loads, cites only known sources, and a broken one never takes the others down."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from model.errors import InputError, Phrase
from model.evidence import EVIDENCE
from model.paths import PERSONAS_DIR
from model.persona import load_personas
from model.reader import load_readers
from model.signals import NAMES
from tests.saying import raises_saying
from words.errors import explain


def test_every_persona_file_loads_with_a_reading_and_sources_for_every_signal():
    personas, problems = load_personas()
    assert problems == []
    assert sorted(personas) == ["journalist", "peer", "recruiter"]
    for persona in personas.values():
        assert list(persona.readings) == list(NAMES)
        for reading in persona.readings.values():
            assert reading.sources and all(s in EVIDENCE for s in reading.sources)


def test_the_recruiter_has_the_seeds_communication_context_compared_with_its_own_candidates():
    personas, _ = load_personas()
    context = personas["recruiter"].contexts["communication"]
    assert context.compared_with == "communication"
    assert "E2" in context.sources
    assert context.readings["connections"].expects == 500


def test_no_reading_cites_a_source_for_what_it_does_not_say():
    """The review's corrections: E24 (journalists use LinkedIn) says nothing about how they read
    connections or recency; E23 (pitches) nothing about invitations; E20 (rejected *over* a photo)
    nothing about the absence of one; the seed calls resharing "ni bien ni mal"."""
    personas, _ = load_personas()
    journalist, recruiter, peer = personas["journalist"], personas["recruiter"], personas["peer"]
    assert "E24" not in journalist.readings["connections"].sources + journalist.readings["days_since_last_activity"].sources
    assert "E23" not in journalist.readings["invitation_note_rate"].sources
    assert "E20" not in recruiter.readings["has_photo"].sources
    assert peer.readings["shares_90d"].ignored and peer.readings["shares_90d"].sources == ("seed",)


def _copy(tmp_path: Path, name: str, text: str) -> Path:
    """The project's persona files in `tmp_path`, `name` written as `text` (a lone surrogate
    "\udcea" writes the raw byte 0xEA, as an editor saving in Latin-1 would)."""
    for path in PERSONAS_DIR.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / name).write_bytes(text.encode("utf-8", "surrogateescape"))
    return tmp_path


PEER = (PERSONAS_DIR / "peer.toml").read_text("utf-8")


@pytest.mark.parametrize(
    ("replace", "by", "message"),
    [
        ('direction = "up"', 'direction = "sideways"', r"signals.connections.direction: expected one of up, down, middle, none"),
        ("weight = 0.5", 'weight = "strong"', r"signals.connections.weight: expected a finite number"),
        ("weight = 0.5", "weight = inf", r"signals.connections.weight: expected a finite number"),
        ("weight = 0.5", "weight = nan", r"signals.connections.weight: expected a finite number"),
        ("weight = 0.5", "weight = -0.5", r"signals.connections.weight: expected a number > 0"),
        ("disagreement = 1.0", "disagreement = nan", r"disagreement: expected a finite number"),
        ("disagreement = 1.0", "disagreement = 0", r"disagreement: expected a number > 0"),
        ('sources = ["E9"]', "sources = []", r"signals.connections.sources: expected a list"),
        ('sources = ["E9"]', 'sources = ["E99"]', r"signals.connections.sources: expected evidence listed in data/evidence.toml"),
        ("[signals.has_photo]", "[signals.has_fotos]", r"signals.has_fotos: unknown signal 'has_fotos'"),
        ('name = { fr = "Pair", en = "Peer" }', 'name = { fr = "Pair" }', r"name: expected a French and an English text"),
        (
            "until = 150",
            "until = 15000",
            r"signals.connections.until: expected at most 500: no reader sees connections beyond that",
        ),
        ("from = 10\n", "from = 200\n", r"signals.connections.until: expected a value above 'from' \(200\)"),
        ("expects = 50\n", "", r"signals.connections.expects: expected what this reader expects"),
        ("expects = 50\n", "expects = -3\n", r"signals.connections.expects: expected an integer from 0"),
        (
            'hurts = { fr = "un réseau tout petit isole", en = "a tiny network isolates" }',
            "",
            r"signals.connections.hurts: expected why a value below",
        ),
        (
            "[behaviours.presence]\nweight = 2.7",
            "[behaviours.presence]\nweight = 1.0",
            r"behaviours.presence.weight: expected at least the sum of its signals' weights",
        ),
        ('id = "peer"', 'id = "pear"', r'id: expected the file name without extension \("peer"\)'),
        ('id = "peer"', 'id = "peer" = ', r"not valid TOML"),
        ('id = "peer"', 'id = "peer"\ncontexts = 3', r"contexts: expected a table of contexts"),
    ],
)
def test_a_broken_persona_file_is_named_and_the_others_still_load(tmp_path, replace, by, message):
    assert replace in PEER
    personas, problems = load_personas(_copy(tmp_path, "peer.toml", PEER.replace(replace, by, 1)))
    assert sorted(personas) == ["journalist", "recruiter"]
    assert len(problems) == 1 and isinstance(problems[0], InputError)
    assert explain(problems[0], "en").startswith("peer.toml: ")
    assert re.search(message, explain(problems[0], "en")), explain(problems[0], "en")
    assert explain(problems[0], "fr").startswith("peer.toml\u202f: ")


RECRUITER = (PERSONAS_DIR / "recruiter.toml").read_text("utf-8")
FILES = {"peer.toml": PEER, "recruiter.toml": RECRUITER}
PEER_PRESS = '[signals.press_contacts]\ndirection = "none"\nsources = ["assumption"]'
PEER_PRESENCE = '[behaviours.presence]\nweight = 2.7\nsources = ["seed"]'
PEER_HELPS = (
    "helps = { fr = \"un réseau d'une taille raisonnable montre quelqu'un d'intégré à son milieu\", "
    'en = "a network of reasonable size shows someone who belongs to their field" }\n'
)


@pytest.mark.parametrize(
    ("file", "replace", "by", "key", "where", "expected"),
    [
        # a reading that is not a table
        (
            "peer.toml",
            PEER_PRESS,
            '[signals]\npress_contacts = "none"',
            "expected_found",
            "signals.press_contacts",
            "reading_table",
        ),
        ("peer.toml", 'scale = "log"', 'scale = "logarithmic"', "expected_found", "signals.connections.scale", "scale"),
        # a favourable range upside down
        ("recruiter.toml", "best = [80, 250]", "best = [250, 80]", "expected_found", "signals.summary_words.best", "best"),
        # a "middle" reading without its favourable range
        ("peer.toml", 'direction = "up"', 'direction = "middle"', "expected", "signals.connections.best", "best"),
        # values above what the reader expects read better, and nothing says why
        ("peer.toml", PEER_HELPS, "", "expected", "signals.connections.helps", "helps"),
        ("peer.toml", PEER_PRESS, "", "expected", "signals", "every_signal"),
        ("peer.toml", PEER_PRESENCE, "behaviours = 2.7", "expected_found", "behaviours", "behaviours_table"),
        ("peer.toml", "[behaviours.presence]", "[behaviours.presense]", "expected_found", "behaviours.presense", "behaviour"),
        ("peer.toml", PEER_PRESENCE, "behaviours.presence = 2.7", "expected_found", "behaviours.presence", "behaviour_table"),
        (
            "peer.toml",
            PEER_PRESENCE,
            PEER_PRESENCE.replace("2.7", "-2.7"),
            "expected_found",
            "behaviours.presence.weight",
            "at_least_zero",
        ),
        # signals of a behaviour weigh something, and nothing bounds the behaviour
        ("peer.toml", PEER_PRESENCE, "", "expected", "behaviours.presence", "behaviour_bound"),
        (
            "peer.toml",
            'id = "peer"',
            'id = "peer"\ncontexts = { sales = "recruiter" }',
            "expected_found",
            "contexts.sales",
            "context_table",
        ),
        (
            "recruiter.toml",
            'compared_with = "communication"',
            'compared_with = ["communication"]',
            "expected_found",
            "contexts.communication.compared_with",
            "segment",
        ),
        # an integer no float holds: the file is refused as a whole, not a crash
        ("peer.toml", "weight = 0.5", "weight = 1" + "0" * 400, "unreadable", None, None),
        # one character saved in Latin-1 in a UTF-8 file
        ("peer.toml", "Une personne du même secteur", "Une personne du m\udceame secteur", "cannot_read", None, None),
    ],
)
def test_each_way_of_breaking_a_persona_file_is_refused_with_its_key(tmp_path, file, replace, by, key, where, expected):
    text = FILES[file]
    assert replace in text
    personas, problems = load_personas(_copy(tmp_path, file, text.replace(replace, by, 1)))
    assert sorted(personas) == sorted({"journalist", "peer", "recruiter"} - {file.removesuffix(".toml")})
    assert len(problems) == 1
    error = problems[0]
    assert error.key == "persona." + key, str(error)
    assert error.values["file"] == file
    assert error.values.get("key") == where
    said = error.values.get("expected")
    assert (said.key if isinstance(said, Phrase) else said) == (expected and "persona." + expected)
    assert explain(error, "en").startswith(f"{file}: ")
    assert explain(error, "fr").startswith(f"{file}\u202f: ")
    if where is not None:
        assert f"{file}: {where}: expected " in explain(error, "en")
        assert f"{file}\u202f: {where}\u202f: attendu " in explain(error, "fr")


def test_a_context_the_reader_does_not_have_is_refused_with_the_ones_it_has():
    personas, _ = load_personas()
    with pytest.raises(InputError) as caught:
        personas["recruiter"].context("sales")
    assert caught.value.key == "readers.no_such_context"
    assert caught.value.values["contexts"] == "communication"
    with pytest.raises(InputError) as caught:
        personas["peer"].context("sales")
    assert caught.value.key == "readers.no_contexts"
    assert personas["peer"].context(None) is None


def test_a_deeply_nested_persona_file_is_refused_not_a_crash(tmp_path):
    nested = 'id = "peer"\nx = ' + "[" * 5000 + "]" * 5000 + "\n"
    personas, problems = load_personas(_copy(tmp_path, "peer.toml", nested))
    assert sorted(personas) == ["journalist", "recruiter"]
    assert len(problems) == 1 and problems[0].key == "persona.too_deep"
    assert problems[0].values == {"file": "peer.toml"}


def test_readers_still_load_when_one_persona_file_is_broken(tmp_path):
    readers = load_readers(_copy(tmp_path, "peer.toml", "id = 'peer'\n"))
    assert set(readers.readers) == {"recruiter", "recruiter/communication", "journalist"}
    assert "peer.toml" in str(readers.problems[0])


def test_with_every_persona_broken_there_is_no_reader_and_every_problem_is_said(tmp_path):
    for name in ("journalist.toml", "peer.toml", "recruiter.toml"):
        (tmp_path / name).write_text("weight = nan\n", "utf-8")
    readers = load_readers(tmp_path)
    assert readers.readers == {} and len(readers.problems) == 3
    with raises_saying("no reader could be loaded"):
        readers.get("recruiter")
