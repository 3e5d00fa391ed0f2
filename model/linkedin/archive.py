"""Reading a LinkedIn export ZIP safely, in memory: no file is ever written.

Bombs are stopped by counting the bytes actually decompressed (never trusting the sizes the
archive declares): a cap on the whole archive and on each member's compression ratio.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from model.errors import InputError

MAX_TOTAL = 300 * 1024 * 1024
"""Uncompressed bytes read from one archive at most (a real Complete export is far smaller)."""
MAX_RATIO = 200
"""A member may expand at most this many times its compressed size (beyond `RATIO_FLOOR`)."""
RATIO_FLOOR = 1024 * 1024
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Archive:
    """The CSV members of an export, by normalised name, with their raw bytes."""

    members: dict[str, tuple[str, bytes]]

    def get(self, name: str) -> tuple[str, bytes] | None:
        """The member called `name` (e.g. "Shares.csv"): exact name first, else a `_<n>` suffixed one."""
        key = normalise(name)
        return self.members.get(key) or next((v for k, v in self.members.items() if _unsuffixed(k) == key), None)


def normalise(name: str) -> str:
    """Case, spaces and underscores ignored: "Profile Summary.csv" ~ "profile_summary.csv"."""
    base = name.rsplit("/", 1)[-1].lower()
    return re.sub(r"[\s_]+", "", base)


def _unsuffixed(key: str) -> str:
    return re.sub(r"\d+(\.csv)$", r"\1", key)


def open_archive(data: bytes) -> Archive:
    """Every CSV member of the ZIP `data`, read in memory within the caps."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise InputError(
            "this file is not a ZIP archive: download your data from LinkedIn (Settings › Data privacy › Get a copy of your data) and load the ZIP as it is",
            fr="ce fichier n'est pas une archive ZIP : téléchargez vos données depuis LinkedIn (Préférences › Confidentialité des données › Obtenir une copie de vos données) et chargez le ZIP tel quel",
        ) from None
    members: dict[str, tuple[str, bytes]] = {}
    total = 0
    with archive:
        for info in archive.infolist():
            if info.is_dir() or not info.filename.lower().endswith(".csv"):
                continue
            if info.flag_bits & 0x1:
                raise InputError(
                    f"the archive is encrypted ({info.filename}): load the ZIP exactly as LinkedIn delivered it, without a password",
                    fr=f"l'archive est chiffrée ({info.filename}) : chargez le ZIP tel que LinkedIn l'a fourni, sans mot de passe",
                )
            content = _read_member(archive, info, MAX_TOTAL - total)
            total += len(content)
            members.setdefault(normalise(info.filename), (info.filename, content))
    return Archive(members)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, room: int) -> bytes:
    limit = max(RATIO_FLOOR, info.compress_size * MAX_RATIO)
    parts, size = [], 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > room:
                    raise _bomb(
                        f"it expands to more than {MAX_TOTAL // 2**20} MB",
                        f"elle dépasse {MAX_TOTAL // 2**20} Mo une fois décompressée",
                    )
                if size > limit:
                    raise _bomb(
                        f"{info.filename} expands more than {MAX_RATIO} times",
                        f"{info.filename} grossit plus de {MAX_RATIO} fois",
                    )
                parts.append(chunk)
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as error:
        raise InputError(
            f"{info.filename} in the archive is damaged: {error}", fr=f"{info.filename} est endommagé dans l'archive : {error}"
        ) from None
    return b"".join(parts)


def _bomb(en: str, fr: str) -> InputError:
    return InputError(
        f"the archive was refused: {en}, which no LinkedIn export does",
        fr=f"l'archive est refusée : {fr}, ce qu'aucun export LinkedIn ne fait",
    )
