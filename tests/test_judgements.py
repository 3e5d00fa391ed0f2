"""Judgements: real ones read from a CSV and refused with a reason; synthetic ones reproducible."""

from __future__ import annotations

import re

import numpy as np
import pytest

from model.errors import InputError
from model.judgements import JUDGEMENTS_DIR, MAX_ROWS, file_name, generate, manifest, read_csv, to_csv
from model.profile import from_signals
from model.reader import learn
from model.reading import read
from words.errors import explain

GOOD = [
    f"{c},{'true' if i % 3 else 'false'},{'favourable' if (c > 200) ^ (i % 7 == 0) else 'unfavourable'}"
    for i, c in enumerate(range(20, 820, 20))
]


def _csv(rows: list[str], header: str = "connections,has_photo,verdict") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


@pytest.mark.parametrize("key", ["journalist", "peer", "recruiter", "recruiter/communication"])
def test_committed_judgement_sets_are_reproducible_byte_for_byte(readers, key):
    reader = readers.by_key(key)
    entry = manifest()[file_name(key)]
    assert entry["persona_sha256"] == reader.persona.digest
    frame = generate(
        lambda X: reader.intercept + reader.contributions(X).sum(axis=1),
        reader.persona.disagreement,
        entry["size"],
        entry["seed"],
    )
    assert to_csv(frame) == (JUDGEMENTS_DIR / file_name(key)).read_text("utf-8")


def test_a_handful_of_real_judgements_is_enough_and_the_reading_says_where_they_come_from(readers):
    judgements = read_csv(_csv(GOOD[:5]), "coach_panel.csv")
    assert len(judgements.verdicts) == 5
    assert "summary_words" in judgements.assumed
    reader = learn(readers.get("recruiter"), judgements)
    assert reader.basis.kind == "learned" and reader.basis.count == 5 and reader.basis.origin == "coach_panel.csv"
    from words.readings import reading_json

    document = reading_json(read(reader, from_signals({"connections": 500})), "en")
    assert document["basis"] == {"kind": "learned", "judgements": 5, "origin": "coach_panel.csv"}
    assert "Learned from 5 judgements (coach_panel.csv), starting from the textbook reader." in document["provenance"]["basis"]


@pytest.mark.parametrize(
    ("data", "key", "message"),
    [
        (
            _csv(GOOD, "conections,has_photo,verdict"),
            "judgements.unknown_columns",
            r"panel.csv: unknown column: unknown signal 'conections': did you mean 'connections'",
        ),
        (
            _csv([r.replace(",true,", ",maybe,", 1) for r in GOOD]),
            "judgements.bad_line",
            r"line 3: Profile photo \(has_photo\): 'maybe' is not valid; expected true or false",
        ),
        (
            _csv(["-5,true,favourable", *GOOD]),
            "judgements.bad_line",
            r"line 2: Connections \(connections\): -5.0 is out of range",
        ),
        (
            _csv(["inf,true,favourable", *GOOD]),
            "judgements.bad_line",
            r"line 2: Connections \(connections\): inf is not a finite number",
        ),
        (
            _csv(["1e400,true,favourable", *GOOD]),
            "judgements.bad_line",
            r"line 2: Connections \(connections\): inf is not a finite number",
        ),
        (
            _csv(["12.5,true,favourable", *GOOD]),
            "judgements.bad_line",
            r"line 2: Connections \(connections\): 12.5 is not an integer",
        ),
        (
            _csv(["1_000,true,favourable", *GOOD]),
            "judgements.bad_line",
            r"line 2: Connections \(connections\): '1_000' is not valid; expected an integer from 0 to 30,000",
        ),
        (_csv(GOOD, "connections,has_photo,opinion"), "judgements.no_verdict_column", "no 'verdict' column"),
        (
            _csv([r.replace("unfavourable", "meh") for r in GOOD]),
            "judgements.bad_verdict",
            "verdict 'meh' is not valid; expected favourable or unfavourable",
        ),
        (_csv([]), "judgements.no_judgement", "panel.csv: no judgement in the file"),
        (b"", "judgements.not_a_csv", "panel.csv: not a readable CSV"),
        (b'connections,verdict\n"300,favourable\n', "judgements.not_a_csv", "not a readable CSV"),
    ],
)
def test_bad_real_judgements_are_refused_saying_why(data, key, message):
    with pytest.raises(InputError) as caught:
        read_csv(data, "panel.csv")
    assert caught.value.key == key and caught.value.values["file"] == "panel.csv"
    assert re.search(message, explain(caught.value, "en"))


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (_csv(GOOD, "conections,has_photo,verdict"), ["colonne inconnue", "vouliez-vous dire 'connections'"]),
        (_csv([r.replace(",true,", ",maybe,", 1) for r in GOOD]), ["ligne 3", "Photo de profil", "'maybe'", "valeur invalide"]),
        (_csv([r.replace("unfavourable", "meh") for r in GOOD]), ["ligne 3", "verdict 'meh' invalide"]),
        (_csv([]), ["panel.csv\u202f: aucun jugement dans le fichier"]),
    ],
)
def test_bad_real_judgements_are_refused_in_french(data, words):
    with pytest.raises(InputError) as caught:
        read_csv(data, "panel.csv")
    text = explain(caught.value, "fr")
    assert all(word in text for word in words), text


def test_a_huge_judgements_file_is_refused_at_once_with_its_size():
    data = b"connections,verdict\n" + b"300,favourable\n" * (MAX_ROWS + 5)
    with pytest.raises(InputError) as caught:
        read_csv(data, "huge.csv")
    assert caught.value.key == "judgements.too_many_rows" and caught.value.values["limit"] == MAX_ROWS
    assert re.search(r"huge.csv: about 100,00\d rows; a judgements file holds at most 100,000", explain(caught.value, "en"))
    assert "au plus 100\u202f000" in explain(caught.value, "fr")


def test_a_large_judgements_file_reads_in_well_under_a_second():
    import time

    data = b"connections,has_photo,verdict\n" + b"300,true,favourable\n120,false,unfavourable\n" * (MAX_ROWS // 2 - 1)
    start = time.perf_counter()
    judgements = read_csv(data, "big.csv")
    assert time.perf_counter() - start < 1.5
    assert np.unique(judgements.verdicts).tolist() == [0, 1]
