"""The app in a real browser: Debian's Chromium driven by Playwright against a live server.

Screenshots go to artifacts/screenshots/ (not committed) for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browsers import CHROMIUM, ROOT, chromium, streamlit_server

SHOTS = ROOT / "artifacts" / "screenshots"

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201 - Playwright's Browser
    with chromium() as instance:
        yield instance


def _probability(page) -> str:
    return page.get_by_test_id("stMetricValue").first.inner_text().strip()


def _expected(key: str, lang: str, **signals: object) -> tuple[float, str]:
    """The probability the textbook reader gives, and how the app should say it."""
    from model.profile import from_signals
    from model.reader import default_readers
    from model.reading import read
    from words.readings import probability_short

    reading = read(default_readers().by_key(key), from_signals(signals))
    return reading.probability, probability_short(reading.probability, lang)


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
    # The reading beside the editor has moved already, without switching pages.
    live = page.locator(".st-key-live_reading")
    assert (
        live.get_by_test_id("stMetricValue").inner_text().strip()
        == _expected("recruiter/communication", "en", connections=300, press_contacts=12, company_posts_90d=0)[1]
    )
    assert live.get_by_text("What your last change moved").is_visible()
    assert live.get_by_text("Press contacts", exact=False).is_visible()

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
    page.get_by_role("button", name="Appliquer ces valeurs").wait_for(timeout=30_000)
    _settle(page)
    page.get_by_role("button", name="Appliquer ces valeurs").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "08a-import-preview-fr.png"))
    assert "connections%3A400" not in page.url and "connections:400" not in page.url, "nothing applied before confirming"
    page.get_by_role("button", name="Appliquer ces valeurs").click()
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


SIZES = [(1366, 768), (1920, 1080)]
VEGA_NOISE = ("WARN", "vega", "Vega")


def _vega_messages(page) -> list[str]:
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text) if any(w in m.text for w in VEGA_NOISE) else None)
    return messages


def _pick(page, option: str) -> None:
    """Choose the signal whose shape is drawn."""
    box = page.get_by_test_id("stSelectbox").first
    box.scroll_into_view_if_needed()
    box.locator("input").click()
    box.locator("input").fill(option)
    page.keyboard.press("Enter")
    _settle(page)


def _chart_texts(page) -> list[str]:
    return page.locator('[data-testid="stVegaLiteChart"] svg text').evaluate_all("els => els.map(e => e.textContent)")


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_page_at_both_sizes_without_vega_warnings(server, browser, lang, width, height):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": height})
    warnings = _vega_messages(page)
    for path, name in (("", "reading"), ("compare", "compare"), ("profile", "profile"), ("sources", "sources")):
        page.goto(f"{server}/{path}?lang={lang}&reader=recruiter/communication")
        page.get_by_test_id("stMainBlockContainer").wait_for(timeout=30_000)
        page.wait_for_timeout(1500)
        _settle(page)
        page.screenshot(path=str(SHOTS / f"10-{name}-{lang}-{width}x{height}.png"))
    assert warnings == []
    page.close()


def test_french_charts_write_numbers_the_french_way(server, browser):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(f"{server}/?lang=fr&reader=peer&p=reactions_90d:2500;connections:180;has_photo:0")
    page.get_by_text("Chances d'une lecture favorable", exact=True).wait_for(timeout=30_000)
    _settle(page)
    _pick(page, "Réactions données")
    texts = _chart_texts(page)
    _chart(page, "11-charts-fr.png")
    numbers = [t for t in texts if any(c.isdigit() for c in t)]
    assert any("," in t for t in numbers), numbers  # decimals: −0,5
    assert any("\u2212" in t for t in numbers), numbers  # a minus sign, not a hyphen
    assert any("1\u202f000" in t or "1\u202f500" in t for t in numbers), " | ".join(
        map(repr, numbers)
    )  # thousands: a narrow no-break space
    assert not [t for t in numbers if "." in t or "1,000" in t], numbers
    _chart(page, "11-charts-fr.png")
    _pick(page, "Photo de profil")
    assert {"non", "oui"} <= set(_chart_texts(page)), "a yes/no signal is drawn as two bars"
    shape = page.get_by_test_id("stVegaLiteChart").nth(1)
    shape.evaluate("e => e.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(500)
    shape.screenshot(path=str(SHOTS / "12-yes-no-shape-fr.png"))
    page.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_printing_a_reading_gives_clean_a4_pages(server, browser, lang):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(f"{server}/?lang={lang}&reader=recruiter/communication&p=connections:300;press_contacts:0")
    page.get_by_test_id("stMetricValue").first.wait_for(timeout=30_000)
    _settle(page)
    page.emulate_media(media="print")
    page.wait_for_timeout(500)
    assert not page.get_by_test_id("stSidebar").is_visible()
    assert not page.get_by_test_id("stHeader").is_visible()
    assert not page.get_by_test_id("stFileUploader").first.is_visible()
    assert page.get_by_test_id("stVegaLiteChart").first.is_visible()
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.wait_for_timeout(1000)
    page.screenshot(path=str(SHOTS / f"13-print-{lang}.png"), full_page=True)
    pdf = page.pdf(format="A4", print_background=True, path=str(SHOTS / f"13-print-{lang}.pdf"))
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert 1 <= pages <= 6, pages
    page.close()
