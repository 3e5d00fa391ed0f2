"""The report's speed: HTML and PDF for four readers and a plan, after start-up, beside baselines.

    .venv/bin/python -m benchmarks.bench_report

The seed's example profile (data/presets/comms_manager.json), every reader (four), in French;
each case timed from the profile to the file's bytes (reading, plan, texts, charts, rendering).
Start-up (imports, the Vega bundle, the fonts, the readers' standings) is done once before timing.
Baselines in the same run: the bare `vl_convert.vegalite_to_svg` of the same charts the PDF draws,
the bare `typst.compile` of a one-line document with the same fonts, and the bare Jinja2 rendering of
a page that inlines the same Vega bundle. Goals: PDF <= 2 s and HTML <= 1 s (median).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import jinja2
import markupsafe
import typst
import vl_convert

from benchmarks.table import markdown
from model.presets import presets
from model.reader import default_readers
from report import pdf
from report.content import build
from report.html import render as render_html
from report.html import vega_bundle

REPEATS = 9


def median_ms(function: Callable[[], object]) -> tuple[float, float]:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times) * 1000, times[int(0.9 * (len(times) - 1))] * 1000


def main() -> None:
    profile = presets()["comms_manager"].profile
    readers = list(default_readers().readers.values())

    def make_html() -> bytes:
        return render_html(build(profile, readers, "fr"))

    def make_pdf() -> bytes:
        return pdf.render(build(profile, readers, "fr"))

    report = build(profile, readers, "fr")
    specs = [report.overview, report.heatmap]
    fonts = pdf._fonts()
    page = jinja2.Environment(autoescape=True).from_string("<!DOCTYPE html><title>x</title><script>{{ b }}</script>")

    def bare_svg() -> None:
        for spec in specs:
            vl_convert.vegalite_to_svg(spec)

    def bare_typst() -> object:
        return typst.Compiler(font_paths=fonts, ignore_system_fonts=True).compile(
            input='#set text(font: "DejaVu Sans")\nÉtabli le 24 novembre 2026.'.encode(), format="pdf"
        )

    def bare_page() -> str:
        return page.render(b=markupsafe.Markup(vega_bundle()))

    html_bytes, pdf_bytes = make_html(), make_pdf()  # start-up, and the files whose sizes are quoted
    bare_svg()
    bare_typst()
    bare_page()
    rows = []
    for case, function, goal in (
        ("ours: PDF, 4 readers and a plan (profile → bytes)", make_pdf, 2000.0),
        ("baseline: bare vl_convert SVG of the PDF's 2 charts", bare_svg, None),
        ("baseline: bare typst.compile of a one-line document", bare_typst, None),
        ("ours: HTML, 4 readers and a plan (profile → bytes)", make_html, 1000.0),
        ("baseline: bare Jinja2 page inlining the Vega bundle", bare_page, None),
    ):
        p50, p90 = median_ms(function)
        rows.append(
            {
                "case": case,
                "p50 (ms)": p50,
                "p90 (ms)": p90,
                "goal": f"<= {goal / 1000:g} s" if goal else "",
                "result": ("PASS" if p50 <= goal else "MISS") if goal else "",
            }
        )
    print(f"#### Report of the seed's example, four readers and a plan, in French (median of {REPEATS}, after start-up)\n")
    print(markdown(rows, 1))
    print("\n#### File sizes\n")
    print(
        markdown(
            [
                {
                    "file": "HTML (Vega, Vega-Lite, vega-embed inlined)",
                    "size (KB)": len(html_bytes) / 1024,
                    "of which the Vega bundle (KB)": len(vega_bundle().encode()) / 1024,
                },
                {
                    "file": "PDF (A4, fonts subset and embedded)",
                    "size (KB)": len(pdf_bytes) / 1024,
                    "of which the Vega bundle (KB)": 0.0,
                },
            ],
            0,
        )
    )


if __name__ == "__main__":
    main()
