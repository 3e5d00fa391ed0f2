from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from model.cli import build_parser, main

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
        "sentences",
        "provenance",
    } <= set(reading)
    assert reading["verdicts"]["has_photo"] == "unfavourable"
    assert "connections" not in reading["assumed"] and "summary_words" in reading["assumed"]
    assert abs(reading["intercept"] + sum(reading["contributions"].values()) - reading["logit"]) < 1e-9


def test_read_in_french_with_a_context(capsys, profile_file):
    code, out, _ = run(
        capsys, "read", profile_file, "--persona", "recruiter", "--context", "communication", "--lang", "fr", "--json"
    )
    reading = json.loads(out)
    assert code == 0 and reading["context"] == "communication"
    assert any("Vos 180 relations jouent contre vous" in s for s in reading["sentences"])


def test_compare_reads_every_persona_and_context(capsys, profile_file):
    code, out, _ = run(capsys, "compare", profile_file, "--json")
    keys = [(r["persona"], r["context"]) for r in json.loads(out)["readings"]]
    assert code == 0
    assert keys == [("journalist", None), ("peer", None), ("recruiter", None), ("recruiter", "communication")]


def test_personas_lists_readers_and_contexts(capsys):
    code, out, _ = run(capsys, "personas", "--json", "--lang", "fr")
    listing = {p["id"]: p for p in json.loads(out)["personas"]}
    assert code == 0
    assert listing["recruiter"]["question"] == "Est-ce que j'appellerais ce candidat ?"
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
        ('{"signals": {"connections": -1}}', ["compare", "{file}"], "signal 'connections': -1 is out of range"),
        (
            '{"signals": {}}',
            ["read", "{file}", "--persona", "recruter"],
            "unknown persona 'recruter'; valid personas: journalist, peer, recruiter",
        ),
        (
            '{"signals": {}}',
            ["read", "{file}", "--persona", "peer", "--context", "communication"],
            "persona 'peer' has no context 'communication'",
        ),
        ('{"signals": {}}', ["read", "{file}", "--persona", "recruiter", "--lang", "de"], "invalid choice: 'de'"),
        ('{"signals": {}}', ["read", "{file}"], "the following arguments are required: --persona"),
        ('{"signals": {}}', ["read", "{file}", "--persona", "recruiter", "--judgements", "{file}"], "no 'verdict' column"),
        (None, ["judgements", "generate", "--size", "3"], "at least 30 judgements"),
        (None, ["levitate"], "invalid choice: 'levitate'"),
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


def test_the_console_script_and_python_m_model_run_without_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[]")
    for command in ([sys.executable, "-m", "model"], [str(Path(sys.executable).parent / "regards")]):
        result = subprocess.run([*command, "read", str(bad), "--persona", "peer"], capture_output=True, text=True, timeout=60)
        assert result.returncode == 2
        assert result.stderr.startswith(f"regards: {bad}: profile: expected a JSON object")


def _commands() -> list[str]:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # noqa: SLF001 - argparse keeps them there
    return sorted(commands)


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_and_is_in_the_readme(capsys, command):
    code, out, _ = run(capsys, command, "--help")
    assert code == 0 and "usage: regards" in out
    assert f"regards {command}" in (ROOT / "README.md").read_text("utf-8")
