"""No byte of an upload on disk: a 5 MB LinkedIn export through Chromium, the server under strace.

Starlette spools an uploaded file over 1 MB to an anonymous temporary file unless the app keeps
it in memory (`ui/privacy.py`); strace sees every file the server opens after the upload starts.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from starlette.formparsers import MultiPartParser
from streamlit import config

from model.linkedin.synthetic import Spec, archive
from tests.browsers import ARGS, CHROMIUM, free_port, wait_for
from ui.privacy import keep_uploads_in_memory

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
WATCHED = sorted({"/tmp", "/var/tmp", "/dev/shm", tempfile.gettempdir(), str(ROOT)})
WRITING = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND")

needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
needs_strace = pytest.mark.skipif(
    shutil.which("strace") is None, reason="strace is not installed (scripts/setup.sh --test installs it)"
)


@dataclass
class Traced:
    url: str
    log: Path
    strace: subprocess.Popen[bytes]

    def stop(self) -> list[str]:
        """Stop the server (strace exits with it) and return the trace's lines."""
        children = Path(f"/proc/{self.strace.pid}/task/{self.strace.pid}/children")
        pids = children.read_text().split() if children.exists() else []
        for pid in pids:
            os.kill(int(pid), signal.SIGTERM)
        try:
            self.strace.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.strace.kill()
            self.strace.wait(timeout=10)
        return self.log.read_text(errors="replace").splitlines()


@pytest.fixture
def traced_server(tmp_path) -> Iterator[Traced]:
    port = free_port()
    log = tmp_path / "server.strace"
    command = ["strace", "-f", "-ttt", "-e", "trace=openat,open,creat,write", "-o", str(log), "--"]
    command += [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true"]
    command += ["--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}  # a .pyc written by a late import is not an upload
    strace = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Traced(f"http://127.0.0.1:{port}", log, strace)
    try:
        wait_for(f"{server.url}/_stcore/health", seconds=90, process=strace)  # exited: is ptrace allowed here?
        yield server
    finally:
        if strace.poll() is None:
            server.stop()


def _export_of_5_mb() -> bytes:
    """A synthetic export (invented names) with 5 MB of incompressible media beside its CSV files."""
    media = random.Random(7).randbytes(5 * MB)
    data = archive(Spec(), extra={"Rich_Media/attachment.bin": media})
    assert len(data) > 5 * MB
    return data


def _disk_writes_after(lines: list[str], started: float) -> list[str]:
    """The server's opens, after `started`, of an anonymous temporary file or of a file for writing where a spool would go."""
    found = []
    for line in lines:
        match = re.match(r"\d+\s+(\d+\.\d+)\s+(openat|open|creat)\((.*)", line)
        if not match or float(match[1]) < started:
            continue
        call, arguments = match[2], match[3]
        path = re.search(r'"([^"]*)"', arguments)
        where = path[1] if path else ""
        writing = call == "creat" or any(flag in arguments for flag in WRITING)
        if "O_TMPFILE" in arguments or (writing and any(where == d or where.startswith(d + "/") for d in WATCHED)):
            found.append(line)
    return found


def test_uploads_stay_in_memory_up_to_the_largest_body_streamlit_reads_and_asking_twice_changes_nothing(monkeypatch):
    monkeypatch.setattr(MultiPartParser, "spool_max_size", 1 * MB)
    first = keep_uploads_in_memory()
    assert first == keep_uploads_in_memory() == MultiPartParser.spool_max_size
    assert first >= config.get_option("server.maxUploadSize") * MB + 1 * MB


@pytest.mark.browser
@needs_chromium
@needs_strace
def test_a_5_mb_export_is_imported_without_a_byte_on_disk(traced_server):
    from playwright.sync_api import sync_playwright

    data = _export_of_5_mb()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{traced_server.url}/profile?lang=en")
        uploader = page.get_by_test_id("stFileUploader").filter(has_text="LinkedIn export (ZIP)")
        uploader.wait_for(timeout=60_000)
        started = time.time()
        # Straight from memory: the test itself writes the archive nowhere either.
        uploader.locator("input[type=file]").set_input_files(
            {"name": "export.zip", "mimeType": "application/zip", "buffer": data}
        )
        apply = page.get_by_role("button", name="Apply these values")
        apply.wait_for(timeout=90_000)  # the export is read: previewed before it changes anything
        apply.click()
        page.get_by_text("Imported:", exact=False).wait_for(timeout=90_000)
        browser.close()
    lines = traced_server.stop()
    assert any(re.match(r"\d+\s+\d+\.\d+\s+openat\(", line) for line in lines), "strace recorded no openat: the trace is empty"
    assert _disk_writes_after(lines, started) == []
