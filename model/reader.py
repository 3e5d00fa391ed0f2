"""Readers: one per (persona, context), resolved once — the textbook one, or one learned from judgements.

A reader is additive: an intercept plus one contribution per signal, each zero at what the
reader expects. The textbook reader is the persona file itself (`model.textbook`); a learned
reader starts from it and moves as far as its judgements say (`learn`). Downstream code holds
a `Reader` and never passes the persona and context around.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, Protocol

import numpy as np

from model.additive import AdditiveClassifier
from model.errors import InputError
from model.judgements import Judgements
from model.paths import PERSONAS_DIR
from model.persona import Context, Persona, SignalReading, cited, load_personas, no_such_context
from model.population import Population, population, segment
from model.signals import NAMES, Lang, encode_frame

KNOTS_PER_SIGNAL = 6
"""Knots of a learned shape's corrections, at the population's quantiles: few enough to stay
stable on a room's dozen votes, enough to bend a shape where members actually are."""


class Shapes(Protocol):
    intercept: float

    def contributions(self, X: np.ndarray) -> np.ndarray: ...

    def logit_sd(self, X: np.ndarray) -> np.ndarray | None: ...


@dataclass(frozen=True)
class Basis:
    """Where a reader comes from: its persona file, or judgements starting from it."""

    kind: Literal["textbook", "learned"]
    count: int = 0
    origin: str = ""

    def to_json(self) -> dict[str, object]:
        if self.kind == "textbook":
            return {"kind": "textbook"}
        return {"kind": "learned", "judgements": self.count, "origin": self.origin}


class LearnedShapes:
    """A fitted `AdditiveClassifier` seen as a reader's shapes."""

    def __init__(self, model: AdditiveClassifier) -> None:
        self.model = model
        self.intercept = float(model.intercept_)

    def contributions(self, X: np.ndarray) -> np.ndarray:
        return self.model._contributions(np.asarray(X, dtype=float))

    def logit_sd(self, X: np.ndarray) -> np.ndarray | None:
        return self.model.logit_sd(X)


@dataclass(frozen=True, eq=False)
class Reader:
    """A persona in a context, with the shapes it reads through and where they come from."""

    key: str
    persona: Persona
    context: Context | None
    shapes: Shapes
    basis: Basis
    textbook: Shapes

    @property
    def readings(self) -> dict[str, SignalReading]:
        return self.context.readings if self.context is not None else self.persona.readings

    def name(self, lang: Lang) -> str:
        """The reader's display name, with its context if any."""
        base = self.persona.name[lang]
        return base if self.context is None else f"{base} — {self.context.name[lang]}"

    def question(self, lang: Lang) -> str:
        return self.persona.question[lang]

    @property
    def intercept(self) -> float:
        return self.shapes.intercept

    @property
    def expected(self) -> np.ndarray:
        """What the reader expects, signal by signal (encoded): every contribution is zero there."""
        return np.array([self.readings[name].expects for name in NAMES])

    def contributions(self, X: np.ndarray) -> np.ndarray:
        """Contributions for encoded profiles `X` (n, n_signals)."""
        return self.shapes.contributions(X)

    def contribution(self, signal: str, values: np.ndarray) -> np.ndarray:
        """The contribution of `signal` at encoded `values`, other signals as expected."""
        return self.each_contribution({signal: values})[signal]

    def each_contribution(self, values: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        """`contribution` for several signals at once, in one pass over the rows they make."""
        names = list(values)
        sizes = [len(values[name]) for name in names]
        rows = np.arange(sum(sizes))
        columns = np.repeat([NAMES.index(name) for name in names], sizes)
        X = np.tile(self.expected, (len(rows), 1))
        X[rows, columns] = np.concatenate([np.asarray(values[name], dtype=float) for name in names])
        found = self.contributions(X)[rows, columns]
        return dict(zip(names, np.split(found, np.cumsum(sizes)[:-1]), strict=True))

    def ignores(self, signal: str) -> bool:
        """A textbook reader ignores what its file says it does not look at; a learned one
        ignores nothing its judgements moved."""
        return self.basis.kind == "textbook" and self.readings[signal].ignored

    def sources(self) -> list[str]:
        """Every source this reader's readings cite, its context's included."""
        extra = (*self.context.sources, *self.context.compared_sources) if self.context is not None else ()
        return cited(self.readings, *extra)

    def comparison(self) -> Population:
        """The members this reader compares a profile with (a context's segment, or everyone)."""
        if self.context is not None and self.context.compared_with is not None:
            return segment(self.context.compared_with)
        return population()


def key_of(persona: str, context: str | None) -> str:
    """The reader key: "recruiter", or "recruiter/communication" for a context."""
    return persona if context is None else f"{persona}/{context}"


def textbook_reader(persona: Persona, context: str | None) -> Reader:
    """The reader exactly as its persona file declares it."""
    from model.textbook import TextbookShapes

    own = persona.context(context)
    shapes = TextbookShapes(own.readings if own is not None else persona.readings)
    return Reader(
        key=key_of(persona.id, context), persona=persona, context=own, shapes=shapes, basis=Basis("textbook"), textbook=shapes
    )


@cache
def population_knots() -> tuple[tuple[float, ...], ...]:
    """Knots for learned corrections: each signal's population quantiles (as readers see it)."""
    X = encode_frame(population().profiles)
    knots = []
    for j in range(X.shape[1]):
        column = X[:, j]
        low = column.min()
        above = column[column > low]
        points = np.quantile(above, np.linspace(0, 1, KNOTS_PER_SIGNAL - 1)) if above.size else np.array([])
        knots.append(tuple(np.unique(np.concatenate([[low], points]))))
    return tuple(knots)


def learn(reader: Reader, judgements: Judgements, *, prior: bool = True) -> Reader:
    """The reader learned from `judgements`, starting from `reader`'s textbook shapes.

    Few judgements leave it close to the file; many can overturn it: no direction is forced.
    With no judgements at all it is the textbook reader, unchanged.
    """
    if len(judgements.verdicts) == 0:
        return reader
    model = learner(reader, prior=prior).fit(encode_frame(judgements.profiles), judgements.verdicts)
    return Reader(
        key=reader.key,
        persona=reader.persona,
        context=reader.context,
        shapes=LearnedShapes(model),
        basis=Basis("learned", count=len(judgements.verdicts), origin=judgements.source),
        textbook=reader.textbook,
    )


def learner(reader: Reader, *, prior: bool = True) -> AdditiveClassifier:
    """The estimator `learn` fits (unfitted), for benchmarks and tests.

    The penalties come from benchmarks/bench_engine.py's sweep (judgements from a reader that
    differs from the textbook by doubled, halved and flipped weights, 40 to 4,000 of them): the
    per-signal scales move freely (alpha_scale 2), the corrections to a shape are smooth
    (alpha 64) — a room rarely reads a signal with another shape, more often with another weight.
    """
    return AdditiveClassifier(
        knots=population_knots(),
        prior=reader.textbook if prior else None,
        reference=reader.expected.tolist(),
        alpha=64.0,
        alpha_scale=2.0,
        alpha_intercept=1.0,
    )


@dataclass(frozen=True)
class Departure:
    """How much one signal weighs for a learned reader and for its textbook reader (the range of
    its contribution over the values members have), and whether the learned one reverses it."""

    signal: str
    textbook: float
    learned: float
    reversed: bool

    def to_json(self) -> dict[str, object]:
        return {"signal": self.signal, "textbook": self.textbook, "learned": self.learned, "reversed": self.reversed}


def departures(reader: Reader) -> list[Departure]:
    """Signal by signal, where a learned reader departs from the textbook one, largest gap first.
    Both readers are additive: a signal's contribution depends on its own value only, so one
    pass over the members gives every signal's."""
    if reader.basis.kind == "textbook":
        return []
    members = encode_frame(population().profiles)
    every_learned, every_textbook = reader.contributions(members), reader.textbook.contributions(members)
    found = []
    for j, name in enumerate(NAMES):
        learned, textbook = every_learned[:, j], every_textbook[:, j]
        slope = float(np.cov(members[:, j], learned)[0, 1]) if np.ptp(members[:, j]) > 0 else 0.0
        declared = float(np.cov(members[:, j], textbook)[0, 1]) if np.ptp(members[:, j]) > 0 else 0.0
        found.append(Departure(name, float(np.ptp(textbook)), float(np.ptp(learned)), slope * declared < 0))
    return sorted(found, key=lambda d: -(abs(d.learned - d.textbook) + (d.textbook + d.learned) * d.reversed))


@dataclass(frozen=True)
class Readers:
    """Every reader that could be made, and the problems of the persona files that could not."""

    readers: dict[str, Reader]
    problems: tuple[InputError, ...]

    def get(self, persona: str, context: str | None = None) -> Reader:
        """The reader for `persona` (and `context`), or an InputError listing the valid ones."""
        wanted = key_of(persona, context)
        if wanted in self.readers:
            return self.readers[wanted]
        personas = sorted({r.persona.id for r in self.readers.values()})
        if persona in personas:
            contexts = [r.context.id for r in self.readers.values() if r.persona.id == persona and r.context]
            raise no_such_context(persona, str(context), contexts)
        if not personas:
            raise InputError("readers.unknown_none_loaded", persona=persona)
        raise InputError("readers.unknown", persona=persona, personas=", ".join(personas))

    def by_key(self, key: str) -> Reader:
        """The reader named "persona" or "persona/context"."""
        persona, _, context = key.partition("/")
        return self.get(persona, context or None)

    def with_reader(self, reader: Reader) -> Readers:
        return Readers(readers={**self.readers, reader.key: reader}, problems=self.problems)


def load_readers(personas_dir: Path = PERSONAS_DIR) -> Readers:
    """The textbook reader of every (persona, context) whose file loads."""
    personas, problems = load_personas(personas_dir)
    readers = {}
    for persona in personas.values():
        for context in (None, *persona.contexts):
            reader = textbook_reader(persona, context)
            readers[reader.key] = reader
    return Readers(readers=dict(sorted(readers.items())), problems=tuple(problems))


@cache
def default_readers() -> Readers:
    """The readers of the project's own persona files, made once per process (read-only)."""
    return load_readers()
