"""Where the project's data lives: beside the packages in a checkout, inside `model/` in a wheel.

A checkout keeps `personas/` and `data/` at the top of the project, where coaches find and edit
them; the wheel ships the same trees as `model/_shipped/` so an installed `regards` works from
any directory. `REGARDS_PERSONAS_DIR` points at a coach's own folder of persona files.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_SHIPPED = _PACKAGE / "_shipped"
ROOT = _SHIPPED if _SHIPPED.is_dir() else _PACKAGE.parent
DATA_DIR = ROOT / "data"
PERSONAS_DIR = Path(os.environ["REGARDS_PERSONAS_DIR"]) if os.environ.get("REGARDS_PERSONAS_DIR") else ROOT / "personas"
