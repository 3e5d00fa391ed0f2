"""Reading a LinkedIn export ZIP safely, in memory: no file is ever written.

Only the members the import uses are decompressed; the others are only listed (their names
tell a Complete archive from a Basic one). Bombs are stopped by counting the bytes actually
decompressed (never trusting the sizes the archive declares): a cap on what is read from the
whole archive and on each member's compression ratio. Only deflate and stored members are
opened, as in every LinkedIn export: `zipfile` decompresses bzip2 and LZMA with no length
bound, so such a member would land whole in memory before any cap could stop it.
"""

from __future__ import annotations

import io
import lzma
import re
import struct
import zipfile
import zlib
from collections.abc import Collection
from dataclasses import dataclass

from model.errors import InputError, Phrase, phrase

MAX_TOTAL = 64 * 1024 * 1024
"""Uncompressed bytes read from one archive at most: the files the import uses of a real
Complete export take a few MB, a few tens for the most active members."""
MAX_RATIO = 200
"""A member may expand at most this many times its compressed size (beyond `RATIO_FLOOR`)."""
RATIO_FLOOR = 1024 * 1024
MAX_ENTRIES = 5_000
"""Files in one archive at most (a Complete export holds under a hundred)."""
CHUNK = 1024 * 1024
METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
"""The compression methods LinkedIn's exports use; any other member is refused unopened."""
_READ_ERRORS = (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, zlib.error, lzma.LZMAError, struct.error, ValueError)


@dataclass(frozen=True)
class Archive:
    """The export: every member's name, and the raw bytes of the members that were read."""

    members: dict[str, tuple[str, bytes]]
    """Normalised name -> (name in the archive, bytes), for the members read."""
    names: tuple[str, ...] = ()
    """The names of every file in the archive, read or not."""
    keys: frozenset[str] = frozenset()
    """Every file's normalised name, with and without a `_<n>` suffix."""

    def get(self, name: str) -> tuple[str, bytes] | None:
        """The member called `name` (e.g. "Shares.csv"): exact name first, else a `_<n>` suffixed one."""
        key = normalise(name)
        return self.members.get(key) or next((v for k, v in self.members.items() if _unsuffixed(k) == key), None)

    def has(self, name: str) -> bool:
        """Whether the archive holds a file called `name` (suffixed or not), read or not."""
        return normalise(name) in self.keys

    def drop(self, name: str) -> None:
        """Forget the bytes of `name` once parsed (the dict is mutable even if the archive is not)."""
        for key, (original, _) in list(self.members.items()):
            if original == name:
                del self.members[key]


def normalise(name: str) -> str:
    """Case, spaces and underscores ignored: "Profile Summary.csv" ~ "profile_summary.csv"."""
    base = name.rsplit("/", 1)[-1].lower()
    return re.sub(r"[\s_]+", "", base)


def _unsuffixed(key: str) -> str:
    return re.sub(r"\d+(\.csv)$", r"\1", key)


def open_archive(data: bytes, wanted: Collection[str] | None = None) -> Archive:
    """The CSV members of the ZIP `data` named in `wanted` (all CSVs if None), read in memory within the caps."""
    wanted_keys = {normalise(n) for n in wanted} if wanted is not None else None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (*_READ_ERRORS, zipfile.LargeZipFile, OverflowError, KeyError, IndexError):
        raise InputError("linkedin.not_a_zip") from None
    members: dict[str, tuple[str, bytes]] = {}
    names: list[str] = []
    keys: set[str] = set()
    total = 0
    with archive:
        if len(archive.infolist()) > MAX_ENTRIES:
            raise _refused(phrase("linkedin.too_many_files", count=len(archive.infolist())))
        for info in archive.infolist():
            if info.is_dir():
                continue
            names.append(info.filename)
            key = normalise(info.filename)
            keys.update((key, _unsuffixed(key)))
            if not key.endswith(".csv") or (
                wanted_keys is not None and key not in wanted_keys and _unsuffixed(key) not in wanted_keys
            ):
                continue
            if info.flag_bits & 0x1:
                raise InputError("linkedin.encrypted", file=quoted(info.filename))
            if info.compress_type not in METHODS:
                # The method is a code (12 is bzip2, 14 LZMA), not an amount: written as it is.
                raise InputError("linkedin.compression_method", file=quoted(info.filename), method=str(info.compress_type))
            content = _read_member(archive, info, MAX_TOTAL - total)
            total += len(content)
            members.setdefault(key, (info.filename, content))
    return Archive(members, tuple(names), frozenset(keys))


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, room: int) -> bytes:
    limit = max(RATIO_FLOOR, info.compress_size * MAX_RATIO)
    parts: list[bytes] = []
    size = 0
    problem: InputError | None = None
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > room:
                    problem = _refused(phrase("linkedin.expands_too_much", megabytes=MAX_TOTAL // 2**20))
                    break
                if size > limit:
                    problem = _refused(phrase("linkedin.member_expands_too_much", file=quoted(info.filename), ratio=MAX_RATIO))
                    break
                parts.append(chunk)
    except _READ_ERRORS:
        raise InputError("linkedin.damaged", file=quoted(info.filename)) from None
    if problem is not None:
        raise problem
    return b"".join(parts)


def quoted(name: str) -> str:
    """An archive name as a quoted value in a message: printable, bounded, clearly quoted."""
    clean = re.sub(r"[\x00-\x1f\x7f]+", " ", name)
    return '"' + (clean if len(clean) <= 80 else clean[:77] + "…") + '"'


def _refused(reason: Phrase) -> InputError:
    """A bomb refused: `reason` says what the archive does that no export does."""
    return InputError("linkedin.refused", reason=reason)
