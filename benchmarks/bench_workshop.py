"""The workshop's figures: votes needed to recover a room's reader (our design against random
profiles), the room's refit, the projector's refresh.

    .venv/bin/python -m benchmarks.bench_workshop [--quick]

- **Recovering a room's reader.** A simulated room whose true reader is *not* the textbook (the
  engine benchmark's truth: the textbook with the weights of the About section and the photo
  doubled, of connections and on-topic content halved, and of active weeks flipped); each
  participant judges every profile with the persona's logistic noise (individuals disagree),
  participant after participant. After each participant the room's reader is refit
  (`model.workshop.room.room`, the textbook as prior) and its shape error measured: the mean
  absolute gap between learned and true contributions over 3,000 members, both centred (as in
  bench_engine). The target is to close a quarter of the textbook's own gap to the truth (a dozen
  profiles cannot tell 19 signals apart much further, whatever the room's size). Ours: the
  profiles `model.workshop.design.choose` picks; baseline: as many members drawn at random
  (a new draw per room). Same rooms, same noise draws for both.
- **Refit after a vote**: the room's reader from 400 votes (votes → judgements → learn), median
  of 50, beside `learn` alone on the same judgements (the floor). Goal <= 20 ms.
- **Projector refresh**: the fragment that reruns every 2 s (`_counts`: the store's counts, two
  metrics, a caption and a bar chart) through AppTest on a SQLite store holding 60 participants ×
  12 votes, beside a hello-world app's rerun (the floor). Goal p95 <= 100 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

import numpy as np

from benchmarks.bench_engine import CHANGES, _shape_error, truth
from benchmarks.table import markdown, timing_row
from model.population import population
from model.reader import default_readers, learn
from model.signals import encode_frame
from model.workshop.design import at_random, choose
from model.workshop.room import judgements, profile_texts, room, session_profiles
from model.workshop.store import Session, Vote

READERS = ("recruiter/communication", "recruiter")
PROFILES = 12
PROFILE_COUNTS = (12, 24)
PARTICIPANTS = 40
ROOMS = 12
TARGET = 0.75  # close a quarter of the textbook's gap to the truth


def _session(key: str, texts: list[str]) -> Session:
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    return Session("BENCH0", key, "en", "yes_no", tuple(texts), now, now, False, False)


def _curve(key: str, texts: list[str], seed: int, members: np.ndarray, true_parts: np.ndarray) -> list[float]:
    """Shape error after 0, 1, 2 … participants."""
    textbook = default_readers().by_key(key)
    session = _session(key, texts)
    _, frame = session_profiles(session.profiles)
    X = encode_frame(frame)
    logit = truth(textbook)(X).sum(axis=1) + textbook.intercept
    rng = np.random.default_rng(seed)
    votes: list[Vote] = []
    errors = [_shape_error(textbook.contributions(members), true_parts)]
    for participant in range(1, PARTICIPANTS + 1):
        noise = rng.logistic(0.0, textbook.persona.disagreement, len(texts))
        votes += [Vote(participant, None, p, int(logit[p] + noise[p] > 0)) for p in range(len(texts))]
        learned = room(textbook, session, votes, compare=False).reader
        errors.append(_shape_error(learned.contributions(members), true_parts))
    return errors


def recovery(quick: bool) -> list[dict[str, object]]:
    members = encode_frame(population().profiles.iloc[:3000])
    rows = []
    rooms = 3 if quick else ROOMS
    for key in READERS:
        textbook = default_readers().by_key(key)
        true_parts = truth(textbook)(members)
        for count in PROFILE_COUNTS:
            designed = profile_texts(choose(textbook, count))
            curves: dict[str, list[list[float]]] = {"design": [], "random": []}
            for r in range(rooms):
                curves["design"].append(_curve(key, designed, 1000 + r, members, true_parts))
                randomly = profile_texts(at_random(count, seed=2000 + r))
                curves["random"].append(_curve(key, randomly, 1000 + r, members, true_parts))
            target = TARGET * curves["design"][0][0]
            for name, found in curves.items():
                mean = np.mean(found, axis=0)
                reached = [next((i for i, e in enumerate(c) if e <= target), None) for c in found]
                needed = [count * i for i in reached if i is not None]
                rows.append(
                    {
                        "reader": key,
                        "profiles": f"{count}, {'our design' if name == 'design' else 'at random'}",
                        "rooms": rooms,
                        "error, textbook (0 votes)": float(mean[0]),
                        **{f"at {v} votes": float(mean[min(v // count, PARTICIPANTS)]) for v in (120, 240, 480)},
                        "target": target,
                        "votes to target (median)": (
                            f"{statistics.median(needed):.0f}" if len(needed) > rooms / 2 else f"> {count * PARTICIPANTS}"
                        ),
                        "rooms reaching it": f"{len(needed)}/{rooms}",
                    }
                )
    return rows


def refit() -> list[dict[str, object]]:
    key = READERS[0]
    textbook = default_readers().by_key(key)
    texts = profile_texts(choose(textbook, PROFILES))
    session = _session(key, texts)
    rng = np.random.default_rng(7)
    votes = [Vote(1 + i // PROFILES, None, i % PROFILES, int(rng.integers(0, 2))) for i in range(400)]
    found, _ = judgements(session, votes)
    ours, floor = [], []
    for _ in range(50):
        start = time.perf_counter()
        room(textbook, session, votes, compare=False)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        learn(textbook, found)
        floor.append(time.perf_counter() - start)
    return [
        timing_row("learn alone, 400 judgements (floor)", floor),
        timing_row(
            "room's reader from 400 votes (votes → judgements → learn)", ours, "p50 <= 20 ms", statistics.median(ours) <= 0.020
        ),
    ]


HELLO = """
import streamlit as st
value = st.number_input("x", key="x")
st.write(f"Hello {value}")
"""


def _projector(code: str, profiles: int) -> None:
    from ui.workshop_trainer import _counts

    _counts(code, profiles, "en")


def projector() -> list[dict[str, object]]:
    from streamlit.logger import set_log_level
    from streamlit.testing.v1 import AppTest

    from model.workshop.service import create
    from model.workshop.store import Store, database_url

    set_log_level("error")
    os.environ["REGARDS_DATA_DIR"] = tempfile.mkdtemp(prefix="regards-bench-")
    os.environ.pop("REGARDS_DATABASE_URL", None)
    store = Store(database_url())
    made = create(store, default_readers().by_key(READERS[0]), profiles=PROFILES, lang="en")
    code = made.session.code
    for _ in range(60):
        token = store.join(code).token
        for p in range(PROFILES):
            store.vote(code, token, p, p % 2)
    hello = AppTest.from_string(HELLO).run()
    at = AppTest.from_function(_projector, args=(code, PROFILES), default_timeout=30).run()
    assert not at.exception, at.exception
    times, floor = [], []
    for i in range(40):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        hello.number_input(key="x").set_value(float(i))
        start = time.perf_counter()
        hello.run()
        floor.append(time.perf_counter() - start)
    counts = []
    for _ in range(200):
        start = time.perf_counter()
        store.counts(code)
        counts.append(time.perf_counter() - start)
    return [
        timing_row("hello-world app rerun (floor)", floor),
        timing_row("Store.counts alone, 60 joined × 12 votes", counts),
        timing_row(
            "projector fragment rerun (counts, metrics, chart)", times, "p95 <= 100 ms", float(np.percentile(times, 95)) <= 0.100
        ),
    ]


def main() -> None:
    quick = "--quick" in sys.argv
    changes = "; ".join(f"{k} {', '.join(v)}" for k, v in CHANGES.items())
    print(f"#### Votes to recover a room's reader: rooms of up to {PARTICIPANTS}; truth = textbook with {changes}\n")
    print(
        "Shape error: mean |learned − true| contribution over 3,000 members, both centred; target: 3/4 of the textbook's own error.\n"
    )
    print(markdown(recovery(quick), digits=4))
    print("\n#### The room's reader refit after a vote (50 refits)\n")
    print(markdown(refit(), digits=1))
    print("\n#### Projector refresh, server side (AppTest, 40 reruns)\n")
    print(markdown(projector(), digits=1))


if __name__ == "__main__":
    main()
