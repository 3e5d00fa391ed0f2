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
from model.signals import NAMES, SIGNALS, Value, unknown_signal

MAX_BYTES = 1_000_000
"""A profile is a few hundred bytes; a megabyte is refused before parsing."""


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


def from_signals(signals: dict[str, Any], as_of: dt.date | None = None) -> Profile:
    """Validate a mapping of signal values; missing signals take the population's typical value."""
    for name in signals:
        if name not in SIGNALS:
            raise unknown_signal(name)
    values = {name: SIGNALS[name].validate(value) for name, value in signals.items()}
    for name, value in values.items():
        bound = SIGNALS[name].at_most
        limit = values.get(bound) if bound is not None else None
        if bound is not None and value is not None and limit is not None and value > limit:
            signal, other = SIGNALS[name], SIGNALS[bound]
            raise InputError(
                "profile.at_most",
                label=signal.label,
                name=name,
                value=value,
                other={lang: text.lower() for lang, text in other.label.items()},
                limit=limit,
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
        raise InputError("profile.not_an_object")
    unknown_keys = sorted(str(k)[:40] for k in set(document) - {"as_of", "signals", "name", "description"})
    if unknown_keys:
        raise InputError("profile.unknown_keys", count=len(unknown_keys), keys=", ".join(unknown_keys[:5]))
    signals = document.get("signals")
    if not isinstance(signals, dict):
        raise InputError("profile.signals_not_an_object")
    return from_signals(signals, _as_of(document.get("as_of")))


def loads(text: str | bytes) -> Profile:
    """A profile from JSON text; malformed JSON is an InputError with its line and column."""
    if len(text) > MAX_BYTES:
        raise InputError("profile.too_large", size=len(text), limit=MAX_BYTES)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError("profile.not_json", line=error.lineno, column=error.colno, detail=error.msg) from None
    except UnicodeDecodeError:
        raise InputError("profile.not_utf8") from None
    except RecursionError:
        raise InputError("profile.too_deep") from None
    except ValueError:
        raise InputError("profile.too_many_digits") from None
    return from_json(document)


def _as_of(value: Any) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError("profile.as_of", shown=repr(str(value)[:40])) from None
