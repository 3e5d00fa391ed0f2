"""The report's charts as Vega-Lite specs (plain dicts): the app's own charts (`ui.charts`, same
colours and tooltips) at a fixed width, since a file has no container to fill, and two of its own."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from model.comparison import contribution_table
from model.reading import Reading
from ui.charts import FAVOURABLE_COLOUR, NEUTRAL_COLOUR, UNFAVOURABLE_COLOUR, contributions_chart, heatmap
from words.i18n import Lang, t
from words.readings import probability_text

WIDTH = 460
FONT = "DejaVu Sans"


def _spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    spec = chart.to_dict(validate=False)
    spec.pop("$schema", None)
    spec.setdefault("config", {})["font"] = FONT
    return spec


def contributions(reading: Reading, lang: Lang) -> dict[str, Any]:
    spec = _spec(contributions_chart(reading, lang).properties(width=WIDTH - 200))
    for layer in spec["layer"]:
        x = layer.get("encoding", {}).get("x")
        if isinstance(x, dict):
            x["scale"] = {**x.get("scale", {}), "padding": 30}  # room for the number at a bar's end, inside the chart
    return spec


def signals_by_reader(readings: list[Reading], lang: Lang) -> dict[str, Any]:
    rows = contribution_table(readings)
    names = {r.key: r.reader.name(lang) for r in readings}
    for row in rows:
        row["reader_name"] = names[row["reader"]]
    spec = _spec(heatmap(rows, lang).properties(width=max(260, 110 * len(readings)), height=alt.Step(15)))
    for layer in spec["layer"]:
        axis = layer.get("encoding", {}).get("x", {}).get("axis")
        if axis is not None:
            axis["orient"] = "bottom"  # a two-line name grows downwards: at the top it ran into the first row
    return spec


def probabilities(readings: list[Reading], lang: Lang) -> dict[str, Any]:
    """One bar per reader: the probability of a favourable reading, its range as a rule."""
    frame = pd.DataFrame(
        {
            "reader": [r.reader.name(lang) for r in readings],
            "probability": [r.probability for r in readings],
            "low": [r.range[0] for r in readings],
            "high": [r.range[1] for r in readings],
            "text": [probability_text(r.probability, lang) for r in readings],
        }
    )
    y = alt.Y("reader:N", sort=None, title=None, axis=alt.Axis(labelLimit=260, labelExpr="split(datum.label, ' — ')"))
    x = alt.X("probability:Q", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%"), title=t(lang, "probability"))
    tooltip = [alt.Tooltip("reader:N", title=t(lang, "col_reader")), alt.Tooltip("text:N", title=t(lang, "probability"))]
    base = alt.Chart(frame).encode(y=y, tooltip=tooltip)
    bars = base.mark_bar(color=FAVOURABLE_COLOUR, height=16).encode(x=x)
    spread = base.mark_rule(color="black", strokeWidth=1.5).encode(x="low:Q", x2="high:Q")
    half = alt.Chart(pd.DataFrame({"x": [0.5]})).mark_rule(color=NEUTRAL_COLOUR, strokeDash=[4, 4]).encode(x="x:Q")
    labels = base.mark_text(align="left", dx=6, color="black").encode(x="high:Q", text="text:N")
    chart = alt.layer(bars, spread, half, labels).properties(width=WIDTH - 160, height=alt.Step(24))
    return _spec(chart)


def whatif(lang: Lang) -> dict[str, Any]:
    """The what-if's contributions, fed by the file's JavaScript through the named data `whatif`."""
    domain = ["favourable", "unfavourable", "neutral"]
    colour = alt.Color(
        "verdict:N",
        scale=alt.Scale(domain=domain, range=[FAVOURABLE_COLOUR, UNFAVOURABLE_COLOUR, NEUTRAL_COLOUR]),
        legend=None,
    )
    chart = (
        alt.Chart(alt.NamedData("whatif"))
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelLimit=300)),
            x=alt.X("contribution:Q", title=t(lang, "col_contribution")),
            color=colour,
            tooltip=[
                alt.Tooltip("label:N", title=t(lang, "col_signal")),
                alt.Tooltip("contribution:Q", format="+.2f", title=t(lang, "col_contribution")),
            ],
        )
        .properties(width=WIDTH - 200, height=alt.Step(18))
    )
    return _spec(chart)
