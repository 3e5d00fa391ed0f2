"""From a LinkedIn export to profile signals: what the archive says, and what it cannot.

Counts over 90 days and active weeks are taken as of `as_of` (by default the export's latest
dated entry). Signals the archive cannot give (a photo, CV mismatches, what content is about)
are listed as "to fill in", never guessed; a missing file is said, never read as zero.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from model.errors import InputError
from model.linkedin.archive import Archive, open_archive
from model.linkedin.press import is_press
from model.linkedin.tables import column, parse_dates, read_table
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
NEVER_IN_EXPORT = ("has_photo", "cv_mismatches", "on_topic_share", "controversial_share")
WINDOW_DAYS = 90
WEEKS = 26


def _texts(en: str, fr: str) -> dict[str, str]:
    return {"en": en, "fr": fr}


@dataclass(frozen=True)
class ImportResult:
    """What an export gave: signals with their source, files, counts, and what is missing."""

    as_of: dt.date
    signals: dict[str, Value]
    sources: dict[str, dict[str, str]]
    files_found: list[str]
    files_missing: list[str]
    counts: dict[str, int]
    date_range: tuple[dt.date, dt.date] | None
    to_fill_in: list[str]
    estimates: dict[str, float] = field(default_factory=dict)
    notes: list[dict[str, str]] = field(default_factory=list)

    def to_profile_json(self) -> dict[str, Any]:
        """The profile JSON `regards read` takes (only the derived signals)."""
        return {"as_of": self.as_of.isoformat(), "signals": dict(self.signals)}

    def to_json(self) -> dict[str, Any]:
        return {
            "profile": self.to_profile_json(),
            "sources": self.sources,
            "files_found": self.files_found,
            "files_missing": self.files_missing,
            "counts": self.counts,
            "date_range": [d.isoformat() for d in self.date_range] if self.date_range else None,
            "to_fill_in": self.to_fill_in,
            "estimates": self.estimates,
            "notes": self.notes,
        }


class _Builder:
    """Collects signals, their sources and notes while the files are read."""

    def __init__(self) -> None:
        self.signals: dict[str, Value] = {}
        self.sources: dict[str, dict[str, str]] = {}
        self.notes: list[dict[str, str]] = []
        self.missing_signals: list[str] = []

    def set(self, name: str, value: Value, en: str, fr: str) -> None:
        signal = SIGNALS[name]
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = type(value)(min(max(value, signal.low), signal.high))
        self.signals[name] = signal.validate(value)
        self.sources[name] = _texts(en, fr)

    def note(self, en: str, fr: str) -> None:
        self.notes.append(_texts(en, fr))


def import_export(data: bytes, as_of: dt.date | None = None) -> ImportResult:
    """Derive every signal the export ZIP `data` can give, in memory only."""
    archive = open_archive(data)
    found = [name for name in NEEDED if archive.get(name)]
    if not found and not archive.get("Profile Summary.csv"):
        listed = ", ".join(sorted(v[0] for v in archive.members.values())[:8]) or "no CSV file"
        raise InputError(
            f"this ZIP holds none of the files of a LinkedIn export ({', '.join(NEEDED[:3])}, …); it holds: {listed}",
            fr=f"ce ZIP ne contient aucun des fichiers d'un export LinkedIn ({', '.join(NEEDED[:3])}, …) ; il contient : {listed}",
        )
    built = _Builder()
    tables, counts = _read_all(archive, built)
    dates = _dates(tables, built)
    everything = [d for d in dates.values() if len(d)]
    latest = max((d.max() for d in everything), default=None)
    as_of = as_of or (latest.date() if latest is not None else dt.date.today())
    _relations(tables, dates, built)
    _coherence(tables, built)
    _activity(tables, dates, built, as_of)
    first = min((d.min() for d in everything), default=None)
    missing = [name for name in NEEDED if name not in found]
    if any(name in missing for name in ACTIVITY):
        built.note(
            "Shares, comments or reactions are missing: the Basic archive does not hold them. Request the Complete archive for activity signals; meanwhile they are to fill in.",
            "Partages, commentaires ou réactions manquent : l'archive de base ne les contient pas. Demandez l'archive complète pour les signaux d'activité ; d'ici là, ils sont à compléter.",
        )
    to_fill = [n for n in SIGNALS if n not in built.signals]
    return ImportResult(
        as_of=as_of,
        signals=built.signals,
        sources=built.sources,
        files_found=found,
        files_missing=missing,
        counts=counts,
        date_range=(first.date(), latest.date()) if first is not None else None,
        to_fill_in=to_fill,
        estimates=_estimates(tables),
        notes=built.notes,
    )


def _read_all(archive: Archive, built: _Builder) -> tuple[dict[str, pd.DataFrame], dict[str, int]]:
    tables: dict[str, pd.DataFrame] = {}
    counts: dict[str, int] = {}
    for name in (*NEEDED, "Profile Summary.csv"):
        member = archive.get(name)
        if member is None:
            continue
        first = "First Name" if name == "Connections.csv" else None
        frame = read_table(member[1], first_column=first, escaped_quotes=name == "Comments.csv")
        tables[name] = frame
        counts[member[0].rsplit("/", 1)[-1]] = len(frame)
        if frame.empty:
            built.note(f"{member[0]} is empty.", f"{member[0]} est vide.")
    return tables, counts


RANGE_ONLY = ("Connections.csv",)
"""Files whose dates only bound the export's date range: each distinct date is parsed once."""
DATE_COLUMNS = {
    "Connections.csv": ("Connected On",),
    "Invitations.csv": ("Sent At",),
    "Shares.csv": ("Date",),
    "Comments.csv": ("Date",),
    "Reactions.csv": ("Date",),
}


def _dates(tables: dict[str, pd.DataFrame], built: _Builder) -> dict[str, pd.Series]:
    dates = {}
    for name, headers in DATE_COLUMNS.items():
        frame = tables.get(name)
        if frame is None or frame.empty:
            continue
        values = column(frame, *headers)
        if values is None:
            built.note(
                f"{name}: no '{headers[0]}' column; its dates were not read.",
                f"{name} : pas de colonne '{headers[0]}' ; ses dates n'ont pas été lues.",
            )
            continue
        if name in RANGE_ONLY:
            values = values.drop_duplicates()
        parsed, unreadable = parse_dates(values)
        if unreadable:
            what = (
                ("distinct date(s)", "date(s) distincte(s)")
                if name in RANGE_ONLY
                else ("row(s) with a date", "ligne(s) à la date")
            )
            built.note(
                f"{name}: {unreadable} {what[0]} in no known format were left out of date counts.",
                f"{name} : {unreadable} {what[1]} dans un format inconnu ont été écartées des décomptes datés.",
            )
        dates[name] = parsed.dropna()
    return dates


def _relations(tables: dict[str, pd.DataFrame], dates: dict[str, pd.Series], built: _Builder) -> None:
    connections = tables.get("Connections.csv")
    if connections is not None:
        built.set(
            "connections",
            len(connections),
            f"Connections.csv: {len(connections)} rows",
            f"Connections.csv : {len(connections)} lignes",
        )
        positions, companies = column(connections, "Position"), column(connections, "Company")
        if positions is not None or companies is not None:
            empty = pd.Series("", index=connections.index)
            press = int(
                is_press(positions if positions is not None else empty, companies if companies is not None else empty).sum()
            )
            built.set(
                "press_contacts",
                min(press, len(connections)),
                f"Connections.csv: {press} connections whose position or company is in press or media",
                f"Connections.csv : {press} relations dont le poste ou l'entreprise relève de la presse ou des médias",
            )
    _invitations(tables.get("Invitations.csv"), dates.get("Invitations.csv"), built)
    recommendations = tables.get("Recommendations_Received.csv")
    if recommendations is not None:
        status = column(recommendations, "Status")
        visible = int((status.str.upper() == "VISIBLE").sum()) if status is not None else len(recommendations)
        built.set(
            "recommendations_received",
            visible,
            f"Recommendations_Received.csv: {visible} visible",
            f"Recommendations_Received.csv : {visible} visibles",
        )


def _invitations(frame: pd.DataFrame | None, sent_at: pd.Series | None, built: _Builder) -> None:
    if frame is None or frame.empty:
        return
    direction, message = column(frame, "Direction"), column(frame, "Message")
    if direction is None or message is None:
        built.note(
            "Invitations.csv: no Direction or Message column; the note rate was not computed.",
            "Invitations.csv : pas de colonne Direction ou Message ; la part d'invitations avec un mot n'a pas été calculée.",
        )
        return
    outgoing = direction.str.upper() == "OUTGOING"
    sent = int(outgoing.sum())
    if not sent:
        return
    with_note = int((message[outgoing] != "").sum())
    dates = sent_at[sent_at.index.isin(outgoing.index[outgoing])] if sent_at is not None else pd.Series(dtype="datetime64[ns]")
    period = f" ({dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d})" if len(dates) else ""
    built.set(
        "invitation_note_rate",
        round(with_note / sent, 3),
        f"Invitations.csv: {with_note} of {sent} sent invitations carry a note{period}; the file covers recent invitations only",
        f"Invitations.csv : {with_note} invitations envoyées sur {sent} avec un mot{period.replace(' to ', ' au ')} ; le fichier ne couvre que les invitations récentes",
    )


def _coherence(tables: dict[str, pd.DataFrame], built: _Builder) -> None:
    profile = tables.get("Profile.csv")
    summary_text = None
    if profile is not None and not profile.empty:
        headline = column(profile, "Headline")
        if headline is not None:
            built.set("has_headline", bool(headline.iloc[0]), "Profile.csv: Headline", "Profile.csv : Headline")
        summary = column(profile, "Summary")
        summary_text = summary.iloc[0] if summary is not None else None
    extra = tables.get("Profile Summary.csv")
    if not summary_text and extra is not None and not extra.empty:
        summary_text = " ".join(extra.iloc[0].astype(str))
    if summary_text is not None or profile is not None:
        words = len(re.findall(r"\w+", summary_text or ""))
        built.set("summary_words", words, f"About section: {words} words", f"Section Infos : {words} mots")
    for name, signal, en, fr in (
        ("Positions.csv", "positions_listed", "positions", "postes"),
        ("Skills.csv", "skills_listed", "skills", "compétences"),
    ):
        frame = tables.get(name)
        if frame is not None:
            built.set(signal, len(frame), f"{name}: {len(frame)} {en}", f"{name} : {len(frame)} {fr}")


def _activity(tables: dict[str, pd.DataFrame], dates: dict[str, pd.Series], built: _Builder, as_of: dt.date) -> None:
    end = pd.Timestamp(as_of) + pd.Timedelta(days=1)
    start = end - pd.Timedelta(days=WINDOW_DAYS)
    window = f"the 90 days to {as_of:%Y-%m-%d}"
    fenetre = f"les 90 jours jusqu'au {as_of:%d/%m/%Y}"
    shares = tables.get("Shares.csv")
    if shares is not None:
        in_window = _in(dates.get("Shares.csv"), start, end)
        commentary = column(shares, "ShareCommentary", "Share Commentary")
        original = (commentary != "") if commentary is not None else pd.Series(False, index=shares.index)
        posts = int(original.reindex(in_window).sum()) if len(in_window) else 0
        built.set(
            "posts_90d",
            posts,
            f"Shares.csv: {posts} posts with your own text in {window}",
            f"Shares.csv : {posts} publications avec votre texte sur {fenetre}",
        )
        built.set(
            "shares_90d",
            len(in_window) - posts,
            f"Shares.csv: {len(in_window) - posts} reshares without text in {window}",
            f"Shares.csv : {len(in_window) - posts} partages sans texte sur {fenetre}",
        )
        _company_posts(shares, in_window, tables.get("Positions.csv"), built, window, fenetre)
    for name, signal, en, fr in (
        ("Comments.csv", "comments_90d", "comments", "commentaires"),
        ("Reactions.csv", "reactions_90d", "reactions", "réactions"),
    ):
        if name in tables:
            count = len(_in(dates.get(name), start, end))
            built.set(signal, count, f"{name}: {count} {en} in {window}", f"{name} : {count} {fr} sur {fenetre}")
    if all(name in tables for name in ACTIVITY):
        activity = pd.concat([dates.get(n, pd.Series(dtype="datetime64[ns]")) for n in ACTIVITY])
        activity = activity[activity < end]
        weeks = (pd.Timestamp(as_of) - activity).dt.days // 7
        active = int(weeks[(weeks >= 0) & (weeks < WEEKS)].nunique())
        built.set(
            "active_weeks_26",
            active,
            f"Shares, Comments, Reactions: {active} of the 26 weeks to {as_of:%Y-%m-%d} with activity",
            f"Partages, commentaires, réactions : {active} semaines actives sur les 26 jusqu'au {as_of:%d/%m/%Y}",
        )
        last = (pd.Timestamp(as_of) - activity.max()).days if len(activity) else None
        built.set(
            "days_since_last_activity",
            max(last, 0) if last is not None else None,
            "Shares, Comments, Reactions: the latest dated activity"
            if last is not None
            else "Shares, Comments, Reactions: no activity at all",
            "Partages, commentaires, réactions : la dernière activité datée"
            if last is not None
            else "Partages, commentaires, réactions : aucune activité",
        )


def _in(dates: pd.Series | None, start: pd.Timestamp, end: pd.Timestamp) -> pd.Index:
    if dates is None or not len(dates):
        return pd.Index([])
    return dates.index[(dates >= start) & (dates < end)]


def _company_posts(
    shares: pd.DataFrame, in_window: pd.Index, positions: pd.DataFrame | None, built: _Builder, window: str, fenetre: str
) -> None:
    if positions is None or positions.empty:
        built.note(
            "Positions.csv is missing: posts about your company could not be counted.",
            "Positions.csv manque : les publications sur votre entreprise n'ont pas pu être comptées.",
        )
        return
    finished, company = column(positions, "Finished On"), column(positions, "Company Name")
    if company is None:
        return
    current = company[(finished == "") if finished is not None else slice(None)]
    names = [n for n in current.unique() if len(n) >= 2]
    if not names:
        built.set("company_posts_90d", 0, "Positions.csv: no current position", "Positions.csv : aucun poste en cours")
        return
    pattern = "|".join(
        alternative for n in names for alternative in (re.escape(n.lower()), re.escape(re.sub(r"\W+", "-", n.lower())))
    )
    empty = pd.Series("", index=shares.index)
    commentary = column(shares, "ShareCommentary", "Share Commentary")
    url = column(shares, "SharedUrl", "Shared URL")
    text = (commentary if commentary is not None else empty) + " " + (url if url is not None else empty)
    mentions = int(text.reindex(in_window).str.lower().str.contains(pattern, regex=True).sum()) if len(in_window) else 0
    built.set(
        "company_posts_90d",
        mentions,
        f"Shares.csv: {mentions} mention {', '.join(names)} in {window}",
        f"Shares.csv : {mentions} mentionnent {', '.join(names)} sur {fenetre}",
    )


def _estimates(tables: dict[str, pd.DataFrame]) -> dict[str, float]:
    """An on-topic estimate from the headline's words found in recent posts: offered, labelled,
    never put into the profile."""
    profile, shares = tables.get("Profile.csv"), tables.get("Shares.csv")
    if profile is None or profile.empty or shares is None or shares.empty:
        return {}
    headline = column(profile, "Headline")
    commentary = column(shares, "ShareCommentary", "Share Commentary")
    if headline is None or commentary is None:
        return {}
    words = {w for w in re.findall(r"\w{4,}", headline.iloc[0].lower())}
    posts = commentary[commentary != ""].str.lower()
    if not words or posts.empty:
        return {}
    pattern = "|".join(re.escape(w) for w in sorted(words))
    return {"on_topic_share": round(float(posts.str.contains(pattern, regex=True).mean()), 2)}
