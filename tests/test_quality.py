"""The house rules that tools check: strict types, lint, and the domain alone in `model/`."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.early import Early

ROOT = Path(__file__).resolve().parent.parent
MYPY = Early(lambda: subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600))


@pytest.mark.early(MYPY)
def test_the_typed_packages_pass_mypy_strict():
    result = MYPY.result()
    assert result.returncode == 0, result.stdout[-3000:]


def test_ruff_finds_nothing():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", ".", "--exclude", ".venv"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-3000:]


FACES = ("argparse", "streamlit", "words", "ui", "views", "cli", "report", "app")
"""What the domain never imports: the command line's parser, the app's framework, and the faces
over it (the texts a person reads included: the domain names what is wrong, words say it)."""


def test_the_domain_imports_neither_argparse_nor_streamlit_nor_a_face_and_prints_nothing():
    for path in (ROOT / "model").rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                assert not any(n.split(".")[0] in FACES for n in names), f"{path}:{node.lineno} imports {names}"
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id != "print", f"{path}:{node.lineno} prints"
            if isinstance(node, ast.Attribute) and node.attr in ("stdout", "stderr"):
                assert not (isinstance(node.value, ast.Name) and node.value.id == "sys"), (
                    f"{path}:{node.lineno} writes to sys.{node.attr}"
                )
