"""The signal catalogue: names, types, ranges and texts of every profile signal.

The catalogue lives in `catalogue.toml` beside this module, French and English side by side,
so a coach can read it; this module turns it into typed objects and validates values.
"""

from __future__ import annotations

import difflib
import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from model.errors import InputError, Phrase, phrase

SignalType = Literal["count", "share", "bool", "weeks", "days"]
Value = int | float | bool | None
Lang = Literal["fr", "en"]
"""The languages every text exists in (the app, the command line, the files): said once, here."""
LANGS: tuple[Lang, ...] = ("fr", "en")


@dataclass(frozen=True)
class Signal:
    """One profile signal as the catalogue describes it."""

    name: str
    situation: int
    type: SignalType
    low: float
    high: float
    nullable: bool
    unit: dict[str, str]
    label: dict[str, str]
    help: dict[str, str]
    phrase: dict[str, str]
    phrase_false: dict[str, str] | None
    phrase_null: dict[str, str] | None
    phrase_zero: dict[str, str] | None
    plural: bool
    actionable: bool
    move_up: float
    move_down: float
    effort_hours: float
    effort_fixed: float
    action: dict[str, str]
    action_down: dict[str, str] | None
    seen_up_to: float | None = None
    null_reads_as: float | None = None
    at_most: str | None = None
    behaviour: str | None = None

    @property
    def is_integer(self) -> bool:
        return self.type in ("count", "weeks", "days")

    def expected(self) -> Phrase:
        """The valid values, for error messages: "an integer from 0 to 500, or null (never)"."""
        if self.type == "bool":
            return phrase("signal.range_bool")
        kind = "integer" if self.is_integer else "number"
        never = "_or_null" if self.nullable else ""
        return phrase(f"signal.range_{kind}{never}", low=_whole(self.low), high=_whole(self.high))

    def validate(self, value: Any) -> Value:
        """Return `value` checked against this signal's type and range, or raise InputError.

        Never raises anything else: huge integers, infinities and NaN are refused with a message.
        """
        if isinstance(value, np.generic):
            value = value.item()
        if value is None:
            if self.nullable:
                return None
            raise self._invalid(value, "null")
        if self.type == "bool":
            if isinstance(value, bool):
                return value
            raise self._invalid(value, "not_valid")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._invalid(value, "not_valid")
        if isinstance(value, float) and not math.isfinite(value):
            raise self._invalid(value, "not_finite")
        if not self.low <= value <= self.high:
            raise self._invalid(value, "out_of_range")
        if self.is_integer:
            if isinstance(value, float) and not value.is_integer():
                raise self._invalid(value, "not_integer")
            return int(value)
        return float(value)

    def _invalid(self, value: Any, problem: str) -> InputError:
        return InputError(
            "signal.invalid",
            label=self.label,
            name=self.name,
            shown=shown(value),
            problem=phrase(f"signal.{problem}"),
            expected=self.expected(),
        )

    def encode(self, value: Value) -> float:
        """The value as readers see it: booleans as 0/1, capped where readers stop seeing more,
        null as what it reads like."""
        if value is None:
            return float(self.null_reads_as if self.null_reads_as is not None else self.low)
        number = float(value)
        return min(number, self.seen_up_to) if self.seen_up_to is not None else number


def _whole(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x


def shown(value: Any) -> str:
    """A value quoted in a message: short, on one line, whatever was given."""
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**15 else f"<{len(str(abs(value)))} digits>"
    text = text.replace("\n", " ").replace("\r", " ")
    return text if len(text) <= 40 else text[:37] + "…"


def _texts(raw: dict[str, Any], key: str, where: str) -> dict[str, str]:
    texts = raw.get(key)
    if not isinstance(texts, dict) or any(not isinstance(texts.get(lang), str) for lang in LANGS):
        raise InputError("catalogue.needs_texts", key=f"{where}.{key}")
    return {lang: texts[lang] for lang in LANGS}


def _optional_texts(raw: dict[str, Any], key: str, where: str) -> dict[str, str] | None:
    return _texts(raw, key, where) if key in raw else None


def _signal(name: str, raw: dict[str, Any]) -> Signal:
    where = f"signals.{name}"
    kind = raw["type"]
    if kind == "bool":
        low, high = 0.0, 1.0
    else:
        low, high = float(raw["min"]), float(raw["max"])
    move = raw.get("move_3m", {})
    return Signal(
        name=name,
        situation=int(raw["situation"]),
        type=kind,
        low=low,
        high=high,
        nullable=bool(raw.get("nullable", False)),
        unit=_texts(raw, "unit", where),
        label=_texts(raw, "label", where),
        help=_texts(raw, "help", where),
        phrase=_texts(raw, "phrase", where),
        phrase_false=_optional_texts(raw, "phrase_false", where),
        phrase_null=_optional_texts(raw, "phrase_null", where),
        phrase_zero=_optional_texts(raw, "phrase_zero", where),
        plural=bool(raw.get("plural", False)),
        actionable=bool(raw["actionable"]),
        move_up=float(move.get("up", 0)),
        move_down=float(move.get("down", 0)),
        effort_hours=float(raw.get("effort_hours", 0.0)),
        effort_fixed=float(raw.get("effort_fixed", 0.0)),
        action=_texts(raw, "action", where),
        action_down=_optional_texts(raw, "action_down", where),
        seen_up_to=float(raw["seen_up_to"]) if "seen_up_to" in raw else None,
        null_reads_as=float(raw["null_reads_as"]) if "null_reads_as" in raw else None,
        at_most=raw.get("at_most"),
        behaviour=raw.get("behaviour"),
    )


def _load() -> tuple[dict[str, Signal], dict[int, dict[str, str]], dict[str, dict[str, str]]]:
    raw = tomllib.loads((Path(__file__).parent / "catalogue.toml").read_text("utf-8"))
    signals = {name: _signal(name, spec) for name, spec in raw["signals"].items()}
    situations = {int(k): _texts(raw["situations"], k, "situations") for k in raw["situations"]}
    behaviours = {k: _texts(raw["behaviours"], k, "behaviours") for k in raw.get("behaviours", {})}
    for signal in signals.values():
        if signal.at_most is not None and signal.at_most not in signals:
            raise InputError("catalogue.at_most", name=signal.name, found=repr(signal.at_most))
        if signal.behaviour is not None and signal.behaviour not in behaviours:
            raise InputError("catalogue.behaviour", name=signal.name, found=repr(signal.behaviour))
    return signals, situations, behaviours


SIGNALS, SITUATIONS, BEHAVIOURS = _load()
NAMES: tuple[str, ...] = tuple(SIGNALS)


def get(name: str) -> Signal:
    """The signal called `name`, or an InputError naming the closest valid names."""
    try:
        return SIGNALS[name]
    except KeyError:
        raise unknown_signal(name) from None


def unknown_signal(name: object) -> InputError:
    """An unknown signal name, with the closest valid ones."""
    hint = unknown_signal_hint(name)
    return InputError(hint.key, **hint.values)


def unknown_signal_hint(name: object) -> Phrase:
    """ "unknown signal 'conections': did you mean 'connections'?", for messages about a column
    or a key as well as a signal."""
    close = difflib.get_close_matches(str(name), NAMES, n=3, cutoff=0.5)
    if close:
        return phrase("signal.did_you_mean", shown=shown(str(name)), close=", ".join(repr(c) for c in close))
    return phrase("signal.valid_names", shown=shown(str(name)), names=", ".join(NAMES))


def encode_row(values: Mapping[str, Value]) -> np.ndarray:
    """One profile's values as readers see them, in catalogue order, shape (n_signals,)."""
    return np.array([SIGNALS[name].encode(values[name]) for name in NAMES])


def encode_frame(frame: pd.DataFrame) -> np.ndarray:
    """Profiles (one column per signal; NaN is null) as readers see them, shape (n, n_signals)."""
    matrix = frame[list(NAMES)].astype(float).to_numpy(copy=True)
    for j, name in enumerate(NAMES):
        signal = SIGNALS[name]
        if signal.nullable:
            matrix[:, j] = np.nan_to_num(matrix[:, j], nan=signal.encode(None))
        if signal.seen_up_to is not None:
            matrix[:, j] = np.minimum(matrix[:, j], signal.seen_up_to)
    return matrix


def by_situation() -> dict[int, list[Signal]]:
    """Signals grouped by the seed's five situations, in catalogue order."""
    groups: dict[int, list[Signal]] = {k: [] for k in sorted(SITUATIONS)}
    for signal in SIGNALS.values():
        groups[signal.situation].append(signal)
    return groups
