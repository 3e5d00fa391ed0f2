"""Session state has one typed schema, in one module: no page reads or writes a session key
spelled out on its own, every key `ui/state.py` names is in its `Schema`, and the schema's keys
are read and written through `state.session()`, typed by it, so mypy checks each one."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from ui import state

ROOT = Path(__file__).resolve().parent.parent
LITERAL_KEY = re.compile(r"session_state(?:\.get|\.pop|\.setdefault)?[\[(]\s*f?[\"']|\bkey\s*=\s*f?[\"']")


PAGES = [*(ROOT / "ui").glob("*.py"), *(ROOT / "views").glob("*.py"), ROOT / "app.py"]
PER_ITEM_KEYS = {"widget_key", "never_key", "linkedin_upload_key", "vote_key"}
"""The functions that make the keys outside the schema, one per item: only these stay on `st.session_state`."""


def test_no_page_spells_a_session_key_out():
    """Neither a key read or written (`session_state["x"]`) nor a widget's (`key="x"`: a widget
    keeps its value, a button its click, under that key in the session)."""
    for path in PAGES:
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


def _per_item_key(node: ast.expr) -> bool:
    """`state.widget_key(name)` or, in ui/state.py itself, `widget_key(name)`."""
    if not isinstance(node, ast.Call):
        return False
    function = node.func
    name = function.attr if isinstance(function, ast.Attribute) else function.id if isinstance(function, ast.Name) else ""
    return name in PER_ITEM_KEYS


def _untyped_uses(source: str) -> list[int]:
    """The lines using `st.session_state` for anything but a per-item key: `[key]`, `.get(key, …)`,
    `.pop(key, …)`, `.setdefault(key, …)`, `key in …`, `del …[key]`. Any other use (a schema key,
    a name standing for one, attribute access, the object passed on) is reported; `state.session()`
    alone may hand it out, cast to the schema."""
    tree = ast.parse(source)
    parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
    lines = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr == "session_state"):
            continue
        parent = parents[node]
        if isinstance(parent, ast.Subscript) and parent.value is node and _per_item_key(parent.slice):
            continue
        if isinstance(parent, ast.Attribute) and parent.attr in ("get", "pop", "setdefault"):
            call = parents[parent]
            if isinstance(call, ast.Call) and call.args and _per_item_key(call.args[0]):
                continue
        if isinstance(parent, ast.Compare) and parent.comparators == [node] and _per_item_key(parent.left):
            continue
        if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and parent.func.id == "cast":
            function = next(p for p in _ancestors(node, parents) if isinstance(p, ast.FunctionDef))
            if function.name == "session":
                continue
        lines.append(node.lineno)
    return lines


def _ancestors(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> list[ast.AST]:
    found = []
    while node in parents:
        node = parents[node]
        found.append(node)
    return found


def test_schema_keys_go_through_the_typed_session():
    """`st.session_state` is typed `Any` for mypy: a schema key read or written there is not
    checked, so the schema's keys go through `state.session()` (ui/state.py's own included)."""
    for path in PAGES:
        lines = _untyped_uses(path.read_text("utf-8"))
        assert not lines, f"{path.name}:{lines[0]}: st.session_state used for a schema key; use state.session()"


def test_the_scan_catches_a_schema_key_on_the_untyped_session():
    for line in (
        "x = st.session_state[state.READER]",
        "st.session_state[state.PRESET] = None",
        "x = st.session_state.get(AT)",
        "st.session_state.pop(state.WORKSHOP_PROBLEM, None)",
        "x = state.LEVERS_APPLIED in st.session_state",
        "x = st.session_state.lang",
        "session = st.session_state",
    ):
        assert _untyped_uses(line) == [1], line
    for line in (
        "x = st.session_state[state.widget_key(name)]",
        "st.session_state[state.never_key(name)] = True",
        "x = st.session_state.get(state.linkedin_upload_key(generation))",
        "x = state.vote_key(1, 0) in st.session_state",
        "x = state.session()[state.READER]",
    ):
        assert _untyped_uses(line) == [], line


def test_the_typed_session_is_streamlits():
    """The cast changes only the static type: the object is Streamlit's session state."""
    import streamlit as st

    assert state.session() is st.session_state
