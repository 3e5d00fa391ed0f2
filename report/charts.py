"""The report's charts as Vega-Lite specs (plain dicts), at a fixed width: a file has no container
to fill. They draw what the app's charts draw (`ui.charts`), in the same colour-blind-safe
Okabe-Ito palette (a test keeps the two in step), with numbers written the language's way; the
report imports nothing from the app, so it stands on the domain and its words alone."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from model.comparison import contribution_table
from model.reading import Reading
from model.signals import SIGNALS
from words.i18n import Lang, t
from words.numbers import signed
from words.readings import probability_text, value_text

FAVOURABLE_COLOUR = "#0072B2"
UNFAVOURABLE_COLOUR = "#D55E00"
NEUTRAL_COLOUR = "#999999"
VERDICTS = ["favourable", "unfavourable", "neutral"]
WIDTH = 460
FONT = "DejaVu Sans"


def _spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    spec: dict[str, Any] = chart.to_dict(validate=False)
    spec.pop("$schema", None)
    spec.setdefault("config", {})["font"] = FONT
    return spec


def _number(contribution: float, lang: Lang) -> str:
    return "0" if abs(contribution) < 0.05 else signed(contribution, lang)


def _verdict_colour(lang: Lang, legend: bool = True) -> alt.Color:
    labels = " : ".join(f"datum.label == '{v}' ? '{t(lang, v)}'" for v in VERDICTS) + " : datum.label"
    return alt.Color(
        "verdict:N",
        scale=alt.Scale(domain=VERDICTS, range=[FAVOURABLE_COLOUR, UNFAVOURABLE_COLOUR, NEUTRAL_COLOUR]),
        legend=alt.Legend(title=t(lang, "col_verdict"), labelExpr=labels, orient="bottom") if legend else None,
    )


def contributions(reading: Reading, lang: Lang) -> dict[str, Any]:
    """A diverging bar per signal the reader looks at, largest first, its number at the bar's end."""
    rows = [
        {
            "label": SIGNALS[name].label[lang],
            "value": value_text(SIGNALS[name], reading.values[name], lang),
            "contribution": round(value, 3),
            "verdict": reading.verdicts[name],
            "text": _number(value, lang),
        }
        for name, value in sorted(reading.contributions.items(), key=lambda item: -abs(item[1]))
        if not reading.reader.ignores(name)
    ]
    frame = pd.DataFrame(rows)
    base = alt.Chart(frame).encode(
        y=alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelLimit=320, labelOverlap=False)),
        tooltip=[
            alt.Tooltip("label:N", title=t(lang, "col_signal")),
            alt.Tooltip("value:N", title=t(lang, "col_value")),
            alt.Tooltip("text:N", title=t(lang, "col_contribution")),
        ],
    )
    # Padding leaves room inside the chart for the number at a bar's end.
    x = alt.X("contribution:Q", title=t(lang, "col_contribution"), scale=alt.Scale(padding=30))
    bars = base.mark_bar().encode(x=x, color=_verdict_colour(lang))
    right = base.transform_filter("datum.contribution >= 0").mark_text(align="left", dx=4)
    left = base.transform_filter("datum.contribution < 0").mark_text(align="right", dx=-4)
    numbers = [side.encode(x="contribution:Q", text="text:N") for side in (right, left)]
    return _spec(alt.layer(bars, *numbers).properties(width=WIDTH - 200, height=alt.Step(20)))


def signals_by_reader(readings: list[Reading], lang: Lang) -> dict[str, Any]:
    """Signals × readers, coloured by contribution (blue favourable, vermillion unfavourable), numbers on top."""
    frame = pd.DataFrame(contribution_table(readings))
    names = {r.key: r.reader.name(lang) for r in readings}
    frame["reader_name"] = frame["reader"].map(names)
    frame["label"] = frame["signal"].map(lambda s: SIGNALS[s].label[lang])
    frame["contribution"] = frame["contribution"].round(2)
    frame["text"] = frame["contribution"].map(lambda c: _number(float(c), lang))
    limit = max(float(frame["contribution"].abs().max()), 0.5)
    base = alt.Chart(frame).encode(
        # A two-line reader name at the bottom grows downwards; at the top it ran into the first row.
        x=alt.X(
            "reader_name:N",
            title=None,
            sort=list(names.values()),
            axis=alt.Axis(
                labelAngle=0, labelLimit=400, labelOverlap=False, orient="bottom", labelExpr="split(datum.label, ' — ')"
            ),
        ),
        y=alt.Y(
            "label:N", sort=list(dict.fromkeys(frame["label"])), title=None, axis=alt.Axis(labelLimit=320, labelOverlap=False)
        ),
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
            alt.Tooltip("text:N", title=t(lang, "col_contribution")),
        ],
    )
    # White on deep blue, black elsewhere (black on vermillion reads better than white).
    text = base.mark_text().encode(
        text="text:N",
        color=alt.condition(f"datum.contribution > {limit * 0.6}", alt.value("white"), alt.value("black")),
    )
    chart = (cells + text).properties(width=max(260, 110 * len(readings)), height=alt.Step(14))
    return _spec(chart)


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
    chart = (
        alt.Chart(alt.NamedData("whatif"))
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelLimit=300)),
            x=alt.X("contribution:Q", title=t(lang, "col_contribution")),
            color=_verdict_colour(lang, legend=False),
            tooltip=[
                alt.Tooltip("label:N", title=t(lang, "col_signal")),
                alt.Tooltip("contribution:Q", format="+.2f", title=t(lang, "col_contribution")),
            ],
        )
        .properties(width=WIDTH - 200, height=alt.Step(18))
    )
    return _spec(chart)
