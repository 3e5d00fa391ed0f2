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
    seen_up_to: float | None = None
    null_reads_as: float | None = None
    at_most: str | None = None
    behaviour: str | None = None

    @property
    def is_integer(self) -> bool:
        return self.type in ("count", "weeks", "days")

    def range_text(self, lang: Lang = "en") -> str:
        """The valid range in words, for error messages."""
        fr = lang == "fr"
        if self.type == "bool":
            return "vrai ou faux" if fr else "true or false"
        kinds = {(True, True): "un entier", (True, False): "an integer", (False, True): "un nombre", (False, False): "a number"}
        kind = kinds[(self.is_integer, fr)]
        text = (
            f"{kind} de {_number(self.low, lang)} à {_number(self.high, lang)}"
            if fr
            else f"{kind} from {_number(self.low, lang)} to {_number(self.high, lang)}"
        )
        if self.nullable:
            text += ", ou vide (jamais)" if fr else ", or null (never)"
        return text

    def validate(self, value: Any) -> Value:
        """Return `value` checked against this signal's type and range, or raise InputError.

        Never raises anything else: huge integers, infinities and NaN are refused with a message.
        """
        if isinstance(value, np.generic):
            value = value.item()
        if value is None:
            if self.nullable:
                return None
            raise self._invalid(value, "null is not allowed", "la valeur vide n'est pas permise")
        if self.type == "bool":
            if isinstance(value, bool):
                return value
            raise self._invalid(value, "not valid", "valeur invalide")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._invalid(value, "not valid", "valeur invalide")
        if isinstance(value, float) and not math.isfinite(value):
            raise self._invalid(value, "not a finite number", "pas un nombre fini")
        if not self.low <= value <= self.high:
            raise self._invalid(value, "out of range", "hors limites")
        if self.is_integer:
            if isinstance(value, float) and not value.is_integer():
                raise self._invalid(value, "not an integer", "pas un entier")
            return int(value)
        return float(value)

    def _invalid(self, value: Any, en: str, fr: str) -> InputError:
        shown = _shown(value)
        return InputError(
            f"{self.label['en']} ({self.name}): {shown} is {en}; expected {self.range_text('en')}",
            fr=f"{self.label['fr']} ({self.name}) : {shown} : {fr} ; attendu {self.range_text('fr')}",
        )

    def encode(self, value: Value) -> float:
        """The value as readers see it: booleans as 0/1, capped where readers stop seeing more,
        null as what it reads like."""
        if value is None:
            return float(self.null_reads_as if self.null_reads_as is not None else self.low)
        number = float(value)
        return min(number, self.seen_up_to) if self.seen_up_to is not None else number


def _number(x: float, lang: Lang = "en") -> str:
    text = f"{int(x):,}" if float(x).is_integer() else str(x)
    return text.replace(",", "\u202f") if lang == "fr" else text


def _shown(value: Any) -> str:
    """A value quoted in a message: short, on one line, whatever was given."""
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**15 else f"an integer of {len(str(abs(value)))} digits"
    text = text.replace("\n", " ").replace("\r", " ")
    return text if len(text) <= 40 else text[:37] + "…"


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
            raise InputError(f"catalogue: signals.{signal.name}.at_most names no signal ({signal.at_most!r})")
        if signal.behaviour is not None and signal.behaviour not in behaviours:
            raise InputError(f"catalogue: signals.{signal.name}.behaviour is not in [behaviours] ({signal.behaviour!r})")
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
    """An unknown signal name, with the closest valid ones, in both languages."""
    return InputError(unknown_signal_message(name, "en"), fr=unknown_signal_message(name, "fr"))


def unknown_signal_message(name: object, lang: Lang = "en") -> str:
    shown = _shown(str(name))
    close = difflib.get_close_matches(str(name), NAMES, n=3, cutoff=0.5)
    if lang == "fr":
        hint = f"vouliez-vous dire {', '.join(repr(c) for c in close)} ?" if close else f"noms valides : {', '.join(NAMES)}"
        return f"signal inconnu {shown} : {hint}"
    hint = f"did you mean {', '.join(repr(c) for c in close)}?" if close else f"valid names: {', '.join(NAMES)}"
    return f"unknown signal {shown}: {hint}"


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
