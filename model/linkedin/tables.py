"""Lenient CSV reading for LinkedIn export files: encodings, separators, preambles, headers
matched by name, backslash-escaped quotes, and dates in the many formats seen."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Sequence

import pandas as pd

DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S UTC",
    "%Y/%m/%d %H:%M:%S UTC",
    "%Y/%m/%d %H:%M:%S",
    "%Y-%m-%d",
    "%d %b %Y",
    "%d-%b-%y",
    "%m/%d/%y, %I:%M %p",
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%y %H:%M",
    "%a %b %d %H:%M:%S UTC %Y",
    "%b %Y",
)


def as_utf8(data: bytes) -> bytes:
    """The file as UTF-8 bytes: UTF-8 (with or without BOM) as it is, UTF-16 with a BOM
    converted. Latin-1 (old Excel saves) is caught when UTF-8 fails, in `read_table`."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace").encode("utf-8")
    return data


def key(header: str) -> str:
    """Headers compared without case, spaces or underscores: "Share Commentary" ~ "ShareCommentary"."""
    return re.sub(r"[\s_]+", "", str(header)).lower()


def read_table(data: bytes, first_column: str | None = None, escaped_quotes: bool = False) -> pd.DataFrame:
    """The rows of one export file as strings, columns renamed to their `key`.

    `first_column` finds the header line under a preamble (Connections.csv starts with notes).
    """
    content = as_utf8(data)
    if first_column:
        content = content[_header_offset(content, first_column) :]
    if not content.strip():
        return pd.DataFrame()
    header = content.split(b"\n", 1)[0]
    separator = max((",", ";", "\t"), key=lambda sep: header.count(sep.encode()))
    options = {
        "sep": separator,
        "dtype": str,
        "keep_default_na": False,
        "engine": "c",
        "quoting": csv.QUOTE_MINIMAL,
        "escapechar": "\\" if escaped_quotes else None,
        "on_bad_lines": "skip",
    }
    try:
        frame = pd.read_csv(io.BytesIO(content), encoding="utf-8", **options)
    except UnicodeDecodeError:
        frame = pd.read_csv(io.BytesIO(content), encoding="latin-1", **options)
    frame.columns = [key(c) for c in frame.columns]
    return frame


def _header_offset(content: bytes, first_column: str) -> int:
    """Where the header line starts: after a preamble of notes, if any (searched, not counted)."""
    wanted = key(first_column)
    offset = 0
    for line in content.split(b"\n", 40)[:40]:
        first = re.split(rb"[,;\t]", line, maxsplit=1)[0].strip().strip(b'"')
        if key(first.decode("utf-8", errors="replace")) == wanted:
            return offset
        offset += len(line) + 1
    return 0


def column(frame: pd.DataFrame, *names: str) -> pd.Series | None:
    """The first of `names` present (header variants), as stripped strings."""
    for name in names:
        if key(name) in frame.columns:
            return frame[key(name)].str.strip()
    return None


def parse_dates(values: pd.Series, formats: Sequence[str] = DATE_FORMATS) -> tuple[pd.Series, int]:
    """Dates parsed format by format; returns (dates, how many non-empty values fit no format).

    The formats that fit a sample of the file are tried first, so a file pays for its own
    format and only its odd rows for the others.
    """
    filled = values[values != ""]
    order = _by_fit(filled.head(8), formats)
    parsed = pd.to_datetime(filled, format=order[0], errors="coerce")
    for fmt in order[1:]:
        missing = parsed.isna()
        if not missing.any():
            break
        parsed = parsed.fillna(pd.to_datetime(filled[missing], format=fmt, errors="coerce"))
    return parsed.reindex(values.index), int(parsed.isna().sum())


def _by_fit(sample: pd.Series, formats: Sequence[str]) -> list[str]:
    """Formats ordered by how many of `sample` they read (ties keep their order)."""

    def fits(fmt: str) -> int:
        count = 0
        for text in sample:
            try:
                dt.datetime.strptime(text, fmt)
                count += 1
            except ValueError:
                pass
        return count

    score = {fmt: fits(fmt) for fmt in formats}
    return sorted(formats, key=lambda fmt: -score[fmt])
