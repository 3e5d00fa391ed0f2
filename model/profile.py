"""A person's profile: validated signal values, with the missing ones assumed and said so."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from model.errors import InputError
from model.population import population
from model.signals import NAMES, SIGNALS, Value, unknown_signal_message


@dataclass(frozen=True)
class Profile:
    """Every catalogue signal has a value; `assumed` lists those taken from the population."""

    values: dict[str, Value]
    assumed: tuple[str, ...] = ()
    as_of: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        """The profile as the JSON a person saves and loads back (assumed values left out)."""
        return {
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "signals": {name: self.values[name] for name in NAMES if name not in self.assumed},
        }

    def with_values(self, changes: dict[str, Value]) -> Profile:
        """A copy with `changes` applied (each validated); changed signals are no longer assumed."""
        checked = {name: SIGNALS[name].validate(value) for name, value in changes.items()}
        values = {**self.values, **checked}
        assumed = tuple(name for name in self.assumed if name not in checked)
        return Profile(values=values, assumed=assumed, as_of=self.as_of)


def typical_profile() -> Profile:
    """The population's typical profile, every signal assumed."""
    return Profile(values=dict(population().typical), assumed=NAMES)


def from_signals(signals: dict[str, Any], as_of: dt.date | None = None) -> Profile:
    """Validate a mapping of signal values; missing signals take the population's typical value."""
    for name in signals:
        if name not in SIGNALS:
            raise InputError(unknown_signal_message(name))
    values = {name: SIGNALS[name].validate(value) for name, value in signals.items()}
    if (
        values.get("press_contacts") is not None
        and values.get("connections") is not None
        and values["press_contacts"] > values["connections"]
    ):
        raise InputError(
            f"signal 'press_contacts': {values['press_contacts']} press contacts cannot exceed "
            f"the {values['connections']} connections they are part of"
        )
    typical = population().typical
    assumed = tuple(name for name in NAMES if name not in values)
    complete = {name: values[name] if name in values else typical[name] for name in NAMES}
    return Profile(values=complete, assumed=assumed, as_of=as_of)


def from_row(row: Mapping[str, Any], as_of: dt.date | None = None) -> Profile:
    """A profile from a table row (a population or judgements row): NaN days mean never active."""
    values: dict[str, Any] = {}
    for name in NAMES:
        value = row[name]
        signal = SIGNALS[name]
        if value is None or (isinstance(value, float) and math.isnan(value)):
            values[name] = None
        elif signal.type == "bool":
            values[name] = bool(value)
        elif signal.is_integer:
            values[name] = int(value)
        else:
            values[name] = float(value)
    return from_signals(values, as_of)


def from_json(document: Any) -> Profile:
    """A profile from its JSON object `{"as_of": "YYYY-MM-DD", "signals": {...}}`; a preset's
    `name` and `description` may ride along and are not part of the profile."""
    if not isinstance(document, dict):
        raise InputError('profile: expected a JSON object like {"as_of": "YYYY-MM-DD", "signals": {...}}')
    unknown_keys = sorted(set(document) - {"as_of", "signals", "name", "description"})
    if unknown_keys:
        raise InputError(
            f"profile: unknown key(s) {', '.join(unknown_keys)}; expected 'as_of' and 'signals' (and optional 'name', 'description')"
        )
    signals = document.get("signals")
    if not isinstance(signals, dict):
        raise InputError("profile: 'signals' must be an object mapping signal names to values")
    return from_signals(signals, _as_of(document.get("as_of")))


def loads(text: str | bytes) -> Profile:
    """A profile from JSON text; malformed JSON is an InputError with its line and column."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"profile: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
    except UnicodeDecodeError:
        raise InputError("profile: not valid JSON (the file is not UTF-8 text)") from None
    return from_json(document)


def _as_of(value: Any) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"profile: 'as_of' is {value!r}; expected a date as YYYY-MM-DD") from None
