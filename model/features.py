"""Signal values as the numbers the reading model sees.

Booleans read as 0/1. For `days_since_last_activity`, two years of silence reads like never
having been active: values are capped at `DAYS_CAP`, and null (never active) encodes as the cap.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from model.signals import NAMES, Value

DAYS_CAP = 730.0


def encode_value(name: str, value: Value) -> float:
    if name == "days_since_last_activity":
        return DAYS_CAP if value is None else min(float(value), DAYS_CAP)
    return float(value)


def encode(values: Mapping[str, Value]) -> np.ndarray:
    """One profile's values as a row of shape (1, n_signals), in catalogue order."""
    return np.array([[encode_value(name, values[name]) for name in NAMES]])


def encode_frame(frame: pd.DataFrame) -> np.ndarray:
    """Profiles (one column per signal, NaN days = never active) as a float matrix."""
    matrix = frame[list(NAMES)].astype(float).to_numpy(copy=True)
    days = NAMES.index("days_since_last_activity")
    matrix[:, days] = np.minimum(np.nan_to_num(matrix[:, days], nan=DAYS_CAP), DAYS_CAP)
    return matrix
