"""The links of a workshop: the participants' (code only, or code and their token) and the
trainer's (code and secret).

- `join_url(base, code)` is what the projector shows as a QR code and a short link:
  `{base}/join?code=K7QX3M`. Opening it joins the room and adds the participant's token to the
  address (`&token=…`), so a refresh or a lost connection resumes where they were.
- `trainer_url(base, code, secret)` is `{base}/workshop?code=K7QX3M&secret=…`: whoever holds
  it can reveal, export and end the workshop, so it is given to the trainer only, once.
  `regards workshop export/end` take it as it is (see `parse_trainer_url`).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

from model.errors import InputError
from model.workshop.codes import normalise_code

DEFAULT_BASE_URL = "http://localhost:8501"
JOIN_PATH = "join"
TRAINER_PATH = "workshop"


def _base(base_url: str) -> str:
    return base_url.rstrip("/")


def join_url(base_url: str, code: str, token: str | None = None) -> str:
    query = {"code": code} if token is None else {"code": code, "token": token}
    return f"{_base(base_url)}/{JOIN_PATH}?{urlencode(query)}"


def trainer_url(base_url: str, code: str, secret: str) -> str:
    return f"{_base(base_url)}/{TRAINER_PATH}?{urlencode({'code': code, 'secret': secret})}"


def parse_trainer_url(url: str) -> tuple[str, str]:
    """The code and secret a trainer link carries; an InputError when it carries neither."""
    query = parse_qs(urlsplit(url.strip()).query)
    code, secret = query.get("code", [""])[0], query.get("secret", [""])[0]
    if not code or not secret:
        raise InputError("workshop.not_a_trainer_link")
    return normalise_code(code), secret
