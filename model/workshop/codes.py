"""The three random strings of a workshop: the room's code, the trainer's secret, a participant's token.

- The **code** is read off a projector and typed on a phone: six characters from an alphabet
  without the look-alikes 0/O and 1/I, case-insensitive. It is not a secret (everyone in the
  room sees it); it only says which workshop.
- The **trainer secret** and a **participant token** are bearer credentials carried in a link.
  Both are made by `secrets`, handed out once, and only their SHA-256 is stored (see
  `digest`), compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from model.errors import InputError

# No 0/O and no 1/I: they are confused when read off a wall across a room.
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 6


def new_code() -> str:
    """A fresh room code, e.g. "K7QX3M" (32**6, about a billion, codes)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """The code as stored, from what a person typed: case and spaces or dashes do not matter.

    Raises InputError when it cannot be a code, saying what a code looks like.
    """
    code = "".join(ch for ch in text.upper() if ch not in " -\t")
    if len(code) != CODE_LENGTH or any(ch not in ALPHABET for ch in code):
        raise InputError("workshop.not_a_code", shown=repr(text), length=CODE_LENGTH)
    return code


def new_secret() -> str:
    """A trainer secret: 32 random bytes, URL-safe (43 characters)."""
    return _not_an_option(secrets.token_urlsafe(32))


def new_token() -> str:
    """A participant token: 16 random bytes, URL-safe (22 characters), short enough for a QR code."""
    return _not_an_option(secrets.token_urlsafe(16))


def digest(credential: str) -> str:
    """The SHA-256 of a secret or token, in hex: what the store keeps instead of the credential.

    Why a hash: whoever reads the database (a backup, a dump, a shared server) cannot act as
    the trainer or vote as a participant. Why a plain fast hash and not bcrypt/scrypt: these
    credentials are 128 to 256 random bits, not passwords a person chose, so there is no
    dictionary to try and nothing a slow hash would protect better.
    """
    return hashlib.sha256(credential.encode("utf-8")).hexdigest()


def matches(credential: str, stored_digest: str) -> bool:
    """Whether `credential` hashes to `stored_digest`, in constant time (no timing hint)."""
    return hmac.compare_digest(digest(credential), stored_digest)


def _not_an_option(text: str) -> str:
    """A secret or token never starts with "-": `regards workshop export CODE --secret -x…` would
    read it as an option (1 in 64 secrets did). Its first character is redrawn among letters."""
    if text[0] in "-_":
        return secrets.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz") + text[1:]
    return text
