"""Where a workshop room's votes live: SQLite on one machine, PostgreSQL past one, one code path.

A trainer creates a session and gets its code (for the projector) and a secret (for their own
link, given once). Participants join by code, anonymously, and get a token carried in their
link, so a refresh or a lost connection resumes where they were. Each participant has at most
one answer per profile: voting again replaces it. The trainer closes, reveals, exports and
ends (deletes) the session with the secret; sessions also expire on their own.

What is stored about a participant: which session, an optional role (recruiter_hr, journalist,
peer, other) and their answers. No name, no address, no browser, no time of any vote.

The URL: `REGARDS_DATABASE_URL` when set (e.g. `postgresql+psycopg://user@host/regards` for
several server processes behind a load balancer with session affinity), else the SQLite file
`workshop.sqlite3` in `REGARDS_DATA_DIR`, else in the user's data directory; the directory is
created on first use.

Every failure a person can act on is an `InputError` naming what went wrong (`workshop.expired`),
worded in English and French in the locale files' `[errors.workshop]`. Everything here is
thread-safe: a `Store` holds an engine, never a connection, and each call is one transaction.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final, Literal, get_args

import platformdirs
from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Dialect,
    Engine,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    Row,
    SmallInteger,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    and_,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError
from sqlalchemy.pool import QueuePool
from sqlalchemy.sql.expression import Executable

from model.errors import InputError, Phrase, phrase
from model.signals import LANGS as LANGS
from model.signals import Lang as Lang
from model.workshop.codes import digest, matches, new_code, new_secret, new_token, normalise_code

Scale = Literal["yes_no", "scale_5"]
Role = Literal["recruiter_hr", "journalist", "peer", "other"]

SCALES: Final[tuple[Scale, ...]] = get_args(Scale)
ROLES: Final[tuple[Role, ...]] = get_args(Role)
# The answers each scale takes: yes_no is 0 (no) or 1 (yes); scale_5 is 1 (surely not) to 5 (surely).
ANSWERS: Final[Mapping[Scale, tuple[int, ...]]] = {"yes_no": (0, 1), "scale_5": (1, 2, 3, 4, 5)}

DEFAULT_LIFETIME: Final = timedelta(days=7)
LONGEST_LIFETIME: Final = timedelta(days=90)
MAX_PROFILES: Final = 100
MAX_PROFILE_CHARS: Final = 100_000
MAX_READER_CHARS: Final = 200
BUSY_TIMEOUT_SECONDS: Final = 10.0
SQLITE_FILE: Final = "workshop.sqlite3"

_WRITE: Final = "regards_write"  # execution option: this transaction writes (SQLite: BEGIN IMMEDIATE)
_CODE_ATTEMPTS: Final = 8


# ---------------------------------------------------------------------------------------------
# The schema


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on both backends.

    PostgreSQL keeps it as `timestamptz`; SQLite has no time zones, so it is stored as naive
    UTC text (which then sorts and compares correctly) and given its UTC zone back on reading.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("workshop store times must be timezone-aware")
        value = value.astimezone(UTC)
        return value if dialect.name == "postgresql" else value.replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _in(column: str, values: Sequence[str]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


metadata = MetaData()

session_table = Table(
    "workshop_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(6), nullable=False, unique=True),
    Column("reader", String(MAX_READER_CHARS), nullable=False),
    Column("lang", String(2), nullable=False),
    Column("scale", String(10), nullable=False),
    Column("profile_count", Integer, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False, index=True),
    Column("closed", Boolean, nullable=False),
    Column("revealed", Boolean, nullable=False),
    Column("secret_digest", String(64), nullable=False),
    CheckConstraint(_in("lang", LANGS), name="ck_workshop_sessions_lang"),
    CheckConstraint(_in("scale", SCALES), name="ck_workshop_sessions_scale"),
)

profile_table = Table(
    "workshop_profiles",
    metadata,
    Column("session_id", ForeignKey("workshop_sessions.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("profile_json", Text, nullable=False),
)

participant_table = Table(
    "workshop_participants",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", ForeignKey("workshop_sessions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("token_digest", String(64), nullable=False, unique=True),
    Column("role", String(20), nullable=True),
    CheckConstraint(_in("role", ROLES), name="ck_workshop_participants_role"),
    UniqueConstraint("id", "session_id", name="uq_workshop_participants_id_session"),
)

vote_table = Table(
    "workshop_votes",
    metadata,
    # The primary key is the idempotence rule: one answer per participant and profile.
    Column("participant_id", Integer, primary_key=True),
    Column("profile", Integer, primary_key=True),
    Column("session_id", Integer, nullable=False),
    Column("answer", SmallInteger, nullable=False),
    # A vote is in its participant's session, about one of that session's profiles.
    ForeignKeyConstraint(
        ["participant_id", "session_id"],
        ["workshop_participants.id", "workshop_participants.session_id"],
        ondelete="CASCADE",
        name="fk_workshop_votes_participant",
    ),
    ForeignKeyConstraint(
        ["session_id", "profile"],
        ["workshop_profiles.session_id", "workshop_profiles.position"],
        ondelete="CASCADE",
        name="fk_workshop_votes_profile",
    ),
    # The projector's counts read this index only.
    Index("ix_workshop_votes_session_profile_answer", "session_id", "profile", "answer"),
)


# ---------------------------------------------------------------------------------------------
# What the store returns


@dataclass(frozen=True)
class Session:
    """A workshop as everyone in the room may see it (never its secret)."""

    code: str
    reader: str
    lang: Lang
    scale: Scale
    profiles: tuple[str, ...]  # each profile as the JSON text it was given
    created_at: datetime
    expires_at: datetime
    closed: bool
    revealed: bool

    @property
    def answers(self) -> tuple[int, ...]:
        """The answers this session's scale takes."""
        return ANSWERS[self.scale]


@dataclass(frozen=True)
class Created:
    """A new session and its trainer secret: the only time the secret is ever returned."""

    session: Session
    secret: str


@dataclass(frozen=True)
class Joined:
    """A participant's token (to carry in their link) and the session they joined."""

    token: str
    session: Session


@dataclass(frozen=True)
class Progress:
    """Where a participant is: their role and their answers so far, profile index → answer."""

    session: Session
    role: Role | None
    answers: Mapping[int, int]

    @property
    def voted(self) -> frozenset[int]:
        return frozenset(self.answers)

    @property
    def next_profile(self) -> int | None:
        """The first profile not yet answered, or None when all are."""
        return next((i for i in range(len(self.session.profiles)) if i not in self.answers), None)


@dataclass(frozen=True)
class Counts:
    """What the projector shows while the room votes: how many joined, votes per profile index."""

    joined: int
    votes: tuple[int, ...]


@dataclass(frozen=True)
class ProfileResult:
    """How the room answered one profile: every answer of the scale with its count (zeros kept)."""

    profile: int
    answers: Mapping[int, int]

    @property
    def votes(self) -> int:
        return sum(self.answers.values())


@dataclass(frozen=True)
class Results:
    """The room's answers, profile by profile."""

    session: Session
    joined: int
    profiles: tuple[ProfileResult, ...]


@dataclass(frozen=True)
class Vote:
    """One exported answer. `participant` numbers the room's participants 1, 2, … in the order
    they joined, within this session only: enough to group one person's answers, nothing more."""

    participant: int
    role: Role | None
    profile: int
    answer: int


# ---------------------------------------------------------------------------------------------
# Where the store is


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """`REGARDS_DATA_DIR`, else the user's data directory for Regards (not created here)."""
    environ = os.environ if environ is None else environ
    configured = environ.get("REGARDS_DATA_DIR", "").strip()
    return Path(configured).expanduser() if configured else Path(platformdirs.user_data_dir("regards", appauthor=False))


def database_url(environ: Mapping[str, str] | None = None) -> str:
    """`REGARDS_DATABASE_URL`, else the SQLite file in `data_dir`."""
    environ = os.environ if environ is None else environ
    configured = environ.get("REGARDS_DATABASE_URL", "").strip()
    if configured:
        return configured
    return URL.create("sqlite", database=str(data_dir(environ) / SQLITE_FILE)).render_as_string()


def _parse_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise InputError("workshop.database_url_unreadable", shown=repr(url)) from error
    if parsed.drivername in ("postgresql", "postgres"):
        # SQLAlchemy's plain "postgresql" means psycopg2, which Regards does not install.
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise InputError("workshop.unsupported_database", backend=repr(parsed.get_backend_name()), url=parsed.render_as_string())
    if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
        raise InputError("workshop.sqlite_in_memory")
    return parsed


_sqlite_locks: dict[str, threading.Lock] = {}
_sqlite_locks_guard = threading.Lock()


def _sqlite_write_lock(url: URL) -> threading.Lock:
    """One lock per SQLite file in this process, shared by every Store on it."""
    path = str(Path(url.database or "").expanduser().resolve())
    with _sqlite_locks_guard:
        return _sqlite_locks.setdefault(path, threading.Lock())


def _sqlite_engine(url: URL) -> Engine:
    """An SQLite engine tuned for many phones voting at once on one machine.

    - **WAL journal**: readers (the projector's counts, participants resuming) never block the
      writer nor wait for it, and a commit appends to the log instead of rewriting pages.
    - **Busy timeout**: SQLite has one writer at a time; without a timeout a second writer fails
      at once with "database is locked". With it, it waits its turn: a vote holds the lock for
      about a millisecond, so even 60 at once wait well under a second.
    - **BEGIN IMMEDIATE for writes**: a deferred transaction that reads then writes can fail with
      "database is locked" *without* waiting when another writer committed in between (its read
      snapshot is stale). Taking the write lock at BEGIN makes the busy timeout apply; reads
      stay deferred so they run alongside writes.
    - **A short connection per call**: each call takes a connection for one short transaction
      and gives it back at once; nothing holds a connection, a transaction or a lock between
      requests. The connections themselves are pooled, not reopened per vote: measured, opening
      and closing one per vote cost 1.1 ms of CPU per vote instead of 0.45, and closing the last
      connection checkpoints the WAL into the database file (an extra fsync per quiet vote).
    - **One writer queue per process** (see `_sqlite_write_lock`): writers in this process wait
      on a lock woken at each commit, not on SQLite's busy sleeps (1, 2, 5 … 100 ms apart); the
      busy timeout still covers other processes on the same file (the CLI, a second server).
    - **Foreign keys on**: SQLite enforces them only when asked, per connection.
    """
    database = url.database or ""
    Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        poolclass=QueuePool,
        pool_size=5,
        max_overflow=10,
        connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # the driver's own BEGIN off: ours below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_SECONDS * 1000)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if connection.get_execution_options().get(_WRITE) else "BEGIN")

    return engine


def _upsert_vote(dialect: str) -> Executable:
    """The whole vote as one statement, built once (parameters: digest, code, now, profile, answer).

    INSERT … SELECT the participant's row only if the token's hash is in session `code`, the
    session is neither closed nor expired at `now`, the profile exists and the answer is on the
    session's scale; ON CONFLICT (participant, profile) DO UPDATE SET answer. It writes one
    row, or none when a rule refuses (the caller then finds which, to say so). One statement
    instead of a check then a write: half the round trips and Python work on every vote.
    """
    p, s = participant_table, session_table
    profile = bindparam("profile", type_=Integer)
    answer = bindparam("answer", type_=Integer)
    on_scale = or_(*(and_(s.c.scale == scale, answer >= min(values), answer <= max(values)) for scale, values in ANSWERS.items()))
    source = (
        select(p.c.id, profile, p.c.session_id, answer)
        .join_from(p, s)
        .where(
            p.c.token_digest == bindparam("digest", type_=String),
            s.c.code == bindparam("code", type_=String),
            s.c.closed.is_(False),
            s.c.expires_at > bindparam("now", type_=UtcDateTime),
            profile >= 0,
            profile < s.c.profile_count,
            on_scale,
        )
    )
    names = ["participant_id", "profile", "session_id", "answer"]
    key = [vote_table.c.participant_id, vote_table.c.profile]
    statement: Executable
    if dialect == "sqlite":
        lite = sqlite.insert(vote_table).from_select(names, source)
        statement = lite.on_conflict_do_update(index_elements=key, set_={"answer": lite.excluded.answer})
    else:
        pg = postgresql.insert(vote_table).from_select(names, source)
        statement = pg.on_conflict_do_update(index_elements=key, set_={"answer": pg.excluded.answer})
    # rowcount says whether the vote was written; SQLAlchemy keeps it for INSERT only when asked.
    return statement.execution_options(preserve_rowcount=True)


def _postgresql_engine(url: URL) -> Engine:
    """A pooled PostgreSQL engine.

    - `pool_pre_ping`: a restarted database server costs a reconnect, not an error in front of
      a participant.
    - At most 10 connections per server process: a vote holds one for about a millisecond, so
      10 serve a room of 60 (measured: 60 voters tapping at once wait less with 10 than with
      30, which only add server processes competing for the same cores), and several server
      processes stay under PostgreSQL's default of 100 connections.
    """
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


def _utc_now() -> datetime:
    return datetime.now(UTC)


# ---------------------------------------------------------------------------------------------
# The store


class Store:
    """The workshop store over one database URL. Thread-safe; each method is one transaction.

    `clock` gives the current time (tests move it); `default_lifetime` is how long a new session
    lives unless `create_session` says otherwise.
    """

    def __init__(
        self,
        url: str | None = None,
        *,
        default_lifetime: timedelta = DEFAULT_LIFETIME,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._url = _parse_url(database_url() if url is None else url)
        self._default_lifetime = _checked_lifetime(default_lifetime)
        self._clock = clock
        self._engine = _sqlite_engine(self._url) if self._url.get_backend_name() == "sqlite" else _postgresql_engine(self._url)
        self._upsert = _upsert_vote(self._engine.dialect.name)
        # SQLite has one writer at a time: this process's writers queue here, woken the moment
        # the previous one commits, instead of polling the file lock with SQLite's sleeps
        # (1, 2, 5 … 100 ms apart), which made the slowest votes wait ten times longer.
        # The lock is taken before a connection, so queued writers leave the pool to readers.
        self._write_lock: AbstractContextManager[object] = (
            _sqlite_write_lock(self._url) if self.backend == "sqlite" else nullcontext()
        )
        self._create_tables()

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return self._url.render_as_string(hide_password=True)

    @property
    def backend(self) -> str:
        """The backend's name: "sqlite" or "postgresql"."""
        return self._engine.dialect.name

    def dispose(self) -> None:
        """Close the pooled connections; the data stays, and the store opens new ones if used again."""
        self._engine.dispose()

    # -- trainer --------------------------------------------------------------------------------

    def create_session(
        self,
        reader: str,
        profiles: Sequence[str],
        *,
        lang: Lang = "fr",
        scale: Scale = "yes_no",
        lifetime: timedelta | None = None,
    ) -> Created:
        """A new session: `reader` is the reader key the room plays (e.g. "recruiter/communication"),
        `profiles` the profiles to judge as JSON texts, in order. Returns the session and its
        trainer secret, which is stored only as a hash and never returned again."""
        reader, profile_texts = _checked_session(reader, profiles, lang, scale)
        life = self._default_lifetime if lifetime is None else _checked_lifetime(lifetime)
        now = self._clock()
        secret = new_secret()
        row = {
            "reader": reader,
            "lang": lang,
            "scale": scale,
            "profile_count": len(profile_texts),
            "created_at": now,
            "expires_at": now + life,
            "closed": False,
            "revealed": False,
            "secret_digest": digest(secret),
        }
        for attempt in range(_CODE_ATTEMPTS):
            code = new_code()
            try:
                with self._transaction(write=True) as conn:
                    self._purge(conn, now)
                    session_id = conn.execute(
                        insert(session_table).values(code=code, **row).returning(session_table.c.id)
                    ).scalar_one()
                    conn.execute(
                        insert(profile_table),
                        [{"session_id": session_id, "position": i, "profile_json": p} for i, p in enumerate(profile_texts)],
                    )
            except IntegrityError:
                if attempt == _CODE_ATTEMPTS - 1:
                    raise
                continue  # the code was taken (one chance in about a billion): draw another
            session = Session(code, reader, lang, scale, profile_texts, now, now + life, False, False)
            return Created(session, secret)
        raise AssertionError("unreachable")

    def close(self, code: str, secret: str) -> Session:
        """Stop the votes; answers so far are kept, participants can still resume and see theirs."""
        return self._set_flags(code, secret, closed=True)

    def reveal(self, code: str, secret: str) -> Session:
        """Let participants see the room's answers. Revealing also closes the votes: an answer
        given after seeing the room's would no longer be one's own reading."""
        return self._set_flags(code, secret, closed=True, revealed=True)

    def trainer_results(self, code: str, secret: str) -> Results:
        """The room's answers at any time, for the trainer."""
        with self._transaction(write=False) as conn:
            row = self._trainer_row(conn, code, secret)
            return self._results(conn, row)

    def export_votes(self, code: str, secret: str) -> tuple[Vote, ...]:
        """Every answer of the session, participants numbered 1, 2, … in the order they joined."""
        with self._transaction(write=False) as conn:
            row = self._trainer_row(conn, code, secret)
            members = conn.execute(
                select(participant_table.c.id, participant_table.c.role)
                .where(participant_table.c.session_id == row.id)
                .order_by(participant_table.c.id)
            ).all()
            number = {m.id: i for i, m in enumerate(members, start=1)}
            role = {m.id: _role(m.role) for m in members}
            answers = conn.execute(
                select(vote_table.c.participant_id, vote_table.c.profile, vote_table.c.answer)
                .where(vote_table.c.session_id == row.id)
                .order_by(vote_table.c.participant_id, vote_table.c.profile)
            ).all()
            return tuple(Vote(number[a.participant_id], role[a.participant_id], a.profile, a.answer) for a in answers)

    def end(self, code: str, secret: str) -> None:
        """Delete the session with its profiles, participants and votes, in one transaction.
        Works on an expired session too (it is what expiry would do)."""
        with self._transaction(write=True) as conn:
            row = self._trainer_row(conn, code, secret, allow_expired=True)
            self._delete_sessions(conn, [row.id])

    def purge_expired(self, now: datetime | None = None) -> int:
        """Delete every session expired at `now` (default: the clock) with all its data; returns
        how many. Also run on each create and join, so no scheduled job is needed."""
        with self._transaction(write=True) as conn:
            return self._purge(conn, self._clock() if now is None else now)

    # -- everyone in the room ----------------------------------------------------------------

    def session(self, code: str) -> Session:
        """The session with this code, as a participant may see it."""
        with self._transaction(write=False) as conn:
            row = self._session_row(conn, normalise_code(code))
            self._refuse_expired(row)
            return self._load_session(conn, row)

    def counts(self, code: str) -> Counts:
        """How many joined and how many voted on each profile (not how): two indexed queries."""
        with self._transaction(write=False) as conn:
            row = self._session_row(conn, normalise_code(code), with_joined=True)
            self._refuse_expired(row)
            per_profile = [0] * row.profile_count
            for profile, n in conn.execute(
                select(vote_table.c.profile, func.count()).where(vote_table.c.session_id == row.id).group_by(vote_table.c.profile)
            ):
                per_profile[profile] = n
            return Counts(row.joined, tuple(per_profile))

    # -- participants -------------------------------------------------------------------------

    def join(self, code: str, role: Role | None = None) -> Joined:
        """Join the session anonymously; returns the token for the participant's link."""
        code = normalise_code(code)
        if role is not None and role not in ROLES:
            raise InputError("workshop.not_a_role", shown=repr(role), roles=", ".join(ROLES))
        token = new_token()
        with self._transaction(write=True) as conn:
            self._purge(conn, self._clock())
            row = self._session_row(conn, code)
            self._refuse_closed(row)
            conn.execute(insert(participant_table).values(session_id=row.id, token_digest=digest(token), role=role))
            return Joined(token, self._load_session(conn, row))

    def resume(self, code: str, token: str) -> Progress:
        """Where the participant with this token is: their role and answers so far."""
        with self._transaction(write=False) as conn:
            row = self._participant_row(conn, normalise_code(code), token)
            self._refuse_expired(row)
            answers = conn.execute(
                select(vote_table.c.profile, vote_table.c.answer).where(vote_table.c.participant_id == row.participant_id)
            )
            return Progress(self._load_session(conn, row), _role(row.role), {p: a for p, a in answers})

    def vote(self, code: str, token: str, profile: int, answer: int) -> None:
        """Record the participant's answer on profile index `profile`; voting again replaces it.

        One upsert on the (participant, profile) key: a repeated or retried vote can never be
        counted twice, and a vote is either stored whole or refused with the reason.
        """
        code = normalise_code(code)
        plain = all(type(n) is int for n in (profile, answer))  # True is an int, not an answer
        parameters = {"digest": digest(token), "code": code, "now": self._clock(), "profile": profile, "answer": answer}
        try:
            with self._transaction(write=True) as conn:
                if plain and conn.execute(self._upsert, parameters).rowcount == 1:
                    return
                row = self._participant_row(conn, code, token)
                self._refuse_closed(row)
                _check_answer(row, profile, answer)
        except IntegrityError as error:
            # PostgreSQL only: the trainer ended the session while the vote was being written.
            raise _unknown_participant(code) from error
        raise InputError("workshop.vote_not_stored", code=code)

    def results(self, code: str, token: str) -> Results:
        """The room's answers for a participant: refused until the trainer reveals them."""
        with self._transaction(write=False) as conn:
            row = self._participant_row(conn, normalise_code(code), token)
            self._refuse_expired(row)
            if not row.revealed:
                raise InputError("workshop.not_revealed", code=row.code)
            return self._results(conn, row)

    # -- inside -------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self, *, write: bool) -> Iterator[Connection]:
        """One short connection and transaction; a database that does not answer is an
        InputError (try again), never a traceback in front of a participant."""
        try:
            with self._write_lock if write else nullcontext(), self._engine.connect() as conn:
                if not write:
                    with conn.begin():
                        yield conn
                    return
                conn.execution_options(**{_WRITE: True})
                with conn.begin():
                    yield conn
        except OperationalError as error:
            reason = str(error.orig).strip().splitlines()[0] if error.orig is not None else type(error).__name__
            raise InputError("workshop.store_unreachable", url=self.url, reason=reason) from error

    def _create_tables(self) -> None:
        """Create missing tables. On PostgreSQL an advisory lock keeps several server processes
        starting at once from racing to create the same table."""
        with self._transaction(write=True) as conn:
            if self.backend == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": 0x5245_4741_5244})  # "REGARD"
            metadata.create_all(conn)

    def _session_row(self, conn: Connection, code: str, *, with_joined: bool = False) -> Row[Any]:
        columns: list[Any] = [session_table]
        if with_joined:
            columns.append(
                select(func.count()).where(participant_table.c.session_id == session_table.c.id).scalar_subquery().label("joined")
            )
        row = conn.execute(select(*columns).where(session_table.c.code == code)).one_or_none()
        if row is None:
            raise InputError("workshop.unknown_code", code=code)
        return row

    def _trainer_row(self, conn: Connection, code: str, secret: str, *, allow_expired: bool = False) -> Row[Any]:
        row = self._session_row(conn, normalise_code(code))
        if not matches(secret, row.secret_digest):
            raise InputError("workshop.wrong_secret", code=row.code)
        if not allow_expired:
            self._refuse_expired(row)
        return row

    def _participant_row(self, conn: Connection, code: str, token: str) -> Row[Any]:
        """The participant's row with their session's columns; the token must belong to `code`.

        The lookup by the token's hash goes through a unique index, which is not constant time,
        but what it could leak is about a SHA-256, which tells nothing of any token.
        """
        row = conn.execute(
            select(participant_table.c.id.label("participant_id"), participant_table.c.role, session_table)
            .join_from(participant_table, session_table)
            .where(participant_table.c.token_digest == digest(token))
        ).one_or_none()
        if row is None:
            raise _unknown_participant(code)
        if row.code != code:
            raise InputError("workshop.other_workshop", code=code)
        return row

    def _refuse_expired(self, row: Row[Any]) -> None:
        if row.expires_at <= self._clock():
            raise InputError("workshop.expired", code=row.code)

    def _refuse_closed(self, row: Row[Any]) -> None:
        self._refuse_expired(row)
        if row.closed:
            raise InputError("workshop.votes_closed", code=row.code)

    def _load_session(self, conn: Connection, row: Row[Any]) -> Session:
        texts = conn.execute(
            select(profile_table.c.profile_json).where(profile_table.c.session_id == row.id).order_by(profile_table.c.position)
        ).scalars()
        return Session(
            code=row.code,
            reader=row.reader,
            lang=_lang(row.lang),
            scale=_scale(row.scale),
            profiles=tuple(texts),
            created_at=row.created_at,
            expires_at=row.expires_at,
            closed=bool(row.closed),
            revealed=bool(row.revealed),
        )

    def _results(self, conn: Connection, row: Row[Any]) -> Results:
        session = self._load_session(conn, row)
        tally = {p: dict.fromkeys(session.answers, 0) for p in range(len(session.profiles))}
        for profile, answer, n in conn.execute(
            select(vote_table.c.profile, vote_table.c.answer, func.count())
            .where(vote_table.c.session_id == row.id)
            .group_by(vote_table.c.profile, vote_table.c.answer)
        ):
            tally[profile][answer] = n
        joined = conn.execute(select(func.count()).where(participant_table.c.session_id == row.id)).scalar_one()
        return Results(session, joined, tuple(ProfileResult(p, tally[p]) for p in sorted(tally)))

    def _set_flags(self, code: str, secret: str, **flags: bool) -> Session:
        with self._transaction(write=True) as conn:
            row = self._trainer_row(conn, code, secret)
            conn.execute(update(session_table).where(session_table.c.id == row.id).values(**flags))
            return self._load_session(conn, self._session_row(conn, row.code))

    def _purge(self, conn: Connection, now: datetime) -> int:
        expired = list(conn.execute(select(session_table.c.id).where(session_table.c.expires_at <= now)).scalars())
        if expired:
            self._delete_sessions(conn, expired)
        return len(expired)

    @staticmethod
    def _delete_sessions(conn: Connection, ids: Sequence[int]) -> None:
        """Children first, explicitly: correct even where cascades are not enforced."""
        for table in (vote_table, participant_table, profile_table):
            conn.execute(delete(table).where(table.c.session_id.in_(ids)))
        conn.execute(delete(session_table).where(session_table.c.id.in_(ids)))


# ---------------------------------------------------------------------------------------------
# Checks and conversions


def _unknown_participant(code: str) -> InputError:
    return InputError("workshop.participant_gone", code=code)


def _checked_lifetime(lifetime: timedelta) -> timedelta:
    if not timedelta(0) < lifetime <= LONGEST_LIFETIME:
        days = round(lifetime / timedelta(days=1), 3)
        raise InputError("workshop.lifetime_out_of_range", most=LONGEST_LIFETIME.days, days=days)
    return lifetime


def _checked_session(reader: str, profile_texts: Sequence[str], lang: str, scale: str) -> tuple[str, tuple[str, ...]]:
    reader = reader.strip() if isinstance(reader, str) else ""
    if not reader or len(reader) > MAX_READER_CHARS:
        raise InputError("workshop.reader_missing", most=MAX_READER_CHARS)
    if lang not in LANGS:
        raise InputError("workshop.not_a_language", shown=repr(lang))
    if scale not in SCALES:
        raise InputError("workshop.not_a_scale", shown=repr(scale))
    if isinstance(profile_texts, str) or not 1 <= len(profile_texts) <= MAX_PROFILES:
        raise InputError("workshop.profiles_not_a_list", most=MAX_PROFILES)
    for i, profile_text in enumerate(profile_texts):
        problem = _json_problem(profile_text)
        if problem is not None:
            raise InputError("workshop.profile_not_json", index=i, most=MAX_PROFILE_CHARS, problem=problem)
    return reader, tuple(profile_texts)


def _json_problem(profile_text: object) -> Phrase | None:
    if not isinstance(profile_text, str):
        return phrase("workshop.profile_type", type=type(profile_text).__name__)
    if len(profile_text) > MAX_PROFILE_CHARS:
        return phrase("workshop.profile_length", count=len(profile_text))
    try:
        json.loads(profile_text)
    except json.JSONDecodeError as error:
        return phrase("workshop.invalid_json", line=error.lineno, column=error.colno, detail=error.msg)
    return None


def _check_answer(row: Row[Any], profile: int, answer: int) -> None:
    if isinstance(profile, bool) or not isinstance(profile, int) or not 0 <= profile < row.profile_count:
        raise InputError("workshop.no_such_profile", code=row.code, shown=repr(profile), last=row.profile_count - 1)
    allowed = ANSWERS[_scale(row.scale)]
    if isinstance(answer, bool) or not isinstance(answer, int) or answer not in allowed:
        expected = phrase("workshop.answers_yes_no") if row.scale == "yes_no" else phrase("workshop.answers_scale_5")
        raise InputError("workshop.not_an_answer", shown=repr(answer), code=row.code, expected=expected)


def _lang(value: str) -> Lang:
    return "en" if value == "en" else "fr"


def _scale(value: str) -> Scale:
    return "scale_5" if value == "scale_5" else "yes_no"


def _role(value: str | None) -> Role | None:
    for role in ROLES:
        if value == role:
            return role
    return None


__all__ = [
    "ANSWERS",
    "LANGS",
    "ROLES",
    "SCALES",
    "Counts",
    "Created",
    "Joined",
    "Lang",
    "ProfileResult",
    "Progress",
    "Results",
    "Role",
    "Scale",
    "Session",
    "Store",
    "Vote",
    "data_dir",
    "database_url",
    "metadata",
]
