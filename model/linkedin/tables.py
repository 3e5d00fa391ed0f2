"""Lenient CSV reading for LinkedIn export files: encodings, separators, preambles, headers
matched by name, backslash-escaped quotes, unquoted multi-line fields, and dates in the many
formats seen. What is not an export file (binary bytes, a header of thousands of columns, a
file of millions of lines, an unterminated quote) is recognised and said, never read as data.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from model.errors import InputError

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
MAX_COLUMNS = 64
"""Columns in a header at most (the widest real export file has 13)."""
MAX_LINES = 400_000
"""Lines (records) in one file at most (LinkedIn caps connections at 30,000; a decade of
reactions is far fewer). pandas stops reading one record beyond; text rebuilt from unquoted
multi-line records is counted line by line before it is read."""
SAMPLE = 4096
_TEXT_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in b"\t\n\r\x0c")
DateReader = Callable[[pd.Series], pd.Series]


class NotText(Exception):
    """The file's bytes are not text (binary data under a CSV name)."""


@dataclass(frozen=True)
class Table:
    """One export file read: its records, and for a dated file its dates (NaT where a
    non-empty value fits no format) with how many did not read."""

    frame: pd.DataFrame
    dates: pd.Series | None = None
    unreadable: int = 0


def as_utf8(data: bytes) -> bytes:
    """The file as UTF-8 bytes: UTF-8 (with or without BOM) as it is, UTF-16 with a BOM or
    recognised by its NUL pattern converted. Latin-1 (old Excel saves) is caught when UTF-8
    fails, in `read_table`. Raises `NotText` for binary bytes."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace").encode("utf-8")
    sample = data[:SAMPLE]
    if b"\x00" in sample:
        half = max(len(sample) // 2, 1)
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd >= 0.3 * half and even <= 0.02 * half:
            return data.decode("utf-16-le", errors="replace").encode("utf-8")
        if even >= 0.3 * half and odd <= 0.02 * half:
            return data.decode("utf-16-be", errors="replace").encode("utf-8")
        raise NotText
    if len(sample.translate(None, _TEXT_BYTES)) > 0.01 * len(sample):
        raise NotText
    return data


def key(header: str) -> str:
    """Headers compared without case, spaces or underscores: "Share Commentary" ~ "ShareCommentary"."""
    return re.sub(r"[\s_]+", "", str(header)).lower()


def read_table(
    data: bytes,
    name: str,
    first_column: str | None = None,
    escaped_quotes: bool = False,
    columns: Collection[str] | None = None,
    dated: tuple[str, DateReader] | None = None,
    nrows: int | None = None,
) -> Table:
    """The records of one export file as strings, columns renamed to their `key`.

    `first_column` finds the header line under a preamble (Connections.csv starts with notes).
    `columns`: the only columns kept (by `key`; the first column is always kept, so records
    are counted even when no header is recognised). `dated`: a column and how to read its
    dates; a line whose date cannot be read and that is too short to be a record continues
    the record above it (LinkedIn leaves multi-line text unquoted when it holds no comma).
    `name` is the file as a message shows it (`quoted`). Raises `NotText` for binary bytes,
    `InputError` naming `name` for what cannot be a CSV.
    """
    content = as_utf8(data)
    if first_column:
        content = content[_header_offset(content, first_column) :]
    if not content or content.isspace():
        return Table(pd.DataFrame())
    end = re.search(rb"[\r\n]", content)
    header = content[: end.start() if end else len(content)]
    separator = max((",", ";", "\t"), key=lambda sep: header.count(sep.encode()))
    width = header.count(separator.encode()) + 1
    if width > MAX_COLUMNS:
        raise InputError("linkedin.too_many_columns", file=name, count=width, limit=MAX_COLUMNS)
    try:
        names = _header_names(header, separator)
    except csv.Error:
        raise _unreadable(name) from None
    keep = None if columns is None else [i for i, h in enumerate(names) if i == 0 or key(h) in {key(c) for c in columns}]
    options = {
        "sep": separator,
        "dtype": str,
        "keep_default_na": False,
        "engine": "c",
        "quoting": csv.QUOTE_MINIMAL,
        "escapechar": "\\" if escaped_quotes else None,
        "on_bad_lines": "skip",
        "usecols": keep,
        "nrows": min(nrows, MAX_LINES + 1) if nrows else MAX_LINES + 1,
    }
    frame, encoding = _parse(content, options, name)
    if dated is None or key(dated[0]) not in frame.columns:
        return Table(frame)
    values = frame[key(dated[0])].str.strip()
    # A value that cannot even begin a date is a continuation line: rebuild before parsing.
    cut = dated[1] is dates_of and bool(((values != "") & ~values.str.match(_DATE_START)).any())
    dates = None if cut else dated[1](values)
    if dates is None or (dates.isna() & (values != "")).any():
        at = [key(h) for h in names].index(key(dated[0]))
        joined = _join_continuations(content, separator, escaped_quotes, len(names), at, dated[1], encoding)
        if joined is not None:
            frame, _ = _parse(joined, {**options, "encoding": encoding}, name)
            for column_name in frame.columns:
                frame[column_name] = frame[column_name].str.replace(_JOIN, "\n", regex=False)
            values = frame[key(dated[0])].str.strip()
        dates = dated[1](values)
    return Table(frame, dates, int((dates.isna() & (values != "")).sum()))


def _parse(content: bytes, options: dict[str, object], name: str) -> tuple[pd.DataFrame, str]:
    """pandas' C reader over `content` (UTF-8, else Latin-1), columns renamed to their `key`."""
    encodings = [str(options.pop("encoding"))] if "encoding" in options else ["utf-8", "latin-1"]
    for encoding in encodings:
        try:
            frame = pd.read_csv(io.BytesIO(content), encoding=encoding, **options)  # type: ignore[call-overload]
            break
        except UnicodeDecodeError:
            if encoding == encodings[-1]:
                raise _unreadable(name) from None
        except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error, ValueError, OverflowError, IndexError):
            raise _unreadable(name) from None
    if len(frame) > MAX_LINES:
        raise _too_long(name)
    frame.columns = [key(c) for c in frame.columns]
    return frame, encoding


def _too_long(name: str) -> InputError:
    return InputError("linkedin.too_many_lines", file=name, limit=MAX_LINES)


def _unreadable(name: str) -> InputError:
    return InputError("linkedin.not_a_csv", file=name)


def _header_names(header: bytes, separator: str) -> list[str]:
    text = header.decode("utf-8", errors="replace").rstrip("\r")
    return next(csv.reader([text], delimiter=separator), [])


_JOIN = "\x1f"
"""What replaces the line break before a continuation line, so that pandas reads the record
whole; turned back into a line break once read."""


def _join_continuations(
    content: bytes, separator: str, escaped_quotes: bool, width: int, at: int, reader: DateReader, encoding: str
) -> bytes | None:
    """`content` with each line that continues the record above (unquoted multi-line text)
    joined to it, or None if no line does. A line starts a record if it has all the header's
    fields or if its field `at` reads as a date. Quotes are followed with numpy over the whole
    file at once: a line break or separator is inside a quoted field when an odd number of
    quotes precede it."""
    if (
        content.count(b"\n") > MAX_LINES
        or content.count(separator.encode()) > 4 * MAX_LINES
        or content.count(b'"') > 8 * MAX_LINES
    ):
        return None  # more than any export: not rebuilt, its odd lines are reported as undated
    data = np.frombuffer(content, dtype=np.uint8)
    quotes = np.flatnonzero(data == ord('"'))
    if escaped_quotes and len(quotes):
        quotes = quotes[(quotes == 0) | (data[np.maximum(quotes - 1, 0)] != ord("\\"))]
    breaks = np.flatnonzero(data == ord("\n"))
    breaks = breaks[np.searchsorted(quotes, breaks) % 2 == 0]
    separators = np.flatnonzero(data == ord(separator))
    separators = separators[np.searchsorted(quotes, separators) % 2 == 0]
    ends = np.append(breaks, len(data)) if not len(breaks) or breaks[-1] != len(data) - 1 else breaks
    starts = np.concatenate(([0], ends[:-1] + 1))
    fields = np.diff(np.concatenate(([0], np.searchsorted(separators, ends)))) + 1
    short = np.flatnonzero(fields < width)
    short = short[short > 0]
    if not len(short):
        return None
    firsts = pd.Series(
        [_field(content[starts[i] : ends[i]].decode(encoding, errors="replace"), at, separator) for i in short], dtype=str
    )
    continuing = short[reader(firsts).isna().to_numpy()]
    if not len(continuing):
        return None
    joined = data.copy()
    before = ends[continuing - 1]
    joined[before] = ord(_JOIN)
    carriage = before[(before > 0) & (data[np.maximum(before - 1, 0)] == ord("\r"))] - 1
    joined[carriage] = ord(_JOIN)
    return joined.tobytes()


def _field(line: str, at: int, separator: str) -> str:
    """Field `at` of one line, stripped ("" if the line is shorter)."""
    try:
        row = line.rstrip("\r").split(separator) if '"' not in line else next(csv.reader([line], delimiter=separator), [])
    except csv.Error:
        return ""
    return row[at].strip() if len(row) > at else ""


def _header_offset(content: bytes, first_column: str) -> int:
    """Where the header line starts: after a preamble of notes, if any (searched, not counted)."""
    wanted = key(first_column)
    offset = 0
    for line in content[: 64 * 1024].split(b"\n", 40)[:40]:
        first = re.split(rb"[,;\t]", line, maxsplit=1)[0].strip().strip(b'"')
        if key(first.decode("utf-8", errors="replace")) == wanted:
            return offset
        offset += len(line) + 1
    return 0


def column(frame: pd.DataFrame, *names: str, strip: bool = True) -> pd.Series | None:
    """The first of `names` present (header variants), as stripped strings (as they are if not `strip`)."""
    for name in names:
        if key(name) in frame.columns:
            values = frame[key(name)]
            return values.str.strip() if strip else values
    return None


_DATE_START = r"[0-9]|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
"""How every value of `DATE_FORMATS` begins: text that does not is no date, without trying
them (a plain pattern string, so that pandas runs it in Arrow, not value by value)."""


DAY_PARTS: dict[str, tuple[int | str, str]] = {
    "%Y-%m-%d %H:%M:%S": (10, "%Y-%m-%d"),
    "%Y-%m-%d %H:%M:%S UTC": (10, "%Y-%m-%d"),
    "%Y/%m/%d %H:%M:%S UTC": (10, "%Y/%m/%d"),
    "%Y/%m/%d %H:%M:%S": (10, "%Y/%m/%d"),
    "%m/%d/%y, %I:%M %p": (",", "%m/%d/%y"),
    "%m/%d/%Y, %I:%M %p": (",", "%m/%d/%Y"),
}
"""For the formats of timestamps, where the day ends (a length or a separator) and its format:
only the day is read (counts are in calendar days, the time of day is never used), and each
distinct day once."""


def parse_dates(values: pd.Series, formats: Sequence[str] = DATE_FORMATS) -> tuple[pd.Series, int]:
    """Dates parsed format by format; returns (dates, how many non-empty values fit no format).

    The formats that fit a sample of the file are tried first, so a file pays for its own
    format and only its odd rows for the others. With a timestamp format, only the day is
    read, once per distinct day (`DAY_PARTS`).
    """
    filled = values[values != ""]
    candidates = filled[filled.str.match(_DATE_START)] if len(filled) else filled
    if candidates.empty:
        return pd.Series(pd.NaT, index=values.index, dtype="datetime64[us]"), len(filled)
    order = _by_fit(candidates.head(8), formats)
    day = DAY_PARTS.get(order[0])
    if day is None:
        parsed = pd.to_datetime(candidates, format=order[0], errors="coerce")
    else:
        end, day_format = day
        days = candidates.str.slice(0, end) if isinstance(end, int) else candidates.str.split(end, n=1).str[0]
        codes, uniques = pd.factorize(days)
        read = pd.to_datetime(pd.Series(uniques, dtype=str), format=day_format, errors="coerce").to_numpy()
        parsed = pd.Series(read[codes], index=candidates.index)
    for fmt in order[1:]:
        missing = parsed.isna()
        if not missing.any():
            break
        parsed = parsed.fillna(pd.to_datetime(candidates[missing], format=fmt, errors="coerce"))
    return parsed.reindex(values.index), len(filled) - int(parsed.notna().sum())


def dates_of(values: pd.Series) -> pd.Series:
    """`parse_dates` without the count, as a `DateReader`."""
    return parse_dates(values)[0]


SENTENCE = re.compile(r"\bon ([A-Z][a-z]+\.? \d{1,2}, \d{4})")


def sentence_dates(values: pd.Series) -> pd.Series:
    """Dates in Rich_Media.csv's sentences: "You uploaded a feed photo on March 3, 2025 at 9:15 AM (GMT)"."""
    found = values.str.extract(SENTENCE, expand=False).fillna("").str.replace(".", "", regex=False)
    parsed = pd.to_datetime(found, format="%B %d, %Y", errors="coerce")
    missing = parsed.isna() & (found != "")
    if missing.any():
        parsed = parsed.fillna(pd.to_datetime(found[missing], format="%b %d, %Y", errors="coerce"))
    return parsed


def _by_fit(sample: pd.Series, formats: Sequence[str]) -> list[str]:
    """Formats ordered by how many of `sample` they read (ties keep their order); the first
    format that reads the whole sample is taken at once."""
    texts = list(sample)

    def fits(fmt: str) -> int:
        count = 0
        for text in texts:
            try:
                dt.datetime.strptime(text, fmt)
                count += 1
            except ValueError:
                pass
        return count

    score: dict[str, int] = {}
    for fmt in formats:
        score[fmt] = fits(fmt)
        if score[fmt] == len(texts):
            return [fmt, *(f for f in formats if f != fmt)]
    return sorted(formats, key=lambda fmt: -score[fmt])
