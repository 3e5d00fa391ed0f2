"""One reader: the verdict with its range and standing, the reasons for and against with their
sources, each signal's contribution, shape curves, and where the reader comes from."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from model.curves import curve
from model.errors import InputError
from model.judgements import read_csv
from model.reader import Reader, departures, learn
from model.reading import DEAD_BAND, Reading, read, verdict_of
from model.signals import NAMES, SIGNALS
from ui import state
from ui.charts import (
    contributions_chart,
    contributions_frame,
    population_above,
    population_below,
    population_chart,
    shape_chart,
)
from ui.readers import forget_learned, keep_learned, session_readers
from words.i18n import Lang, t
from words.numbers import percent, signed
from words.readings import basis_text, probability_text, reason_text, source_tag, standing_text, value_with_unit, verdict_sentence


def reading_page() -> None:
    lang = state.lang()
    reader = session_readers().readers[st.session_state[state.READER]]
    reading = read(reader, state.profile())
    st.title(reader.name(lang))
    st.caption(t(lang, "question", question=reader.question(lang)))
    _verdict(reading, lang)
    _strongest(reading, lang)
    st.subheader(t(lang, "contributions_title"))
    st.caption(t(lang, "contributions_intro", band=signed(DEAD_BAND, lang)))
    st.altair_chart(contributions_chart(reading, lang, state.presenting()), width="stretch")
    _numbers(reading, lang)
    _shape(lang)
    _provenance(reading, lang)


def _verdict(reading: Reading, lang: Lang) -> None:
    left, right = st.columns([1, 3])
    left.metric(t(lang, "probability"), probability_text(reading.probability, lang))
    right.markdown(f"#### {verdict_sentence(reading, lang)}")
    right.caption(standing_text(reading, lang))
    if not reading.readable:
        right.warning(t(lang, "unreadable_hint", names=", ".join(SIGNALS[n].label[lang] for n in reading.missing)))
    elif reading.assumed:
        right.caption(t(lang, "assumed_list", names=", ".join(SIGNALS[n].label[lang] for n in reading.assumed)))


def _strongest(reading: Reading, lang: Lang) -> None:
    pro, con = st.columns(2)
    for column, verdict, title, empty in (
        (pro, "favourable", "strongest_favourable", "none_favourable"),
        (con, "unfavourable", "strongest_unfavourable", "none_unfavourable"),
    ):
        column.subheader(t(lang, title))
        found = reading.strongest(verdict, 3)
        if not found:
            column.markdown(t(lang, empty))
        for reason in found:
            tags = " · ".join(f"`{source_tag(s, lang)}`" for s in reason.sources)
            column.markdown(
                f"- {reason_text(reading.reader, reason, reading.values[reason.signal], lang, reason.signal in reading.assumed)}  \n  {tags}"
            )


def _numbers(reading: Reading, lang: Lang) -> None:
    with st.expander(t(lang, "numbers_in_words")):
        frame = contributions_frame(reading, lang)
        table = frame[["label", "value", "contribution", "verdict_text", "sentence"]].rename(
            columns={
                "label": t(lang, "col_signal"),
                "value": t(lang, "col_value"),
                "contribution": t(lang, "col_contribution"),
                "verdict_text": t(lang, "col_verdict"),
                "sentence": t(lang, "col_sentence"),
            }
        )
        st.dataframe(table, hide_index=True, width="stretch")


@st.fragment
def _shape(lang: Lang) -> None:
    """A fragment: picking another signal redraws only this view."""
    st.subheader(t(lang, "shape_title"))
    reader = session_readers().readers[st.session_state[state.READER]]
    shown = [n for n in NAMES if not reader.ignores(n)]
    name = st.selectbox(t(lang, "shape_signal"), shown, key="shape_signal", format_func=lambda n: SIGNALS[n].label[lang])
    value = state.profile().values[name]
    shape = curve(reader, name, value)
    big = state.presenting()
    st.altair_chart(shape_chart(shape, lang, big), width="stretch")
    st.altair_chart(population_chart(shape, lang, big), width="stretch")
    verdict = t(lang, verdict_of(shape.here))
    st.caption(
        t(
            lang,
            "shape_caption",
            value=value_with_unit(SIGNALS[name], value, lang),
            verdict=verdict,
            contribution=signed(shape.here, lang, 2),
        )
    )
    if SIGNALS[name].type != "bool":
        st.caption(
            t(lang, "shape_members", below=percent(population_below(shape), lang), above=percent(population_above(shape), lang))
        )


def _provenance(reading: Reading, lang: Lang) -> None:
    reader = reading.reader
    with st.expander(t(lang, "provenance_title"), expanded=reader.basis.kind == "learned"):
        st.markdown(basis_text(reader, lang))
        if reader.basis.kind == "learned":
            _departures(reader, lang)
            st.button(t(lang, "back_to_textbook"), key="back_to_textbook", on_click=forget_learned, args=(reader.key,))
        st.file_uploader(
            t(lang, "judgements_upload"),
            type=["csv"],
            key="judgements_upload",
            help=t(lang, "judgements_help"),
            on_change=_learn,
            args=(reader,),
        )
        if problem := st.session_state.get("judgements_problem"):
            st.error(t(lang, "judgements_error", message=problem.text(lang)))


def _departures(reader: Reader, lang: Lang) -> None:
    """Signal by signal, where the learned reader departs from the textbook one."""
    rows = [
        {
            t(lang, "col_signal"): SIGNALS[d.signal].label[lang],
            t(lang, "col_textbook"): round(d.textbook, 2),
            t(lang, "col_learned"): round(d.learned, 2),
            t(lang, "col_reversed"): t(lang, "value_yes") if d.reversed else "",
        }
        for d in departures(reader)
    ]
    st.caption(t(lang, "departures_intro"))
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def _learn(reader: Reader) -> None:
    """Learn this reader from an uploaded judgements CSV, in memory, for this session only."""
    st.session_state.pop("judgements_problem", None)
    uploaded = st.session_state.get("judgements_upload")
    if uploaded is None:
        return
    try:
        judgements = read_csv(uploaded.getvalue(), uploaded.name)
    except InputError as error:
        st.session_state["judgements_problem"] = error
        return
    base = session_readers().readers[reader.key]
    textbook = base if base.basis.kind == "textbook" else session_readers().readers[reader.key]
    keep_learned(learn(textbook, judgements))
