"""The wheel works on its own: built, installed into a fresh environment, run outside the checkout."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

import pytest

from cli.main import main
from tests.early import Early

ROOT = Path(__file__).resolve().parent.parent


def _build_and_install() -> Path:
    """A fresh virtual environment holding only the wheel; the dependencies come from this
    interpreter's site-packages through a .pth file (no checkout on the path, no editable hook)."""
    work = Path(tempfile.mkdtemp(prefix="regards-wheel-"))
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(work / "dist"), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    assert "warning" not in build.stderr.lower(), build.stderr
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(work / "env")], check=True, timeout=120)
    env_python = work / "env" / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(env_python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    wheel = next((work / "dist").glob("regards-*.whl"))
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-compile", "--target", str(site), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr
    (site / "regards_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", "utf-8")
    return env_python


def _outside() -> dict[str, str]:
    """This environment without what would put the checkout (or another persona folder) on the path."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "REGARDS_PERSONAS_DIR")}


def _run(python: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(python), "-m", "cli", *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=_outside())


def _installed_and_run() -> tuple[Path, Path, subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    """The wheel installed, then `compare` and `personas` run from an empty directory with it."""
    python = _build_and_install()
    empty = python.parent.parent.parent / "empty"
    empty.mkdir()
    shutil.copy(ROOT / "data" / "presets" / "comms_manager.json", empty / "profile.json")
    return python, empty, _run(python, empty, "compare", "profile.json", "--json"), _run(python, empty, "personas", "--json")


SHIPPED_APP = """
import json
from streamlit.testing.v1 import AppTest
from cli.serve import APP
at = AppTest.from_file(str(APP), default_timeout=60).run()
print(json.dumps({"app": str(APP), "exceptions": [e.value for e in at.exception], "errors": [e.value for e in at.error],
                  "titles": [t.value for t in at.title]}))
"""


def _installed_app() -> subprocess.CompletedProcess[str]:
    """The app the wheel ships, run once (AppTest) from an empty directory with the installed packages."""
    python, empty, *_ = WHEEL.result()
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "REGARDS_PERSONAS_DIR")}
    return subprocess.run(
        [str(python), "-c", SHIPPED_APP], cwd=empty, capture_output=True, text=True, timeout=180, env=environment
    )


WHEEL = Early(_installed_and_run)
APP = Early(_installed_app)
pytestmark = pytest.mark.early(WHEEL, APP)


@pytest.fixture(scope="module")
def installed() -> Path:
    return WHEEL.result()[0]


def test_the_installed_package_compares_readers_from_an_empty_directory_as_the_checkout_does(capsys):
    _, empty, result, _ = WHEEL.result()
    assert result.returncode == 0, result.stderr
    assert main(["compare", str(empty / "profile.json"), "--json"]) == 0
    assert json.loads(result.stdout) == json.loads(capsys.readouterr().out)


def test_the_installed_package_lists_its_readers():
    result = WHEEL.result()[3]
    assert result.returncode == 0, result.stderr
    assert [p["id"] for p in json.loads(result.stdout)["personas"]] == ["journalist", "peer", "recruiter"]


def test_the_installed_package_imports_from_the_wheel_not_the_checkout(installed, tmp_path):
    result = subprocess.run(
        [str(installed), "-c", "import model; print(model.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env=_outside(),
    )
    assert str(ROOT) not in result.stdout and "site-packages" in result.stdout


def test_the_installed_package_ships_the_app_and_it_opens():
    result = APP.result()
    assert result.returncode == 0, result.stderr[-2000:]
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert "site-packages" in shown["app"] and str(ROOT) not in shown["app"]
    assert shown["exceptions"] == [] and shown["errors"] == [] and shown["titles"], shown
