"""Learning from real judgements, toward the textbook reader."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from model.judgements import Judgements, generate
from model.profile import from_signals
from model.reader import learn
from model.reading import read
from model.signals import NAMES, encode_frame


def _judgements(reader, size: int, seed: int, flip: str | None = None) -> Judgements:
    """Judgements from a known reader: the textbook one, or with one signal's sign flipped."""
    j = NAMES.index(flip) if flip else None

    def logit(X: np.ndarray) -> np.ndarray:
        parts = reader.contributions(X)
        if j is not None:
            parts[:, j] *= -1
        return parts.sum(axis=1)

    frame = generate(logit, 0.5, size, seed)
    verdicts = (frame.pop("verdict") == "favourable").to_numpy(dtype=int)
    return Judgements(profiles=frame, verdicts=verdicts, source="test", synthetic=True)


def test_with_no_judgements_the_learned_reader_is_the_textbook_reader(readers):
    reader = readers.get("recruiter")
    empty = Judgements(
        profiles=pd.DataFrame(columns=list(NAMES)), verdicts=np.array([], dtype=int), source="none", synthetic=False
    )
    assert learn(reader, empty) is reader


def test_a_handful_of_judgements_moves_the_reader_a_little_and_says_so(readers):
    reader = readers.get("peer")
    few = learn(reader, _judgements(reader, 12, 3, flip="comments_90d"))
    assert few.basis.kind == "learned" and few.basis.count == 12
    X = encode_frame(_judgements(reader, 500, 9).profiles)
    gap = np.abs(few.contributions(X) - reader.contributions(X)).sum(axis=1)
    assert 0 < float(np.median(gap)) < 0.5


def test_many_judgements_can_overturn_the_textbook(readers):
    """No direction is forced on a learned reader: a flipped sign is learned back."""
    reader = readers.get("recruiter")
    many = learn(reader, _judgements(reader, 4000, 5, flip="summary_words"))
    grid = np.array([0.0, 150.0])
    textbook = reader.contribution("summary_words", grid)
    learned = many.contribution("summary_words", grid)
    assert np.sign(textbook[1] - textbook[0]) != np.sign(learned[1] - learned[0])


def test_a_learned_reader_gives_a_band_from_its_own_uncertainty(readers):
    reader = readers.get("journalist")
    profile = from_signals(
        {name: value for name, value in _judgements(reader, 1, 1).profiles.iloc[0].items() if not pd.isna(value)}
    )
    few = read(learn(reader, _judgements(reader, 20, 2)), profile)
    many = read(learn(reader, _judgements(reader, 2000, 2)), profile)
    width = lambda r: r.range[1] - r.range[0]  # noqa: E731
    assert width(few) > width(many) > 0


def test_one_class_of_judgements_is_enough_with_the_textbook_as_prior(readers):
    reader = readers.get("recruiter")
    all_yes = _judgements(reader, 8, 4)
    all_yes = Judgements(all_yes.profiles, np.ones(8, dtype=int), "room", False)
    learned = learn(reader, all_yes)
    assert learned.intercept > reader.intercept


@pytest.mark.parametrize("size", [40, 400])
def test_refitting_is_fast_enough_for_a_room(readers, size):
    import time

    reader = readers.get("peer")
    judgements = _judgements(reader, size, 11)
    learn(reader, judgements)
    start = time.perf_counter()
    learn(reader, judgements)
    assert time.perf_counter() - start < 0.2
