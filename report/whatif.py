"""A reader as small tables, for the what-if a report file computes with no server.

The reader is additive, so it travels as its intercept and, per signal, a table of encoded
values and contributions; between two points a contribution is linear (on a log scale where the
persona file says so), so a textbook reader's tables hold every breakpoint of its file and give
exactly `model.reading.read`'s numbers. A learned reader's corrections are sampled densely. The
catalogue's encoding rules (booleans as 0/1, readers not seeing past a cap, never read as a
given value) travel with them. `evaluate` is the same arithmetic as the file's JavaScript.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from model.curves import upper_bound
from model.reader import Reader
from model.signals import NAMES, SIGNALS, Value

DENSE_POINTS = 97
"""Samples per signal besides the file's breakpoints (a learned reader's corrections bend between them)."""


def _log(reader: Reader, name: str) -> bool:
    return reader.readings[name].scale == "log"


def _grid(reader: Reader, name: str, top: float) -> np.ndarray:
    signal, reading = SIGNALS[name], reader.readings[name]
    if signal.type == "bool":
        return np.array([0.0, 1.0])
    breaks = [signal.low, top, reading.start, reading.end, reading.expects, *(reading.best or ())]
    # A point just below each breakpoint keeps a step (a best range starting where the signal does) a step.
    below = [b - 1e-9 * max(1.0, abs(b)) for b in breaks]
    if _log(reader, name):
        dense = np.expm1(np.linspace(math.log1p(max(signal.low, 0.0)), math.log1p(top), DENSE_POINTS))
    else:
        dense = np.linspace(signal.low, top, DENSE_POINTS)
    grid = np.unique(np.concatenate([breaks, below, dense]))
    return grid[(grid >= signal.low) & (grid <= top)]


def signal_rules(values: dict[str, Value]) -> dict[str, dict[str, Any]]:
    """Per signal, how a slider moves it and how readers encode it."""
    rules = {}
    for name in NAMES:
        signal, value = SIGNALS[name], values[name]
        top = upper_bound(name, signal.encode(value))
        if value is not None and not isinstance(value, bool):
            top = max(top, float(value))
        rules[name] = {
            "type": signal.type,
            "low": signal.low,
            "high": top,
            "step": 0.01 if signal.type == "share" else 1,
            "seen_up_to": signal.seen_up_to,
            "null_reads_as": signal.null_reads_as if signal.null_reads_as is not None else signal.low,
            "nullable": signal.nullable,
        }
    return rules


def reader_tables(reader: Reader, rules: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The reader as an intercept and one (x, contribution) table per signal."""
    signals = {}
    for name in NAMES:
        top = max(rules[name]["high"], rules[name]["null_reads_as"])
        seen = SIGNALS[name].seen_up_to
        grid = _grid(reader, name, min(top, seen) if seen is not None else top)
        contributions = reader.contribution(name, grid)
        signals[name] = {
            "x": [float(x) for x in grid],
            "c": [round(float(c), 12) for c in contributions],
            "log": _log(reader, name),
        }
    return {"intercept": float(reader.intercept), "signals": signals}


def encode(rule: dict[str, Any], value: Value) -> float:
    """A value as readers see it (the JavaScript's `encode`)."""
    if value is None:
        return float(rule["null_reads_as"])
    x = float(value)
    return min(x, rule["seen_up_to"]) if rule["seen_up_to"] is not None else x


def interpolate(table: dict[str, Any], x: float) -> float:
    """The contribution at encoded `x`: linear between points (in log1p where the table says),
    flat beyond its ends (the JavaScript's `interpolate`)."""
    xs, cs = table["x"], table["c"]
    if x <= xs[0]:
        return float(cs[0])
    if x >= xs[-1]:
        return float(cs[-1])
    i = int(np.searchsorted(xs, x, side="right"))
    a, b = xs[i - 1], xs[i]
    if table["log"]:
        a, b, x = math.log1p(max(a, 0.0)), math.log1p(max(b, 0.0)), math.log1p(max(x, 0.0))
    share = (x - a) / (b - a) if b > a else 1.0
    return float(cs[i - 1] + share * (cs[i] - cs[i - 1]))


def evaluate(
    tables: dict[str, Any], rules: dict[str, dict[str, Any]], values: dict[str, Value]
) -> tuple[float, dict[str, float]]:
    """The probability and contributions the tables give for `values` (what the browser shows)."""
    parts = {name: interpolate(tables["signals"][name], encode(rules[name], values[name])) for name in NAMES}
    logit = tables["intercept"] + math.fsum(parts.values())
    return 1.0 / (1.0 + math.exp(-logit)), parts


WHATIF_JS = r"""
(function () {
  const data = JSON.parse(document.getElementById('whatif-data').textContent);
  const encode = (rule, value) => {
    if (value === null) return rule.null_reads_as;
    const x = Number(value);
    return rule.seen_up_to === null ? x : Math.min(x, rule.seen_up_to);
  };
  const interpolate = (table, x) => {
    const xs = table.x, cs = table.c, n = xs.length;
    if (x <= xs[0]) return cs[0];
    if (x >= xs[n - 1]) return cs[n - 1];
    let i = 1;
    while (xs[i] <= x) i++;
    let a = xs[i - 1], b = xs[i], t = x;
    if (table.log) { a = Math.log1p(Math.max(a, 0)); b = Math.log1p(Math.max(b, 0)); t = Math.log1p(Math.max(x, 0)); }
    const share = b > a ? (t - a) / (b - a) : 1;
    return cs[i - 1] + share * (cs[i] - cs[i - 1]);
  };
  const percent = (p) => {
    const n = Math.round(p * 100);
    return data.lang === 'fr' ? n + '\u202f%' : n + '%';
  };
  const probabilityText = (p) => {
    if (p > 0.95) return data.above;
    if (p < 0.05) return data.below;
    return percent(p);
  };
  const values = Object.assign({}, data.values);
  const picker = document.getElementById('whatif-reader');
  const output = document.getElementById('whatif-probability');
  let view = null;
  const recompute = () => {
    const tables = data.readers[picker.value];
    let logit = tables.intercept;
    const rows = [];
    for (const name of data.order) {
      const c = interpolate(tables.signals[name], encode(data.rules[name], values[name]));
      logit += c;
      rows.push({label: data.labels[name], contribution: Math.round(c * 1000) / 1000,
                 verdict: c > data.dead_band ? 'favourable' : (c < -data.dead_band ? 'unfavourable' : 'neutral')});
    }
    const p = 1 / (1 + Math.exp(-logit));
    output.textContent = probabilityText(p);
    output.dataset.probability = String(p);
    if (view) view.data('whatif', rows).runAsync();
  };
  for (const input of document.querySelectorAll('[data-signal]')) {
    const name = input.dataset.signal;
    const shown = document.getElementById('value-' + name);
    const never = document.getElementById('never-' + name);
    const update = () => {
      if (never && never.checked) { values[name] = null; input.disabled = true; }
      else if (input.type === 'checkbox') { values[name] = input.checked; }
      else { values[name] = Number(input.value); input.disabled = false; }
      if (shown) shown.textContent = input.type === 'checkbox' ? '' :
        (data.rules[name].type === 'share' ? percent(Number(input.value)) : Number(input.value).toLocaleString(data.lang));
      recompute();
    };
    input.addEventListener('input', update);
    if (never) never.addEventListener('change', update);
    update();
  }
  picker.addEventListener('change', recompute);
  document.getElementById('whatif-reset').addEventListener('click', () => {
    Object.assign(values, data.values);
    for (const input of document.querySelectorAll('[data-signal]')) {
      const v = data.values[input.dataset.signal];
      const never = document.getElementById('never-' + input.dataset.signal);
      if (input.type === 'checkbox') input.checked = !!v; else input.value = v === null ? 0 : v;
      if (never) never.checked = v === null;
      input.dispatchEvent(new Event('input'));
    }
  });
  window.regardsWhatIf = {
    attach: (v) => { view = v; recompute(); },
    recompute: recompute,
  };
  recompute();
})();
"""
