"""The planners' speed: exact plans beside brute force on the same small cases.

    .venv/bin/python -m benchmarks.bench_levers

Small cases: profiles drawn from the population with five free signals (the others fixed),
where brute force can enumerate every combination. Goals: one reader <= 50 ms, three readers
<= 200 ms. The full problem (every actionable signal free, brute force out of reach) is timed too.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from functools import partial

import numpy as np

from benchmarks.table import markdown
from model.levers import EFFORT_UNIT, logit, logit_of, options, plan_for_reader, plan_for_readers
from model.population import draw
from model.profile import from_row
from model.reader import default_readers
from model.signals import NAMES
from tests.brute_force import best_floor, cheapest_reaching

FREE = ["has_photo", "recommendations_received", "press_contacts", "invitation_note_rate", "cv_mismatches"]
CASES = 12


def _ms(samples: list[float]) -> tuple[float, float]:
    return statistics.median(samples) * 1000, float(np.percentile(samples, 95)) * 1000


def _time(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> None:
    readers = default_readers()
    one = readers.get("recruiter", "communication")
    three = [readers.get("recruiter"), readers.get("journalist"), readers.get("peer")]
    fixed = tuple(n for n in NAMES if n not in FREE)
    profiles = [from_row({str(k): v for k, v in draw(1, seed).iloc[0].items()}) for seed in range(CASES)]
    plan_for_reader(one, profiles[0], 0.7, fixed, budget=1000.0)
    rows = []
    ours, brute, combos = [], [], []
    for profile in profiles:
        ours.append(_time(partial(plan_for_reader, one, profile, 0.7, fixed, budget=1000.0)))
        groups = [options([one], profile, fixed)[n] for n in NAMES]
        combos.append(math.prod(len(g) for g in groups))
        need = logit(0.7) - logit_of(one, profile)
        brute.append(_time(partial(cheapest_reaching, groups, need)))
    rows.append(_row("one reader (recruiter/communication), target 0.7", ours, brute, combos, 50))
    ours, brute, combos = [], [], []
    for profile in profiles:
        ours.append(_time(partial(plan_for_readers, three, profile, 4.0, fixed, target=0.999)))
        table = options(three, profile, fixed)
        groups = [table[n] for n in NAMES]
        combos.append(math.prod(len(g) for g in groups))
        starts = np.array([logit_of(r, profile) for r in three])
        brute.append(_time(partial(best_floor, groups, starts, round(4.0 / EFFORT_UNIT))))
    rows.append(_row("three readers, budget 4 h, the best lowest reading", ours, brute, combos, 200))
    print(f"## Exact planners vs brute force, {CASES} small cases (5 free signals)\n")
    print(markdown(rows, 2))
    full_one = [_time(partial(plan_for_reader, one, p, 0.7)) for p in profiles]
    full_three = [_time(partial(plan_for_readers, three, p, 10.0)) for p in profiles]
    full_four = [_time(partial(plan_for_readers, [*three, one], p, 10.0)) for p in profiles]
    print("\n## Full problem (every actionable signal free; brute force out of reach)\n")
    print(
        markdown(
            [
                {"case": "one reader, target 0.7", "p50 (ms)": _ms(full_one)[0], "p95 (ms)": _ms(full_one)[1]},
                {
                    "case": "three readers, target 0.7, budget 10 h",
                    "p50 (ms)": _ms(full_three)[0],
                    "p95 (ms)": _ms(full_three)[1],
                },
                {"case": "four readers, target 0.7, budget 10 h", "p50 (ms)": _ms(full_four)[0], "p95 (ms)": _ms(full_four)[1]},
            ],
            1,
        )
    )


def _row(case: str, ours: list[float], brute: list[float], combos: list[int], goal_ms: float) -> dict[str, object]:
    ours_p50, ours_p95 = _ms(ours)
    brute_p50, _ = _ms(brute)
    return {
        "case": case,
        "combinations (median)": int(statistics.median(combos)),
        "ours p50 (ms)": ours_p50,
        "ours p95 (ms)": ours_p95,
        "brute force p50 (ms)": brute_p50,
        "speed-up": brute_p50 / ours_p50,
        "goal": f"<= {goal_ms:g} ms",
        "result": "PASS" if ours_p95 <= goal_ms else "MISS",
    }


if __name__ == "__main__":
    main()
