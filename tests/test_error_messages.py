"""Every error a person can read is written once per language, in the locale files' `[errors]`.

The code names what went wrong (`InputError("profile.not_json", line=…)`); these tests read
every such call in the source and check, without running it, that both languages have the text
and that the call gives each detail the text fills in, so no message can fail to render at the
moment someone needs it. They also render messages the way a person sees them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from model.errors import InputError, phrase
from model.profile import loads
from model.signals import SIGNALS, unknown_signal
from words.errors import KEYS, explain
from words.i18n import LANGS, fields, texts

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ["model", "cli", "ui", "views", "words", "report", "app.py"]
BUILDERS = {"InputError", "phrase", "Phrase"}


def _calls() -> list[tuple[str, str, set[str] | None]]:
    """(where, key, detail names) for every InputError/phrase call with a literal key; names is
    None when the call passes details on with `**`, which the test cannot see."""
    found = []
    for source in SOURCES:
        path = ROOT / source
        for file in [path] if path.is_file() else sorted(path.rglob("*.py")):
            for node in ast.walk(ast.parse(file.read_text("utf-8"))):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                first = node.args[0]
                if name not in BUILDERS:
                    continue
                where = f"{file.relative_to(ROOT)}:{node.lineno}"
                if isinstance(first, ast.JoinedStr):
                    for key in _keys_of(first):
                        found.append((where, key, None))
                    continue
                if not isinstance(first, ast.Constant) or not isinstance(first.value, str):
                    continue
                spread = any(k.arg is None for k in node.keywords)
                found.append((where, first.value, None if spread else {k.arg for k in node.keywords if k.arg}))
    return found


def _keys_of(template: ast.JoinedStr) -> list[str]:
    """An f-string key such as f"signal.range_{kind}": every key in the locale files it can be."""
    pattern = "".join(v.value if isinstance(v, ast.Constant) else "*" for v in template.values)
    import fnmatch

    return [k[len(KEYS) :] for k in texts("en") if k.startswith(KEYS) and fnmatch.fnmatchcase(k, KEYS + pattern)] or [pattern]


CALLS = _calls()


def test_the_source_raises_errors_by_key():
    assert len(CALLS) > 20


@pytest.mark.parametrize("lang", LANGS)
def test_every_error_raised_has_its_text_and_its_details(lang):
    problems = []
    for where, key, names in CALLS:
        text = texts(lang).get(KEYS + key)
        if text is None:
            problems.append(f"{where}: no text for {key!r} in {lang}.toml")
        elif names is not None and not fields(text) <= names:
            problems.append(f"{where}: {key!r} needs {sorted(fields(text) - names)}")
        elif names is not None and names - fields(text):
            problems.append(f"{where}: {key!r} is given {sorted(names - fields(text))}, which its {lang} text never says")
    assert not problems, "\n".join(problems)


def test_every_error_text_is_raised_somewhere():
    raised = {key for _, key, _ in CALLS}
    written = {k[len(KEYS) :] for k in texts("en") if k.startswith(KEYS)}
    assert written - raised == set(), f"error texts nothing raises: {sorted(written - raised)}"


def test_both_languages_fill_in_the_same_details():
    for key in texts("en"):
        if key.startswith(KEYS):
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


def test_french_spacing_leaves_links_alone_and_follows_numbers():
    from words.numbers import typography

    assert typography("lien : https://x.fr/workshop?code=K7QX32&secret=a!b;c", "fr") == (
        "lien\u202f: https://x.fr/workshop?code=K7QX32&secret=a!b;c"
    )
    assert typography("L'atelier K7QX32 : fermé ; voulez-vous ?", "fr") == "L'atelier K7QX32\u202f: fermé\u202f; voulez-vous\u202f?"
    assert typography("ligne 3 : 50 %", "fr") == "ligne 3\u202f: 50\u202f%"


@pytest.mark.parametrize(("value", "en", "fr"), [(0.0001, "0.0001", "0,0001"), (2.5, "2.5", "2,5"), (1e-9, "1e-09", "1e-09"), (3.0, "3", "3")])
def test_small_decimals_keep_their_digits(value, en, fr):
    from words.errors import _decimal

    assert (_decimal(value, "en"), _decimal(value, "fr")) == (en, fr)
