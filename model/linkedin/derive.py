"""From a LinkedIn export to profile signals: what the archive says, and what it cannot.

Counts over 90 days and active weeks are taken as of `as_of` (by default the export's latest
plausible dated entry), in calendar days: activity on `as_of` is 0 days ago and falls in the
latest of the 26 seven-day weeks ending on `as_of`. Signals the archive cannot give (a photo,
CV mismatches, what content is about) are listed as "to fill in", never guessed; a file
missing from a Basic archive is said, never read as zero, while in a Complete archive (known
by files the Basic one never has) a missing activity file means the member has none.

Where each signal comes from (its source) and what a person should know about the archive (the
notes) are `Phrase`s of the locale files' `[linkedin]` table, `sources.…` and `notes.…`, with
numbers and dates as details: `words.linkedin` words them in the person's language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from model.errors import Detail, InputError, Phrase, phrase
from model.linkedin.archive import Archive, open_archive, quoted
from model.linkedin.matching import Companies, Words, fold, is_default_headline, words
from model.linkedin.press import is_press
from model.linkedin.tables import DateReader, NotText, Table, column, dates_of, parse_dates, read_table, sentence_dates
from model.signals import SIGNALS, Value

NEEDED = (
    "Connections.csv",
    "Invitations.csv",
    "Profile.csv",
    "Positions.csv",
    "Skills.csv",
    "Recommendations_Received.csv",
    "Shares.csv",
    "Comments.csv",
    "Reactions.csv",
)
ACTIVITY = ("Shares.csv", "Comments.csv", "Reactions.csv")
MORE_ACTIVITY = ("Rich_Media.csv", "Votes.csv")
"""Dated activity beyond shares, comments and reactions: uploads and poll votes."""
COMPLETE_ONLY = (
    "Reactions.csv",
    "Logins.csv",
    "SearchQueries.csv",
    "Votes.csv",
    "Ad_Targeting.csv",
    "Inferences_about_you.csv",
)
"""Files only a Complete archive holds: one of them tells it from a Basic one."""
WINDOW_DAYS = 90
WEEKS = 26
LINKEDIN_LAUNCH = dt.date(2003, 1, 1)
"""Dates before LinkedIn existed cannot be a member's activity."""
NOT_POSTS = re.compile(r"profile|background|cover", re.IGNORECASE)
"""Rich_Media.csv uploads that are not posts: a profile or background photo."""


@dataclass(frozen=True)
class _File:
    """How one export file is read: the columns used, its date column and how dates read."""

    columns: tuple[str, ...] | None
    date: str | None = None
    reader: DateReader = dates_of
    first_column: str | None = None
    escaped_quotes: bool = False
    records_start_with_date: bool = False
    first_record_only: bool = False


FILES = {
    "Connections.csv": _File(("First Name", "Company", "Position", "Connected On"), "Connected On", first_column="First Name"),
    "Invitations.csv": _File(("Sent At", "Message", "Direction"), "Sent At", records_start_with_date=True),
    "Profile.csv": _File(("Headline", "Summary")),
    "Positions.csv": _File(("Company Name", "Title", "Finished On")),
    "Skills.csv": _File(("Name",)),
    "Recommendations_Received.csv": _File(("Status",)),
    "Shares.csv": _File(
        ("Date", "ShareCommentary", "Share Commentary", "SharedUrl", "Shared URL", "MediaUrl", "Media URL"),
        "Date",
        records_start_with_date=True,
    ),
    "Comments.csv": _File(("Date", "Message"), "Date", escaped_quotes=True, records_start_with_date=True),
    "Reactions.csv": _File(("Date",), "Date", records_start_with_date=True),
    "Votes.csv": _File(("Date",), "Date", records_start_with_date=True),
    "Rich_Media.csv": _File(("Date/Time", "Media Description"), "Date/Time", reader=sentence_dates, records_start_with_date=True),
    "Profile Summary.csv": _File(None, first_record_only=True),
}
RANGE_ONLY = ("Connections.csv",)
"""Files whose dates only bound the export's date range: each distinct date is parsed once."""


def said(key: str, /, **values: Detail) -> Phrase:
    """A text of the locale files' `[linkedin]` table (`sources.connections_rows`) and its details."""
    return Phrase(key, values)


@dataclass(frozen=True)
class ImportResult:
    """What an export gave: signals with their source, files, counts, and what is missing."""

    as_of: dt.date
    signals: dict[str, Value]
    sources: dict[str, Phrase]
    files_found: list[str]
    files_missing: list[str]
    counts: dict[str, int]
    date_range: tuple[dt.date, dt.date] | None
    to_fill_in: list[str]
    estimates: dict[str, float] = field(default_factory=dict)
    notes: list[Phrase] = field(default_factory=list)
    complete: bool = False
    """Whether the archive is a Complete one (it holds files a Basic archive never has)."""

    def to_profile_json(self) -> dict[str, Any]:
        """The profile JSON `regards read` takes (only the derived signals)."""
        return {"as_of": self.as_of.isoformat(), "signals": dict(self.signals)}


class _Builder:
    """Collects signals, their sources and notes while the files are read."""

    def __init__(self) -> None:
        self.signals: dict[str, Value] = {}
        self.sources: dict[str, Phrase] = {}
        self.notes: list[Phrase] = []

    def set(self, name: str, value: Value, source: Phrase) -> None:
        """A signal the export gives, kept within its range and within the signal the catalogue
        says it is part of (`at_most`, set before it)."""
        signal = SIGNALS[name]
        if isinstance(value, int | float) and not isinstance(value, bool):
            bound = self.signals.get(signal.at_most) if signal.at_most is not None else None
            high = min(signal.high, bound) if isinstance(bound, int | float) else signal.high
            value = type(value)(min(max(value, signal.low), high))
        self.signals[name] = signal.validate(value)
        self.sources[name] = source

    def note(self, note: Phrase) -> None:
        self.notes.append(note)


def import_export(data: bytes, as_of: dt.date | None = None) -> ImportResult:
    """Derive every signal the export ZIP `data` can give, in memory only."""
    archive = open_archive(data, FILES)
    if not any(archive.get(name) for name in (*NEEDED, "Profile Summary.csv")):
        listed = ", ".join(quoted(n) for n in sorted(archive.names)[:8])
        raise InputError("linkedin.no_export_files", expected=", ".join(NEEDED[:3]), found=listed or phrase("linkedin.no_file"))
    complete = any(archive.has(name) for name in COMPLETE_ONLY)
    built = _Builder()
    read = _read_all(archive, built)
    tables = {name: table.frame for name, table in read.items()}
    counts = {name: len(table.frame) for name, table in read.items()}
    dates = _dates(read, built)
    everything = [d for d in dates.values() if len(d)]
    latest = max((d.max() for d in everything), default=None)
    as_of = as_of or (latest.date() if latest is not None else dt.date.today())
    _relations(tables, dates, built)
    _coherence(tables, built)
    post_words = Words()
    _activity(tables, dates, built, as_of, complete, post_words)
    first = min((d.min() for d in everything), default=None)
    found = [name for name in NEEDED if name in tables]
    missing = [name for name in NEEDED if name not in tables]
    if not complete and any(name in missing for name in ACTIVITY):
        built.note(said("notes.basic_archive_without_activity"))
    elif complete and any(name in missing for name in ACTIVITY):
        built.note(said("notes.complete_archive_without", files=[name for name in ACTIVITY if name in missing]))
    to_fill = [n for n in SIGNALS if n not in built.signals]
    return ImportResult(
        as_of=as_of,
        signals=built.signals,
        sources=built.sources,
        files_found=found,
        files_missing=missing,
        counts=counts,
        date_range=(first.date(), latest.date()) if first is not None and latest is not None else None,
        to_fill_in=to_fill,
        estimates=_estimates(tables, post_words),
        notes=built.notes,
        complete=complete,
    )


def _read_all(archive: Archive, built: _Builder) -> dict[str, Table]:
    """Every file the import uses, read; the raw bytes of each are dropped once parsed."""
    tables: dict[str, Table] = {}
    for name, spec in FILES.items():
        member = archive.get(name)
        if member is None:
            continue
        original, content = member
        try:
            table = read_table(
                content,
                name=quoted(original.rsplit("/", 1)[-1]),
                first_column=spec.first_column,
                escaped_quotes=spec.escaped_quotes,
                columns=spec.columns,
                dated=(spec.date, spec.reader) if spec.records_start_with_date and spec.date else None,
                nrows=1 if spec.first_record_only else None,
            )
        except NotText:
            built.note(said("notes.not_text", file=name))
            continue
        finally:
            archive.drop(original)
            del content, member
        tables[name] = table
        if table.frame.empty:
            built.note(said("notes.empty_file", file=name))
    return tables


def _dates(tables: dict[str, Table], built: _Builder) -> dict[str, pd.Series]:
    dates = {}
    today = pd.Timestamp(dt.date.today())
    for name, spec in FILES.items():
        table = tables.get(name)
        if spec.date is None or table is None or table.frame.empty:
            continue
        values = column(table.frame, spec.date)
        if values is None:
            built.note(said("notes.no_date_column", file=name, column=spec.date))
            continue
        if table.dates is not None:
            parsed, unreadable = table.dates, table.unreadable
        elif name in RANGE_ONLY:
            parsed, unreadable = parse_dates(values.drop_duplicates())
        else:
            parsed, unreadable = parse_dates(values)
        if unreadable and name in RANGE_ONLY:
            built.note(said("notes.unreadable_dates", file=name, count=unreadable))
        elif unreadable:
            built.note(said("notes.unreadable_rows", file=name, count=unreadable))
        parsed = parsed.dropna()
        plausible = (parsed >= pd.Timestamp(LINKEDIN_LAUNCH)) & (parsed < today + pd.Timedelta(days=2))
        if not plausible.all():
            built.note(said("notes.implausible_dates", file=name, count=int((~plausible).sum())))
            parsed = parsed[plausible]
        dates[name] = parsed
    return dates


def _relations(tables: dict[str, pd.DataFrame], dates: dict[str, pd.Series], built: _Builder) -> None:
    connections = tables.get("Connections.csv")
    if connections is not None:
        built.set("connections", len(connections), said("sources.connections_rows", count=len(connections)))
        positions, companies = column(connections, "Position", strip=False), column(connections, "Company", strip=False)
        if positions is not None or companies is not None:
            empty = pd.Series("", index=connections.index)
            press = int(
                is_press(positions if positions is not None else empty, companies if companies is not None else empty).sum()
            )
            built.set("press_contacts", press, said("sources.press_contacts", count=press))
    _invitations(tables.get("Invitations.csv"), dates.get("Invitations.csv"), built)
    recommendations = tables.get("Recommendations_Received.csv")
    if recommendations is not None:
        status = column(recommendations, "Status")
        visible = int((status.str.upper() == "VISIBLE").sum()) if status is not None else len(recommendations)
        built.set("recommendations_received", visible, said("sources.recommendations_visible", count=visible))


def _invitations(frame: pd.DataFrame | None, sent_at: pd.Series | None, built: _Builder) -> None:
    if frame is None or frame.empty:
        return
    direction, message = column(frame, "Direction"), column(frame, "Message")
    if direction is None or message is None:
        built.note(said("notes.invitations_without_columns"))
        return
    outgoing = direction.str.upper() == "OUTGOING"
    sent = int(outgoing.sum())
    if not sent:
        return
    with_note = int((message[outgoing] != "").sum())
    dates = sent_at[sent_at.index.isin(outgoing.index[outgoing])] if sent_at is not None else pd.Series(dtype="datetime64[ns]")
    source = (
        said(
            "sources.invitations_with_a_note_dated", noted=with_note, sent=sent, first=dates.min().date(), last=dates.max().date()
        )
        if len(dates)
        else said("sources.invitations_with_a_note", noted=with_note, sent=sent)
    )
    built.set("invitation_note_rate", round(with_note / sent, 3), source)


def _current_positions(tables: dict[str, pd.DataFrame]) -> pd.DataFrame | None:
    """The positions with no end date (the current ones), or None without Positions.csv."""
    positions = tables.get("Positions.csv")
    if positions is None or positions.empty:
        return None
    finished = column(positions, "Finished On")
    return positions[finished == ""] if finished is not None else positions


def _coherence(tables: dict[str, pd.DataFrame], built: _Builder) -> None:
    profile = tables.get("Profile.csv")
    summary_text = None
    if profile is not None and not profile.empty:
        headline = column(profile, "Headline")
        if headline is not None:
            _headline(headline.iloc[0], _current_positions(tables), built)
        summary = column(profile, "Summary")
        summary_text = summary.iloc[0] if summary is not None else None
    extra = tables.get("Profile Summary.csv")
    if not summary_text and extra is not None and not extra.empty:
        summary_text = " ".join(extra.iloc[0].astype(str))
    if summary_text is not None or profile is not None:
        count = len(re.findall(r"\w+", summary_text or ""))
        built.set("summary_words", count, said("sources.about_words", count=count))
    positions, skills = tables.get("Positions.csv"), tables.get("Skills.csv")
    if positions is not None:
        built.set("positions_listed", len(positions), said("sources.positions", count=len(positions)))
    if skills is not None:
        built.set("skills_listed", len(skills), said("sources.skills", count=len(skills)))


def _headline(headline: str, current: pd.DataFrame | None, built: _Builder) -> None:
    """A headline counts when the person wrote it: LinkedIn's default "Title at Company" does not."""
    pairs = []
    if current is not None:
        titles, companies = column(current, "Title"), column(current, "Company Name")
        if titles is not None and companies is not None:
            pairs = list(zip(titles, companies, strict=True))
    if headline and is_default_headline(headline, pairs):
        built.set("has_headline", False, said("sources.headline_default"))
        return
    built.set("has_headline", bool(headline), said("sources.headline"))


def _activity(
    tables: dict[str, pd.DataFrame],
    dates: dict[str, pd.Series],
    built: _Builder,
    as_of: dt.date,
    complete: bool,
    post_words: Words,
) -> None:
    end = pd.Timestamp(as_of) + pd.Timedelta(days=1)
    start = end - pd.Timedelta(days=WINDOW_DAYS)
    shares = tables.get("Shares.csv")
    if shares is not None:
        in_window = _in(dates.get("Shares.csv"), start, end)
        empty = pd.Series("", index=shares.index)
        commentary = column(shares, "ShareCommentary", "Share Commentary")
        media = column(shares, "MediaUrl", "Media URL")
        original = ((commentary if commentary is not None else empty) != "") | ((media if media is not None else empty) != "")
        posts = int(original.reindex(in_window).sum()) if len(in_window) else 0
        built.set("posts_90d", posts, said("sources.posts", count=posts, as_of=as_of))
        reshares = len(in_window) - posts
        built.set("shares_90d", reshares, said("sources.reshares", count=reshares, as_of=as_of))
        _company_posts(shares, in_window, tables, built, post_words, as_of)
    else:
        uploads = _uploads(tables.get("Rich_Media.csv"), dates.get("Rich_Media.csv"), start, end)
        if uploads or complete:
            built.set("posts_90d", uploads, said("sources.uploads", count=uploads, as_of=as_of))
        if complete:
            built.set("shares_90d", 0, said("sources.none_in_complete_archive", file="Shares.csv"))
            if not uploads:
                built.set("company_posts_90d", 0, said("sources.none_in_complete_archive", file="Shares.csv"))
    counted = {name: len(_in(dates.get(name), start, end)) for name in ("Comments.csv", "Reactions.csv") if name in tables}
    for name, signal, source in (
        ("Comments.csv", "comments_90d", said("sources.comments", count=counted.get("Comments.csv", 0), as_of=as_of)),
        ("Reactions.csv", "reactions_90d", said("sources.reactions", count=counted.get("Reactions.csv", 0), as_of=as_of)),
    ):
        if name in counted:
            built.set(signal, counted[name], source)
        elif complete:
            built.set(signal, 0, said("sources.none_in_complete_archive", file=name))
    if complete or all(name in tables for name in ACTIVITY):
        _weeks(dates, built, as_of)


def _weeks(dates: dict[str, pd.Series], built: _Builder, as_of: dt.date) -> None:
    """Active weeks and days since the last activity, in calendar days up to `as_of` inclusive."""
    sources = [n for n in (*ACTIVITY, *MORE_ACTIVITY) if n in dates]
    named = [n.removesuffix(".csv").replace("_", " ") for n in sources] or ["Shares", "Comments", "Reactions"]
    activity = pd.concat([dates[n] for n in sources]) if sources else pd.Series(dtype="datetime64[us]")
    days = (pd.Timestamp(as_of) - activity.dt.normalize()).dt.days if len(activity) else pd.Series(dtype=int)
    days = days[days >= 0]
    active = int((days[days < WEEKS * 7] // 7).nunique())
    built.set("active_weeks_26", active, said("sources.active_weeks", files=named, count=active, as_of=as_of))
    last = int(days.min()) if len(days) else None
    latest = said("sources.latest_activity", files=named) if last is not None else said("sources.no_activity", files=named)
    built.set("days_since_last_activity", last, latest)


def _uploads(frame: pd.DataFrame | None, dates: pd.Series | None, start: pd.Timestamp, end: pd.Timestamp) -> int:
    """Photos and videos posted (not profile or background photos), from Rich_Media.csv."""
    if frame is None or dates is None:
        return 0
    described = column(frame, "Date/Time")
    index = _in(dates, start, end)
    if described is None or not len(index):
        return 0
    return int((~described.reindex(index).str.contains(NOT_POSTS)).sum())


def _in(dates: pd.Series | None, start: pd.Timestamp, end: pd.Timestamp) -> pd.Index:
    if dates is None or not len(dates):
        return pd.Index([])
    return dates.index[(dates >= start) & (dates < end)]


def _company_posts(
    shares: pd.DataFrame,
    in_window: pd.Index,
    tables: dict[str, pd.DataFrame],
    built: _Builder,
    post_words: Words,
    as_of: dt.date,
) -> None:
    current = _current_positions(tables)
    if current is None:
        built.note(said("notes.no_positions"))
        return
    company = column(current, "Company Name")
    if company is None:
        return
    companies = Companies(company.unique())
    if not companies:
        built.set("company_posts_90d", 0, said("sources.no_current_position"))
        return
    empty = pd.Series("", index=shares.index)
    commentary = column(shares, "ShareCommentary", "Share Commentary")
    url = column(shares, "SharedUrl", "Shared URL")
    texts = (commentary if commentary is not None else empty).reindex(in_window).tolist()
    urls = (url if url is not None else empty).reindex(in_window).tolist()
    posts = Counter(zip(texts, urls, strict=True))
    mentions = sum(n for (text, link), n in posts.items() if companies.named_in(post_words(text) + post_words(link)))
    more = len(companies.names) - 3
    named: list[str | Phrase] = [quoted(n) for n in companies.names[:3]]
    if more > 0:
        named.append(said("sources.more_companies", count=more))
    built.set("company_posts_90d", mentions, said("sources.company_posts", count=mentions, companies=named, as_of=as_of))


def _estimates(tables: dict[str, pd.DataFrame], post_words: Words) -> dict[str, float]:
    """An on-topic estimate from the headline's words found in recent posts: offered, labelled,
    never put into the profile."""
    profile, shares = tables.get("Profile.csv"), tables.get("Shares.csv")
    if profile is None or profile.empty or shares is None or shares.empty:
        return {}
    headline = column(profile, "Headline")
    commentary = column(shares, "ShareCommentary", "Share Commentary")
    if headline is None or commentary is None:
        return {}
    topic = {w for w in words(fold(headline.iloc[0])) if len(w) >= 4}
    posts = commentary[commentary != ""]
    if not topic or posts.empty:
        return {}
    hits = sum(1 for text in posts if not topic.isdisjoint(post_words(text)))
    return {"on_topic_share": round(hits / len(posts), 2)}
