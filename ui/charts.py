"""Altair chart builders: plain functions from readings to charts, testable without a browser.

Colours are the Okabe-Ito palette, safe for colour-blind readers: blue for favourable,
vermillion for unfavourable, grey for neutral.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from model.curves import Curve
from model.reading import Reading
from model.signals import SIGNALS
from words.i18n import t
from words.readings import reason_text, value_text

FAVOURABLE_COLOUR = "#0072B2"
UNFAVOURABLE_COLOUR = "#D55E00"
NEUTRAL_COLOUR = "#999999"
Y_AXIS_WIDTH = 56  # the shape and the spread beneath it share their x axis only if their y axes are as wide


def contributions_frame(reading: Reading, lang: str) -> pd.DataFrame:
    """One row per signal, sorted by size of contribution, with everything a tooltip says."""
    texts = {
        r.signal: reason_text(reading.reader, r, reading.values[r.signal], lang, r.signal in reading.assumed)
        for r in reading.reasons
    }
    rows = [
        {
            "signal": name,
            "label": SIGNALS[name].label[lang],
            "value": value_text(SIGNALS[name], reading.values[name], lang),
            "contribution": round(value, 3),
            "verdict": reading.verdicts[name],
            "verdict_text": t(lang, reading.verdicts[name]),
            "sentence": texts.get(name, ""),
        }
        for name, value in reading.contributions.items()
        if not reading.reader.ignores(name)
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


def contributions_chart(reading: Reading, lang: str, big: bool = False) -> alt.LayerChart:
    """A diverging bar per signal, largest first, its number at the bar's end, details on hover."""
    frame = contributions_frame(reading, lang)
    frame["text"] = frame["contribution"].map(_signed)
    order = frame["label"].tolist()
    base = alt.Chart(frame).encode(
        y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=320, labelOverlap=False)),
        tooltip=[
            alt.Tooltip("label:N", title=t(lang, "col_signal")),
            alt.Tooltip("value:N", title=t(lang, "col_value")),
            alt.Tooltip("contribution:Q", title=t(lang, "col_contribution"), format="+.2f"),
            alt.Tooltip("sentence:N", title=t(lang, "col_sentence")),
        ],
    )
    bars = base.mark_bar().encode(x=alt.X("contribution:Q", title=t(lang, "col_contribution")), color=_verdict_colour(lang))
    right = base.transform_filter("datum.contribution >= 0").mark_text(align="left", dx=4, fontSize=_font(big))
    left = base.transform_filter("datum.contribution < 0").mark_text(align="right", dx=-4, fontSize=_font(big))
    numbers = [side.encode(x="contribution:Q", text="text:N") for side in (right, left)]
    return _sized(alt.layer(bars, *numbers).properties(height=alt.Step(32 if big else 24)), big)


def _signed(contribution: float) -> str:
    return "0" if abs(contribution) < 0.05 else f"{contribution:+.1f}".replace("-", "\u2212")


def _font(big: bool) -> int:
    return 18 if big else 12


def _sized(chart: alt.TopLevelMixin, big: bool) -> alt.TopLevelMixin:
    """Axis and legend type large enough for a projector in presenter mode."""
    size = _font(big)
    return chart.configure_axis(labelFontSize=size, titleFontSize=size).configure_legend(labelFontSize=size, titleFontSize=size)


def _shape_x(curve: Curve, lang: str, **binning: object) -> alt.X:
    """The signal's axis, shared by the shape and the members' spread beneath it."""
    scale = alt.Scale(domain=[min(curve.grid), max(curve.grid)], nice=False)
    axis = alt.Axis(format="%") if SIGNALS[curve.signal].type == "share" else alt.Axis()
    return alt.X("x:Q", title=SIGNALS[curve.signal].label[lang], scale=scale, axis=axis, **binning)


def shape_chart(curve: Curve, lang: str, big: bool = False) -> alt.LayerChart:
    """The signal's shape for this reader, with "you are here"."""
    x = _shape_x(curve, lang)
    line = (
        alt.Chart(pd.DataFrame({"x": curve.grid, "contribution": curve.contribution}))
        .mark_line(color=FAVOURABLE_COLOUR, strokeWidth=3)
        .encode(x=x, y=alt.Y("contribution:Q", title=t(lang, "col_contribution"), axis=alt.Axis(minExtent=Y_AXIS_WIDTH)))
    )
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color=NEUTRAL_COLOUR, strokeDash=[4, 4]).encode(y="y:Q")
    here = pd.DataFrame({"x": [curve.value], "contribution": [curve.here], "text": [t(lang, "you_are_here")]})
    point = (
        alt.Chart(here)
        .mark_point(size=260, filled=True, color=UNFAVOURABLE_COLOUR, shape="diamond")
        .encode(
            x="x:Q", y="contribution:Q", tooltip=[alt.Tooltip("contribution:Q", format="+.2f", title=t(lang, "col_contribution"))]
        )
    )
    label = (
        alt.Chart(here)
        .mark_text(dy=-18, fontSize=_font(big), fontWeight="bold")
        .encode(x="x:Q", y="contribution:Q", text="text:N")
    )
    return _sized((line + zero + point + label).properties(height=300 if big else 260), big)


def population_frame(curve: Curve) -> pd.DataFrame:
    """The members' values counted in bins over the shape's range (a few dozen rows, not thousands)."""
    low, high = min(curve.grid), max(curve.grid)
    bins = 2 if SIGNALS[curve.signal].type == "bool" else 40
    values = np.asarray(curve.population, dtype=float)
    counts, edges = np.histogram(values[(values >= low) & (values <= high)], bins=bins, range=(low, high))
    return pd.DataFrame({"x": edges[:-1], "x2": edges[1:], "members": counts})


def population_below(curve: Curve) -> float:
    """The share of members whose value is below the person's (the spread beneath the shape, in words)."""
    return float(np.mean(np.asarray(curve.population, dtype=float) < curve.value))


def population_above(curve: Curve) -> float:
    """The share of members whose value is above the person's."""
    return float(np.mean(np.asarray(curve.population, dtype=float) > curve.value))


def population_chart(curve: Curve, lang: str, big: bool = False) -> alt.Chart:
    """How members are spread over the same axis as the shape, to draw beneath it."""
    spread = (
        alt.Chart(population_frame(curve))
        .mark_bar(color=NEUTRAL_COLOUR, opacity=0.7, binSpacing=1)
        .encode(
            x=_shape_x(curve, lang),
            x2="x2:Q",
            y2=alt.datum(0),
            y=alt.Y("members:Q", title=t(lang, "col_share"), axis=alt.Axis(minExtent=Y_AXIS_WIDTH, tickCount=3)),
            tooltip=[alt.Tooltip("members:Q", title=t(lang, "col_share"))],
        )
        .properties(height=180 if big else 150)
    )
    return _sized(spread, big)


def heatmap(rows: list[dict], lang: str, big: bool = False) -> alt.LayerChart:
    """Signals × readers, coloured by contribution (blue favourable, orange unfavourable), numbers on top."""
    frame = pd.DataFrame(rows)
    frame["label"] = frame["signal"].map(lambda s: SIGNALS[s].label[lang])
    frame["contribution"] = frame["contribution"].round(2)
    frame["text"] = frame["contribution"].map(_signed)
    limit = max(float(frame["contribution"].abs().max()), 0.5)
    order = list(dict.fromkeys(frame["label"]))
    base = alt.Chart(frame).encode(
        x=alt.X(
            "reader_name:N",
            title=None,
            sort=list(dict.fromkeys(frame["reader_name"])),
            axis=alt.Axis(labelAngle=0, labelLimit=400, labelOverlap=False, orient="top", labelExpr="split(datum.label, ' — ')"),
        ),
        y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=320, labelOverlap=False)),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(
            "contribution:Q",
            scale=alt.Scale(domain=[-limit, 0, limit], range=[UNFAVOURABLE_COLOUR, "#f7f7f7", FAVOURABLE_COLOUR]),
            legend=alt.Legend(title=t(lang, "col_contribution"), orient="bottom", titleLimit=400, gradientLength=240),
        ),
        tooltip=[
            alt.Tooltip("label:N", title=t(lang, "col_signal")),
            alt.Tooltip("reader_name:N", title=t(lang, "col_reader")),
            alt.Tooltip("contribution:Q", format="+.2f", title=t(lang, "col_contribution")),
        ],
    )
    # White on deep blue, black elsewhere (black on vermillion reads better than white).
    text = base.mark_text(fontSize=_font(big)).encode(
        text="text:N",
        color=alt.condition(f"datum.contribution > {limit * 0.6}", alt.value("white"), alt.value("black")),
    )
    return _sized((cells + text).properties(width="container", height=alt.Step(34 if big else 28)), big)
