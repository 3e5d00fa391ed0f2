"""The signal catalogue: names, types, ranges and texts of every profile signal.

The catalogue lives in `catalogue.toml` beside this module, French and English side by side,
so a coach can read it; this module turns it into typed objects and validates values.
"""

from __future__ import annotations

import difflib
import math
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from model.errors import InputError

SignalType = Literal["count", "share", "bool", "weeks", "days"]
Value = int | float | bool | None
Lang = Literal["fr", "en"]
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

    @property
    def is_integer(self) -> bool:
        return self.type in ("count", "weeks", "days")

    def range_text(self) -> str:
        """The valid range in words, for error messages."""
        if self.type == "bool":
            return "true or false"
        high = "no upper limit" if math.isinf(self.high) else _number(self.high)
        kind = "an integer" if self.is_integer else "a number"
        text = f"{kind} from {_number(self.low)} to {high}"
        return text + (", or null" if self.nullable else "")

    def validate(self, value: Any) -> Value:
        """Return `value` checked against this signal's type and range, or raise InputError."""
        if value is None:
            if self.nullable:
                return None
            raise InputError(f"signal '{self.name}': null is not allowed; expected {self.range_text()}")
        if self.type == "bool":
            if isinstance(value, bool):
                return value
            raise InputError(f"signal '{self.name}': {value!r} is not valid; expected {self.range_text()}")
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            raise InputError(f"signal '{self.name}': {value!r} is not valid; expected {self.range_text()}")
        if self.is_integer:
            if float(value) != int(value):
                raise InputError(f"signal '{self.name}': {value!r} is not an integer; expected {self.range_text()}")
            value = int(value)
        else:
            value = float(value)
        if not self.low <= value <= self.high:
            raise InputError(f"signal '{self.name}': {value!r} is out of range; expected {self.range_text()}")
        return value

    def text(self, field: str, lang: Lang) -> str:
        """A text of this signal in `lang` (`label`, `help`, `unit`, `phrase`, `action`)."""
        return getattr(self, field)[lang]


def _number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _texts(raw: dict[str, Any], key: str, where: str) -> dict[str, str]:
    texts = raw.get(key)
    if not isinstance(texts, dict) or any(not isinstance(texts.get(lang), str) for lang in LANGS):
        raise InputError(f"catalogue: {where}.{key} needs a French and an English text (fr, en)")
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
    )


def _load() -> tuple[dict[str, Signal], dict[int, dict[str, str]]]:
    raw = tomllib.loads((Path(__file__).parent / "catalogue.toml").read_text("utf-8"))
    signals = {name: _signal(name, spec) for name, spec in raw["signals"].items()}
    situations = {int(k): _texts(raw["situations"], k, "situations") for k in raw["situations"]}
    return signals, situations


SIGNALS, SITUATIONS = _load()
NAMES: tuple[str, ...] = tuple(SIGNALS)


def get(name: str) -> Signal:
    """The signal called `name`, or an InputError naming the closest valid names."""
    try:
        return SIGNALS[name]
    except KeyError:
        raise InputError(unknown_signal_message(name)) from None


def unknown_signal_message(name: str) -> str:
    close = difflib.get_close_matches(str(name), NAMES, n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(repr(c) for c in close)}?" if close else f"valid names: {', '.join(NAMES)}"
    return f"unknown signal '{name}': {hint}"


def by_situation() -> dict[int, list[Signal]]:
    """Signals grouped by the seed's five situations, in catalogue order."""
    groups: dict[int, list[Signal]] = {k: [] for k in sorted(SITUATIONS)}
    for signal in SIGNALS.values():
        groups[signal.situation].append(signal)
    return groups
