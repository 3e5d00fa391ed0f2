"""What to change: the smallest-effort plan that takes the chosen readers to a target.

The reading model is additive, so a plan is a choice of one option per actionable signal (keep
its value, or move it to another value within its three-month bound), each option with an
effort and a gain in log-odds for each reader. For one reader the cheapest plan reaching the
target is a multiple-choice knapsack, solved exactly by dynamic programming over effort; for
several, the cheapest plan taking every reader to the target is a small mixed-integer programme
(HiGHS through scipy.optimize.milp), and when no plan within the budget reaches it, the plan
that raises the lowest reader most.

A plan a coach would sign: no step that gains less than 2 points of probability for at least
one chosen reader; no step that hurts a chosen reader unless trade-offs are asked for; nothing
raised that the catalogue gives no action to raise (polarising content); nothing planned on an
assumed signal (it is asked for first); the plan stops at the target, and what remains of the
budget is offered as optional moves, not spent.

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
MAX_BUDGET = 1000
TARGETS = (0.01, 0.99)
"""The targets a person can ask for (a plan takes any probability strictly between 0 and 1)."""
"""Hours over three months at most."""
MIN_POINTS = 0.02
"""A step must move at least one chosen reader by 2 points of probability."""


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
    """One change: from what to what, its effort, its gain per reader (log-odds and points of
    probability in the plan), and the readers for whom the signal still reads below what they
    expect once the plan is done (a step that only lessens a penalty)."""

    signal: str
    before: Value
    after: Value
    effort: float
    gains: dict[str, float]
    points: dict[str, float] = field(default_factory=dict)
    still_below: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "signal": self.signal,
            "from": self.before,
            "to": self.after,
            "effort_hours": self.effort,
            "gains": self.gains,
            "points": self.points,
            "still_below": list(self.still_below),
        }


@dataclass(frozen=True)
class Plan:
    """A set of changes, what it costs and what each reader makes of it."""

    readers: tuple[str, ...]
    steps: tuple[Step, ...]
    effort: float
    before: dict[str, float]
    after: dict[str, float]
    target: float
    budget: float
    reaches_target: bool
    optional: tuple[Step, ...] = ()
    trade_offs: tuple[Step, ...] = ()
    ask_first: tuple[str, ...] = ()

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
            "optional": [s.to_json() for s in self.optional],
            "no_regret": [s.to_json() for s in self.optional],
            "trade_offs": [s.to_json() for s in self.trade_offs],
            "ask_first": list(self.ask_first),
        }


def candidate_values(signal: Signal, current: Value) -> list[Value]:
    """Values within the signal's three-month bound and valid range, the current one first.

    A signal whose catalogue entry gives no action to raise it (polarising content, CV
    discrepancies) is never raised."""
    if not signal.actionable:
        return [current]
    up = bool(signal.action["en"])
    if signal.type == "bool":
        flips = (signal.move_up and not current and up) or (signal.move_down and current)
        return [current, not current] if flips else [current]
    if signal.nullable:
        return [current] if current == 0 else [current, 0]
    number = float(current or 0)
    low = max(signal.low, number - signal.move_down)
    high = min(signal.high, number + signal.move_up) if up else number
    if signal.type == "share":
        grid = np.round(np.arange(0.0, 1.0 + 1e-9, SHARE_STEP), 2)
        values: list[Value] = [float(v) for v in grid if low - 1e-9 <= v <= high + 1e-9]
    else:
        step = max(1, math.ceil((high - low) / (MAX_OPTIONS - 1)))
        counts = list(range(int(low), int(high) + 1, step))
        if counts[-1] != int(high):
            counts.append(int(high))
        values = list(counts)
    return [current, *[v for v in values if v != current]]


def effort_of(signal: Signal, current: Value, value: Value) -> float:
    if value == current:
        return 0.0
    if signal.type == "bool" or signal.nullable:
        return signal.effort_fixed + signal.effort_hours
    return signal.effort_fixed + abs(float(value or 0) - float(current or 0)) * signal.effort_hours


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def logit_of(reader: Reader, profile: Profile) -> float:
    """The reader's log-odds for `profile`."""
    return reader.intercept + float(reader.contributions(encode_row(profile.values)[None, :]).sum())


def _worth_it(gains: tuple[float, ...], starts: np.ndarray) -> bool:
    """At least one reader moves by 2 points of probability or more."""
    return any(_sigmoid(s + g) - _sigmoid(s) >= MIN_POINTS for s, g in zip(starts, gains, strict=True))


def options(
    readers: list[Reader], profile: Profile, fixed: tuple[str, ...] = (), *, trade_offs: bool = False
) -> dict[str, list[Option]]:
    """Every signal's options, the current value first. Fixed, assumed and non-actionable
    signals keep only their value; an option that moves no reader by 2 points, or (without
    trade-offs) hurts one, is left out."""
    unknown = [name for name in fixed if name not in SIGNALS]
    if unknown:
        raise unknown_signal(unknown[0])
    starts = np.array([logit_of(r, profile) for r in readers])
    candidates = {
        name: [profile.values[name]]
        if name in fixed or name in profile.assumed
        else candidate_values(SIGNALS[name], profile.values[name])
        for name in NAMES
    }
    encoded = {name: np.array([SIGNALS[name].encode(v) for v in values]) for name, values in candidates.items()}
    by_reader = [r.each_contribution(encoded) for r in readers]
    table: dict[str, list[Option]] = {}
    for name in NAMES:
        signal, current, values = SIGNALS[name], profile.values[name], candidates[name]
        gains = np.array([found[name] - found[name][0] for found in by_reader]).T
        group = []
        for index, (value, gain) in enumerate(zip(values, gains, strict=True)):
            option = Option(
                name,
                value,
                effort_of(signal, current, value),
                math.ceil(round(effort_of(signal, current, value) / EFFORT_UNIT, 6)),
                tuple(float(x) for x in gain),
            )
            if index == 0 or (_worth_it(option.gains, starts) and (trade_offs or min(option.gains) >= -1e-9)):
                group.append(option)
        table[name] = group
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


def _single(groups: list[list[Option]], need: float, budget_units: int) -> list[Option]:
    """One reader: the cheapest plan reaching `need` within the budget, else the best within it."""
    best, choice = _knapsack(groups)
    limit = min(budget_units, len(best) - 1)
    reachable = np.nonzero(best[: limit + 1] >= need - 1e-12)[0]
    if reachable.size:
        return _reconstruct(groups, choice, int(reachable[0]))
    units = int(np.flatnonzero(best[: limit + 1] >= best[: limit + 1].max() - 1e-12)[0])
    return _reconstruct(groups, choice, units)


def _milp(flat: list[Option], starts: np.ndarray, budget_units: int, need: float | None) -> list[Option] | None:
    """Several readers. With `need`: the least effort taking every reader's log-odds to `need`
    (None when no plan within the budget does). Without: the plan raising the lowest log-odds
    most within the budget."""
    n, readers = len(flat), len(starts)
    signals = sorted({o.signal for o in flat})
    rows: list[np.ndarray] = []
    bounds_of_rows: list[tuple[float, float]] = []
    for name in signals:
        row = np.zeros(n + 1)
        row[[i for i, o in enumerate(flat) if o.signal == name]] = 1.0
        rows.append(row)
        bounds_of_rows.append((1.0, 1.0))
    effort = np.zeros(n + 1)
    effort[:n] = [o.units for o in flat]
    rows.append(effort)
    bounds_of_rows.append((-np.inf, float(budget_units)))
    for r in range(readers):
        row = np.zeros(n + 1)
        row[:n] = [o.gains[r] for o in flat]
        if need is None:
            row[-1] = -1.0
        rows.append(row)
        bounds_of_rows.append((float(-starts[r]) if need is None else float(need - starts[r]), np.inf))
    lows = [low for low, _ in bounds_of_rows]
    highs = [high for _, high in bounds_of_rows]
    c = np.zeros(n + 1)
    if need is None:
        c[-1] = -1.0
        c[:n] = 1e-6 * effort[:n]  # among plans with the best floor, the cheapest
    else:
        c[:n] = effort[:n]
    integrality = np.ones(n + 1, dtype=np.int64)
    integrality[-1] = 0
    bounds = Bounds(np.r_[np.zeros(n), -np.inf if need is None else 0.0], np.r_[np.ones(n), np.inf if need is None else 0.0])
    result = milp(
        c,
        constraints=LinearConstraint(np.array(rows), lows, highs),
        integrality=integrality,
        bounds=bounds,
        options={"presolve": False, "mip_rel_gap": 0.0},
    )
    if not result.success:
        return None
    return [o for o, x in zip(flat, result.x[:n], strict=True) if x > 0.5]


def _marginal_points(chosen: list[Option], starts: np.ndarray) -> list[float]:
    """For each step, the most points of probability it adds to one reader, the others done."""
    total = np.array([sum(o.gains[r] for o in chosen) for r in range(len(starts))])
    return [max(_sigmoid(s + t) - _sigmoid(s + t - g) for s, t, g in zip(starts, total, o.gains, strict=True)) for o in chosen]


def _trimmed(chosen: list[Option], starts: np.ndarray) -> list[Option]:
    """Drop steps that, in the plan, add less than 2 points for every reader (cheapest gain first)."""
    while chosen:
        points = _marginal_points(chosen, starts)
        weakest = int(np.argmin(points))
        if points[weakest] >= MIN_POINTS - 1e-12:
            break
        chosen = chosen[:weakest] + chosen[weakest + 1 :]
    return chosen


def plan(
    readers: list[Reader],
    profile: Profile,
    *,
    target: float = DEFAULT_TARGET,
    budget: float = DEFAULT_BUDGET,
    fixed: tuple[str, ...] = (),
    trade_offs: bool = False,
) -> Plan:
    """The least-effort plan taking every reader in `readers` to `target` within `budget` hours,
    or, when none does, the plan that raises the lowest of them most within the budget."""
    _check(target, budget)
    table = options(readers, profile, fixed, trade_offs=trade_offs)
    starts = np.array([logit_of(r, profile) for r in readers])
    need = logit(target)
    units = math.floor(round(budget / EFFORT_UNIT, 6))
    groups = [table[n] for n in NAMES]
    if len(readers) == 1:
        chosen = _single(groups, need - starts[0], units)
    else:
        flat = [o for g in groups for o in undominated(g)]
        if bool((starts >= need).all()):
            found: list[Option] | None = []
        else:
            found = _milp(flat, starts, units, need)
        chosen = found if found is not None else (_milp(flat, starts, units, None) or [])
        chosen = [o for o in chosen if o.value != table[o.signal][0].value]
    chosen = _trimmed(chosen, starts)
    return _assemble(readers, profile, chosen, starts, target=target, budget=budget, table_trade_offs=trade_offs, fixed=fixed)


def plan_for_reader(
    reader: Reader, profile: Profile, target: float = DEFAULT_TARGET, fixed: tuple[str, ...] = (), budget: float = DEFAULT_BUDGET
) -> Plan:
    """One reader: the least-effort plan reaching `target` within `budget` hours."""
    return plan([reader], profile, target=target, budget=budget, fixed=fixed)


def plan_for_readers(
    readers: list[Reader],
    profile: Profile,
    budget: float = DEFAULT_BUDGET,
    fixed: tuple[str, ...] = (),
    target: float = DEFAULT_TARGET,
) -> Plan:
    """Several readers: the least-effort plan taking all of them to `target` within `budget` hours."""
    return plan(readers, profile, target=target, budget=budget, fixed=fixed)


def _check(target: float, budget: float) -> None:
    if not 0.0 < target < 1.0 or math.isnan(target):
        raise InputError("levers.target_out_of_range", target=target)
    if not 0.0 <= budget <= MAX_BUDGET or math.isnan(budget):
        raise InputError("levers.budget_out_of_range", budget=budget, most=MAX_BUDGET)


def _assemble(
    readers: list[Reader],
    profile: Profile,
    chosen: list[Option],
    starts: np.ndarray,
    *,
    target: float,
    budget: float,
    table_trade_offs: bool,
    fixed: tuple[str, ...],
) -> Plan:
    keys = [r.key for r in readers]
    changed = profile.with_values({o.signal: o.value for o in chosen})
    ends = np.array([logit_of(r, changed) for r in readers])
    points = _marginal_points(chosen, starts)
    order = sorted(range(len(chosen)), key=lambda i: -points[i])
    steps = tuple(_step(chosen[i], profile, readers, ends, changed) for i in order)
    effort = round(sum(o.effort for o in chosen), 4)
    remaining = max(budget - effort, 0.0)
    after_table = options(readers, changed, fixed, trade_offs=True)
    optional, trade_offs = _further(after_table, changed, readers, ends, remaining)
    ask_first = tuple(n for n in profile.assumed if SIGNALS[n].actionable and any(not r.readings[n].ignored for r in readers))
    return Plan(
        readers=tuple(keys),
        steps=steps,
        effort=effort,
        before={k: _sigmoid(s) for k, s in zip(keys, starts, strict=True)},
        after={k: _sigmoid(e) for k, e in zip(keys, ends, strict=True)},
        target=target,
        budget=budget,
        reaches_target=bool((ends >= logit(target) - 1e-9).all()),
        optional=optional,
        trade_offs=trade_offs if not table_trade_offs else (),
        ask_first=ask_first,
    )


def _step(option: Option, profile: Profile, readers: list[Reader], ends: np.ndarray, changed: Profile) -> Step:
    """A chosen option as a step: `ends` are the readers' log-odds with the step made, `changed`
    the profile with it made (points are what the step adds there)."""
    signal = SIGNALS[option.signal]
    encoded = np.array([signal.encode(changed.values[option.signal])])
    still_below = tuple(r.key for r in readers if float(r.contribution(option.signal, encoded)[0]) < -DEAD_BAND)
    return Step(
        signal=option.signal,
        before=profile.values[option.signal],
        after=option.value,
        effort=round(option.effort, 4),
        gains={r.key: round(g, 4) for r, g in zip(readers, option.gains, strict=True)},
        points={r.key: round(_sigmoid(e) - _sigmoid(e - g), 4) for r, e, g in zip(readers, ends, option.gains, strict=True)},
        still_below=still_below,
    )


def _further(
    table: dict[str, list[Option]], profile: Profile, readers: list[Reader], starts: np.ndarray, remaining: float
) -> tuple[tuple[Step, ...], tuple[Step, ...]]:
    """After the plan, per signal, its best single further move within the remaining budget:
    optional when it helps every reader (and one by 2 points or more); a trade-off when it helps
    one reader and hurts another."""
    optional, trade_offs = [], []
    for name in NAMES:
        moves = [o for o in table[name][1:] if o.effort <= remaining + 1e-9]
        if not moves:
            continue
        helpful = [o for o in moves if min(o.gains) > DEAD_BAND]
        if helpful:
            best = max(helpful, key=lambda o: (min(o.gains), -o.effort))
            optional.append(_further_step(best, profile, readers, starts))
            continue
        mixed = [o for o in moves if max(o.gains) > DEAD_BAND and min(o.gains) < -DEAD_BAND]
        if mixed:
            best = max(mixed, key=lambda o: max(o.gains))
            trade_offs.append(_further_step(best, profile, readers, starts))
    optional.sort(key=lambda s: -min(s.gains.values()))
    trade_offs.sort(key=lambda s: -(max(s.gains.values()) - min(s.gains.values())))
    return tuple(optional), tuple(trade_offs)


def _further_step(option: Option, profile: Profile, readers: list[Reader], starts: np.ndarray) -> Step:
    changed = profile.with_values({option.signal: option.value})
    return _step(option, profile, readers, starts + np.array(option.gains), changed)
