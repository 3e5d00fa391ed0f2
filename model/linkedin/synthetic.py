"""Synthetic LinkedIn exports in the real format, for tests, benchmarks and the sample.

Invented names only, never real people's data. Seeded: the same arguments give the same bytes.

    python -m cli.sample_export data/samples/sample_export.zip
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass

import numpy as np

FIRST = (
    "Camille",
    "Louis",
    "Inès",
    "Hugo",
    "Léa",
    "Noah",
    "Chloé",
    "Jules",
    "Manon",
    "Adam",
    "Zoé",
    "Yanis",
    "Alix",
    "Timéo",
    "Maëlle",
)
LAST = ("Fictif", "Exemplaire", "Imaginaire", "Dupré-Inventé", "Modèle", "Prototype", "Essai", "Échantillon", "Simulé", "Bidon")
POSITIONS = (
    "Chef de projet",
    "Responsable communication",
    "Software engineer",
    "Directrice commerciale",
    "Consultant",
    "Journal entry clerk",
    "Video editor",
    "Comptable",
    "Product manager",
    "Développeur",
    "Printing press operator",
)
PRESS_POSITIONS = (
    "Data journalist",
    "Attachée de presse",
    "Rédacteur en chef adjoint",
    "Reporter",
    "Chargée de relations presse",
)
COMPANIES = ("Acme Conseil", "Globex", "Initech", "Umbrella SA", "Hooli", "", "Soylent", "Stark Industries")
PRESS_COMPANIES = ("Le Monde", "Reuters", "Ouest-France")
REACTIONS = ("LIKE", "PRAISE", "EMPATHY", "INTEREST", "APPRECIATION", "ENTERTAINMENT")
PREAMBLE = 'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\n\n'


@dataclass(frozen=True)
class Spec:
    """What the export holds. The variants members' real exports show:

    - `multiline`: comments, posts and invitation notes without comma or quote spanning
      several lines are written unquoted (LinkedIn does so), one in three (notes: one in two);
    - `headline`: e.g. LinkedIn's default "Responsable communication at Acme Conseil";
    - `complete=True` writes the files only a Complete archive has (Logins, SearchQueries,
      Ad_Targeting); `shares=0` / `comments=0` leave Shares.csv / Comments.csv out, as
      LinkedIn does for a member who has none;
    - `rich_media` uploads dated by a sentence in `rich_media_file`, `votes` poll votes,
      `media_posts` Shares.csv rows with a MediaUrl and no commentary;
    - `employer` (the current position's company) and `employer_style`: how posts about it
      name it: "plain", "hashtag" (#GrupoKELSOFT) or "bold" (Unicode bold letters);
    - `current_positions`: how many positions have no end date (a stress case);
    - `activity_days`: if given, the only activity is one reaction on each of these days
      before `as_of` (0 is `as_of` itself), at 09:30; no Shares.csv or Comments.csv.
    """

    connections: int = 400
    reactions: int = 120
    shares: int = 30
    comments: int = 40
    invitations: int = 60
    positions: int = 4
    skills: int = 18
    recommendations: int = 3
    as_of: dt.date = dt.date(2026, 11, 20)
    complete: bool = True
    folder: str = ""
    suffixed: bool = False
    seed: int = 1
    multiline: bool = False
    headline: str = "Responsable communication chez Acme Conseil — relations presse et contenus"
    rich_media: int = 0
    rich_media_file: str = "Rich_Media.csv"
    votes: int = 0
    media_posts: int = 0
    employer: str = "Acme Conseil"
    employer_style: str = "plain"
    current_positions: int = 1
    activity_days: tuple[int, ...] | None = None


BOLD = {**{chr(ord("A") + i): chr(0x1D400 + i) for i in range(26)}, **{chr(ord("a") + i): chr(0x1D41A + i) for i in range(26)}}


def bold(text: str) -> str:
    """`text` in Unicode mathematical bold letters, as people paste it into posts: 𝐆𝐫𝐮𝐩𝐨."""
    return "".join(BOLD.get(c, c) for c in text)


def _named(employer: str, style: str) -> str:
    """How a post names the employer."""
    first = re.split(r"\s*[|/·]\s*", employer)[0]
    if style == "hashtag":
        return "#" + re.sub(r"\W", "", first)
    if style == "bold":
        return bold(employer)
    return employer


def _line(fields: list[str], unquoted: bool) -> str:
    """One CSV record; `unquoted` as LinkedIn writes it: a field holding no comma and no quote
    is left unquoted even when it spans several lines."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(fields)
    line = out.getvalue()
    for text in fields if unquoted else ():
        if "\n" in text and "," not in text and '"' not in text:
            line = line.replace(f'"{text}"', text)
    return line


def _csv(rows: list[list[str]], header: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def files(spec: Spec) -> dict[str, bytes]:
    """Every file of the export, by its name in the archive."""
    rng = np.random.default_rng(spec.seed)
    start = dt.datetime.combine(spec.as_of, dt.time(18, 0))

    def when(n: int, days: int) -> list[dt.datetime]:
        offsets = np.sort(rng.exponential(days / 3, n))[::-1]
        return [start - dt.timedelta(days=float(min(o, days * 3)), minutes=int(rng.integers(0, 600))) for o in offsets]

    def name() -> tuple[str, str]:
        return str(rng.choice(FIRST)), str(rng.choice(LAST))

    out: dict[str, bytes] = {}
    connections = []
    for moment in when(spec.connections, 900):
        first, last = name()
        if rng.random() < 0.03:
            connections.append(["", "", "", "", "", "", f"{moment:%d %b %Y}"])
            continue
        press = rng.random() < 0.03
        company = str(rng.choice(PRESS_COMPANIES if press and rng.random() < 0.5 else COMPANIES))
        position = str(rng.choice(PRESS_POSITIONS if press else POSITIONS))
        connections.append(
            [
                first,
                last,
                f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{rng.integers(10**6)}",
                "",
                company,
                position,
                f"{moment:%d %b %Y}",
            ]
        )
    text = _csv(connections, ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"])
    out["Connections.csv"] = (PREAMBLE + text).rstrip("\n").encode()
    invitations: list[list[str]] = []
    for moment in when(spec.invitations, 200):
        first, last = name()
        outgoing = rng.random() < 0.6
        note = "Bonjour, ravi d'avoir échangé au salon, restons en contact." if outgoing and rng.random() < 0.2 else ""
        if note and spec.multiline and len(invitations) % 2:
            note = "Bonjour\nravi d'avoir échangé au salon\nrestons en contact"
        invitations.append(
            [
                "Vous Même" if outgoing else f"{first} {last}",
                f"{first} {last}" if outgoing else "Vous Même",
                f"{moment:%m/%d/%y, %I:%M %p}",
                note,
                "OUTGOING" if outgoing else "INCOMING",
                "urn:li:person:1",
                "urn:li:person:2",
            ]
        )
    out["Invitations.csv"] = (
        "From,To,Sent At,Message,Direction,inviterProfileUrn,inviteeProfileUrn\n"
        + "".join(_line(row, spec.multiline) for row in invitations)
    ).encode()
    out["Profile.csv"] = _csv(
        [
            [
                "Vous",
                "Même",
                "",
                "",
                "",
                spec.headline,
                "Je raconte l'histoire d'Acme Conseil : relations presse, contenus, communication interne.\nAvant, dix ans en agence.",
                "Public Relations",
                "",
                "Lyon, France",
                "",
                "",
                "",
            ]
        ],
        [
            "First Name",
            "Last Name",
            "Maiden Name",
            "Address",
            "Birth Date",
            "Headline",
            "Summary",
            "Industry",
            "Zip Code",
            "Geo Location",
            "Twitter Handles",
            "Websites",
            "Instant Messengers",
        ],
    ).encode()
    positions = [[spec.employer, "Responsable communication", "Relations presse", "Lyon", "Jan 2023", ""]]
    positions += [
        [f"Société Inventée {i}", "Administratrice", "", "Lyon", "Jan 2024", ""] for i in range(1, spec.current_positions)
    ]
    positions += [
        [str(rng.choice(COMPANIES[:6])), "Chargée de communication", "", "Paris", f"Jan {2010 + i}", f"Dec {2011 + i}"]
        for i in range(spec.positions - 1)
    ]
    out["Positions.csv"] = _csv(
        positions, ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"]
    ).encode()
    out["Skills.csv"] = _csv([[f"Compétence {i}"] for i in range(spec.skills)], ["Name"]).encode()
    employer_slug = re.sub(r"\W+", "-", re.split(r"\s*[|/·]\s*", spec.employer)[0].lower()).strip("-")
    if spec.complete:
        recommendations = [
            [
                *name(),
                "Globex",
                "Directrice",
                'Un travail remarquable, "précis" et rapide.',
                "01/15/23, 10:23 AM",
                "VISIBLE" if i else "HIDDEN",
            ]
            for i in range(spec.recommendations + 1)
        ]
        out["Recommendations_Received.csv"] = _csv(
            recommendations, ["First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"]
        ).encode()
        shares: list[list[str]] = []
        for moment in when(spec.shares, 120):
            original = rng.random() < 0.5
            about_company = rng.random() < 0.3
            text = (
                (
                    f"Fiers du nouveau projet {_named(spec.employer, spec.employer_style)} !\nBravo à l'équipe."
                    if about_company
                    else "Relations presse\ntrois leçons de l'année"
                    if spec.multiline and len(shares) % 3 == 0
                    else "Relations presse : trois leçons de l'année."
                )
                if original
                else ""
            )
            url = (
                f"https://www.{employer_slug}.fr/actualites"
                if about_company and not original
                else "https://exemple.invalid/article"
            )
            shares.append(
                [
                    f"{moment:%Y-%m-%d %H:%M:%S}",
                    f"https://www.linkedin.com/feed/update/urn:li:share:{rng.integers(10**12)}",
                    text,
                    url,
                    "",
                    "PUBLIC",
                ]
            )
        for moment in when(spec.media_posts, 60):
            photo = f"https://media.licdn.com/dms/image/{rng.integers(10**12)}"
            shares.append(
                [
                    f"{moment:%Y-%m-%d %H:%M:%S}",
                    f"https://www.linkedin.com/feed/update/urn:li:share:{rng.integers(10**12)}",
                    "",
                    "",
                    photo,
                    "PUBLIC",
                ]
            )
        header = "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
        if spec.shares or spec.media_posts:
            out["Shares.csv"] = (header + "".join(_line(row, spec.multiline) for row in shares)).encode()
        comments = []
        for i, m in enumerate(when(spec.comments, 120)):
            link = f"https://www.linkedin.com/feed/update/urn:li:activity:{rng.integers(10**12)}"
            if spec.multiline and i % 3 == 0:
                comments.append(f"{m:%Y-%m-%d %H:%M:%S},{link},Très juste\nmerci pour ce partage\nà bientôt\n")
            else:
                comments.append(f'{m:%Y-%m-%d %H:%M:%S},{link},"Très juste, \\"merci\\" pour ce partage"\n')
        if spec.comments:
            out["Comments.csv"] = ("Date,Link,Message\n" + "".join(comments)).encode()
        out["Reactions.csv"] = _csv(
            [
                [
                    f"{m:%Y-%m-%d %H:%M:%S}",
                    str(rng.choice(REACTIONS)),
                    f"https://www.linkedin.com/feed/update/urn:li:activity:{rng.integers(10**12)}",
                ]
                for m in when(spec.reactions, 120)
            ],
            ["Date", "Type", "Link"],
        ).encode()
    if spec.complete:
        out["Logins.csv"] = _csv(
            [[f"{spec.as_of:%Y-%m-%d} 08:00:00 UTC", "192.0.2.1", "Navigateur inventé", "SUCCESS"]],
            ["Date", "IP Address", "User Agent", "Login Type"],
        ).encode()
        out["SearchQueries.csv"] = _csv(
            [[f"{spec.as_of:%Y-%m-%d} 08:05:00 UTC", "relations presse"]], ["Time", "Search Query"]
        ).encode()
        out["Ad_Targeting.csv"] = _csv([["Public Relations", "fr"]], ["Member Interests", "Interface Locales"]).encode()
    if spec.rich_media:
        uploads = [
            [
                f"You uploaded a {'profile' if i == 0 else 'feed'} photo on {m:%B} {m.day}, {m:%Y} at {m.hour % 12 or 12}:{m:%M %p} (GMT)",
                "",
                f"https://media.licdn.com/dms/image/{rng.integers(10**12)}",
            ]
            for i, m in enumerate(when(spec.rich_media, 120))
        ]
        out[spec.rich_media_file] = _csv(uploads, ["Date/Time", "Media Description", "Media Link"]).encode()
    if spec.votes:
        votes = [
            [f"{m:%Y-%m-%d %H:%M:%S}", f"https://www.linkedin.com/feed/update/urn:li:activity:{rng.integers(10**12)}", "Oui"]
            for m in when(spec.votes, 120)
        ]
        out["Votes.csv"] = _csv(votes, ["Date", "Link", "OptionText"]).encode()
    if spec.activity_days is not None:
        out.pop("Shares.csv", None)
        out.pop("Comments.csv", None)
        moments = [start - dt.timedelta(days=d, hours=8, minutes=30) for d in sorted(spec.activity_days)]
        out["Reactions.csv"] = _csv(
            [
                [f"{m:%Y-%m-%d %H:%M:%S}", "LIKE", f"https://www.linkedin.com/feed/update/urn:li:activity:{i}"]
                for i, m in enumerate(moments)
            ],
            ["Date", "Type", "Link"],
        ).encode()
    if spec.suffixed:
        out = {
            (f"{k[:-4]}_17529409.csv" if k in ("Shares.csv", "Comments.csv", "Reactions.csv") else k): v for k, v in out.items()
        }
    return out


def archive(spec: Spec = Spec(), extra: dict[str, bytes] | None = None) -> bytes:
    """The export as ZIP bytes (deterministic: fixed timestamps)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in {**files(spec), **(extra or {})}.items():
            info = zipfile.ZipInfo(spec.folder + name, date_time=(2026, 11, 20, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, content)
    return buffer.getvalue()


SAMPLE = Spec(folder="Complete_LinkedInDataExport_11-20-2026/")
"""The sample export the app offers (`data/samples/sample_export.zip`, made by `python -m cli.sample_export`)."""
