"""Learning a reader from judgements in the app: uploaded, learned in the session, said so,
departures from the textbook shown, back to the textbook in one click; bad files refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from model.judgements import generate, to_csv
from model.presets import presets
from model.reader import default_readers
from model.signals import NAMES
from ui.state import encode_signals

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def _judgements_csv(size: int, reversed_signal: str = "comments_90d") -> bytes:
    """Judgements of peers who read `reversed_signal` the other way round from the textbook peer."""
    reader = default_readers().get("peer")
    flip = np.where(np.array(NAMES) == reversed_signal, -1.0, 1.0)
    frame = generate(lambda X: (reader.contributions(X) * flip).sum(axis=1), 0.5, size, 3)
    return to_csv(frame).encode()


def _start(lang: str, **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.query_params["reader"] = "peer"
    for key, value in query.items():
        at.query_params[key] = value
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


@pytest.mark.parametrize(
    ("lang", "column", "said"),
    [
        (
            "en",
            "What works for you",
            "The share of polarising content (50%) works in your favour with a peer: so the judgements this reader learned from say.",
        ),
        (
            "fr",
            "Ce qui joue pour vous",
            "La part de contenus polémiques (50\u202f%) joue en votre faveur auprès d'un pair\u202f: c'est ce que disent les"
            " jugements dont ce lecteur a appris.",
        ),
    ],
)
def test_a_reason_the_persona_file_does_not_give_is_said_to_come_from_the_judgements(lang, column, said):
    """The textbook peer has no reason for polarising content to help (it never does for them);
    a panel that liked it taught the learned peer otherwise, and the reason says where it comes from."""
    at = _start(lang, preset="polarising_sharer", p=encode_signals(presets()["polarising_sharer"].profile.to_json()["signals"]))
    assert not any(said in m.value for m in _column(at, column).markdown)
    at.file_uploader(key="judgements_upload").set_value(
        ("panel.csv", _judgements_csv(600, "controversial_share"), "text/csv")
    ).run()
    assert not at.exception
    reasons = [m.value for m in _column(at, column).markdown]
    assert any(reason.startswith(f"- {said}") for reason in reasons), reasons


def _column(at: AppTest, title: str) -> Any:
    """The column under the subheader `title`."""
    return next(column for column in at.columns if any(h.value == title for h in column.subheader))
