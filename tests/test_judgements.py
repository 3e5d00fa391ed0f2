from __future__ import annotations

import pytest

from model.errors import InputError
from model.judgements import JUDGEMENTS_DIR, file_name, generate, manifest, read_csv, to_csv
from model.persona import load_personas
from model.reader import fit
from model.reading import read

from .conftest import profile


def _pairs():
    personas, _ = load_personas()
    return [(p, c) for p in personas.values() for c in [None, *p.contexts]]


@pytest.mark.parametrize(("persona", "context"), _pairs(), ids=lambda x: getattr(x, "id", x))
def test_committed_judgement_sets_are_reproducible_byte_for_byte(persona, context):
    entry = manifest()[file_name(persona.id, context)]
    assert entry["persona_sha256"] == persona.digest, "persona file changed: run `regards judgements generate`"
    regenerated = to_csv(generate(persona, context, int(entry["size"]), int(entry["seed"])))
    assert regenerated.encode("utf-8") == (JUDGEMENTS_DIR / file_name(persona.id, context)).read_bytes()


def test_another_seed_gives_other_judgements():
    personas, _ = load_personas()
    assert to_csv(generate(personas["peer"], None, 100, 1)) != to_csv(generate(personas["peer"], None, 100, 2))


def _csv(rows: list[str], header: str = "connections,has_photo,verdict") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


GOOD = [f"{40 + 30 * i},{'true' if i % 3 else 'false'},{'favourable' if i % 2 else 'unfavourable'}" for i in range(40)]


def test_real_judgements_are_learnt_and_said_to_be_real(readers):
    judgements = read_csv(_csv(GOOD), "coach_panel.csv")
    assert judgements.assumed and "summary_words" in judgements.assumed
    reader = fit(readers.get("recruiter").persona, None, judgements)
    reading = read(reader, profile(connections=500))
    assert reading.provenance["judgements"] == "real"
    assert reading.provenance["judgements_source"] == "coach_panel.csv"
    assert reading.provenance["judgements_count"] == 40


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            _csv(GOOD, "conections,has_photo,verdict"),
            r"unknown column\(s\): unknown signal 'conections': did you mean 'connections'",
        ),
        (
            _csv([r.replace(",true,", ",maybe,") for r in GOOD]),
            r"line 3: signal 'has_photo': 'maybe' is not valid; expected true or false",
        ),
        (_csv(["-5,true,favourable", *GOOD]), r"line 2: signal 'connections': -5 is out of range"),
        (_csv([r.rsplit(",", 1)[0] + ",favourable" for r in GOOD]), "every verdict is 'favourable'"),
        (_csv(GOOD[:29]), "29 judgements; at least 30 are needed"),
        (_csv(GOOD, "connections,has_photo,opinion"), "no 'verdict' column"),
        (_csv([r.replace("unfavourable", "meh") for r in GOOD]), "verdict 'meh' is not valid"),
        (b"", "not a readable CSV"),
    ],
)
def test_bad_real_judgements_are_refused_saying_why(data, message):
    with pytest.raises(InputError, match=message):
        read_csv(data, "panel.csv")
