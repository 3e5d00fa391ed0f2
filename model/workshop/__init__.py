"""A workshop room's votes: sessions, anonymous participants and their answers, in SQLite or PostgreSQL."""

# The workshop's domain beside its store, imported here so the package's names are always the
# same whatever was imported before (tests/test_workshop_store.py checks dir() against __all__).
from model.workshop import design, links, room, service  # noqa: E402 - after the store they use
from model.workshop.store import (
    ANSWERS,
    LANGS,
    ROLES,
    SCALES,
    Counts,
    Created,
    Joined,
    Lang,
    ProfileResult,
    Progress,
    Results,
    Role,
    Scale,
    Session,
    Store,
    Vote,
    data_dir,
    database_url,
)

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
    "design",
    "links",
    "room",
    "service",
]
