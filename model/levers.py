"""What to change: the smallest-effort plans that move one reader, or several at once.

The reading model is additive, so a plan is a choice of one option per actionable signal (keep
its value, or move it to another value within its three-month bound), each option with an
effort and a gain in log-odds for each reader. For one reader, the cheapest plan reaching a
target is a multiple-choice knapsack, solved exactly by dynamic programming over effort. For
several readers, the plan that raises the lowest log-odds most within a budget is a small
mixed-integer programme, solved exactly by HiGHS (scipy.optimize.milp).

Exact means exact over the option grid stated here: efforts in steps of `EFFORT_UNIT` hours
(each option's effort rounded up), counts in steps of 1 up to `MAX_OPTIONS` values per signal
(coarser beyond), shares in steps of 0.05.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from model.errors import InputError
from model.profile import Profile
from model.reader import Reader
from model.reading import DEAD_BAND
from model.signals import NAMES, SIGNALS, Signal, Value, encode_row, unknown_signal

EFFORT_UNIT = 0.05
"""Efforts are counted in steps of three minutes."""
MAX_OPTIONS = 61
SHARE_STEP = 0.05
DEFAULT_TARGET = 0.7
DEFAULT_BUDGET = 10.0


@dataclass(frozen=True)
class Option:
    """One value a signal could take, its effort and its gain in log-odds for each reader."""

    signal: str
    value: Value
    effort: float
    units: int
    gains: tuple[float, ...]


@dataclass(frozen=True)
class Step:
    signal: str
    before: Value
    after: Value
    effort: float
    gains: dict[str, float]

    def to_json(self) -> dict[str, Any]:
        return {"signal": self.signal, "from": self.before, "to": self.after, "effort_hours": self.effort, "gains": self.gains}


@dataclass(frozen=True)
class Plan:
    """A set of changes, what it costs and what each reader makes of it."""

    readers: tuple[str, ...]
    steps: tuple[Step, ...]
    effort: float
    before: dict[str, float]
    after: dict[str, float]
    target: float | None
    budget: float | None
    reaches_target: bool
    no_regret: tuple[Step, ...] = field(default_factory=tuple)
    trade_offs: tuple[Step, ...] = field(default_factory=tuple)

    def changes(self) -> dict[str, Value]:
        return {step.signal: step.after for step in self.steps}

    def apply(self, profile: Profile) -> Profile:
        """The profile with the plan's changes made."""
        return profile.with_values(self.changes())

    def to_json(self) -> dict[str, Any]:
        return {
            "readers": list(self.readers),
            "target": self.target,
            "budget_hours": self.budget,
            "reaches_target": self.reaches_target,
            "effort_hours": self.effort,
            "probability_before": self.before,
            "probability_after": self.after,
            "steps": [s.to_json() for s in self.steps],
            "no_regret": [s.to_json() for s in self.no_regret],
            "trade_offs": [s.to_json() for s in self.trade_offs],
        }


def candidate_values(signal: Signal, current: Value) -> list[Value]:
    """Values within the signal's three-month bound and valid range, the current one first."""
    if not signal.actionable:
        return [current]
    if signal.type == "bool":
        flips = (signal.move_up and not current) or (signal.move_down and current)
        return [current, not current] if flips else [current]
    if signal.nullable:
        return [current] if current == 0 else [current, 0]
    low = max(signal.low, float(current) - signal.move_down)
    high = min(signal.high, float(current) + signal.move_up)
    if signal.type == "share":
        grid = np.round(np.arange(0.0, 1.0 + 1e-9, SHARE_STEP), 2)
        values = [float(v) for v in grid if low - 1e-9 <= v <= high + 1e-9]
    else:
        step = max(1, math.ceil((high - low) / (MAX_OPTIONS - 1)))
        values = list(range(int(low), int(high) + 1, step))
        if values[-1] != int(high):
            values.append(int(high))
    return [current, *[v for v in values if v != current]]


def effort_of(signal: Signal, current: Value, value: Value) -> float:
    if value == current:
        return 0.0
    if signal.type == "bool" or signal.nullable:
        return signal.effort_fixed + signal.effort_hours
    return signal.effort_fixed + abs(float(value) - float(current)) * signal.effort_hours


def options(readers: list[Reader], profile: Profile, fixed: tuple[str, ...] = ()) -> dict[str, list[Option]]:
    """Every signal's options (fixed and non-actionable signals keep only their value)."""
    unknown = [name for name in fixed if name not in SIGNALS]
    if unknown:
        raise unknown_signal(unknown[0])
    table: dict[str, list[Option]] = {}
    for name in NAMES:
        signal, current = SIGNALS[name], profile.values[name]
        values = [current] if name in fixed else candidate_values(signal, current)
        encoded = np.array([signal.encode(v) for v in values])
        gains = np.array([r.contribution(name, encoded) - r.contribution(name, encoded[:1]) for r in readers]).T
        table[name] = [
            Option(
                name,
                v,
                effort_of(signal, current, v),
                math.ceil(round(effort_of(signal, current, v) / EFFORT_UNIT, 6)),
                tuple(float(x) for x in g),
            )
            for v, g in zip(values, gains, strict=True)
        ]
    return table


def undominated(group: list[Option]) -> list[Option]:
    """Drop options that cost at least as much as another and gain no more for any reader:
    no optimal plan needs them, so the search stays exact and gets smaller."""
    kept = []
    for option in group:
        dominated = any(
            other is not option
            and other.units <= option.units
            and all(a >= b for a, b in zip(other.gains, option.gains, strict=True))
            and (other.units < option.units or any(a > b for a, b in zip(other.gains, option.gains, strict=True)))
            for other in group
        )
        if not dominated or option is group[0]:
            kept.append(option)
    return kept


def logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def plan_for_reader(reader: Reader, profile: Profile, target: float = DEFAULT_TARGET, fixed: tuple[str, ...] = ()) -> Plan:
    """The least-effort plan that takes `reader` to `target`, or the best reachable one."""
    _check_target(target)
    table = options([reader], profile, fixed)
    start = logit_of(reader, profile)
    best, choice = _knapsack([table[n] for n in NAMES])
    need = logit(target) - start
    reachable = np.nonzero(best >= need - 1e-12)[0]
    budget_units = int(reachable[0]) if reachable.size else int(np.flatnonzero(best >= best.max() - 1e-12)[0])
    chosen = _reconstruct([table[n] for n in NAMES], choice, budget_units)
    return _plan([reader], profile, chosen, target=target, budget=None, reaches=bool(reachable.size))


def _knapsack(groups: list[list[Option]]) -> tuple[np.ndarray, list[np.ndarray]]:
    """best[b]: the largest gain with at most b effort units; choice[g][b]: the option taken."""
    capacity = sum(max(o.units for o in group) for group in groups)
    best = np.zeros(capacity + 1)
    choices = []
    for group in groups:
        new = np.full(capacity + 1, -np.inf)
        pick = np.zeros(capacity + 1, dtype=np.int32)
        for index, option in enumerate(group):
            shifted = np.full(capacity + 1, -np.inf)
            shifted[option.units :] = best[: capacity + 1 - option.units] + option.gains[0]
            better = shifted > new + 1e-12
            new[better] = shifted[better]
            pick[better] = index
        best = new
        choices.append(pick)
    return best, choices


def _reconstruct(groups: list[list[Option]], choices: list[np.ndarray], budget: int) -> list[Option]:
    chosen = []
    for group, pick in zip(reversed(groups), reversed(choices), strict=True):
        option = group[int(pick[budget])]
        chosen.append(option)
        budget -= option.units
    current = {group[0].signal: group[0].value for group in groups}
    return [o for o in reversed(chosen) if o.value != current[o.signal]]


def plan_for_readers(
    readers: list[Reader], profile: Profile, budget: float = DEFAULT_BUDGET, fixed: tuple[str, ...] = ()
) -> Plan:
    """Within `budget` hours, the plan that raises the lowest log-odds among `readers` the most."""
    if budget < 0:
        raise InputError(f"budget {budget:g}: expected hours >= 0", fr=f"budget {budget:g} : attendu des heures >= 0")
    if len(readers) == 1:
        return _single_within_budget(readers[0], profile, budget, fixed)
    table = options(readers, profile, fixed)
    flat = [o for n in NAMES for o in undominated(table[n])]
    starts = np.array([logit_of(r, profile) for r in readers])
    n = len(flat)
    # variables: one binary per option, then t (the lowest log-odds after the plan)
    c = np.zeros(n + 1)
    c[-1] = -1.0
    rows, lows, highs = [], [], []
    for name in NAMES:
        row = np.zeros(n + 1)
        row[[i for i, o in enumerate(flat) if o.signal == name]] = 1.0
        rows.append(row), lows.append(1.0), highs.append(1.0)
    effort_row = np.zeros(n + 1)
    effort_row[:n] = [o.units for o in flat]
    rows.append(effort_row), lows.append(-np.inf), highs.append(math.floor(round(budget / EFFORT_UNIT, 6)))
    for r in range(len(readers)):
        row = np.zeros(n + 1)
        row[:n] = [o.gains[r] for o in flat]
        row[-1] = -1.0
        rows.append(row), lows.append(-starts[r]), highs.append(np.inf)
    integrality = np.ones(n + 1)
    integrality[-1] = 0
    bounds = Bounds(np.r_[np.zeros(n), -np.inf], np.r_[np.ones(n), np.inf])
    result = milp(
        c,
        constraints=LinearConstraint(np.array(rows), lows, highs),
        integrality=integrality,
        bounds=bounds,
        options={"presolve": False, "mip_rel_gap": 0.0},
    )
    if not result.success:
        raise RuntimeError(f"the planner could not solve this case: {result.message}")
    chosen = [o for o, x in zip(flat, result.x[:n], strict=True) if x > 0.5 and o.value != table[o.signal][0].value]
    chosen = _without_idle_steps(chosen, starts)
    return _plan(readers, profile, chosen, target=None, budget=budget, reaches=True, table=table)


def _without_idle_steps(chosen: list[Option], starts: np.ndarray) -> list[Option]:
    """Among plans with the best floor the solver may return one with steps that cost effort
    without raising the lowest reader: drop them, costliest first, keeping the floor."""

    def floor(plan: list[Option]) -> float:
        return min(starts[r] + sum(o.gains[r] for o in plan) for r in range(len(starts)))

    best = floor(chosen)
    for option in sorted(chosen, key=lambda o: -o.effort):
        rest = [o for o in chosen if o is not option]
        if floor(rest) >= best - 1e-9:
            chosen = rest
    return chosen


def _single_within_budget(reader: Reader, profile: Profile, budget: float, fixed: tuple[str, ...]) -> Plan:
    table = options([reader], profile, fixed)
    groups = [table[n] for n in NAMES]
    best, choice = _knapsack(groups)
    units = min(math.floor(round(budget / EFFORT_UNIT, 6)), len(best) - 1)
    units = int(np.flatnonzero(best[: units + 1] >= best[units] - 1e-12)[0])
    return _plan([reader], profile, _reconstruct(groups, choice, units), target=None, budget=budget, reaches=True)


def logit_of(reader: Reader, profile: Profile) -> float:
    """The reader's log-odds for `profile`."""
    return reader.intercept + float(reader.contributions(encode_row(profile.values)[None, :]).sum())


def _check_target(target: float) -> None:
    if not 0.0 < target < 1.0:
        raise InputError(
            f"target {target:g}: expected a probability between 0 and 1, e.g. 0.7",
            fr=f"cible {target:g} : attendu une probabilité entre 0 et 1, par exemple 0.7",
        )


def _plan(
    readers: list[Reader],
    profile: Profile,
    chosen: list[Option],
    *,
    target: float | None,
    budget: float | None,
    reaches: bool,
    table: dict[str, list[Option]] | None = None,
) -> Plan:
    keys = [r.key for r in readers]
    steps = tuple(_step(o, profile, keys) for o in sorted(chosen, key=lambda o: -max(o.gains)))
    before = {k: _sigmoid(logit_of(r, profile)) for k, r in zip(keys, readers, strict=True)}
    changed = profile.with_values({o.signal: o.value for o in chosen})
    after = {k: _sigmoid(logit_of(r, changed)) for k, r in zip(keys, readers, strict=True)}
    if target is not None:
        reaches = all(p >= target - 1e-9 for p in after.values())
    no_regret, trade_offs = _moves(readers, profile, table or options(readers, profile)) if len(readers) > 1 else ((), ())
    return Plan(
        readers=tuple(keys),
        steps=steps,
        effort=round(sum(o.effort for o in chosen), 4),
        before=before,
        after=after,
        target=target,
        budget=budget,
        reaches_target=reaches,
        no_regret=no_regret,
        trade_offs=trade_offs,
    )


def _moves(readers: list[Reader], profile: Profile, table: dict[str, list[Option]]) -> tuple[tuple[Step, ...], tuple[Step, ...]]:
    """Per signal, its best single move for the lowest reader: no-regret when it helps every
    reader beyond the dead band; a trade-off when it helps one and hurts another."""
    keys = [r.key for r in readers]
    no_regret, trade_offs = [], []
    for name in NAMES:
        moves = table[name][1:]
        if not moves:
            continue
        best_floor = max(moves, key=lambda o: (min(o.gains), -o.effort))
        if min(best_floor.gains) > DEAD_BAND:
            no_regret.append(_step(best_floor, profile, keys))
            continue
        best_any = max(moves, key=lambda o: max(o.gains))
        if max(best_any.gains) > DEAD_BAND and min(best_any.gains) < -DEAD_BAND:
            trade_offs.append(_step(best_any, profile, keys))
    no_regret.sort(key=lambda s: -min(s.gains.values()))
    trade_offs.sort(key=lambda s: -(max(s.gains.values()) - min(s.gains.values())))
    return tuple(no_regret), tuple(trade_offs)


def _step(option: Option, profile: Profile, keys: list[str]) -> Step:
    before = profile.values[option.signal]
    return Step(
        signal=option.signal,
        before=before,
        after=option.value,
        effort=round(option.effort, 4),
        gains={k: round(g, 4) for k, g in zip(keys, option.gains, strict=True)},
    )
