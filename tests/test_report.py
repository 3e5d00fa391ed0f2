"""The report a client takes home: content in both languages, the PDF as read back by poppler, the
in-browser what-if against the reading model, the command line's bad inputs, nothing on disk,
and the HTML in Chromium with the network off.

Pages of the PDF go to artifacts/report/ as PNGs (not committed) for a person to look at.
"""

from __future__ import annotations

import atexit
import builtins
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pytest

from cli.main import main
from model.judgements import read_csv
from model.population import population
from model.presets import presets
from model.profile import from_row, from_signals
from model.reader import default_readers, learn
from model.reading import read
from report.content import PDF_REASONS, build
from report.html import render as render_html
from report.pdf import FONTS
from report.pdf import render as render_pdf
from report.whatif import evaluate, reader_tables, signal_rules
from tests.early import Early
from tests.test_browser import server  # noqa: F401 - the app's live server, a fixture shared with the app's browser tests
from words.plans import describe
from words.readings import probability_text, reason_text, verdict_sentence

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts" / "report"
PRESET = ROOT / "data" / "presets" / "comms_manager.json"
ALL = ["journalist", "peer", "recruiter", "recruiter/communication"]
TODAY = dt.date(2026, 11, 24)
POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdftoppm") is not None
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdftoppm) is not installed")


def _readers(keys: list[str] = ALL):
    readers = default_readers()
    return [readers.by_key(k) for k in keys]


def _profile():
    return presets()["comms_manager"].profile


@pytest.fixture(scope="module", params=["fr", "en"])
def made(request):
    """The report of the seed's example for every reader, in one language, and its PDF."""
    lang = request.param
    report = build(_profile(), _readers(), lang, today=TODAY, report_id="0123456789abcdef")
    return lang, report, render_pdf(report)


def _flat(text: str) -> str:
    """Text as poppler gives it back, or as we wrote it: one space between words."""
    return re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\u00a0", " ").replace("\u00ad", "")).strip()


def _pdftotext(pdf: bytes, *crop: str) -> str:
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", *crop, "-", "-"], input=pdf, capture_output=True, check=True)
    return _flat(result.stdout.decode("utf-8"))


def _read_back(pdf: bytes) -> str:
    """The whole text, then each half of each page on its own: poppler merges the first lines of
    two columns that share a baseline (the reasons for and against), so they are read apart too."""
    halves = [
        _pdftotext(pdf, "-f", str(page), "-l", str(page), "-x", str(x), "-y", "0", "-W", str(width), "-H", "842")
        for page in range(1, _pages(pdf) + 1)
        for x, width in ((0, 298), (297, 298), (0, 280))  # the last: the plan's step column, apart from its effort and gains
    ]
    return " | ".join([_pdftotext(pdf), *halves])


def _pages(pdf: bytes) -> int:
    result = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    return int(re.search(r"Pages:\s+(\d+)", result.stdout.decode()).group(1))


# Content --------------------------------------------------------------------------------------


def test_the_report_says_each_readers_verdict_reasons_and_plan_in_the_chosen_language(made):
    lang, report, _ = made
    profile = _profile()
    for part, reader in zip(report.readers, _readers(), strict=True):
        reading = read(reader, profile)
        assert part.verdict == verdict_sentence(reading, lang)
        shown = [r.text for r in (*part.favourable, *part.unfavourable)]
        expected = [reason_text(reader, r, profile.values[r.signal], lang) for r in reading.reasons]
        assert sorted(shown) == sorted(expected)
    assert report.plan.steps and all(step.effort and 1 <= len(step.gains) <= 4 for step in report.plan.steps)
    assert report.texts["report_title"] == ("Comment se lit votre profil" if lang == "fr" else "How your profile reads")


def test_every_cited_source_has_its_full_reference_in_the_report(made):
    _, report, _ = made
    cited = {s for part in report.readers for r in (*part.favourable, *part.unfavourable) for s in r.sources}
    assert cited == {e.id for e in report.evidence}
    assert all(e.ref and e.says for e in report.evidence)


def test_assumed_signals_are_marked_in_the_profile_in_words():
    report = build(from_signals({"connections": 300, "has_photo": True}), _readers(["recruiter"]), "en", today=TODAY)
    marked = {line.label for line in report.profile if line.assumed}
    assert "Connections" not in marked and "Profile photo" not in marked
    assert len(marked) == len(report.profile) - 2


def test_the_report_says_whether_each_reader_is_textbook_or_learned():
    recruiter = default_readers().by_key("recruiter")
    rows = (ROOT / "data" / "judgements" / "recruiter.csv").read_bytes().splitlines(keepends=True)[:301]
    judgements = read_csv(b"".join(rows), "recruiter.csv")
    learned = learn(recruiter, judgements)
    report = build(_profile(), [recruiter, learned], "en", today=TODAY)
    textbook, taught = report.readers
    assert textbook.basis_kind == "textbook" and "personas/recruiter.toml" in textbook.basis
    assert taught.basis_kind == "learned" and f"{len(judgements.verdicts):,} judgements" in taught.basis
    assert "recruiter.csv" in taught.basis


def test_each_report_carries_a_fresh_random_id_so_its_download_address_cannot_be_guessed():
    first, second = (build(_profile(), _readers(["peer"]), "en", today=TODAY) for _ in range(2))
    assert first.id != second.id and len(first.id) == 16
    assert render_html(first) != render_html(second)


# The what-if tables ---------------------------------------------------------------------------


def test_the_readers_tables_give_exactly_the_reading_models_probability_on_random_members():
    rows = population().profiles
    picked = np.random.default_rng(20261124).choice(len(rows), size=60, replace=False)
    for index in picked:
        profile = from_row(rows.iloc[int(index)])
        rules = signal_rules(profile.values)
        for reader in _readers():
            probability, parts = evaluate(reader_tables(reader, rules), rules, profile.values)
            reading = read(reader, profile)
            assert probability == pytest.approx(reading.probability, abs=1e-9)
            assert parts == pytest.approx(reading.contributions, abs=1e-9)


def test_a_learned_readers_tables_stay_within_a_point_of_the_reading_model():
    recruiter = default_readers().by_key("recruiter")
    learned = learn(recruiter, read_csv((ROOT / "data" / "judgements" / "recruiter.csv").read_bytes(), "recruiter.csv"))
    rows = population().profiles
    for index in np.random.default_rng(7).choice(len(rows), size=40, replace=False):
        profile = from_row(rows.iloc[int(index)])
        rules = signal_rules(profile.values)
        probability, _ = evaluate(reader_tables(learned, rules), rules, profile.values)
        assert probability == pytest.approx(read(learned, profile).probability, abs=0.01)


def test_a_moved_signal_reads_in_the_tables_as_in_the_model():
    profile = _profile()
    rules = signal_rules(profile.values)
    reader = default_readers().by_key("recruiter/communication")
    moved = {**profile.values, "press_contacts": 12, "days_since_last_activity": None}
    probability, _ = evaluate(reader_tables(reader, rules), rules, moved)
    assert probability == pytest.approx(read(reader, profile.with_values(moved)).probability, abs=1e-9)


# The PDF --------------------------------------------------------------------------------------


@needs_poppler
def test_pdftotext_finds_the_verdicts_reasons_and_plan_in_the_chosen_language(made):
    lang, report, pdf = made
    text = _read_back(pdf)
    for part in report.readers:
        assert _flat(part.verdict) in text
        for reason in (*part.favourable[:PDF_REASONS], *part.unfavourable[:PDF_REASONS]):
            assert _flat(reason.text) in text, reason.text
        for reason in (*part.favourable[PDF_REASONS:], *part.unfavourable[PDF_REASONS:]):
            assert reason.label in text
    for step in report.plan.steps:
        assert _flat(step.text) in text
    profile, readers = _profile(), _readers()
    from report.content import make_plan

    for step in make_plan(readers, profile).steps:
        assert _flat(describe(step, lang)) in text
    for evidence in report.evidence:
        assert _flat(evidence.ref)[:60] in text
    assert ("Ce qu'il faut changer" if lang == "fr" else "What to change") in text


@needs_poppler
def test_the_pdf_is_a4_in_two_to_four_pages_with_the_shipped_font_only(made):
    lang, _, pdf = made
    assert pdf.startswith(b"%PDF")
    assert 2 <= _pages(pdf) <= 4
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "595.276 x 841.89 pts (A4)" in info and re.search(r"Tagged:\s+yes", info)
    fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True).stdout.decode()
    assert "DejaVuSans" in fonts and all("DejaVuSans" in line for line in fonts.splitlines()[2:] if line.strip())
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob(f"report-{lang}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-", str(ARTIFACTS / f"report-{lang}")], input=pdf, check=True)
    assert len(list(ARTIFACTS.glob(f"report-{lang}-*.png"))) == _pages(pdf)


@needs_poppler
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("preset", sorted(presets()))
def test_every_example_profile_fits_two_to_four_pages(preset, lang):
    pdf = render_pdf(build(presets()[preset].profile, _readers(), lang, today=TODAY))
    assert 2 <= _pages(pdf) <= 4


@needs_poppler
def test_the_shipped_font_renders_french_on_a_bare_machine():
    import typst

    sample = "é è à œ ’ « » € Ça"
    fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(FONTS)])
    pdf, warnings = typst.Compiler(font_paths=fonts, ignore_system_fonts=True).compile_with_warnings(
        input=f'#set text(font: "DejaVu Sans")\n{sample}'.encode(), format="pdf"
    )
    assert not warnings
    assert _pdftotext(pdf) == sample
    assert (FONTS / "LICENSE").exists()


# Nothing on disk ------------------------------------------------------------------------------


def test_the_builders_write_nothing_from_python(monkeypatch):
    """(The shared temp folder is not compared: other test runs write there; the strace test below sees every open.)"""
    render_pdf(build(_profile(), _readers(["peer"]), "fr"))  # start-up: fonts and bundle loaded, not the point here
    real_open = builtins.open

    def guarded_open(file, mode="r", *args, **kwargs):
        if any(m in mode for m in "wax+"):
            raise AssertionError(f"tried to write {file}")
        return real_open(file, mode, *args, **kwargs)

    def refuse(*args, **kwargs):
        raise AssertionError("a temporary file")

    monkeypatch.setattr(builtins, "open", guarded_open)
    for name in ("mkstemp", "mkdtemp", "TemporaryFile", "NamedTemporaryFile", "SpooledTemporaryFile", "TemporaryDirectory"):
        monkeypatch.setattr(tempfile, name, refuse)
    report = build(_profile(), _readers(), "fr")
    assert render_pdf(report).startswith(b"%PDF") and render_html(report).startswith(b"<!DOCTYPE html>")


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def _trace_a_report() -> tuple[subprocess.CompletedProcess[bytes], str]:
    """Build both reports in a child process under strace: what it opened, written or made."""
    folder = Path(tempfile.mkdtemp(prefix="regards-strace-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    trace = folder / "trace.txt"
    script = (
        "from model.presets import presets\nfrom model.reader import default_readers\n"
        "from report.content import build\nfrom report import html, pdf\n"
        "r = build(presets()['comms_manager'].profile, list(default_readers().readers.values()), 'fr')\n"
        "assert pdf.render(r).startswith(b'%PDF') and html.render(r)\n"
    )
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    command = ["strace", "-f", "-qq", "-e", "trace=open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2", "-o", str(trace)]
    result = subprocess.run([*command, sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True)
    return result, trace.read_text() if trace.exists() else ""


TRACED = Early(_trace_a_report)


@pytest.mark.early(TRACED)
def test_the_builders_open_no_file_for_writing_even_in_native_code():
    """Typst and vl_convert are Rust: only the kernel sees what they open."""
    result, trace = TRACED.result()
    if result.returncode != 0 and b"ptrace" in result.stderr:
        pytest.skip("ptrace is not permitted here")
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    writes = [
        line
        for line in trace.splitlines()
        if re.search(r"O_WRONLY|O_RDWR|O_CREAT|creat\(|mkdir|rename", line) and "ENOENT" not in line and '"/dev/' not in line
    ]
    assert writes == []


# The command line -----------------------------------------------------------------------------


def test_the_command_writes_a_pdf_and_an_html_file(tmp_path):
    assert main(["report", str(PRESET), "--format", "pdf", "--lang", "fr", "-o", str(tmp_path / "r.pdf")]) == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert (
        main(["report", str(PRESET), "--persona", "peer", "--persona", "recruiter/communication", "-o", str(tmp_path / "r.html")])
        == 0
    )
    page = (tmp_path / "r.html").read_text("utf-8")
    assert "Peer" in page and "Communications role" in page and "Journalist" not in page


def test_dash_writes_the_report_to_standard_output(capfdbinary):
    assert main(["report", str(PRESET), "--persona", "peer", "--format", "html", "-o", "-"]) == 0
    assert capfdbinary.readouterr().out.startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("arguments", "says"),
    [
        (["--persona", "nobody"], "Unknown reader 'nobody'"),
        (["--format", "docx"], "--format 'docx': expected html or pdf"),
        (["--target", "2"], "--target '2': expected a number from 0.01 to 0.99"),
        (["--target", "nan"], "--target 'nan'"),
        (["--lang", "de"], "--lang 'de': expected one of 'fr', 'en'"),
        (["-o", "/nonexistent-folder/r.pdf"], "the folder /nonexistent-folder does not exist"),
        (["-o", "/"], "-o /: is a folder"),
    ],
)
def test_bad_inputs_exit_2_with_one_line(arguments, says, tmp_path, capsys):
    """In this process (the console script itself is run in tests/test_cli.py): argparse's own
    refusals exit through SystemExit, the report's through main's return code."""
    output = [] if "-o" in arguments else ["-o", str(tmp_path / "r.html")]
    try:
        code = main(["report", str(PRESET), *arguments, *output])
    except SystemExit as exit:
        code = exit.code
    said = capsys.readouterr()
    assert code == 2
    assert said.out == ""
    lines = said.err.splitlines()
    assert len(lines) == 1 and says in lines[-1], said.err
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize(
    ("arguments", "en", "fr"),
    [
        (["--format", "docx"], "--format 'docx': expected html or pdf", "--format 'docx'\u202f: attendu html ou pdf"),
        (["-o", "/"], "-o /: is a folder; expected a file name", "-o /\u202f: est un dossier\u202f; attendu un nom de fichier"),
        (
            ["-o", "/nonexistent-folder/r.pdf"],
            "-o /nonexistent-folder/r.pdf: the folder /nonexistent-folder does not exist",
            "-o /nonexistent-folder/r.pdf\u202f: le dossier /nonexistent-folder n'existe pas",
        ),
    ],
)
def test_bad_inputs_are_said_in_the_chosen_language(arguments, en, fr, capsys, tmp_path):
    output = [] if "-o" in arguments else ["-o", str(tmp_path / "r.html")]
    for lang, says in (("en", en), ("fr", fr)):
        assert main(["report", str(PRESET), "--lang", lang, *arguments, *output]) == 2
        assert capsys.readouterr().err == f"regards: {says}\n"
    assert not (tmp_path / "r.html").exists()


def test_an_output_that_cannot_be_written_is_said_before_and_after_the_work(tmp_path, monkeypatch, capsys):
    target = tmp_path / "r.html"
    with monkeypatch.context() as patched:
        patched.setattr(os, "access", lambda *_: False)
        assert main(["report", str(PRESET), "--persona", "peer", "--lang", "fr", "-o", str(target)]) == 2
    assert capsys.readouterr().err == f"regards: -o {target}\u202f: écriture impossible\u202f: permission refusée\n"

    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    assert main(["report", str(PRESET), "--persona", "peer", "-o", str(target)]) == 2
    assert capsys.readouterr().err == f"regards: -o {target}: cannot write: No space left on device\n"


def test_a_missing_profile_exits_2_and_leaves_no_file(tmp_path):
    assert main(["report", str(tmp_path / "missing.json"), "-o", str(tmp_path / "r.pdf")]) == 2
    assert not (tmp_path / "r.pdf").exists()


# The app --------------------------------------------------------------------------------------


def test_every_page_offers_the_report_for_the_readers_chosen():
    from streamlit.testing.v1 import AppTest

    app = str(ROOT / "app.py")
    for page in ("views/reading.py", "views/compare.py", "views/levers.py", "views/profile.py"):
        at = AppTest.from_file(app, default_timeout=30)
        at.query_params["lang"] = "fr"
        at.run()
        at.switch_page(page)
        at.run()
        assert not at.exception
        buttons = at.get("download_button")
        assert [b.label for b in buttons if b.key == "report_download"] == ["Télécharger le rapport (HTML)"], page


def test_the_report_button_takes_the_levers_readers_with_the_sessions_reader(monkeypatch):
    import streamlit as st

    from ui import report_button, state

    monkeypatch.setattr(
        st, "session_state", {state.READER: "peer", state.LEVERS_ALSO: ["recruiter"]}
    )  # what the levers page writes
    monkeypatch.setattr(report_button, "session_readers", default_readers)
    assert [r.key for r in report_button.chosen_readers()] == ["peer", "recruiter"]
    monkeypatch.setattr(st, "session_state", {state.READER: "peer"})
    assert [r.key for r in report_button.chosen_readers()] == ALL


# The HTML in a browser, network off -----------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_html_works_offline_every_chart_renders_and_a_slider_moves_the_probability(lang, tmp_path):
    from playwright.sync_api import sync_playwright

    from tests.browsers import ARGS

    readers = _readers()
    profile = _profile()
    report = build(profile, readers, lang, today=TODAY)
    path = tmp_path / "report.html"
    path.write_bytes(render_html(report))
    requests, errors = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1300, "height": 900}, offline=True)
        context.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith("file:")
                else (requests.append(route.request.url), route.abort())
            ),
        )
        page = context.new_page()
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(path.as_uri())
        page.wait_for_function("() => window.regardsCharts !== undefined")
        page.evaluate("() => window.regardsCharts")
        charts = page.eval_on_selector_all(
            ".chart", "els => els.map(e => [e.id, e.querySelectorAll('svg path, svg rect, svg text').length])"
        )
        assert len(charts) == 3 + len(readers)
        assert all(marks > 10 for _, marks in charts), charts

        reader = default_readers().by_key("recruiter/communication")
        page.select_option("#whatif-reader", reader.key)
        shown = page.locator("#whatif-probability")
        assert shown.inner_text() == probability_text(read(reader, profile).probability, lang)
        page.locator("#signal-press_contacts").fill("12")
        moved = read(reader, profile.with_values({"press_contacts": 12})).probability
        assert float(shown.get_attribute("data-probability")) == pytest.approx(moved, abs=1e-9)
        assert _flat(shown.inner_text()) == _flat(probability_text(moved, lang))
        assert moved > read(reader, profile).probability + 0.05

        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.locator("#chart-whatif").scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"html-whatif-{lang}.png"))
        page.locator(".chart").first.hover()
        page.screenshot(path=str(ARTIFACTS / f"html-top-{lang}.png"))
        anchors = page.eval_on_selector_all("a[href], link[href], [src]", "els => els.length")
        browser.close()
    assert requests == [] and errors == [] and anchors == 0
    assert json.loads(re.search(r'id="whatif-data">(.*?)</script>', path.read_text("utf-8")).group(1))["lang"] == lang


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_the_apps_report_button_downloads_the_report_of_the_profile_on_screen(server, tmp_path):  # noqa: F811
    from playwright.sync_api import sync_playwright

    from tests.browsers import ARGS
    from tests.test_browser import _settle

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
        page.goto(f"{server}/?lang=en&reader=peer&p=connections:300;press_contacts:0;company_posts_90d:0")
        page.get_by_text("Chance of a favourable reading", exact=True).wait_for(timeout=30_000)
        _settle(page)
        button = page.get_by_test_id("stSidebarUserContent").get_by_role("button", name="Download the report (HTML)")
        with page.expect_download(timeout=60_000) as download:
            button.click()
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        browser.close()
    text = saved.read_text("utf-8")
    assert saved.name == "regards-report.html"
    reading = read(
        default_readers().by_key("peer"), from_signals({"connections": 300, "press_contacts": 0, "company_posts_90d": 0})
    )
    assert verdict_sentence(reading, "en").replace("'", "&#39;") in text
    assert "Journalist" in text  # no reader picked on What to change: every reader


def test_every_text_the_report_looks_up_is_laid_out_by_a_renderer():
    from report import html, pdf
    from report.content import HEADINGS

    source = Path(html.__file__).read_text("utf-8")
    unused = [k for k in HEADINGS if f"texts.{k}" not in source and f"t.{k}" not in pdf.TEMPLATE]
    assert unused == []


def test_the_reports_charts_use_the_apps_colours():
    from report import charts
    from ui import charts as app

    assert (charts.FAVOURABLE_COLOUR, charts.UNFAVOURABLE_COLOUR, charts.NEUTRAL_COLOUR) == (
        app.FAVOURABLE_COLOUR,
        app.UNFAVOURABLE_COLOUR,
        app.NEUTRAL_COLOUR,
    )


def test_the_report_imports_nothing_from_the_app():
    import ast

    for path in (ROOT / "report").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith(("ui", "streamlit")), (path.name, node.module)
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith(("ui", "streamlit")) for a in node.names), path.name
