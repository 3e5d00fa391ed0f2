"""Readers: one fitted reading model per (persona, context), with where it comes from."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from model.additive import AdditiveClassifier
from model.errors import InputError
from model.features import encode, encode_frame
from model.judgements import JUDGEMENTS_DIR, Judgements, key, synthetic
from model.persona import PERSONAS_DIR, Persona, load_personas
from model.population import population
from model.signals import NAMES, Value


@dataclass(frozen=True)
class Reader:
    """A persona in a context, and the additive model learnt from its judgements."""

    persona: Persona
    context: str | None
    model: AdditiveClassifier
    judgements: int
    source: str
    synthetic: bool
    assumed_columns: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return key(self.persona.id, self.context)

    def name(self, lang: str) -> str:
        """The reader's display name, with its context if any."""
        base = self.persona.name[lang]
        if self.context is None:
            return base
        return f"{base} — {self.persona.contexts[self.context].name[lang]}"

    @property
    def typical(self) -> dict[str, Value]:
        """The typical profile this reader compares with: where every contribution is 0."""
        return {**population().typical, **self.persona.typical(self.context)}

    def contribution(self, signal: str, values: np.ndarray) -> np.ndarray:
        """The contribution of `signal` at encoded `values` (its centred shape function)."""
        return self.model.shape(NAMES.index(signal), values)

    def provenance(self) -> dict[str, object]:
        return {
            "persona_file": f"personas/{self.persona.path.name}",
            "context": self.context,
            "sources": self.persona.sources(self.context),
            "judgements": "synthetic" if self.synthetic else "real",
            "judgements_source": self.source,
            "judgements_count": self.judgements,
            "assumed_columns": list(self.assumed_columns),
            "compared_with": self.persona.typical(self.context),
        }


def fit(persona: Persona, context: str | None, judgements: Judgements) -> Reader:
    """Fit the additive model of (persona, context) on `judgements`."""
    readings = persona.readings_for(context)
    typical = encode({**population().typical, **persona.typical(context)})[0]
    model = AdditiveClassifier(monotone=[readings[name].monotone for name in NAMES], reference=typical).fit(
        encode_frame(judgements.profiles), judgements.verdicts
    )
    return Reader(
        persona=persona,
        context=context,
        model=model,
        judgements=len(judgements.verdicts),
        source=judgements.source,
        synthetic=judgements.synthetic,
        assumed_columns=judgements.assumed,
    )


@dataclass(frozen=True)
class Readers:
    """Every reader that could be fitted, and the problems of the persona files that could not."""

    readers: dict[str, Reader]
    problems: tuple[InputError, ...]

    def get(self, persona: str, context: str | None = None) -> Reader:
        """The reader for `persona` (and `context`), or an InputError listing the valid ones."""
        reader_key = key(persona, context)
        if reader_key in self.readers:
            return self.readers[reader_key]
        personas = sorted({r.persona.id for r in self.readers.values()})
        if persona in personas:
            contexts = [r.context for r in self.readers.values() if r.persona.id == persona and r.context]
            raise InputError(
                f"persona '{persona}' has no context '{context}'; its contexts: {', '.join(contexts) or 'none'}",
                fr=f"le persona '{persona}' n'a pas de contexte '{context}' ; ses contextes : {', '.join(contexts) or 'aucun'}",
            )
        raise InputError(
            f"unknown persona '{persona}'; valid personas: {', '.join(personas)}",
            fr=f"persona inconnu '{persona}' ; personas valides : {', '.join(personas)}",
        )


def load_readers(personas_dir: Path = PERSONAS_DIR, judgements_dir: Path = JUDGEMENTS_DIR) -> Readers:
    """Fit every (persona, context) on its synthetic judgements."""
    personas, problems = load_personas(personas_dir)
    readers = {}
    for persona in personas.values():
        for context in [None, *persona.contexts]:
            reader = fit(persona, context, synthetic(persona, context, judgements_dir))
            readers[reader.key] = reader
    return Readers(readers=readers, problems=tuple(problems))


@cache
def default_readers() -> Readers:
    """The readers of the project's own persona files, fitted once per process (read-only)."""
    return load_readers()
