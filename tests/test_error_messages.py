"""Every error a person can read is written once per language, in the locale files' `[errors]`;
so are the LinkedIn import's sources and notes, in `[linkedin]`.

The code names what went wrong (`InputError("profile.not_json", line=…)`) or what the import
says (`said("sources.connections_rows", count=…)`); these tests read every such call in the
source and check, without running it, that both languages have the text and that the call gives
each detail the text fills in, so no message can fail to render at the moment someone needs it.
They also render messages the way a person sees them.
"""

from __future__ import annotations

import ast
import datetime as dt
import fnmatch
from pathlib import Path

import pytest

from model.errors import InputError, phrase
from model.linkedin.derive import said
from model.profile import loads
from model.signals import SIGNALS, unknown_signal
from words.errors import KEYS, explain
from words.i18n import LANGS, fields, texts
from words.phrases import say

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ["model", "cli", "ui", "views", "words", "report", "app.py"]
BUILDERS = {"InputError", "phrase", "Phrase"}
IMPORT_KEYS, IMPORT_SOURCES, IMPORT_BUILDERS = "linkedin.", ["model/linkedin"], {"said"}
"""The LinkedIn import's sources and notes: `said("notes.empty_file", file=…)` in model/linkedin."""


def _calls(
    keys: str = KEYS, sources: list[str] = SOURCES, builders: set[str] = BUILDERS
) -> list[tuple[str, str, set[str] | None]]:
    """(where, key, detail names) for every call of `builders` with a literal key, a key of the
    locale table `keys`; names is None when the call passes details on with `**`, which the test
    cannot see."""
    found = []
    for source in sources:
        path = ROOT / source
        for file in [path] if path.is_file() else sorted(path.rglob("*.py")):
            for node in ast.walk(ast.parse(file.read_text("utf-8"))):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                first = node.args[0]
                if name not in builders:
                    continue
                where = f"{file.relative_to(ROOT)}:{node.lineno}"
                if isinstance(first, ast.JoinedStr):
                    for key in _keys_of(first, keys):
                        found.append((where, key, None))
                    continue
                if not isinstance(first, ast.Constant) or not isinstance(first.value, str):
                    continue
                spread = any(k.arg is None for k in node.keywords)
                found.append((where, first.value, None if spread else {k.arg for k in node.keywords if k.arg}))
    return found


def _keys_of(template: ast.JoinedStr, keys: str) -> list[str]:
    """An f-string key such as f"signal.range_{kind}": every key in the locale files it can be."""
    pattern = "".join(v.value if isinstance(v, ast.Constant) else "*" for v in template.values)
    return [k[len(keys) :] for k in texts("en") if k.startswith(keys) and fnmatch.fnmatchcase(k, keys + pattern)] or [pattern]


CALLS = _calls()
IMPORT_CALLS = _calls(IMPORT_KEYS, IMPORT_SOURCES, IMPORT_BUILDERS)
TABLES = pytest.mark.parametrize(("keys", "calls"), [(KEYS, CALLS), (IMPORT_KEYS, IMPORT_CALLS)], ids=["errors", "linkedin"])


def test_the_source_raises_errors_by_key():
    assert len(CALLS) > 20


def test_the_import_says_its_sources_and_notes_by_key():
    assert len(IMPORT_CALLS) > 20
    assert {key.split(".")[0] for _, key, _ in IMPORT_CALLS} == {"sources", "notes"}


@TABLES
@pytest.mark.parametrize("lang", LANGS)
def test_every_error_raised_has_its_text_and_its_details(lang, keys, calls):
    problems = []
    for where, key, names in calls:
        text = texts(lang).get(keys + key)
        if text is None:
            problems.append(f"{where}: no text for {key!r} in {lang}.toml")
        elif names is not None and not fields(text) <= names:
            problems.append(f"{where}: {key!r} needs {sorted(fields(text) - names)}")
        elif names is not None and names - fields(text):
            problems.append(f"{where}: {key!r} is given {sorted(names - fields(text))}, which its {lang} text never says")
    assert not problems, "\n".join(problems)


@TABLES
def test_every_error_text_is_raised_somewhere(keys, calls):
    raised = {key for _, key, _ in calls}
    written = {k[len(keys) :] for k in texts("en") if k.startswith(keys)}
    assert written - raised == set(), f"{keys[:-1]} texts nothing says: {sorted(written - raised)}"


@TABLES
def test_both_languages_fill_in_the_same_details(keys, calls):
    for key in texts("en"):
        if key.startswith(keys):
            assert fields(texts("en")[key]) == fields(texts("fr")[key]), key


def test_a_value_out_of_range_reads_with_its_label_and_range_in_each_language():
    with pytest.raises(InputError) as caught:
        SIGNALS["connections"].validate(-3)
    assert caught.value.key == "signal.invalid"
    en, fr = explain(caught.value, "en"), explain(caught.value, "fr")
    assert en == "Connections (connections): -3 is out of range; expected an integer from 0 to 30,000"
    assert fr == "Relations (connections)\u202f: -3\u202f: hors limites\u202f; attendu un entier de 0 à 30\u202f000"
    assert explain(caught.value, "en", codes=False).startswith("Connections: -3 is out of range")


def test_plurals_and_numbers_follow_the_language():
    error = InputError("profile.unknown_keys", count=1, keys="nom")
    assert explain(error, "en").startswith("Profile: unknown key nom;")
    assert explain(error, "fr").startswith("Profil\u202f: clé inconnue nom\u202f;")
    too_large = InputError("profile.too_large", size=1_200_000, limit=1_000_000)
    assert "1\u202f200\u202f000 octets" in explain(too_large, "fr")
    assert "1,200,000 bytes" in explain(too_large, "en")


def test_literal_braces_in_a_text_are_kept():
    with pytest.raises(InputError) as caught:
        loads("[1]")
    assert '{"as_of": "YYYY-MM-DD", "signals": {...}}' in explain(caught.value, "en")


def test_an_unknown_signal_suggests_the_closest_names():
    error = unknown_signal("conections")
    assert explain(error, "en").startswith("Unknown signal 'conections': did you mean 'connections', ")
    assert explain(error, "fr").startswith("Signal inconnu 'conections'\u202f: vouliez-vous dire 'connections', ")


def test_str_of_an_error_names_its_key_and_details_for_logs():
    error = InputError("profile.not_json", line=3, column=5, detail="Expecting value")
    assert str(error) == "profile.not_json(line=3, column=5, detail='Expecting value')"
    nested = InputError(
        "signal.invalid",
        label={"en": "Connections", "fr": "Relations"},
        name="x",
        shown="1",
        problem=phrase("signal.null"),
        expected=phrase("signal.range_bool"),
    )
    assert "problem=signal.null" in str(nested)


def test_an_import_source_writes_numbers_plurals_and_dates_as_each_language_does():
    many = said("sources.connections_rows", count=1200)
    assert say(many, "en", "linkedin") == "Connections.csv: 1,200 rows"
    assert say(many, "fr", "linkedin") == "Connections.csv\u202f: 1\u202f200 lignes"
    one = said("sources.posts", count=1, as_of=dt.date(2026, 11, 20))
    assert say(one, "en", "linkedin") == "Shares.csv: 1 post with your own text or media in the 90 days to 20 November 2026"
    assert say(one, "fr", "linkedin") == (
        "Shares.csv\u202f: 1 publication avec votre texte ou vos médias sur les 90 jours jusqu'au 20 novembre 2026"
    )


def test_an_import_note_reads_its_list_and_its_phrase_inside_from_the_same_table():
    note = said("notes.complete_archive_without", files=["Shares.csv", "Comments.csv"])
    assert say(note, "en", "linkedin").startswith("Complete archive without Shares.csv and Comments.csv: LinkedIn")
    assert say(note, "fr", "linkedin").startswith("Archive complète sans Shares.csv et Comments.csv\u202f: LinkedIn")
    companies = ['"Acme"', said("sources.more_companies", count=4997)]
    mentions = said("sources.company_posts", count=2, companies=companies, as_of=dt.date(2026, 1, 5))
    assert say(mentions, "en", "linkedin") == 'Shares.csv: 2 posts mention "Acme" and 4,997 more in the 90 days to 5 January 2026'
    assert say(mentions, "fr", "linkedin") == (
        'Shares.csv\u202f: 2 publications mentionnent "Acme" et 4\u202f997 autres sur les 90 jours jusqu\'au 5 janvier 2026'
    )


def test_french_spacing_leaves_links_alone_and_follows_numbers():
    from words.numbers import typography

    assert typography("lien : https://x.fr/workshop?code=K7QX32&secret=a!b;c", "fr") == (
        "lien\u202f: https://x.fr/workshop?code=K7QX32&secret=a!b;c"
    )
    assert (
        typography("L'atelier K7QX32 : fermé ; voulez-vous ?", "fr") == "L'atelier K7QX32\u202f: fermé\u202f; voulez-vous\u202f?"
    )
    assert typography("ligne 3 : 50 %", "fr") == "ligne 3\u202f: 50\u202f%"


@pytest.mark.parametrize(
    ("value", "en", "fr"), [(0.0001, "0.0001", "0,0001"), (2.5, "2.5", "2,5"), (1e-9, "1e-09", "1e-09"), (3.0, "3", "3")]
)
def test_small_decimals_keep_their_digits(value, en, fr):
    from words.phrases import _decimal

    assert (_decimal(value, "en"), _decimal(value, "fr")) == (en, fr)


def test_a_message_starts_with_a_capital_unless_it_starts_with_what_the_person_gave():
    assert explain(InputError("files.cannot_read", file="x", reason="No such file or directory"), "en").startswith("x: ")
    assert explain(InputError("profile.not_utf8"), "en").startswith("Profile: ")
    assert explain(InputError("profile.not_utf8"), "fr").startswith("Profil\u202f: ")


def test_the_first_of_the_month_is_written_as_french_writes_it():
    import datetime as dt

    from words.numbers import date

    assert date(dt.date(2026, 12, 1), "fr") == "1er décembre 2026"
    assert date(dt.date(2026, 12, 11), "fr") == "11 décembre 2026"
    assert date(dt.date(2026, 12, 1), "en") == "1 December 2026"
