"""The app's logic through Streamlit's AppTest: pages, readers, languages, presets, uploads, URL."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from model.presets import presets
from model.profile import from_signals
from model.reader import default_readers
from model.reading import Reading, read
from ui import state
from words.readings import probability_short, reason_text, source_tag, standing_text, verdict_sentence

APP = str(Path(__file__).resolve().parent.parent / "app.py")
READERS = ["journalist", "peer", "recruiter", "recruiter/communication"]


def start(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def go(at: AppTest, page: str) -> AppTest:
    """Switch to a page by its file, as the top navigation does."""
    at.switch_page(page)
    return at.run()


def shown(at: AppTest, key: str) -> Reading:
    """The reading the app should show for `key`: the textbook reader on the profile in the URL."""
    return read(default_readers().by_key(key), from_signals(state.decode_signals(at.query_params["p"])))


def test_the_app_opens_on_the_seeds_example_read_by_a_communications_recruiter():
    at = start()
    assert not at.exception
    assert at.title[0].value == "Recruiter — Communications role"
    assert at.query_params["reader"] == "recruiter/communication"
    reading = shown(at, "recruiter/communication")
    assert at.metric[0].value == probability_short(reading.probability, "en")
    assert reading.probability < shown(at, "recruiter").probability
    assert any(m.value == f"#### {verdict_sentence(reading, 'en')}" for m in at.markdown)
    assert any(c.value == standing_text(reading, "en") for c in at.caption)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("reader", READERS)
def test_every_reader_reads_in_both_languages(lang, reader):
    at = start(lang=lang, reader=reader)
    assert not at.exception
    reading = shown(at, reader)
    assert at.metric[0].value == probability_short(reading.probability, lang)
    heading = "Chances d'une lecture favorable" if lang == "fr" else "Chance of a favourable reading"
    assert at.metric[0].label == heading
    assert any(m.value == f"#### {verdict_sentence(reading, lang)}" for m in at.markdown)
    assert any(c.value == standing_text(reading, lang) for c in at.caption)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_reasons_carry_their_source_tags(lang):
    at = start(lang=lang, reader="recruiter/communication")
    reading = shown(at, "recruiter/communication")
    assert reading.reasons
    strongest = reading.strongest("unfavourable", 3)
    assert strongest
    texts = [m.value for m in at.markdown]
    for reason in strongest:
        sentence = reason_text(reading.reader, reason, reading.values[reason.signal], lang)
        block = next(text for text in texts if sentence in text)
        assert all(f"`{source_tag(source, lang)}`" in block for source in reason.sources)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_side_by_side_shows_every_reader_and_where_they_disagree(lang):
    at = start(lang=lang, p="controversial_share:0.3;posts_90d:8")
    at = go(at, "views/compare.py")
    assert not at.exception
    assert len(at.metric) == len(READERS)
    for metric, key in zip(at.metric, READERS, strict=True):
        assert metric.value == probability_short(shown(at, key).probability, lang)
    differ = "Là où les lecteurs diffèrent le plus" if lang == "fr" else "Where the readers differ most"
    assert differ in [h.value for h in at.subheader]
    disputed = "Contenus polémiques" if lang == "fr" else "Polarising content"
    assert any(disputed in m.value for m in at.markdown)


def test_the_profile_page_groups_signals_by_the_five_situations():
    at = go(start(lang="fr"), "views/profile.py")
    assert not at.exception
    titles = [e.label for e in at.expander]
    assert titles[:5] == [
        "1. Création de relations professionnelles",
        "2. Méthodes de travail",
        "3. Cohérence de nos affirmations",
        "4. Choix des contenus",
        "5. Qualités personnelles",
    ]


@pytest.mark.parametrize("preset", sorted(presets()))
def test_every_preset_loads_and_says_who_it_is(preset):
    at = go(start(lang="en"), "views/profile.py")
    at.selectbox(key="preset_choice").set_value(preset).run()
    assert not at.exception
    assert any(presets()[preset].description["en"] in i.value for i in at.info)
    expected = presets()[preset].profile.values["connections"]
    assert at.number_input(key=state.widget_key("connections")).value == expected
    assert at.query_params["preset"] == preset


def test_changing_a_signal_changes_the_reading_and_the_url():
    at = start(lang="en", reader="recruiter/communication")
    before = shown(at, "recruiter/communication").probability
    at = go(at, "views/profile.py")
    at.number_input(key=state.widget_key("press_contacts")).set_value(15).run()
    assert "press_contacts:15" in at.query_params["p"]
    at = go(at, "views/reading.py")
    after = shown(at, "recruiter/communication").probability
    assert after > before
    assert at.metric[0].value == probability_short(after, "en")


def test_reset_gives_a_typical_profile_every_signal_assumed():
    at = go(start(lang="en"), "views/profile.py")
    at.button(key="reset").click().run()
    assert at.query_params["p"] == ""
    assert len([c for c in at.caption if c.value == "assumed: typical value"]) == 19


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "unchanged. Profile: not valid JSON (line 1, column 2"),
        (
            json.dumps({"signals": {"conections": 10}}).encode(),
            "unchanged. Unknown signal 'conections': did you mean 'connections'",
        ),
        (json.dumps({"signals": {"active_weeks_26": 40}}).encode(), "Active weeks: 40 is out of range"),
    ],
)
def test_a_bad_profile_file_shows_the_message_and_keeps_the_profile(content, message):
    at = go(start(lang="en"), "views/profile.py")
    before = dict(at.query_params)
    at.file_uploader(key="upload").set_value(("profile.json", content, "application/json")).run()
    assert not at.exception
    assert any(message in e.value and "your profile is unchanged" in e.value for e in at.error)
    assert dict(at.query_params)["p"] == before["p"]


def test_a_good_profile_file_replaces_the_profile():
    at = go(start(lang="en"), "views/profile.py")
    document = {"as_of": "2026-11-01", "signals": {"connections": 4321, "has_photo": False}}
    at.file_uploader(key="upload").set_value(("me.json", json.dumps(document).encode(), "application/json")).run()
    assert at.query_params["p"] == "connections:4321;has_photo:0"
    assert at.number_input(key=state.widget_key("connections")).value == 4321


def test_a_link_reopens_exactly_the_same_view():
    first = start(lang="en")
    first = go(first, "views/profile.py")
    first.number_input(key=state.widget_key("connections")).set_value(1234).run()
    first.radio(key=state.READER).set_value("peer").run()
    first.radio(key=state.LANG).set_value("fr").run()
    link = {k: first.query_params[k] for k in first.query_params}
    again = start(**link)
    assert again.title[0].value == "Pair"
    assert again.radio(key=state.LANG).value == "fr"
    assert "connections:1234" in again.query_params["p"]
    assert again.metric[0].value == go(first, "views/reading.py").metric[0].value
    assert again.metric[0].value == probability_short(shown(again, "peer").probability, "fr")


def test_a_link_with_a_broken_profile_is_ignored_with_a_warning():
    at = start(lang="en", p="connections:lots")
    assert not at.exception
    assert any("could not be read" in w.value for w in at.warning)


def test_presenter_mode_opens_side_by_side_first():
    at = start(lang="fr", presenter="1")
    assert not at.exception
    assert at.title[0].value == "Tous les lecteurs, côte à côte"


def test_a_broken_persona_file_warns_and_the_other_readers_work(tmp_path, monkeypatch):
    import streamlit as st

    from model.persona import PERSONAS_DIR
    from model.reader import load_readers
    from ui import readers as ui_readers

    for path in PERSONAS_DIR.glob("*.toml"):
        (tmp_path / path.name).write_text(path.read_text("utf-8"), "utf-8")
    (tmp_path / "peer.toml").write_text("id = 'peer'\nname = 3\n", "utf-8")
    monkeypatch.setattr(ui_readers, "default_readers", lambda: load_readers(tmp_path))
    st.cache_resource.clear()
    try:
        at = AppTest.from_file(APP, default_timeout=30).run()
    finally:
        st.cache_resource.clear()
    assert not at.exception
    assert any("peer.toml" in w.value for w in at.sidebar.warning)
    assert [r for r in at.radio(key=state.READER).options] == ["Journalist", "Recruiter", "Recruiter — Communications role"]


def test_what_to_change_plans_applies_and_undoes():
    at = go(start(lang="en", reader="recruiter/communication"), "views/levers.py")
    assert not at.exception
    assert any("Target of 70% reached with" in s.value for s in at.success)
    before = at.query_params["p"]
    at.button(key="levers_apply").click().run()
    assert at.query_params["p"] != before
    applied = next(s.value for s in at.success if "Plan applied" in s.value)
    assert "Recruiter — Communications role: 9% → 71%" in applied
    at = go(at, "views/reading.py")
    assert shown(at, "recruiter/communication").probability >= 0.7
    assert at.metric[0].value == probability_short(shown(at, "recruiter/communication").probability, "en")
    at = go(at, "views/levers.py")
    at.button(key="levers_undo").click().run()
    assert at.query_params["p"] == before


def test_what_to_change_moves_the_sidebars_reader_and_those_added_and_offers_optional_moves():
    at = go(start(lang="fr", reader="journalist", preset="silent_expert"), "views/levers.py")
    at.multiselect(key="levers_also").set_value(["peer", "recruiter"]).run()
    assert not at.exception
    assert [m.label for m in at.metric] == ["Journaliste", "Pair", "Recruteur·euse"]
    assert any("En option" in h.value for h in at.subheader)


def test_the_sample_export_fills_the_profile_and_says_what_to_fill_in():
    at = go(start(lang="fr"), "views/profile.py")
    at.button(key="linkedin_sample").click().run()
    at.button(key="linkedin_apply").click().run()
    assert not at.exception
    assert any("Importé\u202f: 15 signaux" in s.value for s in at.success)
    assert any("À compléter à la main" in w.value and "Photo de profil" in w.value for w in at.warning)
    assert at.number_input(key=state.widget_key("connections")).value == 400
    assert "p" not in at.query_params  # an export's counts stay in the session, not in the address


def test_the_import_message_writes_the_date_as_people_read_it():
    at = go(start(lang="fr"), "views/profile.py")
    at.button(key="linkedin_sample").click().run()
    at.button(key="linkedin_apply").click().run()
    assert any("au 20 novembre 2026" in s.value for s in at.success)


def test_a_bad_export_shows_the_message_and_keeps_the_profile():
    at = go(start(lang="en"), "views/profile.py")
    before = at.query_params["p"]
    at.file_uploader(key="linkedin_zip_0").set_value(("export.zip", b"not a zip at all", "application/zip")).run()
    assert not at.exception
    assert any("not a ZIP archive" in e.value and "your profile is unchanged" in e.value for e in at.error)
    assert at.query_params["p"] == before


def test_an_uploaded_export_is_imported_and_not_kept():
    from model.linkedin.synthetic import Spec, archive

    at = go(start(lang="en"), "views/profile.py")
    at.file_uploader(key="linkedin_zip_0").set_value(("export.zip", archive(Spec(connections=123)), "application/zip")).run()
    at.button(key="linkedin_apply").click().run()
    assert at.number_input(key=state.widget_key("connections")).value == 123
    assert "linkedin_zip_0" not in at.session_state
    assert at.file_uploader(key="linkedin_zip_1").value is None


def test_an_archive_that_is_not_a_zip_is_refused_in_french_and_the_profile_is_unchanged():
    at = go(start(lang="fr"), "views/profile.py")
    before = at.number_input(key=state.widget_key("connections")).value
    at.file_uploader(key="linkedin_zip_0").set_value(("export.zip", b"PK? no, just text", "application/zip")).run()
    assert not at.exception
    shown = " ".join(e.value for e in at.error)
    assert "Cet export n'a pas été importé" in shown and "Ce fichier n'est pas une archive ZIP" in shown
    assert at.number_input(key=state.widget_key("connections")).value == before


def test_the_example_picker_shows_the_profile_on_screen_until_it_is_edited():
    at = go(start(lang="en"), "views/profile.py")
    assert at.selectbox(key=state.PRESET_CHOICE).value == state.DEFAULT_PRESET
    at.number_input(key=state.widget_key("connections")).set_value(900).run()
    assert at.selectbox(key=state.PRESET_CHOICE).value == ""
    assert "preset" not in at.query_params


def test_shares_are_edited_as_percentages():
    at = go(start(lang="en"), "views/profile.py")
    slider = at.slider(key=state.widget_key("controversial_share"))
    assert slider.max == 100
    slider.set_value(40).run()
    assert "controversial_share:0.4" in at.query_params["p"]
    assert state.decode_signals(at.query_params["p"])["controversial_share"] == 0.4


def test_the_shape_of_a_signal_says_where_you_stand_in_words():
    at = start(lang="en", reader="recruiter/communication", p="connections:300")
    at.selectbox(key="shape_signal").set_value("connections").run()
    assert any(c.value.startswith("You are here: 300 connections, which this reader reads as unfavourable") for c in at.caption)
    assert any(re.fullmatch(r"Among members, \d+% are below you and \d+% above\.", c.value) for c in at.caption)


def test_signals_an_export_cannot_give_are_marked_to_fill_in_until_another_profile_replaces_it():
    at = go(start(lang="en"), "views/profile.py")
    at.button(key="linkedin_sample").click().run()
    at.button(key="linkedin_apply").click().run()
    marked = [c for c in at.caption if "to fill in: the export cannot say" in c.value]
    assert len(marked) == 4
    at.selectbox(key=state.PRESET_CHOICE).set_value("thin_graduate").run()
    assert not any("to fill in" in c.value for c in at.caption)
    assert not any("Imported:" in s.value for s in at.success)


def test_switching_presenter_mode_on_opens_side_by_side_and_keeps_language_and_reader():
    at = start(lang="fr", reader="peer")
    at.toggle(key=state.PRESENTER).set_value(True).run()
    assert not at.exception
    assert at.title[0].value == "Tous les lecteurs, côte à côte"
    assert at.query_params["lang"] == "fr" and at.query_params["reader"] == "peer"
    assert at.query_params["presenter"] == "1"


def test_the_first_screen_says_the_profile_is_an_example_and_offers_two_ways_in():
    at = start(lang="en")
    assert any(m.value.startswith("**This is an example profile**") for m in at.markdown)
    assert at.button(key="example_import").label == "Import your LinkedIn export"
    at.button(key="example_enter").click().run()
    assert not at.exception
    assert at.title[0].value == "Your profile"
    at.number_input(key=state.widget_key("connections")).set_value(777).run()
    at = go(at, "views/reading.py")
    assert not any(m.value.startswith("**This is an example profile**") for m in at.markdown)


def test_import_your_export_from_the_first_screen_opens_the_import():
    at = start(lang="fr")
    at.button(key="example_import").click().run()
    assert not at.exception
    assert at.subheader[0].value == "Importer vos données LinkedIn"


def _typed_777_then_archive_297(lang: str = "en") -> AppTest:
    from model.linkedin.synthetic import Spec, archive

    at = go(start(lang=lang), "views/profile.py")
    at.number_input(key=state.widget_key("connections")).set_value(777).run()
    at.file_uploader(key="linkedin_zip_0").set_value(("export.zip", archive(Spec(connections=297)), "application/zip")).run()
    return at


def test_an_import_never_silently_overwrites_what_the_person_typed():
    at = _typed_777_then_archive_297()
    assert not at.exception
    assert "connections:777" in at.query_params["p"]
    assert at.number_input(key=state.widget_key("connections")).value == 777
    table = at.dataframe[0].value
    row = table[table["Signal"] == "Connections"].iloc[0]
    assert (row["Now"], row["From the export"], row["If you apply"]) == ("777", "297", "replaces what you typed")
    assert any(
        re.search(r"\d+ of them would replace a value you typed\. Nothing changes until you apply", i.value) for i in at.info
    )


def test_an_import_applies_on_confirmation_and_undoes():
    at = _typed_777_then_archive_297()
    at.button(key="linkedin_apply").click().run()
    assert "p" not in at.query_params  # an export's counts stay out of the address
    assert at.number_input(key=state.widget_key("connections")).value == 297
    at.button(key="linkedin_undo").click().run()
    assert "connections:777" in at.query_params["p"]  # undone: the address is as it was
    assert at.number_input(key=state.widget_key("connections")).value == 777
    assert any("Import undone" in i.value for i in at.info)


def test_a_cancelled_import_changes_nothing():
    at = _typed_777_then_archive_297()
    before = at.query_params["p"]
    at.button(key="linkedin_cancel").click().run()
    assert at.query_params["p"] == before
    assert not at.dataframe


def test_after_an_import_a_button_shows_the_reading():
    at = go(start(lang="en"), "views/profile.py")
    at.button(key="linkedin_sample").click().run()
    at.button(key="linkedin_apply").click().run()
    at.button(key="linkedin_see_reading").click().run()
    assert not at.exception
    assert at.title[0].value == "Recruiter — Communications role"
    assert at.metric[0].value == probability_short(shown(at, "recruiter/communication").probability, "en")


def test_clearing_a_number_field_does_not_set_zero_it_assumes_the_typical_value():
    at = go(start(lang="en"), "views/profile.py")
    at.number_input(key=state.widget_key("connections")).set_value(None).run()
    assert not at.exception
    assert "connections" not in state.decode_signals(at.query_params["p"])
    assert at.number_input(key=state.widget_key("connections")).value is None
    assert "assumed: typical value" in [c.value for c in at.caption]


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "Connections: −5 is outside the valid range, from 0 to 30,000. The value stays 300."),
        ("fr", "Relations\u202f: −5 est hors des valeurs possibles, de 0 à 30\u202f000. La valeur reste 300."),
    ],
)
def test_an_out_of_range_value_says_the_valid_range_in_words(lang, message):
    from model.signals import SIGNALS

    at = go(start(lang=lang), "views/profile.py")
    assert SIGNALS["connections"].high == 30000
    at.number_input(key=state.widget_key("connections")).set_value(-5).run()
    assert not at.exception
    assert [e.value for e in at.error] == [message]
    assert "connections:300" in at.query_params["p"]
    assert at.number_input(key=state.widget_key("connections")).value == 300


def test_a_part_larger_than_its_whole_is_refused_in_words():
    at = go(start(lang="en", p="connections:100;press_contacts:5"), "views/profile.py")
    at.number_input(key=state.widget_key("press_contacts")).set_value(150).run()
    assert not at.exception
    (error,) = at.error
    assert "Press contacts: 150 cannot be more than your connections (100)" in error.value
    assert "press_contacts" not in error.value.replace("press_contacts:", "")
    assert "press_contacts:5" in at.query_params["p"]


def test_the_reading_sits_next_to_the_editor_and_shows_what_a_change_moved():
    at = go(start(lang="en", reader="recruiter/communication"), "views/profile.py")
    at.number_input(key=state.widget_key("press_contacts")).set_value(12).run()
    reading = shown(at, "recruiter/communication")
    live = at.get("metric")[0]
    assert live.value == probability_short(reading.probability, "en")
    assert live.delta.startswith("+")
    moved = next(m.value for m in at.markdown if m.value.startswith("- Press contacts"))
    assert ":blue[favourable]" in moved and "\u22121.2 → +0.8" in moved


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_sources_page_lists_every_piece_of_evidence_in_full(lang):
    from model.evidence import EVIDENCE
    from words.numbers import typography

    at = go(start(lang=lang), "views/evidence.py")
    assert not at.exception
    texts = "\n".join(m.value for m in at.markdown)
    for evidence in EVIDENCE.values():
        assert evidence.ref in texts
        assert typography(evidence.says[lang], lang) in texts
        assert f"`{source_tag(evidence.id, lang)}`" in texts
    cited = [c.value for c in at.caption if c.value.startswith("Citée par" if lang == "fr" else "Cited by")]
    assert cited


def test_french_pages_keep_question_marks_with_their_words():
    at = go(start(lang="fr"), "views/compare.py")
    questions = [c.value for c in at.caption if c.value.endswith("?")]
    assert questions and all(q.endswith("\u202f?") for q in questions)


def test_french_errors_are_in_french_without_code_names():
    at = go(start(lang="fr"), "views/profile.py")
    content = json.dumps({"signals": {"active_weeks_26": 40}}).encode()
    at.file_uploader(key="upload").set_value(("profile.json", content, "application/json")).run()
    (error,) = at.error
    assert "Semaines actives\u202f: 40" in error.value and "hors limites" in error.value
    assert "active_weeks_26" not in error.value


def test_a_link_with_a_broken_value_says_which_signal_by_its_name():
    at = start(lang="fr", p="connections:lots")
    (warning,) = at.sidebar.warning
    assert "Relations\u202f: «\u00a0lots\u00a0» n'est pas un nombre" in warning.value


def test_a_rerun_that_changed_nothing_for_a_chart_does_not_rebuild_it(monkeypatch):
    from ui import reading_page

    built = []
    real = reading_page.contributions_chart
    monkeypatch.setattr(reading_page, "contributions_chart", lambda *a, **k: built.append(1) or real(*a, **k))
    at = start(lang="en")
    at.run()
    assert len(built) == 1
    at.radio(key=state.LANG).set_value("fr").run()
    assert len(built) == 2


def test_every_page_carries_print_rules_for_clean_a4_pages():
    at = start(lang="en")
    css = next(m.value for m in at.markdown if "@media print" in m.value)
    assert "size: A4" in css and "stSidebar" in css and "break-inside: avoid" in css


@pytest.mark.parametrize(
    ("lang", "day", "source"),
    [
        ("fr", "20 novembre 2026", "**Relations** ← Connections.csv\u202f: 400 lignes"),
        ("en", "20 November 2026", "**Connections** ← Connections.csv: 400 rows"),
    ],
)
def test_the_import_writes_no_date_the_iso_way(lang, day, source):
    at = go(start(lang=lang), "views/profile.py")
    at.button(key="linkedin_sample").click().run()
    at.button(key="linkedin_apply").click().run()
    texts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    assert not [text for text in texts if re.search(r"\d{4}-\d{2}-\d{2}|\d{2}/\d{2}/\d{4}", text)]
    assert any(day in text for text in texts)
    read = [re.sub(r"\\(.)", r"\1", m.value) for m in at.markdown]
    assert any(f"- {source}\n" in text for text in read), "the sources read in the person's language"


def test_the_imports_notes_and_missing_files_read_in_the_persons_language():
    from model.linkedin.synthetic import Spec, archive

    at = go(start(lang="fr"), "views/profile.py")
    at.file_uploader(key="linkedin_zip_0").set_value(("export.zip", archive(Spec(complete=False)), "application/zip")).run()
    at.button(key="linkedin_apply").click().run()
    notes = [re.sub(r"\\(.)", r"\1", c.value) for c in at.caption if c.value.startswith("⚠")]
    assert notes == [
        "⚠ Partages, commentaires ou réactions manquent\u202f: l'archive de base ne les contient pas. Demandez l'archive"
        " complète pour les signaux d'activité\u202f; d'ici là, ils sont à compléter."
    ]
    missing = "Fichiers absents de cet export\u202f: Recommendations_Received.csv, Shares.csv, Comments.csv, Reactions.csv"
    assert missing in [c.value for c in at.caption]


def reasons_under(at: AppTest, title: str) -> list[str]:
    """The reasons listed under the subheader `title` ("What works for you", "What works against you")."""
    column = next(column for column in at.columns if any(h.value == title for h in column.subheader))
    return [m.value for m in column.markdown]


@pytest.mark.parametrize(
    ("lang", "column", "said"),
    [
        ("en", "What works for you", "No signal reads better than this reader expects."),
        ("fr", "Ce qui joue pour vous", "Aucun signal ne se lit mieux que ce qu'attend ce lecteur."),
    ],
)
def test_a_profile_with_nothing_in_its_favour_says_so_where_the_reasons_for_would_be(lang, column, said):
    at = go(start(lang=lang), "views/profile.py")
    at.selectbox(key=state.PRESET_CHOICE).set_value("thin_graduate").run()
    at = go(at, "views/reading.py")
    assert not at.exception
    assert reasons_under(at, column) == [said]
    assert not shown(at, "recruiter/communication").strongest("favourable", 3)
    against = "What works against you" if lang == "en" else "Ce qui joue contre vous"
    assert len(reasons_under(at, against)) == 3


@pytest.mark.parametrize(
    ("lang", "here", "row"),
    [
        ("en", "You are here: never, which this reader reads as unfavourable", "| Days since last activity | never |"),
        (
            "fr",
            "Vous êtes ici\u202f: jamais, que ce lecteur lit comme défavorable",
            "| Jours depuis la dernière activité | jamais |",
        ),
    ],
)
def test_a_never_active_profile_reads_never_in_words_not_a_number_of_days(lang, here, row):
    at = start(lang=lang, reader="recruiter/communication", p="days_since_last_activity:null")
    at.selectbox(key="shape_signal").set_value("days_since_last_activity").run()
    assert not at.exception
    assert any(c.value.startswith(here) for c in at.caption)
    assert any(row in m.value for m in at.markdown)  # the chart's numbers in words


ALIKE = (
    "connections:500;invitation_note_rate:0.7;recommendations_received:5;press_contacts:3;company_posts_90d:3;comments_90d:10;"
    "has_photo:1;has_headline:1;summary_words:360;positions_listed:2;skills_listed:5;cv_mismatches:0;posts_90d:10;shares_90d:0;"
    "on_topic_share:0.9;controversial_share:0;active_weeks_26:19;reactions_90d:5;days_since_last_activity:14"
)
"""A well-rounded profile every reader reads much the same way, signal by signal."""


@pytest.mark.parametrize(
    ("lang", "no_difference", "no_disagreement", "shared"),
    [
        (
            "en",
            "No signal weighs very differently from one reader to another on this profile.",
            "The readers agree on every signal of this profile.",
            "Favourable for every reader: Recommendations received, Comments written",
        ),
        (
            "fr",
            "Aucun signal ne pèse très différemment d'un lecteur à l'autre sur ce profil.",
            "Les lecteurs sont d'accord sur chaque signal de ce profil.",
            "Favorable pour tous les lecteurs\u202f: Recommandations reçues, Commentaires écrits",
        ),
    ],
)
def test_side_by_side_says_when_the_readers_read_a_profile_alike(lang, no_difference, no_disagreement, shared):
    """Said only when true: the seed said "the readers agree on every signal" above a heatmap where they did not."""
    from model.comparison import differences, disagreements
    from model.reading import read_all

    at = go(start(lang=lang, p=ALIKE), "views/compare.py")
    assert not at.exception
    readings = read_all(default_readers(), from_signals(state.decode_signals(ALIKE)))
    assert not differences(readings) and not disagreements(readings)
    said = [m.value for m in at.markdown]
    assert said.index(no_difference) < said.index(no_disagreement)
    assert any(c.value.startswith(shared) for c in at.caption)
    assert not any(m.value.startswith("- ") for m in at.markdown)  # no line of differences or disagreements
    assert not any("impossible" in m.value for m in at.markdown)  # nor an intro promising signals that split them


@pytest.mark.parametrize(
    ("lang", "ask_first", "assumed", "given"),
    [
        (
            "en",
            "Fill these in first, on the profile page: they are assumed, so no plan changes them — ",
            "Profile photo",
            ["Connections", "Press contacts"],
        ),
        (
            "fr",
            "Indiquez-les d'abord, sur la page du profil\u202f: ils sont supposés, aucun plan ne les change — ",
            "Photo de profil",
            ["Relations", "Contacts presse"],
        ),
    ],
)
def test_what_to_change_asks_first_for_the_signals_it_would_only_be_guessing(lang, ask_first, assumed, given):
    at = go(start(lang=lang, reader="recruiter/communication", p="connections:300;press_contacts:2"), "views/levers.py")
    assert not at.exception
    (warning,) = [w.value for w in at.warning if w.value.startswith(ask_first)]
    names = warning.removeprefix(ask_first).removesuffix(".").split(", ")
    assert assumed in names and not set(given) & set(names)
    at.button(key="levers_apply").click().run()
    assert set(state.decode_signals(at.query_params["p"])) == {"connections", "press_contacts"}  # no assumed one planned


@pytest.mark.parametrize(
    ("lang", "nothing"),
    [
        ("en", "No change within three months moves a chosen reader by 2 points or more."),
        ("fr", "Aucun changement possible en trois mois ne fait gagner 2 points à un lecteur choisi."),
    ],
)
def test_what_to_change_on_a_profile_of_assumed_values_says_no_change_is_possible(lang, nothing):
    at = go(start(lang=lang, reader="recruiter/communication"), "views/profile.py")
    at.button(key="reset").click().run()
    at = go(at, "views/levers.py")
    assert not at.exception
    assert [i.value for i in at.info] == [nothing]
    assert len(at.warning) == 1  # what to fill in first: every signal
    assert not [m for m in at.markdown if m.value.startswith("- [ ] ")]
    assert at.button(key="levers_apply").disabled


@pytest.mark.parametrize(
    ("lang", "move"),
    [
        ("en", "- Bring your posts about one's company to 3 — 1 h 30; Peer +3 pts"),
        ("fr", "- Amenez «\u00a0publications sur son entreprise\u00a0» à 3 — 1\u202fh\u202f30\u202f; Pair +3\u202fpts"),
    ],
)
def test_what_to_change_can_offer_to_bring_a_signal_down_that_has_no_written_action(lang, move):
    """Posting about one's company has an action to do more of it, none to do less: the move says
    where to bring it, in the person's words."""
    at = go(start(lang=lang), "views/profile.py")
    at.selectbox(key=state.PRESET_CHOICE).set_value("favour_asker").run()
    at.radio(key=state.READER).set_value("peer").run()
    at = go(at, "views/levers.py")
    assert not at.exception
    assert presets()["favour_asker"].profile.values["company_posts_90d"] > 3
    assert move in [m.value for m in at.markdown]


@pytest.mark.parametrize(
    ("lang", "connections", "assumed", "change"),
    [
        ("en", "Connections", " (assumed)", "fills in an assumed value"),
        ("fr", "Relations", " (supposée)", "remplace une valeur supposée"),
    ],
)
def test_an_import_into_a_profile_of_assumed_values_says_it_fills_them_in(lang, connections, assumed, change):
    at = go(start(lang=lang), "views/profile.py")
    at.button(key="reset").click().run()
    at.button(key="linkedin_sample").click().run()
    assert not at.exception
    table = at.dataframe[0].value
    typical = from_signals({}).values["connections"]
    assert table.iloc[0].tolist() == [connections, f"{typical}{assumed}", "400", change]
    assert all(now.endswith(assumed) for now in table.iloc[:, 1])
    assert set(table.iloc[:, 3]) == {change}


def test_what_to_change_invites_a_choice_in_the_persons_language():
    at = go(start(lang="fr"), "views/levers.py")
    assert not at.exception
    assert at.multiselect(key=state.LEVERS_ALSO).placeholder == "Choisir"
    assert at.multiselect(key=state.LEVERS_FIXED).placeholder == "Choisir"
