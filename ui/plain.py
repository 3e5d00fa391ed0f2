"""Text that comes from outside (an archive's company names, a file's content) shown as plain
text: Streamlit renders captions and markdown, so `![x](http://…)` in a company name would make
the browser fetch an image. Every markdown character is escaped."""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$])")
_BREAKS = re.compile(r"[^\S\u00a0\u202f]+")
"""Runs of white space but the no-break spaces French typography puts before : ; ? and %."""


def plain(text: str) -> str:
    """`text` escaped so that markdown renders it exactly as it is, one line (its no-break spaces kept)."""
    return _MARKDOWN.sub(r"\\\1", _BREAKS.sub(" ", text).strip(" "))
