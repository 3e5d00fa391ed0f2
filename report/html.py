"""The report as one standalone HTML file: works offline, stays interactive.

Vega, Vega-Lite and vega-embed are inlined (the bundle `vl_convert` ships, made once per
process), so the file makes no request to any network; charts keep their tooltips; a reader
picker and sliders recompute the reading in the browser from the reader's own tables
(`report.whatif`). No anchor, no link out: a what-if in a file, with no server.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jinja2
import vl_convert

from report.charts import FAVOURABLE_COLOUR, UNFAVOURABLE_COLOUR
from report.content import Report
from report.whatif import WHATIF_JS


@cache
def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script, safe to inline."""
    bundle: str = vl_convert.javascript_bundle(None)  # type: ignore[arg-type]  # None: the default snippet (the stub wants a str)
    return bundle.replace("</script", "<\\/script")


def _json(value: Any) -> str:
    """JSON safe inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


TEMPLATE = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string(
    """<!DOCTYPE html>
<html lang="{{ r.lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="regards-report" content="{{ r.id }}">
<title>{{ r.texts.report_title }}</title>
<style>
body { font-family: "DejaVu Sans", system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { margin-bottom: .2rem; } h2 { border-bottom: 2px solid #ddd; padding-bottom: .2rem; margin-top: 2.2rem; }
.muted { color: #555; font-size: .92rem; }
table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #eee; vertical-align: top; }
.assumed { color: #8a5a00; font-style: italic; }
.reader { border: 1px solid #ddd; border-radius: 6px; padding: .2rem 1rem 1rem; margin: 1rem 0; }
.probability { font-size: 1.8rem; font-weight: bold; } .unreadable { color: #888; }
.for { color: {{ blue }}; } .against { color: {{ red }}; }
.tag { font-size: .8rem; background: #eef; border-radius: 3px; padding: 0 .3rem; margin-left: .3rem; white-space: nowrap; }
.chart { margin: .5rem 0; }
ul.checklist { list-style: none; padding-left: 0; } ul.checklist li { margin: .4rem 0; }
.whatif { display: grid; grid-template-columns: minmax(16rem, 1fr) 1fr; gap: 1rem; }
.slider { display: grid; grid-template-columns: 12rem 1fr 4.5rem; gap: .4rem; align-items: center; font-size: .9rem; margin: .15rem 0; }
output#whatif-probability { font-size: 2rem; font-weight: bold; }
@media print { .noprint { display: none; } }
</style>
</head>
<body>
<h1>{{ r.texts.report_title }}</h1>
<p class="muted">{{ r.texts.report_made }} {{ r.texts.report_id }} {{ r.id }}.</p>
<p>{{ r.texts.report_intro }}</p>

<h2>{{ r.texts.report_profile }}</h2>
<table>
<tr><th>{{ r.texts.col_signal }}</th><th>{{ r.texts.col_value }}</th></tr>
{% for line in r.profile %}<tr><td>{{ line.label }}</td><td>{{ line.value }}{% if line.assumed %} <span class="assumed">— {{ r.texts.report_assumed }}</span>{% endif %}</td></tr>
{% endfor %}</table>

<h2>{{ r.texts.report_side_by_side }}</h2>
<div class="chart" id="chart-overview"></div>
{% if r.differ %}<h3>{{ r.texts.report_differ }}</h3><ul>{% for line in r.differ %}<li>{{ line }}</li>{% endfor %}</ul>{% endif %}
{% if r.disagree %}<h3>{{ r.texts.report_disagree }}</h3><ul>{% for line in r.disagree %}<li>{{ line }}</li>{% endfor %}</ul>{% endif %}
<div class="chart" id="chart-heatmap"></div>

<h2>{{ r.texts.report_readers }}</h2>
{% for part in r.readers %}
<section class="reader" id="reader-{{ loop.index }}">
<h3>{{ part.name }}</h3>
<p class="muted">{{ part.question }}</p>
<p><span class="probability{% if not part.readable %} unreadable{% endif %}">{{ part.probability_text }}</span> {{ r.texts.probability|lower }} {{ part.range }}</p>
<p>{{ part.verdict }}<br>{{ part.standing }}</p>
<h4 class="for">{{ r.texts.report_for }}</h4>
<ul>{% for reason in part.favourable %}<li>{{ reason.text }}{% for s in reason.tags %}<span class="tag">{{ s }}</span>{% endfor %}</li>{% else %}<li>{{ r.texts.report_none }}</li>{% endfor %}</ul>
<h4 class="against">{{ r.texts.report_against }}</h4>
<ul>{% for reason in part.unfavourable %}<li>{{ reason.text }}{% for s in reason.tags %}<span class="tag">{{ s }}</span>{% endfor %}</li>{% else %}<li>{{ r.texts.report_none }}</li>{% endfor %}</ul>
<div class="chart" id="chart-reader-{{ loop.index }}"></div>
<p class="muted">{{ part.basis }}</p>
</section>
{% endfor %}

<h2 class="noprint">{{ r.texts.report_whatif }}</h2>
<div class="noprint">
<p>{{ r.texts.report_whatif_intro }}</p>
<p><label>{{ r.texts.report_whatif_reader }}
<select id="whatif-reader">{% for part in r.readers %}<option value="{{ part.key }}">{{ part.name }}</option>{% endfor %}</select></label>
<output id="whatif-probability" data-probability=""></output>
<button type="button" id="whatif-reset">{{ r.texts.report_whatif_reset }}</button></p>
<div class="whatif">
<div>
{% for s in sliders %}<div class="slider"><label for="signal-{{ s.name }}">{{ s.label }}</label>
{% if s.type == "bool" %}<input type="checkbox" id="signal-{{ s.name }}" data-signal="{{ s.name }}"{% if s.value %} checked{% endif %}><span></span>
{% else %}<input type="range" id="signal-{{ s.name }}" data-signal="{{ s.name }}" min="{{ s.low }}" max="{{ s.high }}" step="{{ s.step }}" value="{{ s.value }}"{% if s.never %} disabled{% endif %}>
<span><output id="value-{{ s.name }}">{{ s.shown }}</output>{% if s.nullable %} <label><input type="checkbox" id="never-{{ s.name }}"{% if s.never %} checked{% endif %}>{{ r.texts.report_never }}</label>{% endif %}</span>{% endif %}
</div>
{% endfor %}
</div>
<div class="chart" id="chart-whatif"></div>
</div>
</div>

<h2>{{ r.texts.report_plan }}</h2>
<p>{{ r.plan.summary }}</p>
<ul>{% for line in r.plan.moves %}<li>{{ line }}</li>{% endfor %}</ul>
<ul class="checklist">{% for step in r.plan.steps %}<li><label><input type="checkbox"> <strong>{{ step.text }}</strong></label> — {{ r.texts.report_effort }} {{ step.effort }}; {{ r.texts.report_gains|lower }}: {% for name, gain in step.gains %}{{ name }} {{ gain }}{% if not loop.last %}, {% endif %}{% endfor %}</li>{% endfor %}</ul>
{% for title, steps in ((r.texts.report_no_regret, r.plan.no_regret), (r.texts.report_trade_offs, r.plan.trade_offs)) %}{% if steps %}
<h3>{{ title }}</h3><ul>{% for step in steps %}<li>{{ step.text }} — {{ step.effort }}; {% for name, gain in step.gains %}{{ name }} {{ gain }}{% if not loop.last %}, {% endif %}{% endfor %}</li>{% endfor %}</ul>
{% endif %}{% endfor %}

<h2>{{ r.texts.report_evidence }}</h2>
<dl>{% for e in r.evidence %}<dt id="source-{{ e.id }}"><strong>{{ e.tag }}</strong>{% if e.kind != e.tag %} · {{ e.kind }}{% endif %}</dt><dd>{{ e.says }}<br><span class="muted">{{ e.ref }}</span></dd>{% endfor %}</dl>

<script>{{ bundle }}</script>
<script type="application/json" id="charts-data">{{ charts }}</script>
<script type="application/json" id="whatif-data">{{ whatif }}</script>
<script>{{ whatif_js }}</script>
<script>
(function () {
  const charts = JSON.parse(document.getElementById('charts-data').textContent);
  const options = {actions: false, renderer: 'svg'};
  window.regardsCharts = Promise.all(Object.entries(charts).map(([id, spec]) =>
    vegaEmbed('#' + id, spec, options).then((result) => {
      if (id === 'chart-whatif') window.regardsWhatIf.attach(result.view);
      return id;
    })));
})();
</script>
</body>
</html>
"""
)


def _sliders(report: Report) -> list[dict[str, Any]]:
    data = report.whatif
    sliders = []
    for name in data["order"]:
        rule, value = data["rules"][name], data["values"][name]
        shown = "" if rule["type"] == "bool" or value is None else str(value)
        sliders.append(
            {
                "name": name,
                "label": data["labels"][name],
                "type": rule["type"],
                "low": rule["low"],
                "high": rule["high"],
                "step": rule["step"],
                "value": (1 if value else 0) if rule["type"] == "bool" else (0 if value is None else value),
                "never": value is None,
                "nullable": rule["nullable"],
                "shown": shown,
            }
        )
    return sliders


def render(report: Report) -> bytes:
    """The report as one standalone UTF-8 HTML file."""
    charts = {"chart-overview": report.overview, "chart-heatmap": report.heatmap}
    charts.update({f"chart-reader-{i}": part.chart for i, part in enumerate(report.readers, start=1)})
    whatif = {k: v for k, v in report.whatif.items() if k != "chart"}
    charts["chart-whatif"] = report.whatif["chart"]
    text = TEMPLATE.render(
        r=report,
        sliders=_sliders(report),
        blue=FAVOURABLE_COLOUR,
        red=UNFAVOURABLE_COLOUR,
        bundle=_markup(vega_bundle()),
        charts=_markup(_json(charts)),
        whatif=_markup(_json(whatif)),
        whatif_js=_markup(WHATIF_JS),
    )
    return text.encode("utf-8")


def _markup(text: str) -> Any:
    from markupsafe import Markup

    return Markup(text)
