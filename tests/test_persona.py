from __future__ import annotations

import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from model.errors import InputError
from model.persona import PERSONAS_DIR, load_persona, load_personas
from model.reader import load_readers
from model.reading import read
from model.signals import NAMES, SIGNALS

from .conftest import profile


def test_every_persona_file_loads_with_a_reading_and_sources_for_every_signal():
    personas, problems = load_personas()
    assert problems == []
    assert {"recruiter", "journalist", "peer"} <= set(personas)
    for persona in personas.values():
        for context in [None, *persona.contexts]:
            readings = persona.readings_for(context)
            assert list(readings) == list(NAMES)
            assert all(r.sources and r.why["fr"] and r.why["en"] for r in readings.values())


def test_the_recruiter_has_the_seeds_communication_context():
    recruiter = load_persona(PERSONAS_DIR / "recruiter.toml")
    readings = recruiter.readings_for("communication")
    for name in ("connections", "press_contacts", "company_posts_90d"):
        assert readings[name].direction == "up" and "seed" in readings[name].sources
    assert recruiter.readings["press_contacts"].direction == "none"


@pytest.mark.parametrize(
    ("persona", "signal", "direction"),
    [
        ("recruiter", "cv_mismatches", "down"),  # E16
        ("recruiter", "has_photo", "up"),  # E1, E6
        ("recruiter", "connections", "up"),  # seed, E1
        ("recruiter", "controversial_share", "down"),  # E14
        ("journalist", "invitation_note_rate", "up"),  # E23
        ("journalist", "on_topic_share", "up"),  # E23
        ("peer", "connections", "middle"),  # E9
        ("peer", "invitation_note_rate", "up"),  # seed
        ("peer", "active_weeks_26", "up"),  # seed
    ],
)
def test_persona_directions_follow_the_seed_and_the_evidence(persona, signal, direction):
    assert load_persona(PERSONAS_DIR / f"{persona}.toml").readings[signal].direction == direction


def test_readers_really_differ_where_the_seed_says_they_do():
    personas, _ = load_personas()
    directions = {p: personas[p].readings for p in ("recruiter", "journalist", "peer")}
    assert directions["recruiter"]["controversial_share"].direction != directions["journalist"]["controversial_share"].direction
    assert directions["recruiter"]["company_posts_90d"].direction == "up"
    assert directions["peer"]["company_posts_90d"].direction == "down"


def _broken_copy(tmp_path: Path, text: str) -> Path:
    for path in PERSONAS_DIR.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "peer.toml").write_text(text, "utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("replace", "by", "message"),
    [
        (
            'direction = "middle"',
            'direction = "sideways"',
            r"peer.toml: signals.connections.direction: expected one of up, down, middle, none",
        ),
        ("weight = 1.6", 'weight = "strong"', r"peer.toml: signals.invitation_note_rate.weight: expected a number"),
        ('sources = ["E9"]', "sources = []", r"peer.toml: signals.connections.sources: expected a list"),
        ("[signals.has_photo]", "[signals.has_fotos]", r"peer.toml: signals.has_fotos: unknown signal 'has_fotos'"),
        (
            'name = { fr = "Pair", en = "Peer" }',
            'name = { fr = "Pair" }',
            r"peer.toml: name: expected a French and an English text",
        ),
        ("best = [200, 1500]", "best = [2000, 100]", r"peer.toml: signals.connections.best: expected \[low, high\]"),
        ('id = "peer"', 'id = "peer" = ', r"peer.toml: not valid TOML"),
    ],
)
def test_a_broken_persona_file_is_named_and_the_others_still_load(tmp_path, replace, by, message):
    text = (PERSONAS_DIR / "peer.toml").read_text("utf-8")
    assert replace in text
    directory = _broken_copy(tmp_path, text.replace(replace, by, 1))
    personas, problems = load_personas(directory)
    assert sorted(personas) == ["journalist", "recruiter"]
    assert len(problems) == 1
    assert isinstance(problems[0], InputError)
    assert problems[0].args[0] == problems[0].args[0].strip()
    assert re.search(message, str(problems[0])), str(problems[0])


def test_readers_still_fit_when_one_persona_file_is_broken(tmp_path):
    directory = _broken_copy(tmp_path, "id = 'peer'\n")
    readers = load_readers(directory)
    assert set(readers.readers) == {"recruiter", "recruiter/communication", "journalist"}
    assert "peer.toml" in str(readers.problems[0])


@pytest.mark.parametrize("key", ["recruiter", "recruiter/communication", "journalist", "peer"])
def test_fitted_shapes_keep_the_declared_direction(readers, key):
    """Monotone directions are constraints of the fit: the curve may not turn back at all
    (tolerance 1e-9 log-odds for floating point), over the whole valid range."""
    reader = readers.readers[key]
    for name, reading in reader.persona.readings_for(reader.context).items():
        if reading.monotone == 0:
            continue
        signal = SIGNALS[name]
        grid = np.linspace(signal.low, min(signal.high, 5000), 400)
        steps = np.diff(reader.contribution(name, grid)) * reading.monotone
        assert steps.min() >= -1e-9, (key, name)


def test_the_seeds_communications_manager_reads_worse_for_a_communications_recruiter(readers):
    manager = profile(connections=300, press_contacts=0, company_posts_90d=0, comments_90d=0)
    general = read(readers.get("recruiter"), manager)
    communication = read(readers.get("recruiter", "communication"), manager)
    assert communication.probability < general.probability - 0.15
    assert communication.verdicts["connections"] == "unfavourable"


def test_a_small_network_reads_as_unfavourable_for_a_recruiter(readers):
    assert read(readers.get("recruiter"), profile(connections=40)).verdicts["connections"] == "unfavourable"


def test_polarising_content_helps_with_a_journalist_and_hurts_with_a_recruiter(readers):
    polarising = profile(controversial_share=0.2, posts_90d=6)
    assert read(readers.get("recruiter"), polarising).verdicts["controversial_share"] == "unfavourable"
    assert read(readers.get("journalist"), polarising).verdicts["controversial_share"] == "favourable"
