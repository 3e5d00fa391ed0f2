"""Judgements readers learn from: real ones from a CSV (a study, a workshop room), or synthetic ones.

Synthetic judgements are test and benchmark data only: drawn profiles, each read by one
individual reader whose verdict is a known reader's log-odds plus logistic noise of scale
`disagreement` (readers of a kind do not all agree). Same seed, same reader, same bytes.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from model.errors import InputError, phrase
from model.paths import DATA_DIR
from model.population import draw, population
from model.signals import NAMES, SIGNALS, encode_frame, shown, unknown_signal_hint

JUDGEMENTS_DIR = DATA_DIR / "judgements"
MANIFEST = "manifest.json"
DEFAULT_SEED = 20261124
DEFAULT_SIZE = 4000
MAX_ROWS = 100_000
"""A judgements file holds at most this many rows: far more than any study or room, and
read in well under a second."""
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


def file_name(key: str) -> str:
    return key.replace("/", "__") + ".csv"


def generate(
    logit: Callable[[np.ndarray], np.ndarray], disagreement: float, size: int = DEFAULT_SIZE, seed: int = DEFAULT_SEED
) -> pd.DataFrame:
    """A synthetic judgement set: drawn profiles and one individual reader's verdict each.

    `logit` gives a known reader's log-odds for encoded profiles; each verdict adds logistic
    noise of scale `disagreement`.
    """
    profiles = draw(size, seed)
    noise = np.random.default_rng([seed, 1]).logistic(0.0, disagreement, size)
    frame = profiles.copy()
    frame["verdict"] = np.where(logit(encode_frame(profiles)) + noise > 0, FAVOURABLE, UNFAVOURABLE)
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


def write_all(sets: dict[str, tuple[pd.DataFrame, dict[str, object]]], directory: Path = JUDGEMENTS_DIR) -> list[Path]:
    """Write judgement sets (by reader key) into `directory`, with a manifest of provenance."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        manifest: dict[str, dict[str, object]] = {}
        written = []
        for key, (frame, provenance) in sets.items():
            path = directory / file_name(key)
            path.write_text(to_csv(frame), "utf-8")
            manifest[path.name] = {"reader": key, **provenance}
            written.append(path)
        (directory / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", "utf-8")
    except OSError as error:
        raise InputError("judgements.cannot_write", directory=str(directory), reason=error.strerror or str(error)) from None
    return written


def manifest(directory: Path = JUDGEMENTS_DIR) -> dict[str, dict[str, object]]:
    path = directory / MANIFEST
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def committed(key: str, directory: Path = JUDGEMENTS_DIR) -> Judgements:
    """The committed synthetic set of reader `key` (benchmarks and tests)."""
    frame = pd.read_csv(directory / file_name(key), dtype={n: bool for n in NAMES if SIGNALS[n].type == "bool"})
    verdicts = (frame.pop("verdict") == FAVOURABLE).to_numpy(dtype=int)
    return Judgements(profiles=frame, verdicts=verdicts, source=f"data/judgements/{file_name(key)}", synthetic=True)


def read_csv(data: bytes, name: str = "judgements.csv") -> Judgements:
    """Real judgements from a CSV (signal columns + `verdict`), validated column by column.

    Refused, saying why and where: no verdict column, unknown columns, values out of range, more
    than `MAX_ROWS` rows, no row at all. Missing signal columns take the population's typical
    value and are listed as assumed. A handful of rows is legitimate: the reader learned from
    them stays close to its textbook reading.
    """
    rows = data.count(b"\n")
    if rows > MAX_ROWS + 1:
        raise InputError("judgements.too_many_rows", file=name, count=rows, limit=MAX_ROWS)
    try:
        frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, ValueError) as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise InputError("judgements.not_a_csv", file=name, reason=reason) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    if "verdict" not in frame.columns:
        raise InputError("judgements.no_verdict_column", file=name)
    unknown = [c for c in frame.columns if c != "verdict" and c not in SIGNALS]
    if unknown:
        raise InputError(
            "judgements.unknown_columns", file=name, count=len(unknown), hints=[unknown_signal_hint(c) for c in unknown[:3]]
        )
    if frame.empty:
        raise InputError("judgements.no_judgement", file=name)
    verdicts = _verdicts(frame.pop("verdict"), name)
    columns = {c: _column(frame[c], c, name) for c in frame.columns}
    typical = population().typical
    assumed = tuple(n for n in NAMES if n not in columns)
    for n in assumed:
        value = typical[n]
        columns[n] = pd.Series([value] * len(frame), dtype=bool if SIGNALS[n].type == "bool" else float)
    profiles = pd.DataFrame({n: columns[n] for n in NAMES})
    return Judgements(profiles=profiles, verdicts=verdicts, source=name, synthetic=False, assumed=assumed)


def _verdicts(column: pd.Series, name: str) -> np.ndarray:
    values = column.str.strip().str.lower()
    bad = values[~values.isin(VERDICTS)]
    if len(bad):
        line = int(bad.index[0]) + 2
        raise InputError("judgements.bad_verdict", file=name, line=line, shown=repr(bad.iloc[0][:40]))
    return values.map(VERDICTS).to_numpy(dtype=int)


_BOOLEANS = {"true": 1.0, "1": 1.0, "yes": 1.0, "oui": 1.0, "false": 0.0, "0": 0.0, "no": 0.0, "non": 0.0}


def _column(column: pd.Series, signal: str, name: str) -> pd.Series:
    """One signal's column, every cell checked against the catalogue at once (no loop over rows)."""
    spec = SIGNALS[signal]
    text = column.str.strip()
    numbers = text.str.lower().map(_BOOLEANS) if spec.type == "bool" else pd.to_numeric(text.where(text != ""), errors="coerce")
    empty = text == ""
    bad = numbers.isna() & ~(empty & spec.nullable)
    finite = numbers.where(~empty)
    bad |= ~empty & ~np.isfinite(finite.fillna(0.0))
    bad |= ~empty & ((finite < spec.low) | (finite > spec.high))
    if spec.is_integer:
        bad |= ~empty & (finite.fillna(0.0) % 1 != 0)
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0])
        cell = text.iloc[row]
        try:
            spec.validate(_cell(cell, spec.type))
            # A cell the catalogue would take that the column cannot ('1_000' as an integer).
            problem = phrase(
                "signal.invalid",
                label=spec.label,
                name=signal,
                shown=shown(cell),
                problem=phrase("signal.not_valid"),
                expected=spec.expected(),
            )
        except InputError as error:
            problem = error.phrase
        raise InputError("judgements.bad_line", file=name, line=row + 2, problem=problem) from None
    if spec.type == "bool":
        return numbers.astype(bool)
    return numbers.astype(float)


def _cell(text: str, kind: str) -> object:
    if text == "":
        return None
    if kind == "bool":
        return text
    try:
        return float(text)
    except ValueError:
        return text
