"""The trainer's workshop page: create a workshop, project its code and live counts, reveal the
room's reader beside the textbook one, keep it for the session, export, end.

The page's address carries `?code=…&secret=…` once a workshop exists (the trainer's link):
a refresh comes back to the same workshop; without the secret nothing here is reachable.
"""

from __future__ import annotations

from typing import Final, cast

import altair as alt
import pandas as pd
import segno
import streamlit as st

from model.errors import InputError
from model.presets import presets
from model.reading import read
from model.signals import SIGNALS
from model.workshop.design import DEFAULT_PROFILES
from model.workshop.links import join_url, trainer_url
from model.workshop.room import persona_document, persona_toml
from model.workshop.service import Trainer, create, roles, trainer
from model.workshop.store import DEFAULT_LIFETIME, LANGS, LONGEST_LIFETIME, SCALES, Role, Session
from ui import state
from ui.readers import LEARNED, keep_learned, shared_readers
from ui.workshop_common import base_url, store
from words.errors import explain
from words.i18n import Lang, t
from words.numbers import date, number
from words.readings import probability_text
from words.workshop import comparison_text, disagreement_text, persona_header, persona_texts

CODE, SECRET = "code", "secret"
ROOMS: Final = state.WORKSHOP_ROOMS  # (code, role) -> Room, learned once after the reveal (votes are closed by then)
REFRESH_SECONDS = 2
ROOM_PROFILES = (3, 40)
"""How many profiles a room can judge in one sitting, as the form offers (the store takes up to
MAX_PROFILES, for rooms run from the command line)."""

PROJECTOR_CSS = """
<style>
.regards-code { font-size: 4.5rem; font-weight: 700; letter-spacing: 0.3rem; line-height: 1.1; }
.regards-link { font-size: 1.6rem; }
</style>
"""


def workshop_page() -> None:
    lang = state.lang()
    st.title(t(lang, "workshop_title"))
    if state.session().pop(state.WORKSHOP_ENDED, False):
        st.success(t(lang, state.WORKSHOP_ENDED))
    code, secret = st.query_params.get(CODE), st.query_params.get(SECRET)
    if not code or not secret:
        _create_form(lang)
        return
    try:
        held = trainer(store(), code, secret)
    except InputError as error:
        st.error(t(lang, "workshop_error", message=explain(error, lang)))
        return
    if not held.session.revealed:
        _projector_header(held.session, lang)
        _live_counts(held.session.code, len(held.session.profiles), lang)
        st.info(t(lang, "workshop_hidden"))
        st.button(
            t(lang, "workshop_reveal"),
            key=state.BUTTON_WORKSHOP_REVEAL,
            type="primary",
            on_click=_reveal,
            args=(code, secret, lang),
        )
    else:  # the room's reader first; the votes that made it below
        _results(held, lang)
        _counts(held.session.code, len(held.session.profiles), lang)
    _trainer_tools(held, secret, lang)


def _create_form(lang: Lang) -> None:
    st.write(t(lang, "workshop_intro"))
    readers = shared_readers()
    keys = sorted(readers.readers)
    with st.form("workshop_create_form"):
        st.selectbox(
            t(lang, "workshop_reader"),
            keys,
            index=keys.index(state.DEFAULT_READER) if state.DEFAULT_READER in keys else 0,
            key=state.WORKSHOP_READER,
            format_func=lambda k: f"{readers.readers[k].name(lang)} — {readers.readers[k].question(lang)}",
        )
        st.radio(
            t(lang, "workshop_lang"),
            LANGS,
            index=LANGS.index(lang),
            key=state.WORKSHOP_LANG,
            horizontal=True,
            format_func=lambda language: t(language, "language_name"),
        )
        st.number_input(
            t(lang, "workshop_profiles"),
            min_value=ROOM_PROFILES[0],
            max_value=ROOM_PROFILES[1],
            value=DEFAULT_PROFILES,
            key=state.WORKSHOP_PROFILES,
        )
        st.radio(
            t(lang, "workshop_scale"),
            SCALES,
            key=state.WORKSHOP_SCALE,
            horizontal=True,
            format_func=lambda s: t(lang, f"workshop_scale_{s}"),
        )
        st.number_input(
            t(lang, "workshop_days"),
            min_value=1,
            max_value=LONGEST_LIFETIME.days,
            value=DEFAULT_LIFETIME.days,
            key=state.WORKSHOP_DAYS,
        )
        submitted = st.form_submit_button(t(lang, "workshop_create"), type="primary")
    if submitted:
        try:
            made = create(
                store(),
                readers.by_key(state.session()[state.WORKSHOP_READER]),
                profiles=int(state.session()[state.WORKSHOP_PROFILES]),
                lang=state.session()[state.WORKSHOP_LANG],
                scale=state.session()[state.WORKSHOP_SCALE],
                days=int(state.session()[state.WORKSHOP_DAYS]),
            )
        except InputError as error:
            st.error(t(lang, "workshop_error", message=explain(error, lang)))
            return
        st.query_params.from_dict({CODE: made.session.code, SECRET: made.secret})
        st.rerun()


def _projector_header(session: Session, lang: Lang) -> None:
    st.markdown(PROJECTOR_CSS, unsafe_allow_html=True)
    link = join_url(base_url(), session.code)
    left, right = st.columns([3, 2])
    with left:
        reader = shared_readers().by_key(session.reader)
        st.subheader(t(lang, "workshop_question", question=reader.question(session.lang)))
        st.markdown(t(lang, "workshop_join_at", url=link))
        st.markdown(f'<div class="regards-code">{session.code}</div>', unsafe_allow_html=True)
    with right:
        qr = segno.make(link, error="m").svg_data_uri(scale=10, border=2)
        st.markdown(f'<img src="{qr}" alt="QR {session.code}" style="width: 100%; max-width: 340px;">', unsafe_allow_html=True)


@st.fragment(run_every=REFRESH_SECONDS)
def _live_counts(code: str, profiles: int, lang: Lang) -> None:
    """The only part that reruns every 2 s while the room votes: two indexed queries."""
    _counts(code, profiles, lang)


def _counts(code: str, profiles: int, lang: Lang) -> None:
    try:
        counts = store().counts(code)
    except InputError as error:
        st.error(t(lang, "workshop_error", message=explain(error, lang)))
        return
    left, right = st.columns(2)
    left.metric(t(lang, "workshop_joined"), number(counts.joined, lang))
    right.metric(t(lang, "workshop_votes"), number(sum(counts.votes), lang))
    st.caption(t(lang, "workshop_votes_title") + " — " + " · ".join(f"{i + 1}: {n}" for i, n in enumerate(counts.votes)))
    frame = pd.DataFrame({"profile": [str(i + 1) for i in range(profiles)], "votes": counts.votes})
    chart = (
        alt.Chart(frame, height=180)
        .mark_bar()
        .encode(
            x=alt.X("profile:O", sort=None, title=t(lang, "workshop_profile_axis"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("votes:Q", title=t(lang, "workshop_votes"), axis=alt.Axis(format="d", tickMinStep=1)),
            tooltip=["profile", "votes"],
        )
    )
    st.altair_chart(chart, width="stretch")


def _reveal(code: str, secret: str, lang: Lang) -> None:
    try:
        store().reveal(code, secret)
    except InputError as error:
        state.session()[state.WORKSHOP_PROBLEM] = explain(error, lang)


def _results(held: Trainer, lang: Lang) -> None:
    st.header(t(lang, "workshop_results_title"))
    given = roles(held.votes)
    role = None
    if given:
        choice = st.selectbox(
            t(lang, "workshop_by_role"),
            ["", *given],
            key=state.WORKSHOP_ROLE,
            format_func=lambda r: t(lang, "workshop_everyone") if not r else t(lang, f"role_{r}"),
        )
        role = cast("Role | None", choice or None)
    rooms = state.session().setdefault(ROOMS, {})
    key = (held.session.code, role)
    if key not in rooms:
        rooms[key] = held.room(shared_readers(), role=role)
    found = rooms[key]
    if found.votes == 0:  # none yet, or only 3s on the 1-5 scale (neither yes nor no)
        st.info(t(lang, "workshop_only_threes" if found.dropped else "workshop_no_votes"))
        return
    if held.session.scale == "scale_5":
        st.caption(t(lang, "workshop_basis_dropped", count=number(found.votes, lang), dropped=number(found.dropped, lang)))
    else:
        st.caption(t(lang, "workshop_basis", count=number(found.votes, lang)))
    st.write(disagreement_text(found, lang))
    st.subheader(t(lang, "workshop_comparison_title"))
    different = [c for c in found.comparisons if c.kind != "same"]
    if not different:
        st.write(t(lang, "workshop_no_difference"))
    for item in different[:8]:
        st.markdown("- " + comparison_text(item, lang))
    with st.expander(t(lang, "workshop_weights")):
        table = pd.DataFrame(
            [
                {
                    t(lang, "col_signal"): SIGNALS[c.signal].label[lang],
                    t(lang, "workshop_col_textbook"): round(c.textbook, 2),
                    t(lang, "workshop_col_room"): round(c.room, 2),
                    t(lang, "col_sentence"): comparison_text(c, lang),
                }
                for c in found.comparisons
            ]
        )
        st.dataframe(table, hide_index=True, width="stretch")
    example = presets().get(state.DEFAULT_PRESET)
    if example is not None:
        st.subheader(t(lang, "workshop_comms_title"))
        left, right = st.columns(2)
        for column, name, reader in ((left, "workshop_textbook", found.textbook), (right, "workshop_room", found.reader)):
            column.metric(t(lang, name), probability_text(read(reader, example.profile).probability, lang))
    st.button(t(lang, "workshop_keep"), key=state.BUTTON_WORKSHOP_KEEP, on_click=keep_learned, args=(found.reader,))
    if state.session().get(LEARNED, {}).get(found.reader.key) is found.reader:
        st.success(t(lang, "workshop_kept"))
    code = held.session.code
    texts = persona_texts(found.textbook, code)
    persona_id = f"workshop_{code.lower()}"
    toml = persona_toml(persona_document(found.reader, persona_id, texts), persona_header(found.textbook, code))
    left, right = st.columns(2)
    left.download_button(
        t(lang, "workshop_export_csv"),
        held.csv(role),
        file_name=f"workshop_{code}.csv",
        mime="text/csv",
        key=state.BUTTON_WORKSHOP_CSV,
    )
    right.download_button(
        t(lang, "workshop_export_persona"),
        toml,
        file_name=f"{persona_id}.toml",
        mime="application/toml",
        key=state.BUTTON_WORKSHOP_PERSONA,
    )


def _trainer_tools(held: Trainer, secret: str, lang: Lang) -> None:
    if problem := state.session().pop(state.WORKSHOP_PROBLEM, None):
        st.error(t(lang, "workshop_error", message=problem))
    st.divider()
    with st.expander(t(lang, "workshop_trainer_link")):
        st.code(trainer_url(base_url(), held.session.code, secret), language=None)
        st.caption(t(lang, "workshop_expires", date=date(held.session.expires_at.date(), lang)))
    st.button(t(lang, "workshop_end"), key=state.BUTTON_WORKSHOP_END, on_click=_end, args=(held.session.code, secret, lang))


def _end(code: str, secret: str, lang: Lang) -> None:
    try:
        store().end(code, secret)
    except InputError as error:
        state.session()[state.WORKSHOP_PROBLEM] = explain(error, lang)
        return
    state.session().pop(ROOMS, None)
    st.query_params.clear()
    state.session()[state.WORKSHOP_ENDED] = True
