"""Learning a reader from judgements in the app: uploaded, learned in the session, said so,
departures from the textbook shown, back to the textbook in one click; bad files refused."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

from model.judgements import generate, to_csv
from model.reader import default_readers

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def _judgements_csv(size: int) -> bytes:
    reader = default_readers().get("peer")
    flip = np.where(np.arange(19) == 5, -1.0, 1.0)  # comments read the other way round
    frame = generate(lambda X: (reader.contributions(X) * flip).sum(axis=1), 0.5, size, 3)
    return to_csv(frame).encode()


def _start(lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.query_params["reader"] = "peer"
    return at.run()


def test_a_reader_learned_from_judgements_says_so_shows_its_departures_and_goes_back():
    at = _start("en")
    at.file_uploader(key="judgements_upload").set_value(("panel.csv", _judgements_csv(600), "text/csv")).run()
    assert not at.exception
    said = " ".join(m.value for m in at.markdown)
    assert "Learned from 600 judgements (panel.csv), starting from the textbook reader." in said
    assert any("Where the learned reader departs from the textbook" in c.value for c in at.caption)
    assert at.dataframe  # the signal-by-signal table
    at.button(key="back_to_textbook").click().run()
    assert "From the persona file personas/peer.toml" in " ".join(m.value for m in at.markdown)


def test_bad_judgements_are_refused_in_french_and_the_reader_is_unchanged():
    at = _start("fr")
    at.file_uploader(key="judgements_upload").set_value(("panel.csv", b"connections,verdict\n300,peut-etre\n", "text/csv")).run()
    assert not at.exception
    assert any("Ces jugements n'ont pas été pris en compte" in e.value and "peut-etre" in e.value for e in at.error)
    assert "D'après le fichier du lecteur personas/peer.toml" in " ".join(m.value for m in at.markdown)
