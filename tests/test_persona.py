"""Persona files: every one loads, cites only known sources, and a broken one never takes the others down."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from model.errors import InputError
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
    for path in PERSONAS_DIR.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / name).write_text(text, "utf-8")
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


def test_a_deeply_nested_persona_file_is_refused_not_a_crash(tmp_path):
    nested = 'id = "peer"\nx = ' + "[" * 5000 + "]" * 5000 + "\n"
    personas, problems = load_personas(_copy(tmp_path, "peer.toml", nested))
    assert sorted(personas) == ["journalist", "recruiter"]
    assert "peer.toml" in str(problems[0])


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
