"""Session state has one typed schema, in one module: no page reads or writes a session key
spelled out on its own, and every key `ui/state.py` names is in its `Schema`."""

from __future__ import annotations

import re
from pathlib import Path

from ui import state

ROOT = Path(__file__).resolve().parent.parent
LITERAL_KEY = re.compile(r"session_state(?:\.get|\.pop|\.setdefault)?[\[(]\s*f?[\"']|\bkey\s*=\s*f?[\"']")


def test_no_page_spells_a_session_key_out():
    """Neither a key read or written (`session_state["x"]`) nor a widget's (`key="x"`: a widget
    keeps its value, a button its click, under that key in the session)."""
    for path in [*(ROOT / "ui").glob("*.py"), *(ROOT / "views").glob("*.py"), ROOT / "app.py"]:
        if path.name == "state.py":
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            assert not LITERAL_KEY.search(line), f"{path.name}:{number}: a session key spelled out; name it in ui/state.py"


def test_every_key_the_state_module_names_is_in_its_schema():
    keys = {
        value
        for name, value in vars(state).items()
        if name.isupper()
        and isinstance(value, str)
        and name not in ("DEFAULT_PRESET", "DEFAULT_READER")
        and not name.startswith("BOX_")
    }
    assert keys <= set(state.Schema.__annotations__), sorted(keys - set(state.Schema.__annotations__))
