"""One reader: the verdict with its range and standing, the reasons for and against with their
sources, each signal's contribution, shape curves, and where the reader comes from."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from model.curves import curve
from model.errors import InputError
from model.judgements import read_csv
from model.presets import presets
from model.reader import Reader, departures, learn
from model.reading import Reading, Verdict, read, verdict_of
from model.signals import NAMES, SIGNALS
from ui import state
from ui.charts import (
    contribution_rows,
    contributions_chart,
    population_above,
    population_below,
    population_chart,
    shape_chart,
)
from ui.readers import forget_learned, keep_learned, session_readers
from words.errors import explain
from words.i18n import Lang, t
from words.numbers import percent, signed
from words.readings import (
    basis_text,
    probability_short,
    reason_text,
    source_tag,
    standing_text,
    value_with_unit,
    verdict_sentence,
)

PROFILE_PAGE = "views/profile.py"


def reader_key(reader: Reader) -> tuple[str, int]:
    """What a chart of this reader depends on: which reader, and which object (a learned one replaces the textbook one)."""
    return (reader.key, id(reader))


def reading_page() -> None:
    lang = state.lang()
    reader = session_readers().readers[state.session()[state.READER]]
    reading = read(reader, state.profile())
    example_notice(lang)
    st.title(reader.name(lang))
    st.caption(t(lang, "question", question=reader.question(lang)))
    _verdict(reading, lang)
    _strongest(reading, lang)
    st.subheader(t(lang, "contributions_title"))
    st.caption(t(lang, "contributions_intro"))
    big = state.presenting()
    spec = state.cached_chart(
        "contributions", (*reader_key(reader), state.profile_key(), lang, big), lambda: contributions_chart(reading, lang, big)
    )
    st.vega_lite_chart(spec, width="stretch")
    _numbers(reading, lang)
    _shape(lang)
    _provenance(reading, lang)


def example_notice(lang: Lang) -> None:
    """The first screen says the profile is an example, and offers the two ways in."""
    preset = state.session()[state.PRESET]
    if not preset:
        return
    with st.container(border=True, key=state.BOX_EXAMPLE_NOTICE):
        st.markdown(t(lang, "example_notice", name=presets()[preset].name[lang]))
        ways = st.container(horizontal=True)
        if ways.button(t(lang, "example_enter"), key=state.BUTTON_EXAMPLE_ENTER, type="primary"):
            st.switch_page(PROFILE_PAGE)
        if ways.button(t(lang, "example_import"), key=state.BUTTON_EXAMPLE_IMPORT):
            state.session()[state.FOCUS_IMPORT] = True
            st.switch_page(PROFILE_PAGE)


def _verdict(reading: Reading, lang: Lang) -> None:
    left, right = st.columns([1, 3])
    left.metric(t(lang, "probability"), probability_short(reading.probability, lang))
    right.markdown(f"#### {verdict_sentence(reading, lang)}")
    right.caption(standing_text(reading, lang))
    if not reading.readable:
        right.warning(t(lang, "unreadable_hint", names=", ".join(SIGNALS[n].label[lang] for n in reading.missing)))
    elif reading.assumed:
        right.caption(t(lang, "assumed_list", names=", ".join(SIGNALS[n].label[lang] for n in reading.assumed)))


def _strongest(reading: Reading, lang: Lang) -> None:
    pro, con = st.columns(2)
    sides: tuple[tuple[Any, Verdict, str, str], ...] = (
        (pro, "favourable", "strongest_favourable", "none_favourable"),
        (con, "unfavourable", "strongest_unfavourable", "none_unfavourable"),
    )
    for column, verdict, title, empty in sides:
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
    """The chart's numbers as a table in words (markdown: cheap to send, prints whole)."""
    with st.expander(t(lang, "numbers_in_words")):
        key = (*reader_key(reading.reader), state.profile_key(), lang)
        st.markdown(state.cached_chart("numbers", key, lambda: numbers_table(reading, lang)))


def numbers_table(reading: Reading, lang: Lang) -> str:
    columns = ("col_signal", "col_value", "col_contribution_words", "col_verdict", "col_sentence")
    lines = ["| " + " | ".join(t(lang, c) for c in columns) + " |", "|" + "---|" * len(columns)]
    for row in contribution_rows(reading, lang):
        cells = (row["label"], row["value"], row["text"], row["verdict_text"], row["sentence"])
        lines.append("| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


@st.fragment
def _shape(lang: Lang) -> None:
    """A fragment: picking another signal redraws only this view."""
    st.subheader(t(lang, "shape_title"))
    reader = session_readers().readers[state.session()[state.READER]]
    shown = [n for n in NAMES if not reader.ignores(n)]
    name = st.selectbox(t(lang, "shape_signal"), shown, key=state.SHAPE_SIGNAL, format_func=lambda n: SIGNALS[n].label[lang])
    value = state.profile().values[name]
    shape = state.cached_chart("curve", (*reader_key(reader), name, value), lambda: curve(reader, name, value))
    big = state.presenting()
    key = (*reader_key(reader), name, value, lang, big)
    st.vega_lite_chart(state.cached_chart("shape", key, lambda: shape_chart(shape, lang, big)), width="stretch")
    st.vega_lite_chart(state.cached_chart("spread", key, lambda: population_chart(shape, lang, big)), width="stretch")
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
        st.page_link("views/evidence.py", label=t(lang, "sources_link"), icon=":material/menu_book:")
        if reader.basis.kind == "learned":
            _departures(reader, lang)
            st.button(t(lang, "back_to_textbook"), key=state.BUTTON_BACK_TO_TEXTBOOK, on_click=forget_learned, args=(reader.key,))
        st.file_uploader(
            t(lang, "judgements_upload"),
            type=["csv"],
            key=state.JUDGEMENTS_UPLOAD,
            help=t(lang, "judgements_help"),
            on_change=_learn,
            args=(reader,),
        )
        if problem := state.session().get(state.JUDGEMENTS_PROBLEM):
            st.error(t(lang, "judgements_error", message=explain(problem, lang, codes=False)))


def _departures(reader: Reader, lang: Lang) -> None:
    """Signal by signal, where the learned reader departs from the textbook one."""
    rows = [
        {
            t(lang, "col_signal"): SIGNALS[d.signal].label[lang],
            t(lang, "col_textbook"): signed(d.textbook, lang, 2),
            t(lang, "col_learned"): signed(d.learned, lang, 2),
            t(lang, "col_reversed"): t(lang, "value_yes") if d.reversed else "",
        }
        for d in departures(reader)
    ]
    st.caption(t(lang, "departures_intro"))
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def _learn(reader: Reader) -> None:
    """Learn this reader from an uploaded judgements CSV, in memory, for this session only."""
    state.session().pop(state.JUDGEMENTS_PROBLEM, None)
    uploaded = state.session().get(state.JUDGEMENTS_UPLOAD)
    if uploaded is None:
        return
    try:
        judgements = read_csv(uploaded.getvalue(), uploaded.name)
    except InputError as error:
        state.session()[state.JUDGEMENTS_PROBLEM] = error
        return
    base = session_readers().readers[reader.key]
    textbook = base if base.basis.kind == "textbook" else session_readers().readers[reader.key]
    keep_learned(learn(textbook, judgements))
