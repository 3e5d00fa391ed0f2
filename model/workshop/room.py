"""The room as a reader: its votes as judgements, the reader learned from them, and how it
departs from the textbook reader.

Votes become judgements one row per vote (the profile judged, its verdict):

- yes/no: yes is favourable, no unfavourable;
- the 1–5 scale: 4 and 5 are favourable, 1 and 2 unfavourable, and **3 is dropped** (it says
  "I cannot tell": counting it either way would invent a verdict; counting it half each way
  would only add noise around 50 %). Dropped votes are counted and shown.

The room's reader is `model.reader.learn(textbook, judgements)`: the textbook reader as its
prior, so a dozen votes move it a little and a few hundred can overturn it.

How much the room disagrees with itself: for each profile, the share of its votes against
the profile's majority (0 unanimous, 0.5 split in halves); over the room, the same share over
all votes.

The persona file of a room's reader (`persona_document`) is an approximation, said in its
header: a persona file declares, per signal, a shape (direction, where it starts and stops
mattering, what the reader expects) and a weight. The export keeps each signal's textbook shape
and replaces its weight by the learned contribution's range over the members (what
`model.reader.departures` measures); a signal the room reverses has its direction flipped
(up ↔ down; a `middle` reading keeps its shape); a signal the textbook ignores and the room
does not gets a monotone shape over the members' 5th–95th percentiles in the direction the room
reads it. What the learned corrections bend *within* a shape (a different knee, a bump) is
lost: reading the exported file gives the learned reader's weights, not its every curve.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

import numpy as np
import pandas as pd

from model.judgements import FAVOURABLE, UNFAVOURABLE, Judgements, to_csv
from model.persona import SignalReading
from model.population import population
from model.profile import Profile, from_row, loads
from model.reader import Reader, departures, learn
from model.signals import BEHAVIOURS, NAMES, SIGNALS, encode_frame
from model.workshop.store import Role, Scale, Session, Vote

NEUTRAL = 3
"""On the 1–5 scale, the answer that is dropped (neither favourable nor unfavourable)."""
IGNORED_BELOW = 0.15
"""A weight (log-odds over the members' range) below which a reader is said to ignore a signal."""
MORE, LESS = 1.5, 1 / 1.5
"""A room weighs a signal more (less) than the textbook when its weight is at least 1.5 times
(at most two thirds of) the textbook's."""

Kind = Literal["more", "less", "ignores", "reversed", "new", "same"]


def verdict(scale: Scale, answer: int) -> int | None:
    """An answer as a verdict: 1 favourable, 0 unfavourable, None dropped (a 3 on the 1–5 scale)."""
    if scale == "yes_no":
        return 1 if answer == 1 else 0
    if answer == NEUTRAL:
        return None
    return 1 if answer > NEUTRAL else 0


def profile_texts(frame: pd.DataFrame) -> list[str]:
    """Profiles (one row per member) as the JSON texts a session stores."""
    rows = [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]
    return [json.dumps(from_row(row).to_json(), ensure_ascii=False, sort_keys=True) for row in rows]


@lru_cache(maxsize=64)
def session_profiles(texts: tuple[str, ...]) -> tuple[tuple[Profile, ...], pd.DataFrame]:
    """A session's profiles, parsed once per process: the profiles and their signal table."""
    profiles = tuple(loads(text) for text in texts)
    frame = pd.DataFrame([p.values for p in profiles], columns=list(NAMES))
    for name in NAMES:
        if SIGNALS[name].type == "bool":
            frame[name] = frame[name].astype(bool)
        else:
            frame[name] = pd.to_numeric(frame[name], errors="coerce").astype(float)
    return profiles, frame


@dataclass(frozen=True)
class Agreement:
    """How one profile was answered: favourable and unfavourable votes, dropped ones (a 3)."""

    profile: int
    favourable: int
    unfavourable: int
    dropped: int

    @property
    def votes(self) -> int:
        return self.favourable + self.unfavourable


@dataclass(frozen=True)
class Comparison:
    """One signal, the room beside the textbook: each weight (log-odds over the members' range),
    their ratio and what it says (`kind`), as data; words are in `words/workshop.py`."""

    signal: str
    kind: Kind
    textbook: float
    room: float

    @property
    def ratio(self) -> float:
        return self.room / self.textbook if self.textbook > 0 else math.inf


@dataclass(frozen=True)
class Room:
    """The room's reader and everything said about it."""

    textbook: Reader
    reader: Reader
    judgements: Judgements
    agreements: tuple[Agreement, ...]
    votes: int
    dropped: int
    comparisons: tuple[Comparison, ...] = field(default=())

    @property
    def disagreement(self) -> float:
        """The share of all votes against their profile's majority."""
        total = sum(a.votes for a in self.agreements)
        return sum(min(a.favourable, a.unfavourable) for a in self.agreements) / total if total else 0.0


def judgements(session: Session, votes: Sequence[Vote], *, role: Role | None = None) -> tuple[Judgements, int]:
    """The votes (of one role, or all) as judgements, one row per vote; and how many were dropped."""
    _, frame = session_profiles(session.profiles)
    rows, verdicts, dropped = [], [], 0
    for vote in votes:
        if role is not None and vote.role != role:
            continue
        found = verdict(session.scale, vote.answer)
        if found is None:
            dropped += 1
            continue
        rows.append(vote.profile)
        verdicts.append(found)
    profiles = frame.iloc[rows].reset_index(drop=True)
    origin = f"workshop {session.code}"
    return Judgements(profiles=profiles, verdicts=np.array(verdicts, dtype=int), source=origin, synthetic=False), dropped


def agreements(session: Session, votes: Sequence[Vote]) -> tuple[Agreement, ...]:
    counts = np.zeros((len(session.profiles), 3), dtype=int)
    for vote in votes:
        found = verdict(session.scale, vote.answer)
        counts[vote.profile, 2 if found is None else 1 - found] += 1
    return tuple(Agreement(i, int(f), int(u), int(d)) for i, (f, u, d) in enumerate(counts))


def room(textbook: Reader, session: Session, votes: Sequence[Vote], *, role: Role | None = None, compare: bool = True) -> Room:
    """The room's reader learned from its votes (of one role, or all), with the textbook as prior.

    `compare=False` skips the signal-by-signal comparison (the refit alone, after each vote)."""
    found, dropped = judgements(session, votes, role=role)
    learned = learn(textbook, found)
    chosen = [v for v in votes if role is None or v.role == role]
    return Room(
        textbook=textbook,
        reader=learned,
        judgements=found,
        agreements=agreements(session, chosen),
        votes=len(found.verdicts),
        dropped=dropped,
        comparisons=comparisons(learned) if compare else (),
    )


def comparisons(reader: Reader) -> tuple[Comparison, ...]:
    """Signal by signal, the room beside the textbook, most different first; `same` last."""
    found = []
    for d in departures(reader):
        if d.textbook < IGNORED_BELOW and d.learned < IGNORED_BELOW:
            continue
        if d.reversed and min(d.textbook, d.learned) >= IGNORED_BELOW:
            kind: Kind = "reversed"
        elif d.textbook < IGNORED_BELOW:
            kind = "new"
        elif d.learned < IGNORED_BELOW:
            kind = "ignores"
        elif d.learned >= MORE * d.textbook:
            kind = "more"
        elif d.learned <= LESS * d.textbook:
            kind = "less"
        else:
            kind = "same"
        found.append(Comparison(d.signal, kind, d.textbook, d.learned))
    return tuple(sorted(found, key=lambda c: c.kind == "same"))


def judgements_csv(found: Judgements) -> str:
    """The judgements as the CSV `regards read --judgements` takes: signal columns + `verdict`."""
    frame = found.profiles.copy()
    frame["verdict"] = np.where(found.verdicts == 1, FAVOURABLE, UNFAVOURABLE)
    return to_csv(frame)


# ---------------------------------------------------------------------------------------------
# The room's reader as a persona file


def _flip(direction: str) -> str:
    return {"up": "down", "down": "up"}.get(direction, direction)


def persona_readings(reader: Reader) -> dict[str, dict[str, Any]]:
    """Each signal's reading for the room's persona file: the textbook shape with the room's
    weight (see the module's docstring for the approximation), as TOML-ready values."""
    by_signal = {d.signal: d for d in departures(reader)} if reader.basis.kind == "learned" else {}
    members = encode_frame(population().profiles)
    out: dict[str, dict[str, Any]] = {}
    for j, name in enumerate(NAMES):
        own: SignalReading = reader.readings[name]
        d = by_signal.get(name)
        weight = d.learned if d is not None else own.weight
        signal = SIGNALS[name]
        if weight < IGNORED_BELOW:
            out[name] = {"direction": "none", "sources": ["assumption"]}
            continue
        if not own.ignored:
            direction = _flip(own.direction) if d is not None and d.reversed else own.direction
            spec: dict[str, Any] = {"direction": direction}
            if own.scale == "log":
                spec["scale"] = "log"
            spec |= {"from": own.start, "until": own.end}
            if own.best is not None:
                spec["best"] = list(own.best)
            expects = own.expects
        else:
            column = members[:, j]
            low, high = (float(q) for q in np.quantile(column, [0.05, 0.95]))
            seen = signal.seen_up_to if signal.seen_up_to is not None else signal.high
            step = 1.0 if signal.is_integer else 0.05
            high = min(max(high, low + step), seen)
            low = max(min(low, high - step), signal.low)
            X = np.tile(reader.expected, (len(column), 1))
            X[:, j] = column
            slope = float(np.cov(column, reader.contributions(X)[:, j])[0, 1]) if np.ptp(column) > 0 else 0.0
            spec = {"direction": "up" if slope >= 0 else "down", "from": low, "until": high}
            expects = float(np.median(column))
        spec["expects"] = _value(signal.type, expects)
        spec["weight"] = round(float(weight), 3)
        spec["sources"] = ["assumption"]
        out[name] = spec
    return out


def _value(kind: str, encoded: float) -> Any:
    if kind == "bool":
        return bool(encoded >= 0.5)
    if kind in ("count", "weeks", "days"):
        return int(round(encoded))
    return round(float(encoded), 3)


def persona_document(
    reader: Reader,
    persona_id: str,
    texts: Mapping[str, Mapping[str, str]],
) -> dict[str, Any]:
    """The room's reader as a persona file's content (dict, in file order), for `persona_toml`.

    `texts` gives, in French and English: name, reader, description, helps, hurts (the generic
    reasons the room's votes give for a signal), header (the comment on top of the file)."""
    readings = persona_readings(reader)
    for spec in readings.values():
        if spec["direction"] != "none":
            spec["helps"] = dict(texts["helps"])
            spec["hurts"] = dict(texts["hurts"])
    behaviours: dict[str, dict[str, Any]] = {}
    own = reader.context.behaviours if reader.context is not None else reader.persona.behaviours
    for behaviour in BEHAVIOURS:
        total = sum(s.get("weight", 0.0) for n, s in readings.items() if SIGNALS[n].behaviour == behaviour)
        if total > 0 or behaviour in own:
            behaviours[behaviour] = {
                "weight": round(max(total, own.get(behaviour, 0.0)) + 0.001, 3),
                "sources": ["assumption"],
            }
    return {
        "id": persona_id,
        "name": dict(texts["name"]),
        "reader": dict(texts["reader"]),
        "question": dict(reader.persona.question),
        "description": dict(texts["description"]),
        "disagreement": reader.persona.disagreement,
        "behaviours": behaviours,
        "signals": readings,
    }


def persona_toml(document: Mapping[str, Any], header: str) -> str:
    """A persona file's text: `header` as comments, then the document (the subset of TOML
    persona files use: strings, numbers, booleans, lists, inline text tables, tables)."""
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    lines.append("")
    tables = {k: v for k, v in document.items() if isinstance(v, dict) and k in ("behaviours", "signals")}
    for key, value in document.items():
        if key not in tables:
            lines.append(f"{key} = {_toml(value)}")
    for section, entries in tables.items():
        for name, spec in entries.items():
            lines.append("")
            lines.append(f"[{section}.{name}]")
            lines.extend(f"{k} = {_toml(v)}" for k, v in spec.items())
    return "\n".join(lines) + "\n"


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(round(value, 6))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"no TOML for {type(value).__name__}")


__all__ = [
    "NEUTRAL",
    "Agreement",
    "Comparison",
    "Room",
    "agreements",
    "comparisons",
    "judgements",
    "judgements_csv",
    "persona_document",
    "persona_readings",
    "persona_toml",
    "profile_texts",
    "room",
    "session_profiles",
    "verdict",
]
