"""Several server processes behind nginx with session affinity (deploy/nginx.conf.template):
both processes serve, and a browser's session stays on one — an upload, which Streamlit refuses
on a process that does not hold the session, goes through."""

from __future__ import annotations

import json
import shutil
import string
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browsers import CHROMIUM, ROOT, chromium, free_port, streamlit_server, wait_for

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists() or not Path(NGINX).exists(), reason="Debian's chromium and nginx are needed"),
]


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    run = tmp_path_factory.mktemp("nginx")
    ports = {"PORT": free_port(), "PORT_A": free_port(), "PORT_B": free_port()}
    with streamlit_server(ports["PORT_A"]), streamlit_server(ports["PORT_B"]):
        yield from _behind_nginx(run, ports)


def _behind_nginx(run: Path, ports: dict[str, int]) -> Iterator[str]:
    conf = run / "nginx.conf"
    conf.write_text(
        string.Template((ROOT / "deploy" / "nginx.conf.template").read_text("utf-8")).safe_substitute(
            RUN=str(run), **{k: str(v) for k, v in ports.items()}
        ),
        "utf-8",
    )
    nginx = subprocess.Popen([NGINX, "-p", str(run), "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for(f"http://127.0.0.1:{ports['PORT']}/_stcore/health")
        yield f"http://127.0.0.1:{ports['PORT']}"
    finally:
        nginx.terminate()
        nginx.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201 - Playwright's Browser
    with chromium() as instance:
        yield instance


def test_both_processes_serve_and_each_browser_keeps_to_one(proxy, browser):
    seen = set()
    for _ in range(12):
        context = browser.new_context()
        page = context.new_page()
        first = page.goto(f"{proxy}/?lang=en").headers["x-regards-upstream"]
        again = page.goto(f"{proxy}/?lang=en").headers["x-regards-upstream"]
        assert first == again, "a browser's requests must keep to one process"
        seen.add(first)
        context.close()
        if len(seen) == 2:
            break
    assert len(seen) == 2, f"only {seen} served"


def test_an_upload_reaches_the_process_that_holds_the_session(proxy, browser, tmp_path):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(f"{proxy}/profile?lang=en")
    page.get_by_text("Load a profile (JSON)", exact=False).first.wait_for(timeout=30_000)
    profile = tmp_path / "me.json"
    profile.write_text(json.dumps({"signals": {"connections": 777}}), "utf-8")
    page.locator("input[type=file]").first.set_input_files(str(profile))
    page.get_by_text("Profile loaded from me.json", exact=False).wait_for(timeout=30_000)
    context.close()
