"""One reader: the verdict, each signal's contribution, the strongest signals, shape curves."""

from __future__ import annotations

import streamlit as st

from model.reading import DEAD_BAND, Reading, format_value, read, verdict_of
from model.shapes import curve
from model.signals import NAMES, SIGNALS, Value
from ui import state
from ui.charts import (
    contributions_chart,
    contributions_frame,
    population_above,
    population_below,
    population_chart,
    shape_chart,
)
from ui.i18n import t
from ui.readers import shared_readers


def reading_page() -> None:
    lang = state.lang()
    reader = shared_readers().readers[st.session_state[state.READER]]
    reading = read(reader, state.profile(), lang)
    st.title(reading.reader_name)
    st.caption(t(lang, "question", question=reading.question))
    _verdict(reading, lang)
    _strongest(reading, lang)
    st.subheader(t(lang, "contributions_title"))
    st.caption(t(lang, "contributions_intro", band=DEAD_BAND))
    st.altair_chart(contributions_chart(reading, lang, state.presenting()), width="stretch")
    _numbers(reading, lang)
    _shape(lang)
    _provenance(reading, lang)


def _verdict(reading: Reading, lang: str) -> None:
    left, right = st.columns([1, 3])
    left.metric(t(lang, "probability"), f"{round(reading.probability * 100)} %")
    right.markdown(f"#### {reading.sentences[0]}")
    if reading.assumed:
        names = ", ".join(SIGNALS[n].label[lang] for n in reading.assumed)
        right.caption(t(lang, "assumed_list", names=names))


def _strongest(reading: Reading, lang: str) -> None:
    pro, con = st.columns(2)
    for column, verdict, title, empty in (
        (pro, "favourable", "strongest_favourable", "none_favourable"),
        (con, "unfavourable", "strongest_unfavourable", "none_unfavourable"),
    ):
        column.subheader(t(lang, title))
        names = reading.strongest(verdict, 3)
        column.markdown("\n".join(f"- {reading.signal_sentences[n]}" for n in names) if names else t(lang, empty))


def _numbers(reading: Reading, lang: str) -> None:
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
def _shape(lang: str) -> None:
    """A fragment: picking another signal redraws only this view."""
    st.subheader(t(lang, "shape_title"))
    reader = shared_readers().readers[st.session_state[state.READER]]
    name = st.selectbox(t(lang, "shape_signal"), NAMES, key="shape_signal", format_func=lambda n: SIGNALS[n].label[lang])
    value = state.profile().values[name]
    shape = curve(reader, name, value)
    big = state.presenting()
    st.altair_chart(shape_chart(shape, lang, big), width="stretch")
    st.altair_chart(population_chart(shape, lang, big), width="stretch")
    verdict = t(lang, verdict_of(shape.here))
    st.caption(t(lang, "shape_caption", value=_with_unit(name, value, lang), verdict=verdict, contribution=shape.here))
    if SIGNALS[name].type != "bool":
        st.caption(
            t(lang, "shape_members", below=_percent(population_below(shape), lang), above=_percent(population_above(shape), lang))
        )


def _percent(share: float, lang: str) -> str:
    return f"{round(share * 100)} %" if lang == "fr" else f"{round(share * 100)}%"


def _with_unit(name: str, value: Value, lang: str) -> str:
    """A value with its unit when it is a count ("300 connections"); yes, no, never and shares speak for themselves."""
    signal = SIGNALS[name]
    text = format_value(signal, value, lang)
    return text if value is None or signal.type in ("bool", "share") else f"{text} {signal.unit[lang]}"


def _provenance(reading: Reading, lang: str) -> None:
    source = reading.provenance
    with st.expander(t(lang, "provenance_title")):
        st.markdown(t(lang, "provenance_persona", file=source["persona_file"], sources=", ".join(source["sources"])))
        kind = "provenance_synthetic" if source["judgements"] == "synthetic" else "provenance_real"
        st.markdown(t(lang, kind, count=source["judgements_count"], source=source["judgements_source"]))
        if source["compared_with"]:
            values = ", ".join(
                f"{SIGNALS[n].label[lang]} {format_value(SIGNALS[n], v, lang)}" for n, v in source["compared_with"].items()
            )
            st.markdown(t(lang, "provenance_compared", values=values))
