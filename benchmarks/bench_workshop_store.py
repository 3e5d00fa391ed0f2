"""The workshop store's figures: a vote stored under 60 concurrent voters, and the projector's counts.

    .venv/bin/python -m benchmarks.bench_workshop_store

Each backend runs our `Store` and a bare baseline side by side in the same run:

- **vote → stored**: 60 threads, one per participant, each casting 12 votes, each vote timed
  from the call to the commit, three ways: the whole room tapping at the same instant, profile
  after profile (the goal's case, and the worst moment of a real session); each voter pausing
  0-1 s before each vote (a brisk room); and back to back with no pause (a stress, far beyond a
  room). Ours: `Store.vote` (one INSERT … SELECT … ON CONFLICT that checks the token, the
  session and the answer and writes, in one short transaction). Baseline: a bare INSERT and
  commit with the same driver and durability: on SQLite a fresh sqlite3 connection per insert
  (WAL, BEGIN IMMEDIATE, the same busy timeout), on PostgreSQL one psycopg connection per
  thread, kept open.
- **projector counts**: `Store.counts` (joined + votes per profile, two indexed queries) on a
  database that also holds 200 other sessions (144,000 votes), against a bare
  `SELECT count(*)` of the 720 baseline rows.

PostgreSQL runs when REGARDS_TEST_POSTGRES_URL is set (e.g. from `scripts/postgres.sh start DIR`);
like the tests, it drops the store's tables there first: point it at a throwaway database only.
Goals: vote p95 <= 50 ms with 60 concurrent voters; counts <= 100 ms.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
from sqlalchemy import create_engine, insert, make_url

from benchmarks.table import markdown
from model.workshop import Store
from model.workshop.store import BUSY_TIMEOUT_SECONDS, metadata, participant_table, profile_table, session_table, vote_table

VOTERS = 60
PROFILES = 12
ROUNDS = 3
COUNTS_REPEATS = 300
BACKGROUND_SESSIONS = 200
PACE = 1.0


def p(values: list[float], q: int) -> float:
    """The q-th percentile, in milliseconds."""
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000


def room(cast: Callable[[int, int], None], mode: str) -> list[float]:
    """VOTERS threads, each casting PROFILES votes through `cast(voter, profile)`, timed one by one.

    - "burst": before each vote everyone waits for everyone: the whole room taps at the same
      instant, profile after profile (the worst moment of a real session);
    - "paced": each voter reads for 0 to PACE seconds (uniform, seeded) before each vote;
    - "flood": they start together and vote back to back, no pause (a stress, not a room).
    """
    barrier = threading.Barrier(VOTERS)

    def voter(v: int) -> list[float]:
        own: list[float] = []
        rng = random.Random(v)
        barrier.wait()
        for profile in range(PROFILES):
            if mode == "burst" and profile:
                barrier.wait()
            if mode == "paced":
                time.sleep(rng.uniform(0, PACE))
            start = time.perf_counter()
            cast(v, profile)
            own.append(time.perf_counter() - start)
        return own

    with ThreadPoolExecutor(max_workers=VOTERS) as pool:
        return [t for times in pool.map(voter, range(VOTERS)) for t in times]


def store_votes(store: Store, mode: str) -> list[float]:
    times: list[float] = []
    for _ in range(ROUNDS):
        code = store.create_session(
            "recruiter", [json.dumps({"signals": {"connections": i}}) for i in range(PROFILES)]
        ).session.code
        tokens = [store.join(code).token for _ in range(VOTERS)]

        def cast(v: int, profile: int, code: str = code, tokens: list[str] = tokens) -> None:
            store.vote(code, tokens[v], profile, (v + profile) % 2)

        times += room(cast, mode)
        assert store.counts(code).votes == (VOTERS,) * PROFILES
    return times


def sqlite_bare_inserts(path: Path, mode: str) -> tuple[list[float], Callable[[], None]]:
    """A fresh sqlite3 connection per insert (WAL, the same busy timeout), BEGIN IMMEDIATE, INSERT, COMMIT."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE IF NOT EXISTS bare (participant INTEGER, profile INTEGER, answer INTEGER)")

    def cast(v: int, profile: int) -> None:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO bare VALUES (?, ?, ?)", (v, profile, (v + profile) % 2))
        conn.execute("COMMIT")
        conn.close()

    times = [t for _ in range(ROUNDS) for t in room(cast, mode)]

    def count() -> None:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)
        conn.execute("SELECT count(*) FROM bare").fetchone()
        conn.close()

    return times, count


def postgresql_bare_inserts(url: str, mode: str) -> tuple[list[float], Callable[[], None]]:
    """One psycopg connection per voter thread, kept open; INSERT then COMMIT per vote."""
    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS bare (participant INTEGER, profile INTEGER, answer INTEGER)")
    local = threading.local()
    opened: list[psycopg.Connection[tuple[object, ...]]] = []

    def cast(v: int, profile: int) -> None:
        if not hasattr(local, "conn"):
            local.conn = psycopg.connect(dsn)
            opened.append(local.conn)
        local.conn.execute("INSERT INTO bare VALUES (%s, %s, %s)", (v, profile, (v + profile) % 2))
        local.conn.commit()

    times: list[float] = []
    for _ in range(ROUNDS):
        times += room(cast, mode)
        for conn in opened:
            conn.close()
        opened.clear()
        local = threading.local()
    reader = psycopg.connect(dsn, autocommit=True)

    def count() -> None:
        reader.execute("SELECT count(*) FROM bare").fetchone()

    return times, count


def add_background(url: str) -> None:
    """BACKGROUND_SESSIONS finished-looking sessions of VOTERS x PROFILES votes each, written in bulk."""
    engine = create_engine(url)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        for s in range(BACKGROUND_SESSIONS):
            code = f"BG{s:04d}".replace("0", "A").replace("1", "B")
            session_id = conn.execute(
                insert(session_table)
                .values(
                    code=code,
                    reader="recruiter",
                    lang="fr",
                    scale="yes_no",
                    profile_count=PROFILES,
                    created_at=now,
                    expires_at=now + timedelta(days=7),
                    closed=False,
                    revealed=False,
                    secret_digest="0" * 64,
                )
                .returning(session_table.c.id)
            ).scalar_one()
            conn.execute(
                insert(profile_table), [{"session_id": session_id, "position": i, "profile_json": "{}"} for i in range(PROFILES)]
            )
            ids = conn.execute(
                insert(participant_table).returning(participant_table.c.id),
                [{"session_id": session_id, "token_digest": f"{session_id:032d}{v:032d}", "role": None} for v in range(VOTERS)],
            ).scalars()
            conn.execute(
                insert(vote_table),
                [
                    {"participant_id": pid, "session_id": session_id, "profile": i, "answer": i % 2}
                    for pid in ids
                    for i in range(PROFILES)
                ],
            )
    engine.dispose()


def timed(function: Callable[[], object], repeats: int) -> list[float]:
    function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def measure(backend: str, url: str, bare: Callable[[str], tuple[list[float], Callable[[], None]]]) -> list[dict[str, object]]:
    store = Store(url)
    add_background(url)
    modes = ("burst", "paced", "flood")
    ours = {mode: store_votes(store, mode) for mode in modes}
    baseline = {mode: bare(mode) for mode in modes}
    bare_count = baseline["burst"][1]
    code = store.create_session("recruiter", ["{}"] * PROFILES).session.code
    for v in range(VOTERS):
        token = store.join(code).token
        for profile in range(PROFILES):
            store.vote(code, token, profile, v % 2)
    ours_counts = timed(lambda: store.counts(code), COUNTS_REPEATS)
    bare_counts = timed(bare_count, COUNTS_REPEATS)
    store.dispose()

    def row(what: str, ours: list[float], baseline: list[float], goal_ms: float | None) -> dict[str, object]:
        return {
            "backend": backend,
            "operation": what,
            "ours p50 (ms)": p(ours, 50),
            "ours p95 (ms)": p(ours, 95),
            "baseline p50 (ms)": p(baseline, 50),
            "baseline p95 (ms)": p(baseline, 95),
            "p95 ratio": p(ours, 95) / p(baseline, 95),
            "goal": "-" if goal_ms is None else f"p95 <= {goal_ms:.0f} ms",
            "result": "-" if goal_ms is None else "PASS" if p(ours, 95) <= goal_ms else "MISS",
        }

    n = ROUNDS * VOTERS * PROFILES
    return [
        row(
            f"vote -> stored: {VOTERS} voters tap at once, {PROFILES} times ({n} votes)", ours["burst"], baseline["burst"][0], 50
        ),
        row(
            f"vote -> stored: {VOTERS} voters, 0-{PACE:.0f} s between votes ({n} votes)", ours["paced"], baseline["paced"][0], 50
        ),
        row(
            f"vote -> stored: {VOTERS} voters back to back, no pause (stress, {n} votes)",
            ours["flood"],
            baseline["flood"][0],
            None,
        ),
        row(f"projector counts ({BACKGROUND_SESSIONS} other sessions in the database)", ours_counts, bare_counts, 100),
    ]


def main() -> None:
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder)
        rows += measure(
            "SQLite", f"sqlite:///{path / 'workshop.sqlite3'}", lambda mode: sqlite_bare_inserts(path / "bare.sqlite3", mode)
        )
    pg_url = os.environ.get("REGARDS_TEST_POSTGRES_URL", "")
    if pg_url:
        engine = create_engine(pg_url)
        metadata.drop_all(engine)
        engine.dispose()
        rows += measure("PostgreSQL", pg_url, lambda mode: postgresql_bare_inserts(pg_url, mode))
    print(
        f"## Workshop store: {VOTERS} voters at once, {ROUNDS} rounds; counts: {COUNTS_REPEATS} calls ({os.cpu_count()} cores)\n"
    )
    print(markdown(rows, 2))
    if not pg_url:
        print("\nPostgreSQL: not measured (set REGARDS_TEST_POSTGRES_URL, e.g. to what scripts/postgres.sh start DIR prints).")


if __name__ == "__main__":
    main()
