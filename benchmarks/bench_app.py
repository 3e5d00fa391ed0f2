"""Issue 3's speed figures, server side with Streamlit's AppTest, in one run.

    .venv/bin/python -m benchmarks.bench_app

- a widget change re-rendering the reading page and the side-by-side page (goal: p95 <= 150 ms),
  beside a hello-world app's rerun after a widget change (the floor);
- the first render after start-up, in a fresh Python process (goal: <= 3 s).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from streamlit.logger import set_log_level
from streamlit.testing.v1 import AppTest

from benchmarks.table import markdown, timing_row
from ui import state

APP = str(Path(__file__).resolve().parent.parent / "app.py")
RERUNS = 30
HELLO = """
import streamlit as st
value = st.number_input("x", key="x")
st.write(f"Hello {value}")
"""


def _reruns(at: AppTest, change: Callable[[AppTest, int], object]) -> list[float]:
    times = []
    for i in range(RERUNS):
        change(at, i)
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        assert not at.exception, at.exception
    return times


def first_render() -> float:
    """Seconds from a fresh interpreter to the first complete render (imports and fitting included)."""
    code = f"from streamlit.testing.v1 import AppTest; AppTest.from_file({APP!r}, default_timeout=60).run()"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    set_log_level("error")  # AppTest outside `streamlit run` warns about a missing ScriptRunContext on every run
    hello = AppTest.from_string(HELLO).run()
    floor = _reruns(hello, lambda at, i: at.number_input(key="x").set_value(float(i)))
    readers = ["recruiter", "journalist"]
    reading = AppTest.from_file(APP, default_timeout=30)
    reading.query_params["lang"] = "fr"
    reading.run()
    on_reading = _reruns(reading, lambda at, i: at.radio(key=state.READER).set_value(readers[i % 2]))
    compare = AppTest.from_file(APP, default_timeout=30).run()
    compare.switch_page("views/compare.py").run()
    on_compare = _reruns(compare, lambda at, i: at.radio(key=state.LANG).set_value("fr" if i % 2 else "en"))
    rows = [
        timing_row("hello-world app, a widget change (floor)", floor, "", None),
        timing_row("reading page, reader changed", on_reading, "p95 <= 150 ms", float(np.percentile(on_reading, 95)) <= 0.150),
        timing_row(
            "side-by-side page, language changed", on_compare, "p95 <= 150 ms", float(np.percentile(on_compare, 95)) <= 0.150
        ),
    ]
    starts = [first_render() for _ in range(3)]
    rows.append(
        {
            "case": "first render after start-up (fresh process, median of 3)",
            "p50 (ms)": statistics.median(starts) * 1000,
            "p95 (ms)": max(starts) * 1000,
            "goal": "<= 3 s",
            "result": "PASS" if statistics.median(starts) <= 3 else "MISS",
        }
    )
    print(f"## App reruns, server side (AppTest, {RERUNS} reruns each)\n")
    print(markdown(rows, 1))


if __name__ == "__main__":
    main()
