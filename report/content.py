"""What a report says: one plain object, its texts already in the chosen language.

Built from (profile, readers, target, lang) through the domain (`model`) and its words
(`words`); the HTML and PDF renderers only lay it out. Nothing here touches a disk.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from typing import Any

from model.comparison import differences, disagreements
from model.evidence import EVIDENCE
from model.levers import DEFAULT_BUDGET, DEFAULT_TARGET, Plan, Step, plan
from model.profile import Profile
from model.reader import Reader
from model.reading import DEAD_BAND, FAVOURABLE, UNFAVOURABLE, Reading, read
from model.signals import NAMES, SIGNALS, SITUATIONS
from report import charts
from report.whatif import reader_tables, signal_rules
from words.i18n import Lang, t
from words.numbers import date, duration, percent, points, signed
from words.plans import describe, still_below_text
from words.readings import (
    basis_text,
    probability_text,
    range_text,
    reason_text,
    standing_text,
    value_text,
    verdict_sentence,
)

PDF_REASONS = 6
"""Reasons the PDF writes out per side and reader, strongest first; weaker ones are named (the
HTML has them all). Four readers stay within four pages whatever the profile."""


@dataclass(frozen=True)
class SignalLine:
    situation: str
    label: str
    value: str
    assumed: bool


@dataclass(frozen=True)
class ReasonLine:
    verdict: str
    label: str
    text: str
    sources: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True)
class ReaderPart:
    key: str
    name: str
    question: str
    verdict: str
    probability: float
    probability_text: str
    readable: bool
    range: str
    standing: str
    basis_kind: str
    basis: str
    favourable: tuple[ReasonLine, ...]
    unfavourable: tuple[ReasonLine, ...]
    chart: dict[str, Any]


@dataclass(frozen=True)
class StepLine:
    text: str
    effort: str
    gains: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class PlanPart:
    summary: str
    moves: tuple[str, ...]
    steps: tuple[StepLine, ...]
    no_regret: tuple[StepLine, ...]
    trade_offs: tuple[StepLine, ...]


@dataclass(frozen=True)
class EvidenceLine:
    id: str
    tag: str
    kind: str
    ref: str
    says: str


@dataclass(frozen=True)
class Report:
    """Everything the report shows, in `lang`; charts are Vega-Lite specs."""

    lang: Lang
    id: str
    texts: dict[str, str]
    made: str
    profile: tuple[SignalLine, ...]
    readers: tuple[ReaderPart, ...]
    overview: dict[str, Any]
    heatmap: dict[str, Any]
    differ: tuple[str, ...]
    disagree: tuple[str, ...]
    plan: PlanPart
    evidence: tuple[EvidenceLine, ...]
    whatif: dict[str, Any] = field(default_factory=dict)


HEADINGS = (
    "report_title",
    "report_intro",
    "report_profile",
    "report_assumed",
    "report_readers",
    "report_for",
    "report_against",
    "report_none",
    "report_side_by_side",
    "report_differ",
    "report_disagree",
    "report_plan",
    "report_effort",
    "report_gains",
    "report_evidence",
    "report_whatif",
    "report_whatif_intro",
    "report_whatif_reader",
    "report_whatif_reset",
    "report_never",
    "report_id",
    "report_no_regret",
    "report_more",
    "report_trade_offs",
    "col_signal",
    "col_value",
    "probability",
)


def tag(source: str, lang: Lang) -> str:
    """A source as a reason cites it: E5, or the seed and assumption in words."""
    return t(lang, f"source_{source}") if source in ("seed", "assumption") else source


def _reason(reading: Reading, lang: Lang, verdict: str) -> tuple[ReasonLine, ...]:
    return tuple(
        ReasonLine(
            r.verdict,
            SIGNALS[r.signal].label[lang],
            reason_text(reading.reader, r, reading.values[r.signal], lang, r.signal in reading.assumed),
            tuple(r.sources),
            tuple(tag(s, lang) for s in r.sources),
        )
        for r in reading.reasons
        if r.verdict == verdict
    )


def _reader_part(reading: Reading, lang: Lang) -> ReaderPart:
    reader = reading.reader
    return ReaderPart(
        key=reader.key,
        name=reader.name(lang),
        question=reader.question(lang),
        verdict=verdict_sentence(reading, lang),
        probability=reading.probability,
        probability_text=probability_text(reading.probability, lang),
        readable=reading.readable,
        range=range_text(reading, lang),
        standing=standing_text(reading, lang),
        basis_kind=reader.basis.kind,
        basis=t(lang, "report_basis_line", basis=basis_text(reader, lang)),
        favourable=_reason(reading, lang, FAVOURABLE),
        unfavourable=_reason(reading, lang, UNFAVOURABLE),
        chart=charts.contributions(reading, lang),
    )


def _step(step: Step, names: dict[str, str], lang: Lang) -> StepLine:
    """A step as the checklist says it: what to do (and whether it only lessens a penalty), its
    effort, its gain in points for each reader it moves."""
    note = still_below_text(step, {k: _Named(v) for k, v in names.items()}, lang)
    text = describe(step, lang)
    return StepLine(
        text=f"{text} {note}" if note else text,
        effort=duration(step.effort, lang),
        gains=tuple((names[k], points(p, lang)) for k, p in step.points.items() if round(p * 100) != 0),
    )


class _Named:
    """A reader's name where words.plans expects a reader."""

    def __init__(self, name: str) -> None:
        self._name = name

    def name(self, lang: Lang) -> str:
        return self._name


def _plan(found: Plan, names: dict[str, str], lang: Lang) -> PlanPart:
    effort, target = duration(found.effort, lang), percent(found.target, lang)
    if not found.steps:
        summary = t(lang, "levers_nothing", target=target) if found.reaches_target else t(lang, "levers_nothing_possible")
    elif found.reaches_target:
        summary = t(lang, "levers_reached", effort=effort, target=target)
    else:
        summary = t(lang, "levers_unreached", effort=effort, target=target)
    moves = tuple(
        t(
            lang,
            "levers_before_after",
            reader=names[k],
            before=percent(found.before[k], lang),
            after=percent(found.after[k], lang),
        )
        for k in found.readers
    )
    return PlanPart(
        summary=summary,
        moves=moves,
        steps=tuple(_step(s, names, lang) for s in found.steps),
        no_regret=tuple(_step(s, names, lang) for s in found.optional),
        trade_offs=tuple(_step(s, names, lang) for s in found.trade_offs),
    )


def make_plan(readers: list[Reader], profile: Profile, target: float = DEFAULT_TARGET) -> Plan:
    """The least effort taking every chosen reader to `target` within the default budget."""
    return plan(readers, profile, target=target, budget=DEFAULT_BUDGET)


def build(
    profile: Profile,
    readers: list[Reader],
    lang: Lang,
    target: float = DEFAULT_TARGET,
    *,
    today: dt.date | None = None,
    report_id: str | None = None,
) -> Report:
    """The report of `profile` for `readers` (at least one), in `lang`."""
    readings = [read(r, profile) for r in readers]
    names = {r.key: r.name(lang) for r in readers}
    plan = make_plan(readers, profile, target)
    made = date(today or dt.date.today(), lang)
    texts = {key: t(lang, key) for key in HEADINGS}
    if profile.as_of is not None:
        texts["report_made"] = t(lang, "report_made", date=made, as_of=date(profile.as_of, lang))
    else:
        texts["report_made"] = t(lang, "report_made_undated", date=made)
    lines = tuple(
        SignalLine(
            situation=SITUATIONS[SIGNALS[n].situation][lang],
            label=SIGNALS[n].label[lang],
            value=value_text(SIGNALS[n], profile.values[n], lang),
            assumed=n in profile.assumed,
        )
        for n in NAMES
    )
    differ = tuple(
        t(
            lang,
            "report_differ_line",
            signal=SIGNALS[d.signal].label[lang],
            parts=", ".join(f"{names[k]} {signed(v, lang)}" for k, v in d.by_reader.items()),
        )
        for d in differences(readings)
    )
    disagree = tuple(
        t(
            lang,
            "report_disagree_line",
            signal=SIGNALS[d.signal].label[lang],
            pro=", ".join(names[k] for k in d.favourable),
            con=", ".join(names[k] for k in d.unfavourable),
        )
        for d in disagreements(readings)
    )
    cited = sorted({s for r in readings for reason in r.reasons for s in reason.sources}, key=_source_order)
    evidence = tuple(
        EvidenceLine(
            id=s,
            tag=tag(s, lang),
            kind=t(lang, "strength_" + EVIDENCE[s].kind.replace("-", "_")),
            ref=EVIDENCE[s].ref,
            says=EVIDENCE[s].says[lang],
        )
        for s in cited
    )
    rules = signal_rules(profile.values)
    whatif = {
        "lang": lang,
        "order": list(NAMES),
        "labels": {n: SIGNALS[n].label[lang] for n in NAMES},
        "values": dict(profile.values),
        "rules": rules,
        "readers": {r.key: reader_tables(r, rules) for r in readers},
        "names": names,
        "dead_band": DEAD_BAND,
        "above": t(lang, "probability_above", share=percent(0.95, lang)),
        "below": t(lang, "probability_below", share=percent(0.05, lang)),
        "chart": charts.whatif(lang),
    }
    return Report(
        lang=lang,
        id=report_id or secrets.token_hex(8),
        texts=texts,
        made=made,
        profile=lines,
        readers=tuple(_reader_part(r, lang) for r in readings),
        overview=charts.probabilities(readings, lang),
        # One reader: its own contributions say more than a heatmap of one column.
        heatmap=charts.signals_by_reader(readings, lang) if len(readings) > 1 else charts.contributions(readings[0], lang),
        differ=differ,
        disagree=disagree,
        plan=_plan(plan, names, lang),
        evidence=evidence,
        whatif=whatif,
    )


def _source_order(source: str) -> tuple[int, int, str]:
    if source == "seed":
        return (0, 0, source)
    if source == "assumption":
        return (2, 0, source)
    digits = "".join(c for c in source if c.isdigit())
    return (1, int(digits) if digits else 0, source)
