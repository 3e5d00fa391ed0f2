"""Golden readings: `regards compare --json` on each preset, committed. A change of reading is a
visible diff; regenerate on purpose with `REGARDS_UPDATE_GOLDEN=1 pytest tests/test_golden.py`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cli.main import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "data" / "golden"
PRESETS = sorted(p.stem for p in (ROOT / "data" / "presets").glob("*.json"))


@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_readings_of_each_preset_are_the_committed_ones(capsys, preset, lang):
    assert main(["compare", str(ROOT / "data" / "presets" / f"{preset}.json"), "--json", "--lang", lang]) == 0
    document = json.loads(capsys.readouterr().out)
    path = GOLDEN / f"{preset}.{lang}.json"
    if os.environ.get("REGARDS_UPDATE_GOLDEN"):
        path.write_text(json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")
    expected = json.loads(path.read_text("utf-8"))
    assert _close(document, expected), f"{path.name} differs: regenerate it if the change is meant"


def _close(a: object, b: object) -> bool:
    """Equal, numbers to 1e-9 (floating-point noise across machines), everything else exactly."""
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, int | float) and isinstance(b, int | float) and abs(float(a) - float(b)) <= 1e-9
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    return a == b
