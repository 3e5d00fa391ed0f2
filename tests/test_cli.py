from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from cli.main import build_parser, main
from tests.early import Early

ROOT = Path(__file__).resolve().parent.parent


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def profile_file(tmp_path):
    path = tmp_path / "me.json"
    path.write_text(json.dumps({"as_of": "2026-11-01", "signals": {"connections": 180, "has_photo": False}}))
    return str(path)


def test_read_prints_the_json_contract(capsys, profile_file):
    code, out, _ = run(capsys, "read", profile_file, "--persona", "recruiter", "--json")
    assert code == 0
    reading = json.loads(out)
    assert {
        "persona",
        "context",
        "probability",
        "intercept",
        "logit",
        "contributions",
        "verdicts",
        "assumed",
        "range",
        "percentile",
        "readable",
        "missing",
        "basis",
        "reasons",
        "standing",
        "reader",
        "question",
        "sentences",
        "provenance",
    } <= set(reading)
    assert reading["verdicts"]["has_photo"] == "unfavourable"
    assert reading["basis"] == {"kind": "textbook"}
    low, high = reading["range"]
    assert low <= reading["probability"] <= high
    assert 0 <= reading["percentile"] <= 100
    photo = next(r for r in reading["reasons"] if r["signal"] == "has_photo")
    assert photo["verdict"] == "unfavourable" and photo["sources"] and photo["text"] in reading["sentences"]
    assert all(r["verdict"] != "neutral" for r in reading["reasons"])
    assert reading["question"] == "Would I call this candidate?"
    assert "connections" not in reading["assumed"] and "summary_words" in reading["assumed"]
    assert abs(reading["intercept"] + sum(reading["contributions"].values()) - reading["logit"]) < 1e-9


def test_read_in_french_with_a_context(capsys, profile_file):
    code, out, _ = run(
        capsys, "read", profile_file, "--persona", "recruiter", "--context", "communication", "--lang", "fr", "--json"
    )
    reading = json.loads(out)
    assert code == 0 and reading["context"] == "communication"
    assert any("Vos 180 relations jouent contre vous" in s for s in reading["sentences"])
    assert reading["reader"] == "Recruteur·euse — Poste en communication"
    assert reading["standing"].startswith("Vous êtes mieux lu que")
    assert reading["provenance"]["persona_file"] == "personas/recruiter.toml"


def test_a_mostly_assumed_profile_gets_no_verdict_and_says_what_to_fill_in(capsys, profile_file):
    code, out, _ = run(capsys, "read", profile_file, "--persona", "recruiter", "--context", "communication", "--json")
    reading = json.loads(out)
    assert code == 0 and reading["readable"] is False
    assert reading["missing"] and set(reading["missing"]) <= set(reading["assumed"])
    assert "connections" not in reading["missing"]


def test_compare_reads_every_persona_and_context(capsys, profile_file):
    code, out, _ = run(capsys, "compare", profile_file, "--json")
    document = json.loads(out)
    keys = [(r["persona"], r["context"]) for r in document["readings"]]
    assert code == 0
    assert set(document) == {"readings", "disagreements", "differ", "problems"}
    assert keys == [("journalist", None), ("peer", None), ("recruiter", None), ("recruiter", "communication")]
    assert document["problems"] == []
    by_key = {r["key"]: r for r in document["readings"]}
    assert by_key["recruiter/communication"]["probability"] < by_key["recruiter"]["probability"]
    differ = {d["signal"]: d for d in document["differ"]}
    assert "connections" in differ
    assert differ["connections"]["by_reader"]["recruiter/communication"] < 0 < differ["connections"]["by_reader"]["peer"]


def test_personas_lists_readers_and_contexts(capsys):
    code, out, _ = run(capsys, "personas", "--json", "--lang", "fr")
    listing = {p["id"]: p for p in json.loads(out)["personas"]}
    assert code == 0
    assert listing["recruiter"]["question"] == "Est-ce que j'appellerais ce candidat\u202f?"
    assert [c["id"] for c in listing["recruiter"]["contexts"]] == ["communication"]


def test_judgements_generate_is_reproducible(capsys, tmp_path):
    for out in ("a", "b"):
        assert run(capsys, "judgements", "generate", "--size", "60", "--seed", "5", "--out", str(tmp_path / out))[0] == 0
    for path in (tmp_path / "a").iterdir():
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (None, ["read", "{missing}", "--persona", "recruiter"], "cannot read: No such file or directory"),
        ("{oops", ["read", "{file}", "--persona", "recruiter"], "not valid JSON (line 1, column 2"),
        (
            '{"signals": {"conections": 3}}',
            ["read", "{file}", "--persona", "recruiter"],
            "unknown signal 'conections': did you mean 'connections'",
        ),
        ('{"signals": {"connections": -1}}', ["compare", "{file}"], "Connections (connections): -1 is out of range"),
        (
            '{"signals": {"connections": -1}}',
            ["compare", "{file}", "--lang", "fr"],
            "Relations (connections)\u202f: -1\u202f: hors limites\u202f; attendu un entier de 0 à 30",
        ),
        (
            '{"signals": {}}',
            ["read", "{file}", "--persona", "recruter"],
            "Unknown reader 'recruter'; valid readers: journalist, peer, recruiter",
        ),
        (
            '{"signals": {}}',
            ["read", "{file}", "--persona", "peer", "--context", "communication"],
            "Reader 'peer' has no context 'communication'",
        ),
        (
            '{"signals": {}}',
            ["read", "{file}", "--persona", "recruiter", "--lang", "de"],
            "--lang 'de': expected one of 'fr', 'en'",
        ),
        ('{"signals": {}}', ["read", "{file}"], "missing: --persona"),
        ('{"signals": {}}', ["read", "{file}", "--persona", "recruiter", "--judgements", "{file}"], "no 'verdict' column"),
        (None, ["judgements", "generate", "--seed", "-1"], "--seed '-1': expected a whole number from 0 to 4,294,967,295"),
        (None, ["judgements", "generate", "--size", "0"], "--size '0': expected a whole number from 1 to 1,000,000"),
        (
            '{"signals": {}}',
            ["levers", "{file}", "--persona", "recruiter", "--persona", "peer", "--budget", "inf"],
            "--budget 'inf': expected a number from 0 to 1,000",
        ),
        (
            '{"signals": {}}',
            ["levers", "{file}", "--persona", "recruiter", "--target", "1.5"],
            "--target '1.5': expected a number",
        ),
        (
            '{"signals": {}}',
            ["levers", "{file}", "--persona", "recruiter", "--target", "nan"],
            "--target 'nan': expected a number",
        ),
        (None, ["levitate"], "'levitate': expected one of"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_problem(capsys, tmp_path, content, args, message):
    file = tmp_path / "profile.json"
    if content is not None:
        file.write_text(content)
    argv = [a.format(file=file, missing=tmp_path / "missing.json") for a in args]
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err and out == ""


def test_french_errors_keep_their_narrow_no_break_spaces(capsys, tmp_path):
    file = tmp_path / "profile.json"
    file.write_text('{"signals": {"connections": -1}}')
    code, _, err = run(capsys, "compare", str(file), "--lang", "fr")
    assert code == 2
    assert "attendu un entier de 0 à 30\u202f000" in err


def test_read_with_judgements_is_a_learned_reader(capsys, tmp_path, profile_file):
    votes = tmp_path / "votes.csv"
    votes.write_text("verdict,connections,has_photo\nunfavourable,180,false\n")
    code, out, err = run(capsys, "read", profile_file, "--persona", "recruiter", "--judgements", str(votes), "--json")
    assert code == 0, err
    reading = json.loads(out)
    assert reading["basis"] == {"kind": "learned", "judgements": 1, "origin": "votes.csv"}


def _both_entry_points_on_a_bad_profile() -> tuple[Path, list[subprocess.CompletedProcess[str]]]:
    folder = Path(tempfile.mkdtemp(prefix="regards-cli-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    bad = folder / "bad.json"
    bad.write_text("[]")
    return bad, [
        subprocess.run([*command, "read", str(bad), "--persona", "peer"], capture_output=True, text=True, timeout=60)
        for command in ([sys.executable, "-m", "cli"], [str(Path(sys.executable).parent / "regards")])
    ]


ENTRY_POINTS = Early(_both_entry_points_on_a_bad_profile)


@pytest.mark.early(ENTRY_POINTS)
def test_the_console_script_and_python_m_cli_run_without_traceback():
    bad, results = ENTRY_POINTS.result()
    for result in results:
        assert result.returncode == 2
        assert result.stderr.startswith(f"regards: {bad}: profile: expected a JSON object")


def test_a_file_that_cannot_be_read_or_parsed_is_named_in_french(capsys, tmp_path):
    missing, bad = tmp_path / "missing.json", tmp_path / "bad.json"
    bad.write_text("{oops")
    code, _, err = run(capsys, "read", str(missing), "--persona", "peer", "--lang", "fr")
    assert code == 2 and err.startswith(f"regards: {missing}\u202f: lecture impossible\u202f: ")
    code, _, err = run(capsys, "read", str(bad), "--persona", "peer", "--lang", "fr")
    assert code == 2 and err.startswith(f"regards: {bad}\u202f: profil\u202f: JSON invalide (ligne 1, colonne 2")


def _commands() -> list[str]:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # noqa: SLF001 - argparse keeps them there
    return sorted(commands)


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_and_is_in_the_readme(capsys, command):
    code, out, _ = run(capsys, command, "--help")
    assert code == 0 and "usage: regards" in out
    assert f"regards {command}" in (ROOT / "README.md").read_text("utf-8")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_human_readable_outputs_speak_the_persons_language(capsys, lang):
    """read, compare, levers and import-linkedin as text: the same words as the app, with each
    language's typography (narrow no-break spaces before French colons and percent signs)."""
    preset = "data/presets/comms_manager.json"
    outputs = []
    for argv in (
        ["read", preset, "--persona", "recruiter", "--context", "communication"],
        ["compare", preset],
        ["levers", preset, "--persona", "recruiter/communication"],
        ["import-linkedin", "data/samples/sample_export.zip"],
        ["personas"],
    ):
        assert main([*argv, "--lang", lang]) == 0
        outputs.append(capsys.readouterr().out)
    read_text, compare_text, levers_text, import_text, personas_text = outputs
    if lang == "fr":
        assert "Lecture plutôt défavorable auprès d'un recruteur (poste en communication)\u202f: 9\u202f% de chances" in read_text
        assert "Là où les lecteurs diffèrent le plus\u202f:" in compare_text
        assert "Cible de 70\u202f% atteinte\u202f; effort\u202f: 4\u202fh\u202f12" in levers_text
        assert "Profil au 20 novembre 2026" in import_text
        assert "← Connections.csv\u202f: 400 lignes\n" in import_text
        assert "← Comments.csv\u202f: 37 commentaires sur les 90 jours jusqu'au 20 novembre 2026\n" in import_text
        assert "Est-ce que j'appellerais ce candidat\u202f?" in personas_text
    else:
        assert "A rather unfavourable reading with a recruiter (communications role): 9% chance" in read_text
        assert "Where the readers differ most:" in compare_text
        assert "Target of 70% reached; effort: 4 h 12" in levers_text
        assert "Profile as of 20 November 2026" in import_text
        assert "← Connections.csv: 400 rows\n" in import_text
        assert "← Comments.csv: 37 comments in the 90 days to 20 November 2026\n" in import_text
        assert "Would I call this candidate?" in personas_text
    for text in outputs:
        assert "_90d" not in text.replace("--persona", "")


@pytest.mark.parametrize("where", ["a file", "unwritable"])
def test_judgements_generate_onto_a_file_or_an_unwritable_path_exits_2_with_one_line(capsys, tmp_path, where):
    target = tmp_path / "taken"
    if where == "a file":
        target.write_text("not a folder", "utf-8")
    else:
        target = Path("/proc/regards-cannot-write-here")
    code, _, err = run(capsys, "judgements", "generate", "--size", "5", "--out", str(target))
    assert code == 2 and err.count("\n") == 1 and "cannot write the judgements there" in err


@pytest.mark.parametrize("budget", ["nan", "1e308", "-1"])
def test_levers_refuses_a_budget_out_of_hours(capsys, budget):
    code, _, err = run(
        capsys, "levers", "data/presets/comms_manager.json", "--persona", "recruiter", "--persona", "peer", "--budget", budget
    )
    assert code == 2 and err.count("\n") == 1 and "--budget" in err


def test_a_signal_name_holding_a_newline_gives_a_one_line_message(capsys, tmp_path):
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"signals": {"conn\nections": 3}}), "utf-8")
    code, _, err = run(capsys, "read", str(profile), "--persona", "peer")
    assert code == 2 and err.count("\n") == 1 and "unknown signal" in err


@pytest.mark.parametrize(("lang", "warning"), [("en", "warning: peer.toml: "), ("fr", "avertissement\u202f: peer.toml\u202f: ")])
def test_a_persona_file_that_could_not_be_loaded_is_a_warning_in_the_chosen_language(lang, warning, monkeypatch, capsys):
    import dataclasses

    import cli.main
    from model.errors import InputError
    from model.reader import default_readers

    problem = InputError("persona.not_toml", file="peer.toml", detail="line 3")
    monkeypatch.setattr(cli.main, "default_readers", lambda: dataclasses.replace(default_readers(), problems=(problem,)))
    assert main(["compare", str(Path(__file__).parent.parent / "data/presets/comms_manager.json"), "--lang", lang]) == 0
    assert capsys.readouterr().err.startswith(warning)


@pytest.mark.parametrize(
    ("lang", "says"),
    [("en", "learn the reader from real judgements"), ("fr", "apprendre le lecteur de vrais jugements")],
)
def test_the_help_speaks_the_language_the_command_line_asks_for(lang, says, capsys):
    with pytest.raises(SystemExit) as done:
        main(["read", "--lang", lang, "--help"])
    shown = capsys.readouterr().out
    assert done.value.code == 0
    assert says in " ".join(shown.split())
    assert ("langue des textes" in shown) == (lang == "fr")


def test_every_commands_help_comes_from_the_locale_files_in_french(capsys):
    for command in (
        ["personas"],
        ["compare"],
        ["levers"],
        ["report"],
        ["import-linkedin"],
        ["workshop", "create"],
        ["workshop", "end"],
    ):
        with pytest.raises(SystemExit):
            main([*command, "--lang=fr", "--help"])
        shown = " ".join(capsys.readouterr().out.split())
        assert "par défaut" in shown or "afficher" in shown, command
        assert "(default" not in shown and "print JSON" not in shown, command


def _judgements_liking_polarising_content(path: Path) -> str:
    """A panel of peers who read polarising content the other way round from the textbook peer."""
    import numpy as np

    from model.judgements import generate, to_csv
    from model.reader import default_readers
    from model.signals import NAMES

    peer = default_readers().get("peer")
    flip = np.where(np.array(NAMES) == "controversial_share", -1.0, 1.0)
    path.write_text(to_csv(generate(lambda X: (peer.contributions(X) * flip).sum(axis=1), 0.5, 600, 3)), "utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("lang", "reversed_line", "reason"),
    [
        (
            "en",
            r"    Polarising content: \+\d\.\d → \+\d\.\d \(reversed\)",
            "The share of polarising content (50%) works in your favour with a peer: so the judgements this reader learned from say.",
        ),
        (
            "fr",
            r"    Contenus polémiques\u202f: \+\d,\d → \+\d,\d \(inversé\)",
            "La part de contenus polémiques (50\u202f%) joue en votre faveur auprès d'un pair\u202f: c'est ce que disent"
            " les jugements dont ce lecteur a appris.",
        ),
    ],
)
def test_a_reader_learned_from_judgements_says_what_it_reverses_and_where_a_reason_comes_from(
    capsys, tmp_path, lang, reversed_line, reason
):
    """The textbook peer has no reason for polarising content to help: the learned one says the
    judgements say so, and lists the signal among those it reads the other way round."""
    votes = _judgements_liking_polarising_content(tmp_path / "panel.csv")
    code, out, err = run(
        capsys, "read", "data/presets/polarising_sharer.json", "--persona", "peer", "--judgements", votes, "--lang", lang
    )
    assert code == 0, err
    lines = out.splitlines()
    assert f"  - {reason}" in lines
    flipped = [line for line in lines if line.endswith(")") and "→" in line and ("(reversed)" in line or "(inversé)" in line)]
    assert len(flipped) == 1 and re.fullmatch(reversed_line, flipped[0]), flipped


@pytest.mark.parametrize("kind", [RecursionError, MemoryError, OverflowError])
@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "regards: the input is too large or too deeply nested ({kind})\n"),
        ("fr", "regards: l'entrée est trop grande ou trop imbriquée ({kind})\n"),
    ],
)
def test_an_input_that_exhausts_the_stack_or_memory_is_one_line_in_the_persons_language(capsys, monkeypatch, kind, lang, said):
    """The last net: the edges turn known hostile inputs into messages (nested JSON, huge numbers,
    zip bombs); whatever still runs out of stack or memory is said in one line, never a traceback."""
    import cli.main

    def exhausted(*_: object) -> None:
        raise kind()

    monkeypatch.setattr(cli.main, "read", exhausted)
    code, out, err = run(capsys, "read", "data/presets/comms_manager.json", "--persona", "peer", "--lang", lang)
    assert (code, out, err) == (2, "", said.format(kind=kind.__name__))


@pytest.mark.parametrize(
    ("arguments", "says"),
    [
        (["read", "x.json", "--lang", "fr"], "regards read: il manque\u202f: --persona"),
        (["read", "x.json", "--persona", "peer", "--lang", "fr", "--bogus"], "regards: non compris\u202f: --bogus"),
        (["read", "x.json", "--lang", "fr", "--persona"], "regards read: --persona demande une valeur"),
    ],
)
def test_argparses_refusals_are_said_in_the_language_asked_for(arguments, says, capsys):
    with pytest.raises(SystemExit) as done:
        main(arguments)
    assert done.value.code == 2
    assert capsys.readouterr().err == says + "\n"


def test_app_starts_streamlit_on_the_shipped_or_checkout_app_from_its_folder(monkeypatch, tmp_path):
    import cli.serve

    started: list[tuple[str, list[str], str]] = []
    monkeypatch.setattr(cli.serve.os, "execv", lambda path, argv: started.append((path, argv, os.getcwd())))
    monkeypatch.chdir(tmp_path)
    main(["app", "--port", "8600"])
    ((path, argv, folder),) = started
    assert argv[1:4] == ["-m", "streamlit", "run"] and Path(argv[4]) == cli.serve.APP and argv[-2:] == ["--server.port", "8600"]
    assert Path(folder) == cli.serve.APP.parent and (Path(folder) / ".streamlit" / "config.toml").is_file()


def test_app_refuses_a_port_that_is_not_one(capsys):
    assert main(["app", "--port", "0", "--lang", "fr"]) == 2
    assert "--port '0'\u202f: attendu un nombre entier de 1 à 65\u202f535" in capsys.readouterr().err
