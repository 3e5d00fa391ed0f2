"""All readers side by side: probabilities, a signals × readers heatmap, and disagreements."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from model.comparison import agreements, contribution_table, disagreements
from model.reading import Reading, read_all
from model.signals import SIGNALS
from ui import state
from ui.charts import heatmap
from ui.i18n import t
from ui.readers import shared_readers


def compare_page() -> None:
    lang = state.lang()
    readings = read_all(shared_readers(), state.profile(), lang)
    st.title(t(lang, "compare_title"))
    st.write(t(lang, "compare_intro"))
    columns = st.columns(len(readings))
    for column, reading in zip(columns, readings, strict=True):
        column.metric(reading.reader_name, f"{round(reading.probability * 100)} %", label_visibility="collapsed")
        column.markdown(f"**{reading.reader_name}**")
        column.caption(reading.question)
    _disagreements(readings, lang)
    st.subheader(t(lang, "heatmap_title"))
    st.altair_chart(heatmap(contribution_table(readings), lang, state.presenting()), width="stretch")
    _numbers(readings, lang)


def _disagreements(readings: list[Reading], lang: str) -> None:
    st.subheader(t(lang, "disagreements_title"))
    names = {r.key: r.reader_name for r in readings}
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


def _numbers(readings: list[Reading], lang: str) -> None:
    with st.expander(t(lang, "numbers_in_words")):
        table = pd.DataFrame(
            {r.reader_name: {SIGNALS[n].label[lang]: round(c, 2) for n, c in r.contributions.items()} for r in readings}
        )
        table.index.name = t(lang, "col_signal")
        st.dataframe(table, width="stretch")
