"""All readers side by side: probabilities, a signals × readers heatmap, and disagreements."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from model.comparison import agreements, contribution_table, differences, disagreements
from model.reading import Reading, read_all
from model.signals import SIGNALS
from ui import state
from ui.charts import heatmap
from ui.readers import session_readers
from words.i18n import Lang, t
from words.numbers import signed, typography
from words.readings import probability_short


def compare_page() -> None:
    lang = state.lang()
    readings = read_all(session_readers(), state.profile())
    st.title(t(lang, "compare_title"))
    st.write(t(lang, "compare_intro_disagree" if disagreements(readings) else "compare_intro"))
    columns = st.columns(len(readings))
    for column, reading in zip(columns, readings, strict=True):
        name = reading.reader.name(lang)
        column.metric(name, probability_short(reading.probability, lang), label_visibility="collapsed")
        column.markdown(f"**{name}**")
        column.caption(typography(reading.reader.question(lang), lang))
    _differences(readings, lang)
    _disagreements(readings, lang)
    st.subheader(t(lang, "heatmap_title"))
    big = state.presenting()
    key = (tuple((r.key, id(r.reader)) for r in readings), state.profile_key(), lang, big)

    def build() -> dict[str, object]:
        names = {r.key: r.reader.name(lang) for r in readings}
        return heatmap([{**row, "reader_name": names[row["reader"]]} for row in contribution_table(readings)], lang, big)

    st.vega_lite_chart(state.cached_chart("heatmap", key, build), width="stretch")
    _numbers(readings, lang)


def _differences(readings: list[Reading], lang: Lang) -> None:
    """Where the readers differ most: the seed's "cela dépend de ce que recherche le lecteur"."""
    st.subheader(t(lang, "differ_title"))
    found = differences(readings)
    if not found:
        st.write(t(lang, "no_difference"))
    names = {r.key: r.reader.name(lang) for r in readings}
    for item in found:
        parts = ", ".join(f"{names[k]} {signed(v, lang)}" for k, v in sorted(item.by_reader.items(), key=lambda kv: kv[1]))
        st.markdown("- " + t(lang, "differ_line", signal=SIGNALS[item.signal].label[lang], parts=parts))


def _disagreements(readings: list[Reading], lang: Lang) -> None:
    st.subheader(t(lang, "disagreements_title"))
    names = {r.key: r.reader.name(lang) for r in readings}
    found = disagreements(readings)
    if not found:
        st.write(t(lang, "no_disagreement"))
    for item in found:
        st.markdown(
            "- "
            + t(
                lang,
                "disagreement_line",
                signal=SIGNALS[item.signal].label[lang],
                pro=", ".join(names[k] for k in item.favourable),
                con=", ".join(names[k] for k in item.unfavourable),
            )
        )
    for verdict, key in (("favourable", "agree_favourable"), ("unfavourable", "agree_unfavourable")):
        shared = agreements(readings, verdict)
        if shared:
            st.caption(t(lang, key, names=", ".join(SIGNALS[n].label[lang] for n in shared)))


def _numbers(readings: list[Reading], lang: Lang) -> None:
    with st.expander(t(lang, "numbers_in_words")):
        table = pd.DataFrame(
            {
                r.reader.name(lang): {SIGNALS[n].label[lang]: signed(c, lang, 2) for n, c in r.contributions.items()}
                for r in readings
            }
        )
        table.index.name = t(lang, "col_signal")
        st.dataframe(table, width="stretch")
