"""LinkedIn exports as members really have them: each variant real archives show, written by
the synthetic generator in that variant (invented people only)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from model.linkedin import import_export
from model.linkedin.synthetic import Spec, archive, files
from words.linkedin import notes, source

AS_OF = Spec().as_of


def _rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode())))


# A1 — calendar days


def test_activity_on_as_of_is_0_days_ago_and_falls_in_the_latest_week():
    result = import_export(archive(Spec(activity_days=(0,))), as_of=AS_OF)
    assert result.signals["days_since_last_activity"] == 0
    assert result.signals["active_weeks_26"] == 1


def test_activity_the_day_before_as_of_is_1_day_ago():
    result = import_export(archive(Spec(activity_days=(1,))), as_of=AS_OF)
    assert result.signals["days_since_last_activity"] == 1


def test_the_26_weeks_are_seven_day_blocks_ending_on_as_of():
    # 0 and 6 days ago share the latest week; 7 opens the next; 181 is in the 26th; 182 in none.
    result = import_export(archive(Spec(activity_days=(0, 6, 7, 181, 182))), as_of=AS_OF)
    assert result.signals["active_weeks_26"] == 3


def test_the_90_days_are_the_calendar_days_ending_on_as_of_inclusive():
    result = import_export(archive(Spec(activity_days=(0, 89, 90))), as_of=AS_OF)
    assert result.signals["reactions_90d"] == 2


# A2 — unquoted multi-line fields


def test_unquoted_multiline_comments_are_counted_as_records_not_lines():
    plain = import_export(archive(Spec(comments=50)))
    spread = import_export(archive(Spec(comments=50, multiline=True)))
    assert spread.counts["Comments.csv"] == 50
    assert spread.signals["comments_90d"] == plain.signals["comments_90d"]
    assert not any("no known format" in note for note in notes(spread, "en"))


def test_unquoted_multiline_posts_keep_their_fields():
    plain = import_export(archive(Spec(shares=30)))
    spread = import_export(archive(Spec(shares=30, multiline=True)))
    assert spread.counts["Shares.csv"] == 30
    for name in ("posts_90d", "shares_90d", "company_posts_90d"):
        assert spread.signals[name] == plain.signals[name]
    assert not any("no known format" in note for note in notes(spread, "en"))


def test_unquoted_multiline_invitation_notes_keep_the_direction_of_their_record():
    plain = import_export(archive(Spec(invitations=80)))
    spread = import_export(archive(Spec(invitations=80, multiline=True)))
    assert spread.counts["Invitations.csv"] == 80
    assert spread.signals["invitation_note_rate"] == plain.signals["invitation_note_rate"] > 0
    for lang in ("en", "fr"):
        assert source(spread, "invitation_note_rate", lang) == source(plain, "invitation_note_rate", lang)


# A3 — the default headline


@pytest.mark.parametrize(
    "headline",
    [
        "Responsable communication at Acme Conseil",
        "responsable  COMMUNICATION chez ACME conseil",
        "Responsable communication bei Acme Conseil",
        "Responsable communication på Acme Conseil",
        "Responsable communication presso Acme Conseil",
        "Responsáble communication en Acme Conseil",
    ],
)
def test_linkedins_default_headline_is_not_one_the_person_wrote(headline):
    result = import_export(archive(Spec(headline=headline)))
    assert result.signals["has_headline"] is False
    assert source(result, "has_headline", "en") == (
        'Profile.csv: the headline is LinkedIn\'s default, "Title at Company" of your current position'
    )
    assert source(result, "has_headline", "fr") == (
        "Profile.csv\u202f: le titre est celui que LinkedIn met par défaut, «\u00a0Poste chez Entreprise\u00a0» de votre poste actuel"
    )


def test_a_headline_saying_more_than_title_and_company_is_written():
    assert import_export(archive(Spec())).signals["has_headline"] is True


# A4 — Complete or Basic


def test_a_complete_archive_without_shares_or_comments_means_none_not_to_fill_in():
    result = import_export(archive(Spec(shares=0, comments=0)))
    assert result.complete
    for name in ("posts_90d", "shares_90d", "company_posts_90d", "comments_90d"):
        assert result.signals[name] == 0 and name not in result.to_fill_in
    assert notes(result, "en") == [
        "Complete archive without Shares.csv and Comments.csv: LinkedIn leaves a file out when there is nothing in it,"
        " so this activity counts as none."
    ]
    assert notes(result, "fr") == [
        "Archive complète sans Shares.csv et Comments.csv\u202f: LinkedIn omet un fichier quand il n'y a rien dedans,"
        " cette activité compte donc pour zéro."
    ]
    assert source(result, "shares_90d", "en") == "Shares.csv: none in this Complete archive"
    assert source(result, "shares_90d", "fr") == "Shares.csv\u202f: aucun dans cette archive complète"


def test_a_basic_archive_is_told_from_a_complete_one():
    assert not import_export(archive(Spec(complete=False))).complete
    assert import_export(archive(Spec())).complete


# A5 — activity the importer ignored


@pytest.mark.parametrize("name", ["Rich_Media.csv", "Rich Media.csv"])
def test_uploads_in_rich_media_prove_posting_without_shares(name):
    spec = Spec(shares=0, rich_media=8, rich_media_file=name)
    uploads = _rows(files(spec)[name])
    start = AS_OF - dt.timedelta(days=89)
    expected = sum(
        1
        for row in uploads
        if "feed" in row["Date/Time"]
        and dt.datetime.strptime(row["Date/Time"].split(" on ")[1].split(" at ")[0], "%B %d, %Y").date() >= start
    )
    result = import_export(archive(spec))
    assert expected > 0
    assert result.signals["posts_90d"] == expected
    assert source(result, "posts_90d", "en").startswith(f"Rich_Media.csv: {expected} photos or videos you posted in the 90 days")
    assert source(result, "posts_90d", "fr").startswith(f"Rich_Media.csv\u202f: {expected} photos ou vidéos publiées sur")


def test_uploads_and_poll_votes_are_activity():
    nothing = import_export(archive(Spec(activity_days=())), as_of=AS_OF)
    active = import_export(archive(Spec(activity_days=(), rich_media=4, votes=4)), as_of=AS_OF)
    assert nothing.signals["active_weeks_26"] == 0 and nothing.signals["days_since_last_activity"] is None
    assert active.signals["active_weeks_26"] > 0 and active.signals["days_since_last_activity"] is not None
    assert source(active, "active_weeks_26", "en").startswith("Rich Media and Votes: ")
    assert source(active, "active_weeks_26", "fr").startswith("Rich Media et Votes\u202f: ")
    assert source(nothing, "days_since_last_activity", "en").endswith(": no activity at all")
    assert source(nothing, "days_since_last_activity", "fr").endswith("\u202f: aucune activité")


def test_a_share_with_media_and_no_text_is_an_original_post_not_a_reshare():
    spec = Spec(media_posts=6)
    media = [r for r in _rows(files(spec)["Shares.csv"]) if r["MediaUrl"]]
    recent = sum(1 for r in media if dt.date.fromisoformat(r["Date"][:10]) >= AS_OF - dt.timedelta(days=89))
    plain, with_media = import_export(archive(Spec())), import_export(archive(spec))
    assert recent > 0
    assert with_media.signals["posts_90d"] == plain.signals["posts_90d"] + recent
    assert with_media.signals["shares_90d"] == plain.signals["shares_90d"]


# A7 — company names as people write them


@pytest.mark.parametrize("style", ["plain", "hashtag", "bold"])
def test_posts_name_a_compound_employer_as_people_write_it(style):
    expected = import_export(archive(Spec())).signals["company_posts_90d"]
    result = import_export(archive(Spec(employer="Grupo KELSOFT | NetKEL Consulting", employer_style=style)))
    assert expected > 0
    assert result.signals["company_posts_90d"] == expected


def test_a_company_name_in_the_source_text_is_a_quoted_value():
    result = import_export(archive(Spec(employer="**Acme** [Conseil](https://exemple.invalid)\nBis")))
    for lang in ("en", "fr"):
        text = source(result, "company_posts_90d", lang)
        assert '"**Acme** [Conseil](https://exemple.invalid) Bis"' in text and "\n" not in text


def test_the_2023_rich_media_file_without_dates_is_said_not_guessed():
    uploads = b"Type,Link\nPHOTO,https://media.licdn.com/dms/image/1\nPHOTO,https://media.licdn.com/dms/image/2\n"
    result = import_export(archive(Spec(shares=0), extra={"Rich_Media.csv": uploads}))
    assert result.signals["posts_90d"] == 0
    assert "Rich_Media.csv: no 'Date/Time' column; its dates were not read." in notes(result, "en")
    assert "Rich_Media.csv\u202f: pas de colonne 'Date/Time'\u202f; ses dates n'ont pas été lues." in notes(result, "fr")
