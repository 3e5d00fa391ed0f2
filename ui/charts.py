"""Chart specs: plain functions from readings to Vega-Lite dicts, testable without a browser.

Specs are plain dicts, drawn with `st.vega_lite_chart`: no Altair object, so no JSON-schema
validation on every rerun. Numbers on axes and in tooltips follow the reader's language
(`config.locale`: "1 200", "−1,5", "54 %" in French). One colour per verdict everywhere, from
the Okabe-Ito palette, safe for colour-blind readers: blue favourable, vermillion unfavourable,
grey neutral. Every contribution axis has a 0 tick and says in words which side is better; the
exact figure (in log-odds) is in the tooltip.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from model.curves import Curve
from model.reading import Reading, verdict_of
from model.signals import SIGNALS
from words.i18n import Lang, t
from words.numbers import signed, vega_number_locale
from words.readings import reason_text, value_text

Spec = dict[str, Any]
FAVOURABLE_COLOUR = "#0072B2"
UNFAVOURABLE_COLOUR = "#D55E00"
NEUTRAL_COLOUR = "#999999"
VERDICTS = ("favourable", "unfavourable", "neutral")
VERDICT_COLOURS = {"favourable": FAVOURABLE_COLOUR, "unfavourable": UNFAVOURABLE_COLOUR, "neutral": NEUTRAL_COLOUR}
Y_AXIS_WIDTH = 64  # the shape and the spread beneath it share their x axis only if their y axes are as wide


def font(big: bool) -> int:
    """Type legible on a projector: larger still in presenter mode."""
    return 20 if big else 14


def config(lang: Lang, big: bool) -> Spec:
    """Type sizes and the language's number format, shared by every chart."""
    size = font(big)
    return {
        "locale": {"number": vega_number_locale(lang)},
        "axis": {"labelFontSize": size, "titleFontSize": size, "titleFontWeight": "normal"},
        "legend": {"labelFontSize": size, "titleFontSize": size, "orient": "bottom", "symbolSize": 12 * size},
        "text": {"fontSize": size},
        "view": {"stroke": None},
    }


def _spec(lang: Lang, big: bool, **body: Any) -> Spec:
    """A spec for the Vega-Lite Streamlit ships (no `$schema`: a pinned one warns in the console);
    charts fit their width; a height is the plot's own, a number (a height per row warns in the console)."""
    autosize = {"type": "fit-x", "contains": "padding"}
    frame: Spec = {key: body.pop(key) for key in ("width", "height") if key in body}
    # The view sits in one layer: Streamlit turns a top-level `data` into a DataFrame and Arrow on
    # every call, which costs more than building the whole spec; nested data stays plain JSON.
    return {"config": config(lang, big), "autosize": autosize, **frame, "layer": [body]}


def verdict_colour(lang: Lang, field: str = "verdict", legend: bool = True) -> Spec:
    """The one colour scale for verdicts, with the verdicts' names in the legend."""
    names = {v: t(lang, v) for v in VERDICTS}
    expr = " : ".join(f"datum.label == '{k}' ? '{v}'" for k, v in names.items()) + " : datum.label"
    return {
        "field": field,
        "type": "nominal",
        "scale": {"domain": list(VERDICTS), "range": [VERDICT_COLOURS[v] for v in VERDICTS]},
        "legend": {"title": t(lang, "col_verdict"), "labelExpr": expr} if legend else None,
    }


def zero_ticks(low: float, high: float, count: int = 6) -> list[float]:
    """Round tick values over [low, high] that always include 0."""
    low, high = min(low, 0.0), max(high, 0.0)
    span = max(high - low, 1e-9)
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
    return [round(i * step, 10) for i in range(first, last + 1)]


def contribution_axis(lang: Lang, values: list[float], big: bool, orient: str | None = None) -> Spec:
    """A contribution axis in words ("← worse than expected · better →"), its 0 tick always shown."""
    axis: Spec = {
        "title": t(lang, "axis_contribution"),
        "values": values,
        "format": "+.2~f",
        "labelOverlap": False,
        "labelExpr": "datum.value == 0 ? '0' : datum.label",
        "grid": True,
    }
    if orient:
        axis["orient"] = orient
    axis["titleFontSize"] = font(big)
    return axis


def contribution_rows(reading: Reading, lang: Lang) -> list[dict[str, Any]]:
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
            "text": signed(value, lang),
        }
        for name, value in reading.contributions.items()
        if not reading.reader.ignores(name)
    ]
    return sorted(rows, key=lambda row: -abs(row["contribution"]))


def contributions_frame(reading: Reading, lang: Lang) -> pd.DataFrame:
    """The same rows as a table (the numbers in words)."""
    return pd.DataFrame(contribution_rows(reading, lang))


def contributions_chart(reading: Reading, lang: Lang, big: bool = False) -> Spec:
    """A diverging bar per signal, largest first, its number at the bar's end, details on hover."""
    rows = contribution_rows(reading, lang)
    order = [row["label"] for row in rows]
    values = [row["contribution"] for row in rows] or [0.0]
    ticks = zero_ticks(min(values), max(values))
    room = (ticks[-1] - ticks[0]) * 0.08  # the numbers at the bars' ends stay inside the chart
    x = {
        "field": "contribution",
        "type": "quantitative",
        "scale": {"domain": [ticks[0] - room, ticks[-1] + room], "nice": False},
        "axis": contribution_axis(lang, ticks, big),
    }
    y = {"field": "label", "type": "nominal", "sort": order, "title": None, "axis": {"labelLimit": 360, "labelOverlap": False}}
    tooltip = [
        {"field": "label", "type": "nominal", "title": t(lang, "col_signal")},
        {"field": "value", "type": "nominal", "title": t(lang, "col_value")},
        {"field": "verdict_text", "type": "nominal", "title": t(lang, "col_verdict")},
        {"field": "contribution", "type": "quantitative", "title": t(lang, "col_contribution"), "format": "+.2f"},
        {"field": "sentence", "type": "nominal", "title": t(lang, "col_sentence")},
    ]
    text = {"type": "text", "fontSize": font(big)}
    return _spec(
        lang,
        big,
        data={"values": rows},
        height=(34 if big else 26) * len(rows),
        encoding={"y": y, "tooltip": tooltip},
        layer=[
            {"mark": {"type": "bar"}, "encoding": {"x": x, "color": verdict_colour(lang)}},
            {"mark": {"type": "rule", "color": "#333333"}, "encoding": {"x": {"datum": 0, "type": "quantitative"}}},
            {
                "transform": [{"filter": "datum.contribution >= 0"}],
                "mark": {**text, "align": "left", "dx": 4},
                "encoding": {"x": {"field": "contribution", "type": "quantitative"}, "text": {"field": "text"}},
            },
            {
                "transform": [{"filter": "datum.contribution < 0"}],
                "mark": {**text, "align": "right", "dx": -4},
                "encoding": {"x": {"field": "contribution", "type": "quantitative"}, "text": {"field": "text"}},
            },
        ],
    )


def _shape_x(curve: Curve, lang: Lang) -> Spec:
    """The signal's axis, shared by the shape and the members' spread beneath it."""
    signal = SIGNALS[curve.signal]
    axis: Spec = {"format": "~%"} if signal.type == "share" else {"format": ",~r"}
    return {
        "field": "x",
        "type": "quantitative",
        "title": signal.label[lang],
        "scale": {"domain": [min(curve.grid), max(curve.grid)], "nice": False},
        "axis": axis,
    }


def _yes_no(lang: Lang) -> list[str]:
    return [t(lang, "value_no"), t(lang, "value_yes")]


def shape_chart(curve: Curve, lang: Lang, big: bool = False) -> Spec:
    """The signal's shape for this reader, with "you are here": two bars for a yes/no signal,
    a line over the range otherwise, shaded by verdict on either side of what the reader expects."""
    signal = SIGNALS[curve.signal]
    here_verdict = verdict_of(curve.here)
    ticks = zero_ticks(min(curve.contribution), max(curve.contribution), count=4)
    y = {
        "field": "contribution",
        "type": "quantitative",
        "scale": {"domain": [ticks[0], ticks[-1]], "nice": False},
        "axis": {**contribution_axis(lang, ticks, big), "minExtent": Y_AXIS_WIDTH, "title": t(lang, "axis_contribution_short")},
    }
    tooltip_c = {"field": "contribution", "type": "quantitative", "title": t(lang, "col_contribution"), "format": "+.2f"}
    here_text = t(lang, "you_are_here")
    if signal.type == "bool":
        labels = _yes_no(lang)
        rows = [
            {
                "x": labels[i],
                "contribution": round(c, 3),
                "verdict": verdict_of(c),
                "number": signed(c, lang),
                "text": here_text if float(i) == curve.value else "",
            }
            for i, c in enumerate(curve.contribution)
        ]
        span = ticks[-1] - ticks[0]
        # Headroom above the bars for their numbers and "you are here".
        y_bool = {**y, "scale": {"domain": [ticks[0] - span * 0.05, ticks[-1] + span * 0.3], "nice": False}}
        x = {"field": "x", "type": "nominal", "sort": labels, "title": signal.label[lang], "axis": {"labelAngle": 0}}
        label = {"type": "text", "baseline": "bottom", "fontSize": font(big)}
        top = {"y": {"field": "top", "type": "quantitative"}}
        return _spec(
            lang,
            big,
            data={"values": rows},
            height=300 if big else 240,
            encoding={"x": x},
            transform=[{"calculate": "max(datum.contribution, 0)", "as": "top"}],
            layer=[
                {
                    "mark": {"type": "bar", "width": {"band": 0.6}},
                    "encoding": {"y": y_bool, "color": verdict_colour(lang), "tooltip": [tooltip_c]},
                },
                {"mark": {"type": "rule", "color": "#333333"}, "encoding": {"y": {"datum": 0, "type": "quantitative"}}},
                {"mark": {**label, "dy": -4}, "encoding": {**top, "text": {"field": "number"}}},
                {
                    "mark": {**label, "dy": -8 - font(big), "fontWeight": "bold"},
                    "encoding": {**top, "text": {"field": "text"}},
                },
            ],
        )
    points = [
        {
            "x": x,
            "contribution": round(c, 4),
            "better": round(max(c, 0.0), 4),
            "worse": round(min(c, 0.0), 4),
        }
        for x, c in zip(curve.grid, curve.contribution, strict=True)
    ]
    here = [{"x": curve.value, "contribution": round(curve.here, 4), "verdict": here_verdict, "text": here_text}]
    x = _shape_x(curve, lang)

    def band(field: str, verdict: str) -> Spec:
        return {
            "mark": {"type": "area", "color": VERDICT_COLOURS[verdict], "opacity": 0.25},
            "encoding": {"y": {"field": field, "type": "quantitative"}, "y2": {"datum": 0}},
        }

    return _spec(
        lang,
        big,
        height=300 if big else 260,
        encoding={"x": x},
        layer=[
            {"data": {"values": points}, "layer": [band("better", "favourable"), band("worse", "unfavourable")]},
            {
                "data": {"values": points},
                "mark": {"type": "line", "color": "#333333", "strokeWidth": 3},
                "encoding": {"y": y, "tooltip": [{"field": "x", "type": "quantitative", "title": signal.label[lang]}, tooltip_c]},
            },
            {"mark": {"type": "rule", "color": "#333333"}, "encoding": {"y": {"datum": 0, "type": "quantitative"}}},
            {
                "data": {"values": here},
                "mark": {"type": "point", "size": 260, "filled": True, "shape": "diamond", "opacity": 1},
                "encoding": {
                    "y": {"field": "contribution", "type": "quantitative"},
                    "color": verdict_colour(lang, legend=False),
                    "tooltip": [tooltip_c],
                },
            },
            {
                "data": {"values": here},
                "mark": {"type": "text", "dy": -18, "fontWeight": "bold", "fontSize": font(big)},
                "encoding": {"y": {"field": "contribution", "type": "quantitative"}, "text": {"field": "text"}},
            },
        ],
    )


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


def population_chart(curve: Curve, lang: Lang, big: bool = False) -> Spec:
    """How members are spread over the same axis as the shape, to draw beneath it (as shares of members)."""
    frame = population_frame(curve)
    total = max(int(frame["members"].sum()), 1)
    rows: list[dict[str, Any]] = [
        {"x": float(x), "x2": float(x2), "share": round(int(members) / total, 4)}
        for x, x2, members in zip(frame["x"], frame["x2"], frame["members"], strict=True)
    ]
    top = max([row["share"] for row in rows] + [0.01])
    y = {
        "field": "share",
        "type": "quantitative",
        "title": t(lang, "col_share"),
        "scale": {"domain": [0, top]},
        "axis": {"minExtent": Y_AXIS_WIDTH, "tickCount": 3, "format": "~%"},
    }
    tooltip = [{"field": "share", "type": "quantitative", "title": t(lang, "col_share"), "format": ".0%"}]
    mark = {"type": "bar", "color": NEUTRAL_COLOUR, "opacity": 0.7}
    if SIGNALS[curve.signal].type == "bool":
        labels = _yes_no(lang)
        for row, label in zip(rows, labels, strict=True):
            row["x"] = label
        x = {
            "field": "x",
            "type": "nominal",
            "sort": labels,
            "title": SIGNALS[curve.signal].label[lang],
            "axis": {"labelAngle": 0},
        }
        return _spec(
            lang,
            big,
            data={"values": rows},
            height=180 if big else 150,
            mark={**mark, "width": {"band": 0.6}},
            encoding={"x": x, "y": y, "tooltip": tooltip},
        )
    return _spec(
        lang,
        big,
        data={"values": rows},
        height=180 if big else 150,
        mark={**mark, "binSpacing": 1},
        encoding={"x": _shape_x(curve, lang), "x2": {"field": "x2"}, "y": y, "y2": {"datum": 0}, "tooltip": tooltip},
    )


def heatmap(rows: list[dict[str, Any]], lang: Lang, big: bool = False) -> Spec:
    """Signals × readers: each cell in its verdict's colour, deeper as it weighs more, its number on top."""
    limit = max([abs(float(r["contribution"])) for r in rows] + [0.5])
    cells = [
        {
            **r,
            "label": SIGNALS[r["signal"]].label[lang],
            "contribution": round(float(r["contribution"]), 2),
            "verdict": verdict_of(float(r["contribution"])),
            "strength": round(min(abs(float(r["contribution"])) / limit, 1.0), 3),
            "text": signed(float(r["contribution"]), lang),
        }
        for r in rows
    ]
    order = list(dict.fromkeys(c["label"] for c in cells))
    readers = list(dict.fromkeys(c["reader_name"] for c in cells))
    x = {
        "field": "reader_name",
        "type": "nominal",
        "title": None,
        "sort": readers,
        "axis": {
            "labelAngle": 0,
            "labelLimit": 400,
            "labelOverlap": False,
            "orient": "top",
            "labelExpr": "split(datum.label, ' — ')",
            # A wrapped label grows downwards from its first line: lift it by one line so the
            # second line stays clear of the first row.
            "labelBaseline": "bottom",
            "labelLineHeight": font(big) + 4,
            "labelPadding": font(big) + 10,
            "ticks": False,
            "domain": False,
        },
    }
    y = {"field": "label", "type": "nominal", "sort": order, "title": None, "axis": {"labelLimit": 360, "labelOverlap": False}}
    tooltip = [
        {"field": "label", "type": "nominal", "title": t(lang, "col_signal")},
        {"field": "reader_name", "type": "nominal", "title": t(lang, "col_reader")},
        {"field": "verdict_text", "type": "nominal", "title": t(lang, "col_verdict")},
        {"field": "contribution", "type": "quantitative", "format": "+.2f", "title": t(lang, "col_contribution")},
    ]
    for cell in cells:
        cell["verdict_text"] = t(lang, cell["verdict"])
    return _spec(
        lang,
        big,
        data={"values": cells},
        width="container",
        height=(36 if big else 30) * len(order),
        encoding={"x": x, "y": y},
        layer=[
            {
                "mark": {"type": "rect", "stroke": "white", "strokeWidth": 1},
                "encoding": {
                    "color": verdict_colour(lang),
                    "opacity": {
                        "field": "strength",
                        "type": "quantitative",
                        "scale": {"domain": [0, 1], "range": [0.15, 1]},
                        "legend": None,
                    },
                    "tooltip": tooltip,
                },
            },
            {
                "mark": {"type": "text", "fontSize": font(big)},
                "encoding": {
                    "text": {"field": "text"},
                    # White on a deep cell, black elsewhere.
                    "color": {"condition": {"test": "datum.strength > 0.6", "value": "white"}, "value": "black"},
                },
            },
        ],
    )
