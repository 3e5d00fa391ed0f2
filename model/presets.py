"""Example profiles for workshops, drawn from the seed's own examples (`data/presets/`).

A broken preset file is reported and left out; the others still load (the app starts)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from model.errors import InputError
from model.paths import DATA_DIR
from model.profile import Profile, from_json
from model.signals import LANGS

PRESETS_DIR = DATA_DIR / "presets"


@dataclass(frozen=True)
class Preset:
    id: str
    name: dict[str, str]
    description: dict[str, str]
    profile: Profile


def load_preset(path: Path) -> Preset:
    """A preset file: a profile plus its name and a sentence saying who it is, in both languages."""
    try:
        document = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
        raise InputError("presets.unreadable", file=path.name, detail=type(error).__name__) from None
    if not isinstance(document, dict):
        raise InputError("presets.not_an_object", file=path.name)
    texts = {key: document.get(key) for key in ("name", "description")}
    for key, value in texts.items():
        if not isinstance(value, dict) or any(not isinstance(value.get(lang), str) or not value.get(lang) for lang in LANGS):
            raise InputError("presets.needs_texts", file=path.name, key=key)
    try:
        profile = from_json(document)
    except InputError as error:
        raise InputError("presets.in_file", file=path.name, problem=error.phrase) from None
    name, description = texts["name"], texts["description"]
    assert isinstance(name, dict) and isinstance(description, dict)
    return Preset(id=path.stem, name=dict(name), description=dict(description), profile=profile)


def load_presets(directory: Path = PRESETS_DIR) -> tuple[dict[str, Preset], list[InputError]]:
    """Every preset that loads, by id in file-name order, and the problems of those that do not."""
    found: dict[str, Preset] = {}
    problems: list[InputError] = []
    for path in sorted(directory.glob("*.json")):
        try:
            found[path.stem] = load_preset(path)
        except InputError as error:
            problems.append(error)
    return found, problems


@cache
def presets() -> dict[str, Preset]:
    """The project's presets that load (read-only, once per process)."""
    return load_presets()[0]


@cache
def preset_problems() -> tuple[InputError, ...]:
    return tuple(load_presets()[1])
