"""Hostile archives: each one small, built here in code, refused or read with a message that
names the file, never a traceback, never minutes of CPU or gigabytes of memory.

Times are CPU seconds of this process (`time.process_time`), so that other work on a shared
machine does not make them fail."""

from __future__ import annotations

import io
import lzma
import re
import subprocess
import sys
import time
import zipfile

import numpy as np
import pytest

from model.errors import InputError
from model.linkedin import import_export
from model.linkedin.synthetic import Spec, files
from tests.early import Early
from words.errors import explain
from words.linkedin import notes, source


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return buffer.getvalue()


def _export(**changes: bytes) -> dict[str, bytes]:
    members = dict(files(Spec()))
    members.update({name.replace("_csv", ".csv").replace("__", " "): content for name, content in changes.items()})
    return members


def _data_offset(data: bytes, name: str) -> tuple[int, int]:
    """Where `name`'s compressed data starts in the ZIP `data`, and its compressed size."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(name)
    header = info.header_offset
    name_length, extra_length = (
        int.from_bytes(data[header + 26 : header + 28], "little"),
        int.from_bytes(data[header + 28 : header + 30], "little"),
    )
    return header + 30 + name_length + extra_length, info.compress_size


# B1 — compression methods zipfile decompresses without bound


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_bzip2_and_lzma_members_are_refused_before_any_decompression(method, monkeypatch):
    data = _zip(_export(Connections_csv=b"First Name\n" + b"0" * 2_000_000), method)
    assert len(data) < 20_000
    monkeypatch.setattr(zipfile, "_get_decompressor", lambda *a: (_ for _ in ()).throw(AssertionError("decompressed")))
    with pytest.raises(InputError) as error:
        import_export(data)
    assert error.value.key == "linkedin.compression_method"
    assert error.value.values == {"file": '"Connections.csv"', "method": str(method)}
    assert f'"Connections.csv" is compressed with method {method}; LinkedIn exports use deflate' in explain(error.value, "en")
    assert "Connections.csv" in explain(error.value, "fr") and "deflate" in explain(error.value, "fr")


def test_files_the_import_does_not_use_are_never_decompressed():
    buffer = io.BytesIO(_zip(_export()))
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_BZIP2) as zf:
        zf.writestr("messages.csv", b"CONVERSATION ID,CONTENT\n" + b"0,x\n" * 100_000)
    assert import_export(buffer.getvalue()).signals["connections"] == 400


# B2 — a few kilobytes must not pin a CPU


def test_500000_identical_header_names_are_refused_at_once():
    data = _zip(_export(Skills_csv=b"Name," * 200_000 + b"\nx\n"))
    start = time.process_time()
    with pytest.raises(InputError) as error:
        import_export(data)
    assert time.process_time() - start < 2
    assert error.value.key == "linkedin.too_many_columns" and error.value.values["count"] == 200_001
    assert '"Skills.csv" has a header of 200,001 columns' in explain(error.value, "en")
    assert '"Skills.csv" a un en-tête de 200\u202f001 colonnes' in explain(error.value, "fr")


def test_a_header_of_a_hundred_thousand_columns_is_refused():
    header = ",".join(f"c{i}" for i in range(100_000)).encode()
    with pytest.raises(InputError) as error:
        import_export(_zip(_export(Positions_csv=header + b"\n")))
    assert '"Positions.csv" has a header of 100,000 columns' in explain(error.value, "en")


def test_a_file_of_more_lines_than_any_export_is_refused():
    with pytest.raises(InputError) as error:
        import_export(_zip(_export(Skills_csv=b"Name\n" + b"x\n" * 400_001)))
    assert error.value.key == "linkedin.too_many_lines"
    assert '"Skills.csv" has more than 400,000 lines' in explain(error.value, "en")
    assert '"Skills.csv" a plus de 400\u202f000 lignes' in explain(error.value, "fr")


def test_a_dated_file_of_more_lines_than_any_export_is_refused_before_its_records_are_rebuilt():
    with pytest.raises(InputError) as error:
        import_export(_zip(_export(Reactions_csv=b"Date,Type,Link\n" + b"x\n" * 400_001)))
    assert '"Reactions.csv" has more than 400,000 lines' in explain(error.value, "en")
    assert "lignes" in explain(error.value, "fr")


def test_lines_ended_by_carriage_returns_alone_are_counted_too():
    with pytest.raises(InputError) as error:
        import_export(_zip(_export(Skills_csv=b"Name\r" + b"x\r" * 400_001)))
    assert '"Skills.csv" has more than 400,000 lines' in explain(error.value, "en")


def test_an_archive_of_thousands_of_empty_files_is_refused():
    members = {f"Export/f{i}.txt": b"" for i in range(5_001)}
    with pytest.raises(InputError) as error:
        import_export(_zip({**_export(), **members}))
    assert error.value.key == "linkedin.refused"
    assert re.search(r"it holds 5,0\d\d files, which no LinkedIn export does", explain(error.value, "en"))
    assert re.search(r"elle contient 5\u202f0\d\d fichiers, ce qu'aucun export LinkedIn ne fait", explain(error.value, "fr"))


def test_thousands_of_current_positions_and_posts_are_matched_in_linear_time():
    rng = np.random.default_rng(7)
    vocabulary = [f"mot{i}" for i in range(5_000)]
    positions = "Company Name,Title,Description,Location,Started On,Finished On\n" + "".join(
        f"Entreprise Inventée {i} | Filiale {vocabulary[i]} Groupe,Poste,,Lyon,Jan 2024,\n" for i in range(5_000)
    )
    picks = rng.integers(0, len(vocabulary), (20_000, 40))
    shares = "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n" + "".join(
        f'2026-11-{1 + i % 19:02d} 10:00:00,x,"Filiale {" ".join(vocabulary[j] for j in picks[i])} #EntrepriseInventée{i % 5_000}",,,PUBLIC\n'
        for i in range(20_000)
    )
    data = _zip(_export(Positions_csv=positions.encode(), Shares_csv=shares.encode()))
    start = time.process_time()
    result = import_export(data)
    assert time.process_time() - start < 2
    # each names "Entreprise Inventée <n>" as a hashtag (both counts stop at the catalogue's 1,000)
    assert result.signals["company_posts_90d"] == result.signals["posts_90d"] == 1_000
    assert 'Filiale mot2 Groupe" and 4,997 more in the 90 days' in source(result, "company_posts_90d", "en")
    assert 'Filiale mot2 Groupe" et 4\u202f997 autres sur les 90 jours' in source(result, "company_posts_90d", "fr")


# B3 — messages, not tracebacks


def test_a_corrupt_deflate_stream_names_the_file():
    data = bytearray(_zip(_export()))
    at, size = _data_offset(bytes(data), "Connections.csv")
    data[at : at + 16] = b"\xff" * 16
    with pytest.raises(InputError) as error:
        import_export(bytes(data))
    assert error.value.key == "linkedin.damaged" and error.value.values["file"] == '"Connections.csv"'
    assert '"Connections.csv" in the archive is damaged' in explain(error.value, "en")
    assert "endommagé" in explain(error.value, "fr")


def test_an_lzma_stream_in_a_deflate_member_names_the_file():
    data = bytearray(_zip(_export()))
    at, size = _data_offset(bytes(data), "Skills.csv")
    stream = lzma.compress(b"Name\n" + b"x\n" * 10_000)[:size].ljust(size, b"\0")
    data[at : at + size] = stream
    with pytest.raises(InputError) as error:
        import_export(bytes(data))
    assert '"Skills.csv" in the archive is damaged' in explain(error.value, "en")


def test_member_data_cut_short_with_the_central_directory_kept_names_the_file():
    members = _export()
    members["Connections.csv"] = members.pop("Connections.csv")  # the last member, just before the directory
    data = _zip(members)
    at, size = _data_offset(data, "Connections.csv")
    end = data.rfind(b"PK\x05\x06")
    directory = int.from_bytes(data[end + 16 : end + 20], "little")
    removed = directory - (at + size // 2)
    cut = bytearray(data[: at + size // 2] + data[directory:])
    end -= removed
    cut[end + 16 : end + 20] = (directory - removed).to_bytes(4, "little")
    with pytest.raises(InputError) as error:
        import_export(bytes(cut))
    assert '"Connections.csv" in the archive is damaged' in explain(error.value, "en")


@pytest.mark.parametrize(
    "name",
    [
        "Connections.csv",
        "Invitations.csv",
        "Profile.csv",
        "Positions.csv",
        "Skills.csv",
        "Recommendations_Received.csv",
        "Shares.csv",
        "Comments.csv",
        "Reactions.csv",
    ],
)
def test_an_unterminated_quote_in_any_file_names_the_file(name):
    content = files(Spec())[name].rstrip(b"\n") + b'\n"never closed,x,y\n'
    with pytest.raises(InputError) as error:
        import_export(_zip(_export(**{name.replace(".csv", "_csv"): content})))
    assert error.value.key == "linkedin.not_a_csv" and error.value.values["file"] == f'"{name}"'
    assert f'"{name}" cannot be read as a CSV file' in explain(error.value, "en")
    assert "guillemet" in explain(error.value, "fr")


# B4 — garbage is not data


def test_binary_bytes_under_a_csv_name_are_left_out_with_a_note():
    result = import_export(_zip(_export(Connections_csv=np.random.default_rng(3).bytes(20_000))))
    assert "connections" not in result.signals and "connections" in result.to_fill_in
    assert "Connections.csv" not in result.files_found
    assert any(note.startswith("Connections.csv is not a text file") for note in notes(result, "en"))
    assert any(note.startswith("Connections.csv n'est pas un fichier texte") for note in notes(result, "fr"))


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_recognised_and_read(encoding):
    plain = import_export(_zip(_export()))
    text = {name: files(Spec())[name].decode().encode(encoding) for name in ("Connections.csv", "Reactions.csv")}
    result = import_export(_zip(_export(Connections_csv=text["Connections.csv"], Reactions_csv=text["Reactions.csv"])))
    assert result.signals["connections"] == 400
    assert result.signals["reactions_90d"] == plain.signals["reactions_90d"] > 0


def test_dates_before_linkedin_or_after_tomorrow_are_left_out_and_said():
    reactions = files(Spec())["Reactions.csv"] + b"9999-12-31 10:00:00,LIKE,x\n1990-01-01 10:00:00,LIKE,y\n"
    plain = import_export(_zip(_export()))
    result = import_export(_zip(_export(Reactions_csv=reactions)))
    assert result.as_of == Spec().as_of
    assert result.signals["reactions_90d"] == plain.signals["reactions_90d"]
    assert (
        "Reactions.csv: 2 dates before 2003 (LinkedIn's launch) or after tomorrow were left out; they cannot be real activity."
        in notes(result, "en")
    )
    assert (
        "Reactions.csv\u202f: 2 dates antérieures à 2003 (lancement de LinkedIn) ou postérieures à demain ont été écartées\u202f;"
        " ce ne peut être une activité réelle." in notes(result, "fr")
    )


# B6 — memory


PEAK = """
import io, resource, sys, zipfile
from model.linkedin import import_export
from model.linkedin.synthetic import Spec, files
from words.errors import explain
members = dict(files(Spec()))
members["Reactions.csv"] = b"Date,Type,Link\\n" + b"".join(
    b"2026-11-%02d 10:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:%012d\\n" % (1 + i % 19, i)
    for i in range(390_000)
)
members["Comments.csv"] = b"Date,Link,Message\\n" + b"".join(
    (b'2026-11-%02d 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:%012d,"Un commentaire invent\\xc3\\xa9, assez long pour peser %d"\\n'
    if i % 3 else b"2026-11-%02d 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:%012d,Sur deux lignes\\nsans virgule %d\\n")
    % (1 + i % 19, i, i)
    for i in range(150_000)
)
print(sum(len(v) for v in members.values()) // 2**20, file=sys.stderr)
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
    for name, content in members.items():
        zf.writestr(name, content)
del members
result = import_export(buffer.getvalue())
assert result.counts["Reactions.csv"] == 390_000 and result.counts["Comments.csv"] == 150_000, result.counts
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


PEAKED = Early(lambda: subprocess.run([sys.executable, "-c", PEAK], capture_output=True, text=True, timeout=120, check=False))


@pytest.mark.early(PEAKED)
def test_a_large_but_legal_archive_peaks_under_a_gibibyte():
    """Near the caps, with unquoted multi-line comments, so that their records are rebuilt too.

    The goal is the issue's: under 1 GiB. Alone it peaks at about 350-400 MiB; with the rest of
    the suite running beside it, up to about 620 MiB was seen (allocator arenas under load)."""
    done = PEAKED.result()
    assert done.returncode == 0, done.stderr[-2000:]
    megabytes_read = int(done.stderr.strip().splitlines()[-1])
    peak = int(done.stdout.strip()) * 1024
    assert megabytes_read >= 50
    assert peak < 2**30, f"peak {peak / 2**20:.0f} MiB"
