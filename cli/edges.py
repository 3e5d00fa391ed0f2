"""What every `regards` command does at its edges: read a file, load a profile, print JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from model.errors import InputError
from model.profile import Profile, loads


def whole_argument(text: str, name: str, low: int, high: int) -> int:
    """A whole-number argument within [low, high], or an InputError naming the option."""
    try:
        value = int(text)
    except ValueError:
        raise InputError("arguments.whole_number", option=name, shown=repr(text)) from None
    if not low <= value <= high:
        raise InputError("arguments.whole_range", option=name, shown=repr(text), low=low, high=high)
    return value


def number_argument(text: str, name: str, low: float, high: float) -> float:
    """A number argument within [low, high]: inf, nan and 1e308 get a message, not a traceback."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:
        raise InputError("arguments.number_range", option=name, shown=repr(text), low=low, high=high)
    return value


def read_bytes(path: str) -> bytes:
    """The bytes of the file `path`; an InputError names the file and why it cannot be read."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise InputError("files.cannot_read", file=path, reason=error.strerror or str(error)) from None


def load_profile(path: str) -> Profile:
    """The profile in the JSON file `path`; an InputError names the file."""
    data = read_bytes(path)
    try:
        return loads(data)
    except InputError as error:
        raise InputError("files.in_file", file=path, problem=error.phrase) from None


def print_json(document: Any) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
