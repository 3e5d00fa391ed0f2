"""The app in a real browser: Debian's Chromium driven by Playwright against a live server.

Screenshots go to artifacts/screenshots/ (not committed) for a person to look at.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"  # Debian's package, never Playwright's own download
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("the Streamlit server did not start within 60 s")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


def _probability(page) -> str:
    return page.get_by_test_id("stMetricValue").first.inner_text().strip()


def _expected(key: str, lang: str, **signals: object) -> tuple[float, str]:
    """The probability the textbook reader gives, and how the app should say it."""
    from model.profile import from_signals
    from model.reader import default_readers
    from model.reading import read
    from words.readings import probability_text

    reading = read(default_readers().by_key(key), from_signals(signals))
    return reading.probability, probability_text(reading.probability, lang)


def _chart(page, name: str) -> bytes:
    """The page's first chart as pixels (saved for a person to look at), whole and not under the sticky top bar."""
    chart = page.get_by_test_id("stVegaLiteChart").first
    viewport = page.viewport_size
    page.set_viewport_size({"width": viewport["width"], "height": 1600})
    chart.evaluate("e => e.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(500)
    pixels = chart.screenshot(path=str(SHOTS / name))
    page.set_viewport_size(viewport)
    return pixels


def _settle(page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_function(
        '() => !document.querySelector(\'[data-testid="stStatusWidget"] [data-testid="stStatusWidgetRunningIcon"]\')'
    )
    page.wait_for_timeout(700)


def test_a_person_changes_a_signal_and_sees_the_reading_move(server, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{server}/?lang=en&reader=recruiter/communication&p=connections:300;press_contacts:0;company_posts_90d:0")
    page.get_by_text("Chance of a favourable reading", exact=True).wait_for(timeout=30_000)
    _settle(page)
    before, before_text = _expected("recruiter/communication", "en", connections=300, press_contacts=0, company_posts_90d=0)
    assert _probability(page) == before_text
    page.screenshot(path=str(SHOTS / "01-reading-en.png"))
    chart_before = _chart(page, "01b-contributions-before.png")

    page.goto(f"{server}/profile?lang=en&reader=recruiter/communication&p=connections:300;press_contacts:0;company_posts_90d:0")
    field = page.get_by_role("spinbutton", name="Press contacts", exact=True)
    field.wait_for(timeout=30_000)
    field.fill("12")
    field.press("Enter")
    _settle(page)
    page.screenshot(path=str(SHOTS / "02-profile-edited.png"))
    assert "press_contacts%3A12" in page.url or "press_contacts:12" in page.url

    page.get_by_role("link", name="One reader").click()
    page.get_by_text("Chance of a favourable reading", exact=True).wait_for(timeout=30_000)
    _settle(page)
    after, after_text = _expected("recruiter/communication", "en", connections=300, press_contacts=12, company_posts_90d=0)
    assert after > before, (before, after)
    assert _probability(page) == after_text
    assert _chart(page, "03b-contributions-after.png") != chart_before
    page.screenshot(path=str(SHOTS / "03-reading-after-change.png"))

    page.get_by_test_id("stSidebarUserContent").get_by_text("Français", exact=True).click()
    page.get_by_text("Chances d'une lecture favorable", exact=True).wait_for(timeout=30_000)
    _settle(page)
    page.get_by_test_id("stSidebarUserContent").get_by_text("Journaliste", exact=True).click()
    page.get_by_role("heading", name="Journaliste", exact=True).wait_for(timeout=30_000)
    _settle(page)
    assert "lang=fr" in page.url and "reader=journalist" in page.url
    page.screenshot(path=str(SHOTS / "04-reading-fr-journalist.png"))
    page.close()


def test_a_workshop_opens_side_by_side_on_a_projector(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{server}/?lang=fr&presenter=1&preset=polarising_sharer&p=controversial_share:0.5;posts_90d:10;shares_90d:25")
    page.get_by_text("Tous les lecteurs, côte à côte").wait_for(timeout=30_000)
    _settle(page)
    assert page.get_by_text("Là où les lecteurs ne sont pas d'accord").count() == 1
    assert page.get_by_text("Là où les lecteurs diffèrent le plus").count() == 1
    assert page.get_by_test_id("stSidebar").get_attribute("data-collapsed") == "true", "presenter mode tucks the sidebar away"
    page.screenshot(path=str(SHOTS / "05-presenter-compare-fr.png"))
    _chart(page, "06-heatmap-fr.png")
    page.close()


def test_what_to_change_applies_a_plan_in_the_browser(server, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{server}/levers?lang=en&reader=recruiter/communication")
    page.get_by_text("Target of 70% reached", exact=False).wait_for(timeout=30_000)
    _settle(page)
    page.screenshot(path=str(SHOTS / "07-levers.png"))
    page.get_by_role("button", name="Apply the plan to my profile").click()
    page.get_by_text("Plan applied", exact=False).wait_for(timeout=30_000)
    assert "press_contacts%3A0" not in page.url and "press_contacts:0;" not in page.url
    page.close()


def test_a_person_imports_the_sample_export(server, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{server}/profile?lang=fr")
    page.get_by_role("button", name="Essayer avec un export d'exemple").click()
    page.get_by_text("15 signaux tirés de votre export", exact=False).wait_for(timeout=30_000)
    _settle(page)
    page.get_by_text("À compléter à la main", exact=False).scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "08-import-fr.png"))
    assert "connections" not in page.url  # the export's counts stay in the session, out of the address
    page.close()


def test_the_back_button_steps_back_through_the_view(server, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{server}/?lang=en&reader=recruiter")
    page.get_by_text("Chance of a favourable reading", exact=True).wait_for(timeout=30_000)
    _settle(page)
    page.get_by_test_id("stSidebarUserContent").get_by_text("Peer", exact=True).click()
    page.get_by_role("heading", name="Peer", exact=True).wait_for(timeout=30_000)
    _settle(page)
    assert "reader=peer" in page.url
    page.go_back()
    page.get_by_role("heading", name="Recruiter", exact=True).wait_for(timeout=30_000)
    assert "reader=recruiter" in page.url
    page.close()
