"""Downloads that leave nothing personal at a guessable address.

Streamlit serves a download button's file at `/media/<hash of its content and file name>`,
to anyone who asks, until the session's files are cleaned up; the same profile gives the same
address for everyone, so a guessed profile could be confirmed. Here the file is built only when
the person clicks (a callable: nothing is stored before), and its name carries a random part,
so its address cannot be guessed from its content."""

from __future__ import annotations

import secrets
from collections.abc import Callable

import streamlit as st


def private_name(stem: str, extension: str) -> str:
    """ "regards-profile-3f9a2c81.json": a file name nobody can guess."""
    return f"{stem}-{secrets.token_hex(4)}.{extension}"


def private_download(label: str, build: Callable[[], bytes | str], *, stem: str, extension: str, mime: str, key: str) -> None:
    """A download button whose file is built on click and served at an unguessable address."""
    st.download_button(label, data=build, file_name=private_name(stem, extension), mime=mime, key=key, on_click="ignore")
