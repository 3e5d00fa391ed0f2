"""A whole workshop in a real browser: one projector and five phone-sized participants
(390×844) through Debian's Chromium — create, join, vote, a refresh mid-way, reveal.

Screenshots go to artifacts/screenshots/ (not committed) for a person to look at.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browsers import CHROMIUM, chromium, streamlit_server
from tests.test_browser import SHOTS, _settle

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed")]

PHONE = {"width": 390, "height": 844}
PROFILES = 4


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    env = {**os.environ, "REGARDS_DATA_DIR": str(tmp_path_factory.mktemp("workshop"))}
    env.pop("REGARDS_DATABASE_URL", None)
    env.pop("REGARDS_BASE_URL", None)
    with streamlit_server(env=env) as url:
        yield url


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201 - Playwright's Browser
    with chromium() as instance:
        yield instance


def _metric(page, label: str) -> str:
    block = page.get_by_test_id("stMetric").filter(has_text=label).first
    return block.get_by_test_id("stMetricValue").inner_text().strip()


def _wait_metric(page, label: str, value: str, timeout: float = 20) -> None:
    """The projector's fragment refreshes on its own every 2 s: wait for it to show `value`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if _metric(page, label) == value:
                return
        except Exception:  # noqa: BLE001 - the fragment may be re-rendering just now
            pass
        page.wait_for_timeout(250)
    raise AssertionError(f"the projector never showed {label} = {value} (last: {_metric(page, label)})")


def _vote(phone, answer: str, next_text: str) -> None:
    """Tap an answer once the page is still (a rerun briefly shows the old buttons beside the new)."""
    _settle(phone)
    phone.get_by_role("button", name=answer, exact=True).click()
    phone.get_by_text(next_text, exact=False).first.wait_for(timeout=30_000)


def test_a_whole_workshop_with_a_projector_and_five_phones(server, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    projector_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    projector = projector_context.new_page()
    projector.goto(f"{server}/workshop")
    projector.get_by_role("button", name="Create the workshop").wait_for(timeout=30_000)
    field = projector.get_by_role("spinbutton", name="Profiles to judge")
    field.fill(str(PROFILES))
    field.press("Tab")
    projector.get_by_role("button", name="Create the workshop").click()
    projector.get_by_test_id("stMetric").first.wait_for(timeout=30_000)
    _settle(projector)
    query = parse_qs(urlsplit(projector.url).query)
    code, secret = query["code"][0], query["secret"][0]
    assert re.fullmatch(r"[2-9A-HJ-NP-Z]{6}", code) and secret
    assert projector.get_by_text(code, exact=True).count() >= 1
    assert projector.get_by_role("img", name=f"QR {code}").count() == 1
    projector.screenshot(path=str(SHOTS / "20-workshop-projector-empty.png"))

    roles = ["Recruiter or HR", "Journalist", "Peer", None, "Other"]
    phones = []
    for i, role in enumerate(roles):
        context = browser.new_context(viewport=PHONE, locale="en-US", is_mobile=True, has_touch=True)
        phone = context.new_page()
        phone.goto(f"{server}/join?code={code}")
        phone.get_by_role("button", name="Join").wait_for(timeout=30_000)
        assert phone.get_by_test_id("stSidebar").count() == 0 or not phone.get_by_test_id("stSidebar").is_visible()
        if role:
            phone.get_by_text(role, exact=True).click()
        if i == 0:
            phone.screenshot(path=str(SHOTS / "21-workshop-phone-join.png"))
        phone.get_by_role("button", name="Join").click()
        phone.get_by_text(f"Profile 1 of {PROFILES}", exact=False).wait_for(timeout=30_000)
        assert "token=" in phone.url
        phones.append(phone)
    _settle(phones[0])
    phones[0].screenshot(path=str(SHOTS / "22-workshop-phone-profile.png"))
    # On a phone the question and both answers fit on the first screen, under the profile's facts.
    assert phones[0].get_by_role("button", name="No", exact=True).bounding_box()["y"] < PHONE["height"]
    _wait_metric(projector, "Joined", "5")

    # Everyone answers the first two profiles; the room says yes to the first, no to the second.
    for phone in phones:
        _vote(phone, "Yes", f"Profile 2 of {PROFILES}")
        _vote(phone, "No", f"Profile 3 of {PROFILES}")
    # A refresh (or a lost connection) mid-way resumes at the first profile not yet answered.
    phones[2].reload()
    phones[2].get_by_text(f"Profile 3 of {PROFILES}", exact=False).wait_for(timeout=30_000)
    _settle(phones[2])
    phones[2].screenshot(path=str(SHOTS / "23-workshop-phone-after-refresh.png"))
    for i, phone in enumerate(phones):
        _vote(phone, "Yes" if i % 2 else "No", f"Profile 4 of {PROFILES}")
        _vote(phone, "Yes", "Thank you")
    _wait_metric(projector, "Votes", str(5 * PROFILES))
    _settle(projector)
    projector.screenshot(path=str(SHOTS / "24-workshop-projector-votes.png"))
    assert projector.get_by_text("This room weighs", exact=False).count() == 0, "results stay hidden before the reveal"

    projector.get_by_role("button", name="Reveal the results").click()
    projector.get_by_text("How this room reads", exact=True).wait_for(timeout=60_000)
    _settle(projector)
    assert projector.get_by_text("The room disagrees with itself", exact=False).count() == 1
    assert projector.get_by_text("How the room reads the communications manager", exact=False).count() == 1
    projector.set_viewport_size({"width": 1280, "height": 2200})  # the whole results, top to bottom
    _settle(projector)
    projector.screenshot(path=str(SHOTS / "25-workshop-projector-revealed.png"))

    phones[0].reload()
    phones[0].get_by_text("Votes are closed", exact=False).wait_for(timeout=30_000)
    _settle(phones[0])
    phones[0].screenshot(path=str(SHOTS / "26-workshop-phone-closed.png"))
    for phone in phones:
        phone.context.close()
    projector_context.close()
