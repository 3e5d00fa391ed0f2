"""Example profiles for workshops, drawn from the seed's own examples (`data/presets/`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from model.errors import InputError
from model.population import DATA_DIR
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
    document = json.loads(path.read_text("utf-8"))
    texts = {key: document.get(key) for key in ("name", "description")}
    for key, value in texts.items():
        if not isinstance(value, dict) or any(not value.get(lang) for lang in LANGS):
            raise InputError(f"{path.name}: '{key}' needs a French and an English text")
    try:
        profile = from_json(document)
    except InputError as error:
        raise InputError(f"{path.name}: {error}") from None
    return Preset(id=path.stem, name=texts["name"], description=texts["description"], profile=profile)


@cache
def presets() -> dict[str, Preset]:
    """Every preset, by id, in file-name order."""
    return {path.stem: load_preset(path) for path in sorted(PRESETS_DIR.glob("*.json"))}
