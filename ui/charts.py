"""Altair chart builders: plain functions from readings to charts, testable without a browser.

Colours are the Okabe-Ito palette, safe for colour-blind readers: blue for favourable,
vermillion for unfavourable, grey for neutral.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from model.reading import Reading, format_value
from model.shapes import Curve
from model.signals import SIGNALS
from ui.i18n import t

FAVOURABLE_COLOUR = "#0072B2"
UNFAVOURABLE_COLOUR = "#D55E00"
NEUTRAL_COLOUR = "#999999"


def contributions_frame(reading: Reading, lang: str) -> pd.DataFrame:
    """One row per signal, sorted by size of contribution, with everything a tooltip says."""
    rows = [
        {
            "signal": name,
            "label": SIGNALS[name].label[lang],
            "value": format_value(SIGNALS[name], reading.values[name], lang),
            "contribution": round(value, 3),
            "verdict": reading.verdicts[name],
            "verdict_text": t(lang, reading.verdicts[name]),
            "sentence": reading.signal_sentences[name],
        }
        for name, value in reading.contributions.items()
    ]
    frame = pd.DataFrame(rows)
    return frame.reindex(frame["contribution"].abs().sort_values(ascending=False).index).reset_index(drop=True)


def _verdict_colour(lang: str) -> alt.Color:
    domain = ["favourable", "unfavourable", "neutral"]
    return alt.Color(
        "verdict:N",
        scale=alt.Scale(domain=domain, range=[FAVOURABLE_COLOUR, UNFAVOURABLE_COLOUR, NEUTRAL_COLOUR]),
        legend=alt.Legend(title=t(lang, "col_verdict"), labelExpr=_legend_labels(lang), orient="bottom"),
    )


def _legend_labels(lang: str) -> str:
    names = {v: t(lang, v) for v in ("favourable", "unfavourable", "neutral")}
    return " : ".join(f"datum.label == '{k}' ? '{v}'" for k, v in names.items()) + " : datum.label"


def contributions_chart(reading: Reading, lang: str) -> alt.Chart:
    """A diverging bar per signal, largest first, with value, contribution and sentence on hover."""
    frame = contributions_frame(reading, lang)
    order = frame["label"].tolist()
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("contribution:Q", title=t(lang, "col_contribution")),
            y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=260, labelOverlap=False)),
            color=_verdict_colour(lang),
            tooltip=[
                alt.Tooltip("label:N", title=t(lang, "col_signal")),
                alt.Tooltip("value:N", title=t(lang, "col_value")),
                alt.Tooltip("contribution:Q", title=t(lang, "col_contribution"), format="+.2f"),
                alt.Tooltip("sentence:N", title=t(lang, "col_sentence")),
            ],
        )
        .properties(height=alt.Step(22))
    )


def shape_chart(curve: Curve, lang: str) -> alt.VConcatChart:
    """The signal's shape for this reader, "you are here", and the members' spread beneath."""
    label = SIGNALS[curve.signal].label[lang]
    line_data = pd.DataFrame({"x": curve.grid, "contribution": curve.contribution})
    here = pd.DataFrame({"x": [curve.value], "contribution": [curve.here]})
    x = alt.X("x:Q", title=label, scale=alt.Scale(domain=[min(curve.grid), max(curve.grid)]))
    line = (
        alt.Chart(line_data)
        .mark_line(color=FAVOURABLE_COLOUR, strokeWidth=3)
        .encode(x=x, y=alt.Y("contribution:Q", title=t(lang, "col_contribution")))
    )
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color=NEUTRAL_COLOUR, strokeDash=[4, 4]).encode(y="y:Q")
    point = (
        alt.Chart(here)
        .mark_point(size=220, filled=True, color=UNFAVOURABLE_COLOUR)
        .encode(
            x="x:Q", y="contribution:Q", tooltip=[alt.Tooltip("x:Q", title=label), alt.Tooltip("contribution:Q", format="+.2f")]
        )
    )
    spread = (
        alt.Chart(pd.DataFrame({"x": curve.population}))
        .mark_bar(color=NEUTRAL_COLOUR, opacity=0.7)
        .encode(x=alt.X("x:Q", bin=alt.Bin(maxbins=40), title=label), y=alt.Y("count():Q", title=t(lang, "col_share")))
        .properties(height=90)
    )
    return alt.vconcat((line + zero + point).properties(height=240), spread).resolve_scale(x="shared")


def heatmap(rows: list[dict], lang: str) -> alt.Chart:
    """Signals × readers, coloured by contribution (blue favourable, orange unfavourable), numbers on top."""
    frame = pd.DataFrame(rows)
    frame["label"] = frame["signal"].map(lambda s: SIGNALS[s].label[lang])
    frame["contribution"] = frame["contribution"].round(2)
    frame["text"] = frame["contribution"].map(lambda c: "0" if abs(c) < 0.05 else f"{c:+.1f}")
    limit = max(float(frame["contribution"].abs().max()), 0.5)
    order = list(dict.fromkeys(frame["label"]))
    base = alt.Chart(frame).encode(
        x=alt.X("reader_name:N", title=None, axis=alt.Axis(labelAngle=0, labelLimit=220, orient="top")),
        y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=260, labelOverlap=False)),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(
            "contribution:Q",
            scale=alt.Scale(domain=[-limit, 0, limit], range=[UNFAVOURABLE_COLOUR, "#f7f7f7", FAVOURABLE_COLOUR]),
            legend=alt.Legend(title=t(lang, "col_contribution"), orient="bottom", titleLimit=400),
        ),
        tooltip=[
            alt.Tooltip("label:N", title=t(lang, "col_signal")),
            alt.Tooltip("reader_name:N", title=t(lang, "col_reader")),
            alt.Tooltip("contribution:Q", format="+.2f", title=t(lang, "col_contribution")),
        ],
    )
    text = base.mark_text(fontSize=13).encode(text="text:N")
    return (cells + text).properties(height=alt.Step(30))
