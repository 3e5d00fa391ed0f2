"""Reader personas: who reads a profile, what they ask of it, and how they read each signal.

A persona is a TOML file in `personas/`, written for coaches: a reading per signal with its
direction, where it starts and stops mattering, its weight and its sources. A broken file is
reported with the file, the key and what was expected; the other personas still load.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

from model.errors import InputError
from model.features import encode_value
from model.signals import LANGS, NAMES, SIGNALS, unknown_signal_message

PERSONAS_DIR = Path(__file__).resolve().parent.parent / "personas"
DIRECTIONS = ("up", "down", "middle", "none")
SOURCE = re.compile(r"^(seed|assumption|E\d+)$")
Direction = Literal["up", "down", "middle", "none"]


@dataclass(frozen=True)
class SignalReading:
    """How one reader reads one signal.

    `start` and `end` bound where the signal matters: below `start` and above `end` it no
    longer changes the reading. For `middle`, `best` is the favourable range and the reading
    falls to nothing at `start` and at `end`. `weight` is the log-odds between the least and
    the most favourable value.
    """

    signal: str
    direction: Direction
    weight: float
    start: float
    end: float
    best: tuple[float, float] | None
    scale: Literal["linear", "log"]
    sources: tuple[str, ...]
    why: dict[str, str]

    @property
    def monotone(self) -> int:
        """The direction the fitted shape must keep: 1, -1 or 0 (free)."""
        return {"up": 1, "down": -1}.get(self.direction, 0)

    def score(self, x: np.ndarray) -> np.ndarray:
        """The reader's stated priority on encoded values `x`, from 0 (worst) to 1 (best)."""
        t = self._t(np.asarray(x, dtype=float))
        if self.direction == "none":
            return np.zeros_like(t)
        if self.direction in ("up", "down"):
            rise = np.clip((t - self._t(self.start)) / (self._t(self.end) - self._t(self.start)), 0, 1)
            return rise if self.direction == "up" else 1.0 - rise
        low, high = self.best or (self.start, self.end)
        rise = np.clip((t - self._t(self.start)) / max(self._t(low) - self._t(self.start), 1e-12), 0, 1)
        fall = np.clip((self._t(self.end) - t) / max(self._t(self.end) - self._t(high), 1e-12), 0, 1)
        return np.minimum(rise, fall)

    def _t(self, x: Any) -> Any:
        return np.log1p(np.maximum(x, 0)) if self.scale == "log" else x


@dataclass(frozen=True)
class Context:
    """A reader in a particular situation, e.g. a recruiter hiring for a communications role.

    `typical` overrides the population's typical values with those of the people this reader
    compares a profile with (communications candidates have more press contacts than most
    members): contributions are centred there, so "favourable" means "reads better than the
    profiles this reader usually sees".
    """

    id: str
    name: dict[str, str]
    description: dict[str, str]
    readings: dict[str, SignalReading]
    typical: dict[str, Any] = field(default_factory=dict)
    typical_sources: tuple[str, ...] = ()
    favourable_share: float | None = None


@dataclass(frozen=True)
class Persona:
    id: str
    path: Path
    digest: str
    name: dict[str, str]
    question: dict[str, str]
    description: dict[str, str]
    reader: dict[str, str]
    disagreement: float
    favourable_share: float
    readings: dict[str, SignalReading]
    contexts: dict[str, Context] = field(default_factory=dict)

    def readings_for(self, context: str | None) -> dict[str, SignalReading]:
        """The readings in `context` (None: the persona's general reading)."""
        if context is None:
            return self.readings
        if context not in self.contexts:
            valid = ", ".join(self.contexts) or "none"
            raise InputError(f"persona '{self.id}' has no context '{context}'; its contexts: {valid}")
        return self.contexts[context].readings

    def favourable_share_in(self, context: str | None) -> float:
        """The share of the population this reader reads favourably, in `context`."""
        if context is not None and self.contexts[context].favourable_share is not None:
            return float(self.contexts[context].favourable_share)
        return self.favourable_share

    def typical(self, context: str | None) -> dict[str, Any]:
        """Typical values this reader compares with, beyond the population's (may be empty)."""
        if context is None:
            return {}
        self.readings_for(context)
        return dict(self.contexts[context].typical)

    def sources(self, context: str | None = None) -> list[str]:
        """Every source the readings cite, seed first, then E-numbers in order."""
        cited = {s for r in self.readings_for(context).values() for s in r.sources}
        return sorted(cited, key=lambda s: (s != "seed", s == "assumption", int(s[1:]) if s[1:].isdigit() else 0))


def priorities(readings: dict[str, SignalReading], encoded: np.ndarray) -> np.ndarray:
    """The stated priorities' log-odds (before the bias) for encoded profiles (n, n_signals)."""
    total = np.zeros(encoded.shape[0])
    for j, name in enumerate(NAMES):
        reading = readings[name]
        total += reading.weight * reading.score(encoded[:, j])
    return total


class _Where:
    """Builds error messages that name the file and the key."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def error(self, key: str, expected: str, found: Any = None) -> InputError:
        got = "" if found is None else f" (found {found!r})"
        return InputError(
            f"{self.path.name}: {key}: expected {expected}{got}",
            fr=f"{self.path.name} : {key} : attendu {expected}{got}",
        )

    def texts(self, raw: dict[str, Any], key: str, prefix: str = "") -> dict[str, str]:
        value = raw.get(key)
        if not isinstance(value, dict) or any(not isinstance(value.get(lang), str) or not value[lang].strip() for lang in LANGS):
            raise self.error(prefix + key, 'a French and an English text, e.g. { fr = "…", en = "…" }', value)
        return {lang: value[lang] for lang in LANGS}

    def number(self, raw: dict[str, Any], key: str, prefix: str, default: float | None = None) -> float:
        value = raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(prefix + key, "a number", value)
        return float(value)


def _reading(name: str, raw: Any, where: _Where, prefix: str) -> SignalReading:
    key = f"{prefix}signals.{name}"
    if not isinstance(raw, dict):
        raise where.error(key, "a table with direction, weight, sources and why", raw)
    direction = raw.get("direction")
    if direction not in DIRECTIONS:
        raise where.error(f"{key}.direction", f"one of {', '.join(DIRECTIONS)}", direction)
    sources = raw.get("sources")
    if not isinstance(sources, list) or not sources or not all(isinstance(s, str) and SOURCE.match(s) for s in sources):
        raise where.error(f"{key}.sources", 'a list of "seed", "assumption" or evidence numbers like "E1"', sources)
    signal = SIGNALS[name]
    scale = raw.get("scale", "linear")
    if scale not in ("linear", "log"):
        raise where.error(f"{key}.scale", "linear or log", scale)
    weight = where.number(raw, "weight", key + ".", 0.0 if direction == "none" else None)
    if weight < 0:
        raise where.error(f"{key}.weight", "a number >= 0 (the direction says which way)", weight)
    start = where.number(raw, "from", key + ".", signal.low)
    end = where.number(raw, "until", key + ".", encode_value(name, signal.high))
    if direction != "none" and not start < end:
        raise where.error(f"{key}.until", f"a value above 'from' ({start:g})", end)
    best = raw.get("best")
    if direction == "middle":
        if (
            not isinstance(best, list)
            or len(best) != 2
            or not all(isinstance(b, int | float) for b in best)
            or not start <= best[0] <= best[1] <= end
        ):
            raise where.error(f"{key}.best", f"[low, high] with from <= low <= high <= until ({start:g} to {end:g})", best)
        best = (float(best[0]), float(best[1]))
    else:
        best = None
    return SignalReading(
        signal=name,
        direction=direction,
        weight=weight,
        start=start,
        end=end,
        best=best,
        scale=scale,
        sources=tuple(sources),
        why=where.texts(raw, "why", key + "."),
    )


def _readings(raw: Any, where: _Where, prefix: str, base: dict[str, SignalReading] | None) -> dict[str, SignalReading]:
    if not isinstance(raw, dict):
        if base is not None and raw is None:
            return dict(base)
        raise where.error(prefix + "signals", "a table with one reading per signal", raw)
    for name in raw:
        if name not in SIGNALS:
            hint = unknown_signal_message(name)
            raise InputError(
                f"{where.path.name}: {prefix}signals.{name}: {hint}", fr=f"{where.path.name} : {prefix}signals.{name} : {hint}"
            )
    missing = [name for name in NAMES if name not in raw and base is None]
    if missing:
        raise where.error(prefix + "signals", f"a reading for every signal; missing: {', '.join(missing)}")
    readings = dict(base or {})
    readings.update({name: _reading(name, spec, where, prefix) for name, spec in raw.items()})
    return {name: readings[name] for name in NAMES}


def _typical(raw: Any, where: _Where, prefix: str) -> tuple[dict[str, Any], tuple[str, ...]]:
    if raw is None:
        return {}, ()
    if not isinstance(raw, dict):
        raise where.error(prefix + "typical", "a table of signal = typical value, with sources", raw)
    values = dict(raw)
    sources = values.pop("sources", None)
    if not isinstance(sources, list) or not sources or not all(isinstance(s, str) and SOURCE.match(s) for s in sources):
        raise where.error(prefix + "typical.sources", 'a list of "seed", "assumption" or evidence numbers like "E1"', sources)
    checked = {}
    for name, value in values.items():
        if name not in SIGNALS:
            raise where.error(f"{prefix}typical.{name}", unknown_signal_message(name))
        try:
            checked[name] = SIGNALS[name].validate(value)
        except InputError as error:
            raise where.error(f"{prefix}typical.{name}", SIGNALS[name].range_text(), value) from error
    return checked, tuple(sources)


def _share(raw: dict[str, Any], where: _Where, prefix: str) -> float:
    share = where.number(raw, "favourable_share", prefix, 0.5)
    if not 0 < share < 1:
        raise where.error(prefix + "favourable_share", "a number between 0 and 1, exclusive", share)
    return share


def load_persona(path: Path) -> Persona:
    """One persona file, validated; an InputError names the file, the key and what was expected."""
    where = _Where(path)
    try:
        text = path.read_bytes()
        raw = tomllib.loads(text.decode("utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path.name}: cannot read the file: {error}", fr=f"{path.name} : fichier illisible : {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path.name}: not valid TOML: {error}", fr=f"{path.name} : TOML invalide : {error}") from None
    if raw.get("id") != path.stem:
        raise where.error("id", f'the file name without extension ("{path.stem}")', raw.get("id"))
    readings = _readings(raw.get("signals"), where, "", None)
    contexts = {}
    for cid, spec in (raw.get("contexts") or {}).items():
        prefix = f"contexts.{cid}."
        if not isinstance(spec, dict):
            raise where.error(f"contexts.{cid}", "a table with name, description and signals", spec)
        typical, typical_sources = _typical(spec.get("typical"), where, prefix)
        contexts[cid] = Context(
            id=cid,
            name=where.texts(spec, "name", prefix),
            description=where.texts(spec, "description", prefix),
            readings=_readings(spec.get("signals"), where, prefix, readings),
            typical=typical,
            typical_sources=typical_sources,
            favourable_share=_share(spec, where, prefix) if "favourable_share" in spec else None,
        )
    disagreement = where.number(raw, "disagreement", "", 1.0)
    share = _share(raw, where, "")
    if disagreement <= 0:
        raise where.error("disagreement", "a number > 0 (log-odds of noise between readers)", disagreement)
    return Persona(
        id=path.stem,
        path=path,
        digest=hashlib.sha256(text).hexdigest(),
        name=where.texts(raw, "name"),
        question=where.texts(raw, "question"),
        description=where.texts(raw, "description"),
        reader=where.texts(raw, "reader"),
        disagreement=disagreement,
        favourable_share=share,
        readings=readings,
        contexts=contexts,
    )


def load_personas(directory: Path = PERSONAS_DIR) -> tuple[dict[str, Persona], list[InputError]]:
    """Every persona in `directory`, and the problems of the files that could not load."""
    personas: dict[str, Persona] = {}
    problems: list[InputError] = []
    for path in sorted(directory.glob("*.toml")):
        try:
            personas[path.stem] = load_persona(path)
        except InputError as error:
            problems.append(error)
    return personas, problems
