"""Judgements the reading models learn from: synthetic ones, or real ones from a CSV.

Synthetic judgements put a persona's stated priorities to work over drawn profiles: each
profile is read by one individual reader, whose verdict is the priorities' log-odds plus
logistic noise of scale `disagreement` (readers of a kind do not all agree). Same seed, same
persona file, same bytes.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from model.errors import InputError
from model.features import encode_frame
from model.persona import Persona, priorities
from model.population import DATA_DIR, draw, population
from model.signals import NAMES, SIGNALS, unknown_signal_message

JUDGEMENTS_DIR = DATA_DIR / "judgements"
MANIFEST = "manifest.json"
DEFAULT_SEED = 20261124
DEFAULT_SIZE = 4000
MIN_ROWS = 30
FAVOURABLE = "favourable"
UNFAVOURABLE = "unfavourable"
VERDICTS = {
    "favourable": 1,
    "favorable": 1,
    "1": 1,
    "true": 1,
    "yes": 1,
    "oui": 1,
    "unfavourable": 0,
    "unfavorable": 0,
    "defavorable": 0,
    "défavorable": 0,
    "0": 0,
    "false": 0,
    "no": 0,
    "non": 0,
}


@dataclass(frozen=True)
class Judgements:
    """Profiles (one column per signal) and verdicts (1 favourable, 0 unfavourable)."""

    profiles: pd.DataFrame
    verdicts: np.ndarray
    source: str
    synthetic: bool
    assumed: tuple[str, ...] = ()


def key(persona: str, context: str | None) -> str:
    """The reader key: "recruiter", or "recruiter/communication" for a context."""
    return persona if context is None else f"{persona}/{context}"


def file_name(persona: str, context: str | None) -> str:
    return f"{persona}.csv" if context is None else f"{persona}__{context}.csv"


def bias(persona: Persona, context: str | None) -> float:
    """The constant that makes `favourable_share` of the population read favourably."""
    scores = priorities(persona.readings_for(context), encode_frame(population().profiles))
    return -float(np.quantile(scores, 1.0 - persona.favourable_share_in(context)))


def oracle_logit(persona: Persona, context: str | None, encoded: np.ndarray) -> np.ndarray:
    """The persona's stated priorities as log-odds of a favourable reading."""
    return priorities(persona.readings_for(context), encoded) + bias(persona, context)


def generate(persona: Persona, context: str | None, size: int = DEFAULT_SIZE, seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """A synthetic judgement set: drawn profiles and one individual reader's verdict each."""
    profiles = draw(size, seed)
    logit = oracle_logit(persona, context, encode_frame(profiles))
    noise = np.random.default_rng([seed, 1]).logistic(0.0, persona.disagreement, size)
    frame = profiles.copy()
    frame["verdict"] = np.where(logit + noise > 0, FAVOURABLE, UNFAVOURABLE)
    return frame


def to_csv(frame: pd.DataFrame) -> str:
    """CSV text with a fixed format: same frame, same bytes."""
    out = frame.copy()
    for name in NAMES:
        signal = SIGNALS[name]
        if signal.type == "bool":
            out[name] = np.where(out[name], "true", "false")
        elif signal.is_integer:
            out[name] = out[name].astype("Int64")
    return out.to_csv(index=False, float_format="%.4f", lineterminator="\n")


def write_all(
    personas: dict[str, Persona], directory: Path = JUDGEMENTS_DIR, size: int = DEFAULT_SIZE, seed: int = DEFAULT_SEED
) -> list[Path]:
    """Generate every (persona, context) set into `directory`, with a manifest of provenance."""
    directory.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, dict[str, object]] = {}
    written = []
    for persona in personas.values():
        for context in [None, *persona.contexts]:
            name = file_name(persona.id, context)
            path = directory / name
            path.write_text(to_csv(generate(persona, context, size, seed)), "utf-8")
            manifest[name] = {
                "persona": persona.id,
                "context": context,
                "persona_file": f"personas/{persona.path.name}",
                "persona_sha256": persona.digest,
                "seed": seed,
                "size": size,
            }
            written.append(path)
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", "utf-8")
    return written


def manifest(directory: Path = JUDGEMENTS_DIR) -> dict[str, dict[str, object]]:
    path = directory / MANIFEST
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def synthetic(persona: Persona, context: str | None, directory: Path = JUDGEMENTS_DIR) -> Judgements:
    """The committed synthetic set for (persona, context), or one made in memory when the
    file is missing or was made from another version of the persona file."""
    name = file_name(persona.id, context)
    entry = manifest(directory).get(name)
    path = directory / name
    if entry and entry.get("persona_sha256") == persona.digest and path.exists():
        frame = pd.read_csv(path, dtype={"has_photo": bool, "has_headline": bool})
        source = f"data/judgements/{name}"
    else:
        frame = generate(persona, context)
        source = f"generated in memory from personas/{persona.path.name} (no up-to-date file in data/judgements)"
    verdicts = (frame.pop("verdict") == FAVOURABLE).to_numpy(dtype=int)
    return Judgements(profiles=frame, verdicts=verdicts, source=source, synthetic=True)


def read_csv(data: bytes, name: str = "judgements.csv") -> Judgements:
    """Real judgements from a CSV (signal columns + `verdict`), validated row by row.

    Refused, saying why: unknown columns, no verdict column, values out of range, verdicts
    of a single class, fewer than 30 rows. Missing signal columns take the population's
    typical value and are listed as assumed.
    """
    try:
        frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise InputError(
            f"{name}: not a readable CSV: {str(error).strip()}", fr=f"{name} : CSV illisible : {str(error).strip()}"
        ) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    if "verdict" not in frame.columns:
        raise InputError(
            f"{name}: no 'verdict' column (favourable or unfavourable per row)",
            fr=f"{name} : pas de colonne 'verdict' (favourable ou unfavourable par ligne)",
        )
    unknown = [c for c in frame.columns if c != "verdict" and c not in SIGNALS]
    if unknown:
        hint = "; ".join(unknown_signal_message(c) for c in unknown)
        raise InputError(f"{name}: unknown column(s): {hint}", fr=f"{name} : colonne(s) inconnue(s) : {hint}")
    if len(frame) < MIN_ROWS:
        raise InputError(
            f"{name}: {len(frame)} judgements; at least {MIN_ROWS} are needed to learn a reading",
            fr=f"{name} : {len(frame)} jugements ; il en faut au moins {MIN_ROWS} pour apprendre une lecture",
        )
    verdicts = _verdicts(frame.pop("verdict"), name)
    columns = {c: _column(frame[c], c, name) for c in frame.columns}
    typical = population().typical
    assumed = tuple(n for n in NAMES if n not in columns)
    for n in assumed:
        columns[n] = pd.Series([typical[n]] * len(frame), dtype=float if typical[n] is not None else float)
    profiles = pd.DataFrame({n: columns[n] for n in NAMES})
    return Judgements(profiles=profiles, verdicts=verdicts, source=name, synthetic=False, assumed=assumed)


def _verdicts(column: pd.Series, name: str) -> np.ndarray:
    values = column.str.strip().str.lower()
    bad = values[~values.isin(VERDICTS)]
    if len(bad):
        line = int(bad.index[0]) + 2
        raise InputError(
            f"{name}: line {line}: verdict {bad.iloc[0]!r} is not valid; expected favourable or unfavourable",
            fr=f"{name} : ligne {line} : verdict {bad.iloc[0]!r} invalide ; attendu favourable ou unfavourable",
        )
    verdicts = values.map(VERDICTS).to_numpy(dtype=int)
    if len(np.unique(verdicts)) < 2:
        only = FAVOURABLE if verdicts[0] else UNFAVOURABLE
        raise InputError(
            f"{name}: every verdict is '{only}'; a reading needs both favourable and unfavourable judgements",
            fr=f"{name} : tous les verdicts sont '{only}' ; une lecture a besoin de jugements favorables et défavorables",
        )
    return verdicts


def _column(column: pd.Series, signal: str, name: str) -> pd.Series:
    spec = SIGNALS[signal]
    values = []
    for i, text in enumerate(column.str.strip()):
        try:
            values.append(spec.validate(_parse(text, spec.type)))
        except InputError as error:
            raise InputError(f"{name}: line {i + 2}: {error}", fr=f"{name} : ligne {i + 2} : {error}") from None
    if spec.type == "bool":
        return pd.Series(values, dtype=bool)
    return pd.Series([np.nan if v is None else v for v in values], dtype=float)


def _parse(text: str, kind: str) -> object:
    lowered = text.lower()
    if kind == "bool":
        return {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}.get(lowered, text)
    if text == "":
        return None
    try:
        return float(text)
    except ValueError:
        return text
