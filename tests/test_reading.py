from __future__ import annotations

import pytest

from model.reading import DEAD_BAND, read, read_all, verdict_of

from .conftest import profile


def test_sentences_say_which_way_a_signal_plays_in_french_and_english(readers):
    small = profile(connections=180)
    fr = read(readers.get("recruiter"), small, "fr")
    en = read(readers.get("recruiter"), small, "en")
    assert any(s.startswith("Vos 180 relations jouent contre vous auprès d'un recruteur :") for s in fr.sentences)
    assert any(s.startswith("Your 180 connections work against you with a recruiter:") for s in en.sentences)
    assert fr.sentences[0].startswith("Lecture") and "%" in fr.sentences[0]


def test_a_missing_photo_is_said_as_an_absence(readers):
    reading = read(readers.get("recruiter"), profile(has_photo=False), "fr")
    assert reading.signal_sentences["has_photo"].startswith("L'absence de photo joue contre vous")


def test_verdicts_have_a_dead_band():
    assert verdict_of(DEAD_BAND / 2) == verdict_of(-DEAD_BAND / 2) == "neutral"
    assert verdict_of(DEAD_BAND * 1.01) == "favourable"
    assert verdict_of(-DEAD_BAND * 1.01) == "unfavourable"


def test_assumed_signals_are_listed_in_every_reading(readers):
    for reading in read_all(readers, profile(connections=900)):
        assert "connections" not in reading.assumed and "has_photo" in reading.assumed
        assert reading.to_json()["assumed"] == list(reading.assumed)


def test_provenance_names_the_persona_file_and_the_judgements(readers):
    reading = read(readers.get("journalist"), profile())
    assert reading.provenance["persona_file"] == "personas/journalist.toml"
    assert reading.provenance["judgements"] == "synthetic"
    assert reading.provenance["judgements_count"] == 4000
    assert "E23" in reading.provenance["sources"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_reader_reads_every_signal(readers, lang):
    readings = read_all(readers, profile(), lang)
    assert [r.key for r in readings] == sorted(readers.readers)
    assert all(len(r.contributions) == len(r.verdicts) == len(r.signal_sentences) == 19 for r in readings)


def test_the_seeds_communications_manager_is_told_why_in_plain_words(readers):
    manager = profile(connections=300, press_contacts=0, company_posts_90d=0)
    sentences = read(readers.get("recruiter", "communication"), manager, "fr").sentences
    assert any(s.startswith("L'absence de contact presse joue contre vous auprès d'un recruteur") for s in sentences)
    assert any(s.startswith("Vos 300 relations jouent contre vous") for s in sentences)
