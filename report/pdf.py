"""The report as an A4 PDF, typeset by Typst, charts as vectors, all in memory.

Typst (through the `typst` package: one wheel, no system library, tagged accessible PDFs) reads
the main document as bytes and everything else through `sys.inputs`: the content as JSON, each
chart as the SVG `vl_convert` draws from its Vega-Lite spec. Fonts are the project's own
(`report/fonts`, DejaVu Sans) and system fonts are ignored, so French renders the same on a
bare machine. Nothing is written to disk.
"""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from pathlib import Path
from typing import Any

import typst
import vl_convert

from report.charts import FAVOURABLE_COLOUR, UNFAVOURABLE_COLOUR
from report.content import PDF_REASONS, Report

FONTS = Path(__file__).resolve().parent / "fonts"

TEMPLATE = r"""
#let data = json(bytes(sys.inputs.data))
#let t = data.texts
#let blue = rgb("__BLUE__")
#let red = rgb("__RED__")
#set document(title: t.report_title, author: "Regards")
#set page(
  paper: "a4",
  margin: (x: 1.5cm, top: 1.2cm, bottom: 1.4cm),
  footer: context [
    #set text(size: 7pt, fill: luma(90))
    Regards · #t.report_id #data.id #h(1fr) #counter(page).display("1 / 1", both: true)
  ],
)
#set text(font: "DejaVu Sans", size: 8.2pt, lang: data.lang, hyphenate: false)
#set par(justify: false, leading: 0.5em, spacing: 0.7em)
#set table.cell(breakable: false)
#set grid.cell(breakable: false)
#set list(spacing: 0.45em, indent: 0.4em)
#show heading.where(level: 1): set text(size: 17pt)
#show heading.where(level: 2): it => block(above: 1.1em, below: 0.6em, sticky: true, width: 100%, stroke: (bottom: 0.6pt + luma(180)), inset: (bottom: 3pt), text(size: 11.5pt, it.body))
#show heading.where(level: 3): it => block(above: 0.9em, below: 0.4em, sticky: true, text(size: 9.5pt, weight: "bold", it.body))
#let chart(name, width) = block(breakable: false, image(bytes(sys.inputs.at(name)), format: "svg", width: width))
#let tags(sources) = sources.map(s => box(fill: luma(235), inset: (x: 2pt, y: 1pt), radius: 2pt, text(size: 6.5pt, s))).join(h(2pt))

= #t.report_title
#text(fill: luma(80))[#t.report_made]

#t.report_intro

== #t.report_profile
#let half = calc.ceil(data.profile.len() / 2)
#let rows(lines) = table(
  columns: (1fr, auto),
  stroke: (x: none, y: 0.4pt + luma(215)),
  inset: (x: 3pt, y: 2.2pt),
  ..lines.map(l => (l.label, if l.assumed [#l.value#super[\*]] else [#l.value])).flatten(),
)
#grid(columns: (1fr, 1fr), column-gutter: 12pt, rows(data.profile.slice(0, half)), rows(data.profile.slice(half)))
#if data.profile.any(l => l.assumed) [#text(size: 7pt)[\* #t.report_assumed]]

== #t.report_side_by_side
#chart("overview", 78%)
#if data.differ.len() > 0 [
  === #t.report_differ
  #for line in data.differ [- #line]
]
#if data.disagree.len() > 0 [
  === #t.report_disagree
  #for line in data.disagree [- #line]
]
#chart("heatmap", if data.readers.len() > 2 { 100% } else { 75% })

== #t.report_readers
#for part in data.readers [
  #block(breakable: false, sticky: true)[
    === #part.name
    #text(fill: luma(80), style: "italic")[#part.question] \
    #text(size: 13pt, weight: "bold", fill: if part.readable { black } else { luma(140) })[#part.probability_text] #h(4pt) #part.verdict \
    #part.standing
  ]
  #let item(reason) = block(breakable: false, below: 0.5em)[• #reason.text #tags(reason.tags)]
  // A side's heading stays with its first reason: never alone at the foot of a page.
  #let side(title, colour, reasons) = {
    let head = text(fill: colour, weight: "bold", title)
    if reasons.len() == 0 { block(breakable: false)[#block(below: 0.45em, head) #t.report_none] } else {
      block(breakable: false, below: 0.5em)[#block(below: 0.45em, head) #item(reasons.at(0))]
      for reason in reasons.slice(1, calc.min(reasons.len(), data.pdf_reasons)) { item(reason) }
      if reasons.len() > data.pdf_reasons {
        text(size: 7pt)[#t.report_more #reasons.slice(data.pdf_reasons).map(r => r.label).join(", ").]
      }
    }
  }
  #grid(
    columns: (1fr, 1fr),
    column-gutter: 22pt,
    grid.cell(breakable: true, side(t.report_for, blue, part.favourable)),
    grid.cell(breakable: true, side(t.report_against, red, part.unfavourable)),
  )
  #text(size: 7pt, fill: luma(80))[#part.basis]
]

== #t.report_plan
#data.plan.summary #data.plan.moves.join(" · ")
#let steps(items) = table(
  columns: (auto, 1fr, auto, 1.1fr),
  stroke: (x: none, y: 0.4pt + luma(215)),
  inset: (x: 3pt, y: 3pt),
  table.header([], [], text(weight: "bold", t.report_effort), text(weight: "bold", t.report_gains)),
  ..items.map(s => (
    box(width: 7pt, height: 7pt, stroke: 0.6pt),
    s.text,
    s.effort,
    text(size: 7pt, s.gains.map(g => g.at(0) + " " + g.at(1)).join("; ")),
  )).flatten(),
)
#steps(data.plan.steps)
#if data.plan.no_regret.len() > 0 [
  === #t.report_no_regret
  #steps(data.plan.no_regret)
]
#if data.plan.trade_offs.len() > 0 [
  === #t.report_trade_offs
  #steps(data.plan.trade_offs)
]

== #t.report_evidence
#set text(size: 7pt)
#table(
  columns: (auto, 1fr),
  stroke: (x: none, y: 0.4pt + luma(215)),
  inset: (x: 3pt, y: 2.5pt),
  ..data.evidence.map(e => (
    [*#e.tag* #if e.kind != e.tag [\ #text(size: 6.5pt, e.kind)]],
    [#e.says \ #text(fill: luma(70), e.ref)],
  )).flatten(),
)
"""


@cache
def _fonts() -> typst.Fonts:
    """The project's fonts only: no system font, so every machine typesets the same."""
    vl_convert.register_font_directory(str(FONTS))
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(FONTS)])


def svg(spec: dict[str, Any]) -> str:
    """A chart as SVG (vector), measured with the same font the PDF uses."""
    _fonts()
    return vl_convert.vegalite_to_svg(spec)


def _data(report: Report) -> dict[str, Any]:
    document = dataclasses.asdict(report)
    document["pdf_reasons"] = PDF_REASONS
    for key in ("overview", "heatmap", "whatif"):
        document.pop(key)
    for part in document["readers"]:
        part.pop("chart")
    return document


def source(report: Report) -> str:
    return TEMPLATE.replace("__BLUE__", FAVOURABLE_COLOUR).replace("__RED__", UNFAVOURABLE_COLOUR)


def render(report: Report) -> bytes:
    """The report as PDF bytes (A4, tagged)."""
    inputs = {
        "data": json.dumps(_data(report), ensure_ascii=False),
        "overview": svg(report.overview),
        "heatmap": svg(report.heatmap),
    }
    compiler = typst.Compiler(font_paths=_fonts(), ignore_system_fonts=True, sys_inputs=inputs)
    document = compiler.compile(input=source(report).encode("utf-8"), format="pdf")
    if not isinstance(document, bytes):
        raise RuntimeError("typst returned no PDF")
    return document
