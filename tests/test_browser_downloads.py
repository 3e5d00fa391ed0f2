"""In Chromium: the saved profile is the profile, and its address differs for every download of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_browser import CHROMIUM, SHOTS, browser, server  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser]


def _save(browser, server: str) -> tuple[str, dict]:  # noqa: F811
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(f"{server}/profile?lang=en&preset=comms_manager")
    button = page.get_by_role("button", name="Save the profile (JSON)")
    button.wait_for(timeout=30_000)
    with page.expect_download(timeout=30_000) as info:
        button.click()
    download = info.value
    content = json.loads(Path(download.path()).read_text("utf-8"))
    url = download.url
    context.close()
    return url, content


def test_the_same_profile_saved_twice_is_served_at_two_unguessable_addresses(server, browser):  # noqa: F811
    SHOTS.mkdir(parents=True, exist_ok=True)
    first, content = _save(browser, server)
    second, again = _save(browser, server)
    assert content == again and content["signals"]["connections"] == 300
    assert first != second
    assert "regards-profile" in first or "/media/" in first
