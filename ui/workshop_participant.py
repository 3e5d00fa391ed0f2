"""A participant's page, laid out for a phone: join by code (or the QR code's link), then one
profile at a time, described in words, the reader's question and large answer buttons.

The address carries `?code=…&token=…` once joined: a refresh or a lost connection resumes at
the first profile not yet answered. No account, no name; the optional role only splits the
room's results. The store refuses a vote in another workshop or after the votes are closed.
"""

from __future__ import annotations

from typing import Final, cast

import streamlit as st

from model.errors import InputError
from model.workshop.room import session_profiles
from model.workshop.store import ROLES, Progress, Role, Session
from ui import state
from ui.readers import shared_readers
from ui.workshop_common import HIDE_SIDEBAR, store
from words.errors import explain
from words.i18n import Lang, t
from words.workshop import profile_lines

CODE, TOKEN = "code", "token"
AT: Final = state.JOIN_AT  # the profile shown, by index; None: the first not yet answered

PHONE_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding: 3.2rem 1rem 3rem 1rem; max-width: 640px; }
.stButton button { min-height: 3.6rem; font-size: 1.3rem; }
.st-key-regards-facts p { font-size: 0.92rem; line-height: 1.35; margin-bottom: 0.45rem; }
</style>
"""


def join_page() -> None:
    st.markdown(HIDE_SIDEBAR + PHONE_CSS, unsafe_allow_html=True)
    code, token = st.query_params.get(CODE), st.query_params.get(TOKEN)
    lang = state.lang()
    if not token:
        _join_form(code, lang)
        return
    try:
        progress = store().resume(code or "", token)
    except InputError as error:
        st.error(explain(error, lang))
        _join_form(None, lang)
        return
    _profile(progress, code or "", token)


def _join_form(code: str | None, lang: Lang) -> None:
    if code:
        try:
            lang = store().session(code).lang
        except InputError as error:
            st.error(explain(error, lang))
            code = None
    st.title(t(lang, "join_title"))
    st.caption(t(lang, "join_anonymous"))
    with st.form("join_form"):
        typed = st.text_input(t(lang, "join_code"), value=code or "", key=state.JOIN_CODE, max_chars=12)
        role = st.radio(
            t(lang, "join_role"), ["", *ROLES], key=state.JOIN_ROLE, format_func=lambda r: t(lang, f"role_{r or 'none'}")
        )
        submitted = st.form_submit_button(t(lang, "join_button"), type="primary", width="stretch")
    if submitted:
        try:
            joined = store().join(typed, cast("Role | None", role or None))
        except InputError as error:
            st.error(explain(error, lang))
            return
        st.query_params.from_dict({CODE: joined.session.code, TOKEN: joined.token})
        state.session()[AT] = None
        st.rerun()


def _profile(progress: Progress, code: str, token: str) -> None:
    session = progress.session
    lang = session.lang
    if session.closed:
        st.info(t(lang, "join_closed"))
        if session.revealed:
            _room_answers(code, token, session)
        return
    at = state.session().get(AT)
    if at is None or not 0 <= at < len(session.profiles):
        at = progress.next_profile
    if at is None:
        st.success(t(lang, "join_done"))
        st.button(t(lang, "join_change"), key=state.BUTTON_JOIN_CHANGE, on_click=_go, args=(0,))
        return
    reader = shared_readers().by_key(session.reader)
    st.caption(
        t(lang, "join_progress", n=at + 1, total=len(session.profiles)) + " · " + t(lang, "join_as", reader=reader.name(lang))
    )
    st.progress(len(progress.answers) / len(session.profiles))
    profile = session_profiles(session.profiles)[0][at]
    st.subheader(reader.question(lang))
    with st.container(border=True, key=state.BOX_REGARDS_FACTS):
        for title, lines in profile_lines(profile, lang):
            st.markdown(f"**{title}** · " + " · ".join(lines))
    current = progress.answers.get(at)
    if session.scale == "yes_no":
        left, right = st.columns(2)
        for column, answer, key in ((left, 1, "join_yes"), (right, 0, "join_no")):
            column.button(
                t(lang, key),
                key=state.vote_key(answer, at),
                type="primary" if current == answer else "secondary",
                width="stretch",
                on_click=_vote,
                args=(code, token, at, answer, lang),
            )
    else:
        st.caption(t(lang, "join_scale_low"))
        for column, answer in zip(st.columns(5), (1, 2, 3, 4, 5), strict=True):
            column.button(
                str(answer),
                key=state.vote_key(answer, at),
                type="primary" if current == answer else "secondary",
                width="stretch",
                on_click=_vote,
                args=(code, token, at, answer, lang),
            )
    if problem := state.session().pop(state.JOIN_PROBLEM, None):
        st.error(problem)
    if at > 0:
        st.button(t(lang, "join_back"), key=state.BUTTON_JOIN_BACK, on_click=_go, args=(at - 1,))


def _go(at: int) -> None:
    state.session()[AT] = at


def _vote(code: str, token: str, at: int, answer: int, lang: Lang) -> None:
    try:
        store().vote(code, token, at, answer)
        progress = store().resume(code, token)
    except InputError as error:
        state.session()[state.JOIN_PROBLEM] = explain(error, lang)
        return
    after = [i for i in range(at + 1, len(progress.session.profiles)) if i not in progress.answers]
    if after or progress.next_profile is not None:
        state.session()[AT] = after[0] if after else progress.next_profile
    else:  # changing answers already given: step through them, then done
        state.session()[AT] = at + 1 if at + 1 < len(progress.session.profiles) else None


def _room_answers(code: str, token: str, session: Session) -> None:
    lang = session.lang
    try:
        results = store().results(code, token)
    except InputError as error:
        st.error(explain(error, lang))
        return
    st.subheader(t(lang, "join_results"))
    names = {1: t(lang, "join_yes"), 0: t(lang, "join_no")} if session.scale == "yes_no" else {}
    for item in results.profiles:
        answers = " · ".join(f"{names.get(a, a)}: {n}" for a, n in sorted(item.answers.items(), reverse=True))
        st.write(t(lang, "join_progress", n=item.profile + 1, total=len(session.profiles)) + " — " + answers)
