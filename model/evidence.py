"""The evidence persona files cite (`data/evidence.toml`): what each source says, and how strong it is."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from typing import Literal

from model.paths import DATA_DIR

Kind = Literal["seed", "assumption", "peer-reviewed", "survey", "second-hand"]


@dataclass(frozen=True)
class Evidence:
    id: str
    kind: Kind
    ref: str
    says: dict[str, str]


def _load() -> dict[str, Evidence]:
    raw = tomllib.loads((DATA_DIR / "evidence.toml").read_text("utf-8"))
    return {key: Evidence(id=key, kind=spec["kind"], ref=spec["ref"], says=dict(spec["says"])) for key, spec in raw.items()}


EVIDENCE: dict[str, Evidence] = _load()
