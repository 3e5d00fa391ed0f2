"""A workshop from the trainer's side, over the store: create one with profiles worth judging,
learn the room, export it. The CLI and the app both go through here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from model.reader import Reader, Readers
from model.workshop.design import DEFAULT_PROFILES, DEFAULT_SEED, choose
from model.workshop.room import Room, judgements, judgements_csv, profile_texts, room
from model.workshop.store import MAX_PROFILES, Created, Lang, Role, Scale, Session, Store, Vote


def create(
    store: Store,
    reader: Reader,
    *,
    profiles: int = DEFAULT_PROFILES,
    lang: Lang = "fr",
    scale: Scale = "yes_no",
    days: float | None = None,
    seed: int = DEFAULT_SEED,
) -> Created:
    """A new session in which the room plays `reader`, on `profiles` profiles chosen by the design."""
    from model.errors import InputError

    if not 1 <= profiles <= MAX_PROFILES:
        raise InputError("workshop.profile_count_out_of_range", most=MAX_PROFILES, count=profiles)
    texts = profile_texts(choose(reader, profiles, seed=seed))
    lifetime = None if days is None else timedelta(days=days)
    return store.create_session(reader.key, texts, lang=lang, scale=scale, lifetime=lifetime)


@dataclass(frozen=True)
class Trainer:
    """What the trainer holds for one session: the session and every vote."""

    session: Session
    votes: tuple[Vote, ...]

    def room(self, readers: Readers, *, role: Role | None = None, compare: bool = True) -> Room:
        return room(readers.by_key(self.session.reader), self.session, self.votes, role=role, compare=compare)

    def csv(self, role: Role | None = None) -> str:
        return judgements_csv(judgements(self.session, self.votes, role=role)[0])


def trainer(store: Store, code: str, secret: str) -> Trainer:
    """The session and its votes, for the holder of its secret."""
    session = store.trainer_results(code, secret).session
    return Trainer(session, store.export_votes(code, secret))


def roles(votes: Sequence[Vote]) -> list[Role]:
    """The roles participants gave, in the store's order."""
    from model.workshop.store import ROLES

    given = {v.role for v in votes}
    return [r for r in ROLES if r in given]
