"""Importing a LinkedIn export: what it derives, how leniently it reads, what it refuses."""

from __future__ import annotations

import builtins
import datetime as dt
import io
import json
import os
import re
import tempfile
import zipfile

import numpy as np
import pandas as pd
import pytest

from cli.main import main
from model.errors import InputError
from model.linkedin import archive as archive_module
from model.linkedin import import_export
from model.linkedin.press import is_press
from model.linkedin.synthetic import Spec, archive, files
from model.profile import from_json
from words.errors import explain
from words.linkedin import notes, source

SAMPLE = "data/samples/sample_export.zip"


def _zip(members: dict[str, bytes | str], folder: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            zf.writestr(folder + name, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()


def _with(**changes: bytes | str) -> bytes:
    members: dict[str, bytes | str] = dict(files(Spec()))
    for name, content in changes.items():
        key = name.replace("__", " ").replace("_csv", ".csv")
        if content is None:
            members.pop(key)
        else:
            members[key] = content
    return _zip(members)


def test_the_sample_export_gives_a_profile_that_regards_reads():
    with open(SAMPLE, "rb") as handle:
        result = import_export(handle.read())
    profile = from_json(result.to_profile_json())
    assert result.as_of == dt.date(2026, 11, 20)
    assert result.signals["connections"] == 400
    assert 0 < result.signals["press_contacts"] < 40
    assert result.to_fill_in == ["has_photo", "cv_mismatches", "on_topic_share", "controversial_share"]
    assert set(profile.assumed) == set(result.to_fill_in)
    assert all(source(result, n, "fr") and source(result, n, "en") for n in result.signals)
    assert source(result, "connections", "en") == "Connections.csv: 400 rows"
    assert source(result, "connections", "fr") == "Connections.csv\u202f: 400 lignes"
    assert source(result, "comments_90d", "en").endswith(" comments in the 90 days to 20 November 2026")
    assert source(result, "comments_90d", "fr").endswith(" commentaires sur les 90 jours jusqu'au 20 novembre 2026")


def test_counts_are_over_the_90_days_before_as_of():
    data = archive(Spec(reactions=200, seed=3))
    late, early = import_export(data), import_export(data, as_of=dt.date(2026, 6, 1))
    assert early.signals["reactions_90d"] < late.signals["reactions_90d"]
    assert early.as_of == dt.date(2026, 6, 1)


def test_a_basic_archive_says_activity_files_are_missing_never_zero():
    result = import_export(archive(Spec(complete=False)))
    for name in ("posts_90d", "comments_90d", "reactions_90d", "active_weeks_26", "days_since_last_activity"):
        assert name not in result.signals and name in result.to_fill_in
    assert "Shares.csv" in result.files_missing
    assert notes(result, "en") == [
        "Shares, comments or reactions are missing: the Basic archive does not hold them. Request the Complete archive"
        " for activity signals; meanwhile they are to fill in."
    ]
    assert notes(result, "fr") == [
        "Partages, commentaires ou réactions manquent\u202f: l'archive de base ne les contient pas. Demandez l'archive"
        " complète pour les signaux d'activité\u202f; d'ici là, ils sont à compléter."
    ]


def test_members_in_a_folder_and_with_a_member_id_suffix_are_found():
    result = import_export(archive(Spec(folder="Complete_LinkedInDataExport_11-20-2026/", suffixed=True)))
    assert result.signals["reactions_90d"] > 0 and "Reactions.csv" in result.files_found


def test_connections_preamble_is_found_not_skipped_by_count():
    plain = files(Spec())["Connections.csv"].decode().split("\n\n", 1)[1]
    for text in (plain, "Notes:\n\n" + plain, files(Spec())["Connections.csv"].decode()):
        assert import_export(_with(Connections_csv=text)).signals["connections"] == 400


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "latin-1"])
def test_files_in_other_encodings_read_the_same(encoding):
    text = files(Spec())["Positions.csv"].decode()
    text = text.replace("Chargée", "Chargee") if encoding == "latin-1" else text
    result = import_export(
        _with(Positions_csv=text.encode(encoding), Skills_csv="Name\nÉcriture\nRelations presse\n".encode(encoding))
    )
    assert result.signals["positions_listed"] == 4
    assert result.signals["skills_listed"] == 2


def test_an_excel_resave_with_semicolons_and_two_digit_years_reads():
    text = "First Name;Last Name;URL;Email Address;Company;Position;Connected On\r\n" + "".join(
        "Zoé;Fictif;;;Le Monde;Journaliste;07-Jun-23\r\n" for _ in range(5)
    )
    result = import_export(_with(Connections_csv=text.encode("latin-1")))
    assert result.signals["connections"] == 5
    assert result.signals["press_contacts"] == 5


def test_malformed_and_mixed_dates_are_counted_and_said():
    reactions = "Date,Type,Link\n2026-11-01 10:00:00,LIKE,x\n2026/11/02 10:00:00 UTC,LIKE,x\nyesterday,LIKE,x\n,LIKE,x\n"
    result = import_export(_with(Reactions_csv=reactions), as_of=dt.date(2026, 11, 20))
    assert result.signals["reactions_90d"] == 2
    assert "Reactions.csv: 1 row with a date in no known format was left out of date counts." in notes(result, "en")
    assert "Reactions.csv\u202f: 1 ligne dont la date est dans un format inconnu a été écartée des décomptes datés." in notes(
        result, "fr"
    )


def test_missing_and_extra_columns_are_said_not_fatal():
    invitations = 'From,To,Sent At,Direction,Extra Column\nMoi,Toi,"9/25/26, 8:52 AM",OUTGOING,x\n'
    result = import_export(_with(Invitations_csv=invitations))
    assert "invitation_note_rate" in result.to_fill_in
    assert "Invitations.csv: no Direction or Message column; the note rate was not computed." in notes(result, "en")
    assert any(n.startswith("Invitations.csv\u202f: pas de colonne Direction ou Message\u202f;") for n in notes(result, "fr"))


def test_empty_files_are_said_and_read_as_nothing():
    result = import_export(_with(Skills_csv=b"", Comments_csv="Date,Link,Message\n"))
    assert "Skills.csv is empty." in notes(result, "en") and "Skills.csv est vide." in notes(result, "fr")
    assert result.signals["comments_90d"] == 0


def test_quoted_multiline_fields_and_backslash_quotes_keep_rows_whole():
    comments = 'Date,Link,Message\n2026-11-10 10:00:00,x,"Une ligne\nune autre, avec virgule"\n2026-11-11 10:00:00,x,"Il a dit \\"bravo\\", puis"\n'
    result = import_export(_with(Comments_csv=comments), as_of=dt.date(2026, 11, 20))
    assert result.signals["comments_90d"] == 2


def test_original_posts_and_reshares_are_told_apart():
    shares = (
        "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
        '2026-11-10 10:00:00,x,"Mon texte\nsur deux lignes",,,PUBLIC\n'
        "2026-11-11 10:00:00,x,,https://exemple.invalid/a,,PUBLIC\n"
        '2026-11-12 10:00:00,x,"Bravo Acme Conseil !",,,PUBLIC\n'
    )
    result = import_export(_with(Shares_csv=shares), as_of=dt.date(2026, 11, 20))
    assert (result.signals["posts_90d"], result.signals["shares_90d"], result.signals["company_posts_90d"]) == (2, 1, 1)


@pytest.mark.parametrize(
    ("position", "company", "press"),
    [
        ("Data journalist", "", True),
        ("Journaliste pigiste", "", True),
        ("Editor-in-chief", "", True),
        ("Attachée de presse", "", True),
        ("Rédactrice en chef adjointe", "", True),
        ("Chargée de relations presse", "", True),
        ("Copy editor", "", True),
        ("Chef de projet", "Le Monde", True),
        ("Reporter", "", True),
        ("Journal entry clerk", "", False),
        ("Video editor", "", False),
        ("Code Editor Plugin Developer", "", False),
        ("Rédacteur technique", "", False),
        ("Printing press operator", "", False),
        ("Correspondent banking analyst", "", False),
        ("Comptable", "Acme", False),
    ],
)
def test_press_lexicon_on_real_looking_titles_and_near_misses(position, company, press):
    assert bool(is_press(pd.Series([position]), pd.Series([company])).iloc[0]) is press


def test_not_a_zip_is_refused_saying_what_to_load():
    with pytest.raises(InputError) as error:
        import_export(b"PK? no, just text")
    assert error.value.key == "linkedin.not_a_zip"
    assert "not a ZIP archive" in explain(error.value, "en") and "Get a copy of your data" in explain(error.value, "en")
    assert "n'est pas une archive ZIP" in explain(error.value, "fr")


def test_an_encrypted_zip_is_refused():
    data = bytearray(_zip({"Connections.csv": "First Name\nA\n"}))
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        data[at + flag_offset] |= 0x1
    with pytest.raises(InputError) as error:
        import_export(bytes(data))
    assert error.value.key == "linkedin.encrypted" and error.value.values["file"] == '"Connections.csv"'
    assert "encrypted" in explain(error.value, "en") and "chiffrée" in explain(error.value, "fr")


def test_a_zip_bomb_is_refused_by_its_real_size():
    bomb = _zip({"Connections.csv": b"First Name\n" + b"0" * (40 * 2**20)})
    assert len(bomb) < 200_000
    with pytest.raises(InputError) as error:
        import_export(bomb)
    assert error.value.key == "linkedin.refused"
    assert '"Connections.csv" expands more than 200 times' in explain(error.value, "en")


def test_the_total_uncompressed_size_is_capped(monkeypatch):
    monkeypatch.setattr(archive_module, "MAX_TOTAL", 50_000)
    with pytest.raises(InputError) as error:
        import_export(archive(Spec(connections=3000)))
    assert error.value.key == "linkedin.refused"
    assert "expands to more than" in explain(error.value, "en") and "dépasse" in explain(error.value, "fr")


def test_a_zip_without_export_files_is_refused_listing_what_it_holds():
    with pytest.raises(InputError) as error:
        import_export(_zip({"notes.csv": "a,b\n1,2\n", "photo.jpg": b"\xff\xd8"}))
    assert error.value.key == "linkedin.no_export_files"
    assert re.search(r"none of the files of a LinkedIn export.*notes\.csv", explain(error.value, "en"))
    assert '"notes.csv", "photo.jpg"' in explain(error.value, "fr")


def test_an_empty_zip_is_refused_saying_it_holds_no_file():
    with pytest.raises(InputError) as error:
        import_export(_zip({}))
    assert explain(error.value, "en").endswith("it holds: no file")
    assert explain(error.value, "fr").endswith("il contient\u202f: aucun fichier")


def test_a_partial_export_lists_what_was_found_and_what_was_not():
    result = import_export(_zip({"Connections.csv": files(Spec())["Connections.csv"], "Skills.csv": "Name\nA\n"}))
    assert result.files_found == ["Connections.csv", "Skills.csv"]
    assert "Invitations.csv" in result.files_missing and "Shares.csv" in result.files_missing
    assert result.signals["connections"] == 400


def test_folders_inside_the_zip_are_fine():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("Export/", b"")
        zf.writestr("Export/Sub/", b"")
        zf.writestr("Export/Skills.csv", "Name\nA\nB\n")
    assert import_export(buffer.getvalue()).signals["skills_listed"] == 2


def test_an_archive_of_50_mb_imports():
    photo = np.random.default_rng(0).bytes(50 * 2**20)
    data = _zip({**files(Spec()), "Rich_Media/photo.jpg": photo})
    assert len(data) > 50 * 2**20
    assert import_export(data).signals["connections"] == 400


def test_the_archive_is_read_in_memory_only(monkeypatch):
    before = set(os.listdir(tempfile.gettempdir()))
    real_open = builtins.open

    def guarded_open(file, mode="r", *args, **kwargs):
        if any(m in mode for m in "wax+"):
            raise AssertionError(f"tried to write {file}")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(os, "open", lambda *a, **k: (_ for _ in ()).throw(AssertionError("os.open during import")))
    monkeypatch.setattr(tempfile, "mkstemp", lambda *a, **k: (_ for _ in ()).throw(AssertionError("temp file")))
    monkeypatch.setattr(tempfile, "TemporaryFile", lambda *a, **k: (_ for _ in ()).throw(AssertionError("temp file")))
    import_export(archive(Spec()))
    assert set(os.listdir(tempfile.gettempdir())) == before


def test_import_linkedin_prints_the_profile_json_read_takes(capsys, tmp_path):
    assert main(["import-linkedin", SAMPLE, "--as-of", "2026-10-01", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["as_of"] == "2026-10-01"
    path = tmp_path / "me.json"
    path.write_text(json.dumps(document))
    assert main(["read", str(path), "--persona", "journalist", "--json"]) == 0


def test_import_linkedin_summary_in_french(capsys):
    assert main(["import-linkedin", SAMPLE, "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "À compléter à la main (l'export ne peut pas le dire)\u202f: Photo de profil" in out and "Fichiers lus\u202f:" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["README.md"], "not a ZIP archive"),
        (["nope.zip"], "cannot read"),
        ([SAMPLE, "--as-of", "20/11/2026"], "expected a date as YYYY-MM-DD"),
        (["README.md", "--lang", "fr"], "n'est pas une archive ZIP"),
        (["nope.zip", "--lang", "fr"], "nope.zip\u202f: lecture impossible\u202f:"),
        ([SAMPLE, "--as-of", "20/11/2026", "--lang", "fr"], "--as-of '20/11/2026'\u202f: attendu une date AAAA-MM-JJ"),
    ],
)
def test_import_linkedin_bad_input_exits_2(capsys, args, message):
    assert main(["import-linkedin", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
