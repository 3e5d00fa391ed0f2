"""Reader personas: who reads a profile, what they ask of it, what they expect, and how they read each signal.

A persona is a TOML file in `personas/`, written for coaches: a reading per signal with its
direction, where it starts and stops mattering, what the reader expects, its weight, its sources
and one reason per side (why it helps, why it hurts). The file *is* the textbook reader: its
shapes are the reader's contributions, exactly (`model.textbook`).

A broken file is reported with the file, the key and what was expected; the other personas
still load. Nothing in a file can raise anything but an `InputError` (non-finite numbers, wrong
types, deep nesting included).
"""

from __future__ import annotations

import hashlib
import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from model.errors import InputError, Phrase, phrase
from model.evidence import EVIDENCE
from model.paths import PERSONAS_DIR
from model.signals import BEHAVIOURS, LANGS, NAMES, SIGNALS, unknown_signal_hint

DIRECTIONS = ("up", "down", "middle", "none")
SOURCE = re.compile(r"^(seed|assumption|E\d+)$")
Direction = Literal["up", "down", "middle", "none"]
Scale = Literal["linear", "log"]
Texts = dict[str, str]


@dataclass(frozen=True)
class SignalReading:
    """How one reader reads one signal.

    `start` and `end` bound where the signal matters (in the signal's encoded unit): below
    `start` and above `end` it no longer changes the reading. For `middle`, `best` is the
    favourable range and the score falls to nothing at `start` and at `end`. `weight` is the
    log-odds between the least and the most favourable value. `expects` is what this reader
    expects: the value whose contribution is zero, so values read better than expected are
    favourable and worse ones unfavourable.
    """

    signal: str
    direction: Direction
    weight: float
    start: float
    end: float
    best: tuple[float, float] | None
    scale: Scale
    expects: float
    sources: tuple[str, ...]
    expects_sources: tuple[str, ...]
    helps: Texts | None
    hurts: Texts | None

    @property
    def ignored(self) -> bool:
        """The reader does not look at this signal: it contributes exactly 0 and gets no sentence."""
        return self.direction == "none" or self.weight == 0.0

    def score(self, x: float) -> float:
        """The declared priority at encoded value `x`, from 0 (worst) to 1 (best)."""
        if self.ignored:
            return 0.0
        t, a, b = self._t(x), self._t(self.start), self._t(self.end)
        if self.direction in ("up", "down"):
            rise = min(max((t - a) / (b - a), 0.0), 1.0)
            return rise if self.direction == "up" else 1.0 - rise
        low, high = self.best or (self.start, self.end)
        lo, hi = self._t(low), self._t(high)
        rise = min(max((t - a) / (lo - a), 0.0), 1.0) if lo > a else float(t >= a)
        fall = min(max((b - t) / (b - hi), 0.0), 1.0) if b > hi else float(t <= b)
        return min(rise, fall)

    def contribution(self, x: float) -> float:
        """The declared contribution at encoded value `x`: weight × (score(x) − score(expects))."""
        return 0.0 if self.ignored else self.weight * (self.score(x) - self.score(self.expects))

    def _t(self, x: float) -> float:
        return math.log1p(max(x, 0.0)) if self.scale == "log" else x


@dataclass(frozen=True)
class Context:
    """A reader in a particular situation, e.g. a recruiter hiring for a communications role.

    Its readings override the persona's, signal by signal; `compared_with` names the
    population segment this reader compares a profile with (communications candidates, not all
    members), for "where you stand".
    """

    id: str
    name: Texts
    description: Texts
    readings: dict[str, SignalReading]
    behaviours: dict[str, float]
    compared_with: str | None = None
    compared_sources: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Persona:
    id: str
    path: Path
    digest: str
    name: Texts
    question: Texts
    description: Texts
    reader: Texts
    disagreement: float
    readings: dict[str, SignalReading]
    behaviours: dict[str, float]
    contexts: dict[str, Context] = field(default_factory=dict)

    def context(self, context: str | None) -> Context | None:
        """The context called `context` (None: the persona's general reading)."""
        if context is None:
            return None
        if context not in self.contexts:
            raise no_such_context(self.id, context, list(self.contexts))
        return self.contexts[context]


def cited(readings: dict[str, SignalReading], *more: str) -> list[str]:
    """Every source the readings cite (and `more`), seed first, then E-numbers in order, assumption last."""
    found = {s for r in readings.values() if not r.ignored for s in (*r.sources, *r.expects_sources)} | set(more)
    return sorted(found, key=_source_order)


def _source_order(source: str) -> tuple[int, int]:
    if source == "seed":
        return (0, 0)
    if source == "assumption":
        return (2, 0)
    return (1, int(source[1:]))


class _Where:
    """Builds errors that name the file, the key, what was expected and what was found."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def error(self, key: str, expected: Phrase, found: Any = None) -> InputError:
        if found is None:
            return InputError("persona.expected", file=self.path.name, key=key, expected=expected)
        return InputError("persona.expected_found", file=self.path.name, key=key, expected=expected, found=_short(found))

    def texts(self, raw: dict[str, Any], key: str, prefix: str = "") -> Texts:
        value = raw.get(key)
        if not isinstance(value, dict) or any(not isinstance(value.get(lang), str) or not value[lang].strip() for lang in LANGS):
            raise self.error(prefix + key, phrase("persona.texts"), value)
        return {lang: value[lang] for lang in LANGS}

    def optional_texts(self, raw: dict[str, Any], key: str, prefix: str) -> Texts | None:
        return self.texts(raw, key, prefix) if key in raw else None

    def number(self, raw: dict[str, Any], key: str, prefix: str, default: float | None = None) -> float:
        value = raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise self.error(prefix + key, phrase("persona.finite"), value)
        return float(value)

    def sources(self, raw: dict[str, Any], key: str, prefix: str, default: list[str] | None = None) -> tuple[str, ...]:
        sources = raw.get(key, default)
        if not isinstance(sources, list) or not sources or not all(isinstance(s, str) and SOURCE.match(s) for s in sources):
            raise self.error(prefix + key, phrase("persona.sources"), sources)
        unknown = [s for s in sources if s.startswith("E") and s not in EVIDENCE]
        if unknown:
            raise self.error(prefix + key, phrase("persona.evidence", known=", ".join(sorted(EVIDENCE))), unknown[0])
        return tuple(sources)


def _lower(texts: Texts) -> Texts:
    """A label inside a sentence: "connections", "relations"."""
    return {lang: text.lower() for lang, text in texts.items()}


def no_such_context(persona: str, context: str, contexts: list[str]) -> InputError:
    """A context the reader does not have, with the ones it has."""
    if not contexts:
        return InputError("readers.no_contexts", persona=persona, context=context)
    return InputError("readers.no_such_context", persona=persona, context=context, contexts=", ".join(contexts))


def _short(value: Any) -> str:
    text = repr(value).replace("\n", " ")
    return text if len(text) <= 60 else text[:57] + "…"


def _reading(name: str, raw: Any, where: _Where, key: str) -> SignalReading:
    if not isinstance(raw, dict):
        raise where.error(key, phrase("persona.reading_table"), raw)
    direction = raw.get("direction")
    if direction not in DIRECTIONS:
        raise where.error(f"{key}.direction", phrase("persona.one_of", choices=", ".join(DIRECTIONS)), direction)
    signal = SIGNALS[name]
    sources = where.sources(raw, "sources", key + ".")
    if direction == "none":
        return SignalReading(name, "none", 0.0, signal.low, signal.high, None, "linear", signal.low, sources, sources, None, None)
    scale = raw.get("scale", "linear")
    if scale not in ("linear", "log"):
        raise where.error(f"{key}.scale", phrase("persona.scale"), scale)
    weight = where.number(raw, "weight", key + ".")
    if weight <= 0:
        raise where.error(f"{key}.weight", phrase("persona.weight"), weight)
    seen = signal.seen_up_to if signal.seen_up_to is not None else signal.high
    start = where.number(raw, "from", key + ".", signal.low)
    end = where.number(raw, "until", key + ".", seen)
    if not signal.low <= start < end:
        raise where.error(f"{key}.until", phrase("persona.above_from", start=start, low=signal.low), end)
    if end > seen:
        raise where.error(f"{key}.until", phrase("persona.seen_up_to", seen=seen, signal=_lower(signal.label)), end)
    best = _best(raw.get("best"), direction, start, end, where, key)
    expects = _expects(raw, signal.name, where, key)
    reading = SignalReading(
        signal=name,
        direction=direction,
        weight=weight,
        start=start,
        end=end,
        best=best,
        scale=scale,
        expects=expects,
        sources=sources,
        expects_sources=where.sources(raw, "expects_sources", key + ".", ["assumption"]),
        helps=where.optional_texts(raw, "helps", key + "."),
        hurts=where.optional_texts(raw, "hurts", key + "."),
    )
    _check_sides(reading, where, key)
    return reading


def _best(best: Any, direction: str, start: float, end: float, where: _Where, key: str) -> tuple[float, float] | None:
    if direction != "middle":
        return None
    valid = (
        isinstance(best, list)
        and len(best) == 2
        and all(isinstance(b, int | float) and not isinstance(b, bool) and math.isfinite(b) for b in best)
        and start <= best[0] <= best[1] <= end
    )
    if not valid:
        raise where.error(f"{key}.best", phrase("persona.best", start=start, end=end), best)
    return (float(best[0]), float(best[1]))


def _expects(raw: dict[str, Any], name: str, where: _Where, key: str) -> float:
    signal = SIGNALS[name]
    if "expects" not in raw:
        raise where.error(f"{key}.expects", phrase("persona.expects", signal=_lower(signal.label), valid=signal.expected()))
    value = raw["expects"]
    try:
        return signal.encode(signal.validate(value))
    except InputError:
        raise where.error(f"{key}.expects", signal.expected(), value) from None


def _check_sides(reading: SignalReading, where: _Where, key: str) -> None:
    """A side that can happen needs its reason: `helps` when some value reads better than
    expected, `hurts` when some value reads worse."""
    at = reading.score(reading.expects)
    if at < 1.0 and reading.helps is None:
        raise where.error(f"{key}.helps", phrase("persona.helps"))
    if at > 0.0 and reading.hurts is None:
        raise where.error(f"{key}.hurts", phrase("persona.hurts"))


def _readings(raw: Any, where: _Where, prefix: str, base: dict[str, SignalReading] | None) -> dict[str, SignalReading]:
    if not isinstance(raw, dict):
        if base is not None and raw is None:
            return dict(base)
        raise where.error(prefix + "signals", phrase("persona.signals_table"), raw)
    for name in raw:
        if name not in SIGNALS:
            raise InputError(
                "persona.unknown_signal", file=where.path.name, key=f"{prefix}signals.{name}", hint=unknown_signal_hint(name)
            )
    missing = [name for name in NAMES if name not in raw and base is None]
    if missing:
        raise where.error(prefix + "signals", phrase("persona.every_signal", count=len(missing), missing=", ".join(missing)))
    readings = dict(base or {})
    readings.update({name: _reading(name, spec, where, f"{prefix}signals.{name}") for name, spec in raw.items()})
    return {name: readings[name] for name in NAMES}


def _behaviours(raw: Any, where: _Where, prefix: str, base: dict[str, float] | None) -> dict[str, float]:
    """How much each behaviour weighs at most, in total (a behaviour measured by several signals
    is counted once: the weights of its signals add up to no more than this)."""
    if raw is None:
        return dict(base or {})
    if not isinstance(raw, dict):
        raise where.error(prefix + "behaviours", phrase("persona.behaviours_table"), raw)
    behaviours = dict(base or {})
    for name, spec in raw.items():
        if name not in BEHAVIOURS:
            raise where.error(f"{prefix}behaviours.{name}", phrase("persona.behaviour", known=", ".join(BEHAVIOURS)), name)
        if not isinstance(spec, dict):
            raise where.error(f"{prefix}behaviours.{name}", phrase("persona.behaviour_table"), spec)
        weight = where.number(spec, "weight", f"{prefix}behaviours.{name}.")
        if weight < 0:
            raise where.error(f"{prefix}behaviours.{name}.weight", phrase("persona.at_least_zero"), weight)
        where.sources(spec, "sources", f"{prefix}behaviours.{name}.")
        behaviours[name] = weight
    return behaviours


def _check_behaviours(readings: dict[str, SignalReading], behaviours: dict[str, float], where: _Where, prefix: str) -> None:
    for behaviour in BEHAVIOURS:
        members = [r for r in readings.values() if SIGNALS[r.signal].behaviour == behaviour and not r.ignored]
        if not members:
            continue
        total = math.fsum(r.weight for r in members)
        bound = behaviours.get(behaviour)
        if bound is None:
            raise where.error(
                f"{prefix}behaviours.{behaviour}",
                phrase("persona.behaviour_bound", behaviour=_lower(BEHAVIOURS[behaviour]), total=total),
            )
        if total > bound + 1e-9:
            names = ", ".join(r.signal for r in members)
            raise where.error(
                f"{prefix}behaviours.{behaviour}.weight", phrase("persona.behaviour_sum", names=names, total=total), bound
            )


def _context(cid: str, spec: Any, where: _Where, readings: dict[str, SignalReading], behaviours: dict[str, float]) -> Context:
    prefix = f"contexts.{cid}."
    if not isinstance(spec, dict):
        raise where.error(f"contexts.{cid}", phrase("persona.context_table"), spec)
    own = _readings(spec.get("signals"), where, prefix, readings)
    own_behaviours = _behaviours(spec.get("behaviours"), where, prefix, behaviours)
    _check_behaviours(own, own_behaviours, where, prefix)
    compared_with = spec.get("compared_with")
    if compared_with is not None and not isinstance(compared_with, str):
        raise where.error(prefix + "compared_with", phrase("persona.segment"), compared_with)
    return Context(
        id=cid,
        name=where.texts(spec, "name", prefix),
        description=where.texts(spec, "description", prefix),
        readings=own,
        behaviours=own_behaviours,
        compared_with=compared_with,
        compared_sources=where.sources(spec, "compared_sources", prefix) if compared_with else (),
        sources=where.sources(spec, "sources", prefix, ["assumption"]),
    )


def load_persona(path: Path) -> Persona:
    """One persona file, validated; an InputError names the file, the key and what was expected."""
    try:
        return _load(path)
    except InputError:
        raise
    except RecursionError:
        raise InputError("persona.too_deep", file=path.name) from None
    except Exception as error:  # noqa: BLE001 - a file must never take the other readers down
        raise InputError("persona.unreadable", file=path.name, detail=type(error).__name__) from None


def _load(path: Path) -> Persona:
    where = _Where(path)
    try:
        text = path.read_bytes()
        raw = tomllib.loads(text.decode("utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise InputError("persona.cannot_read", file=path.name, detail=str(error)) from None
    except tomllib.TOMLDecodeError as error:
        raise InputError("persona.not_toml", file=path.name, detail=str(error)) from None
    if raw.get("id") != path.stem:
        raise where.error("id", phrase("persona.id", stem=path.stem), raw.get("id"))
    readings = _readings(raw.get("signals"), where, "", None)
    behaviours = _behaviours(raw.get("behaviours"), where, "", None)
    _check_behaviours(readings, behaviours, where, "")
    contexts_raw = raw.get("contexts") or {}
    if not isinstance(contexts_raw, dict):
        raise where.error("contexts", phrase("persona.contexts_table"), contexts_raw)
    contexts = {cid: _context(cid, spec, where, readings, behaviours) for cid, spec in contexts_raw.items()}
    disagreement = where.number(raw, "disagreement", "", 1.0)
    if disagreement <= 0:
        raise where.error("disagreement", phrase("persona.disagreement"), disagreement)
    return Persona(
        id=path.stem,
        path=path,
        digest=hashlib.sha256(text).hexdigest(),
        name=where.texts(raw, "name"),
        question=where.texts(raw, "question"),
        description=where.texts(raw, "description"),
        reader=where.texts(raw, "reader"),
        disagreement=disagreement,
        readings=readings,
        behaviours=behaviours,
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
