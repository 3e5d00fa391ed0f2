"""Several server processes behind nginx with session affinity (deploy/nginx.conf.template):
both processes serve, and a browser's session stays on one — an upload, which Streamlit refuses
on a process that does not hold the session, goes through."""

from __future__ import annotations

import json
import shutil
import socket
import string
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists() or not Path(NGINX).exists(), reason="Debian's chromium and nginx are needed"),
]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"{url} did not answer within 60 s")


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    run = tmp_path_factory.mktemp("nginx")
    ports = {"PORT": _port(), "PORT_A": _port(), "PORT_B": _port()}
    servers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(ROOT / "app.py"),
                "--server.headless",
                "true",
                "--server.port",
                str(ports[k]),
                "--server.address",
                "127.0.0.1",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for k in ("PORT_A", "PORT_B")
    ]
    conf = run / "nginx.conf"
    conf.write_text(
        string.Template((ROOT / "deploy" / "nginx.conf.template").read_text("utf-8")).safe_substitute(
            RUN=str(run), **{k: str(v) for k, v in ports.items()}
        ),
        "utf-8",
    )
    nginx = subprocess.Popen([NGINX, "-p", str(run), "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for key in ("PORT_A", "PORT_B"):
            _wait(f"http://127.0.0.1:{ports[key]}/_stcore/health")
        _wait(f"http://127.0.0.1:{ports['PORT']}/_stcore/health")
        yield f"http://127.0.0.1:{ports['PORT']}"
    finally:
        nginx.terminate()
        nginx.wait(timeout=20)
        for server in servers:
            server.terminate()
            server.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201 - Playwright's Browser
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


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
