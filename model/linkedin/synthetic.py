"""Synthetic LinkedIn exports in the real format, for tests, benchmarks and the sample.

Invented names only, never real people's data. Seeded: the same arguments give the same bytes.

    python -m model.linkedin.synthetic data/samples/sample_export.zip
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
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
                f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{rng.integers(1e6)}",
                "",
                company,
                position,
                f"{moment:%d %b %Y}",
            ]
        )
    text = _csv(connections, ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"])
    out["Connections.csv"] = (PREAMBLE + text).rstrip("\n").encode()
    invitations = []
    for moment in when(spec.invitations, 200):
        first, last = name()
        outgoing = rng.random() < 0.6
        note = "Bonjour, ravi d'avoir échangé au salon, restons en contact." if outgoing and rng.random() < 0.2 else ""
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
    out["Invitations.csv"] = _csv(
        invitations, ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrn", "inviteeProfileUrn"]
    ).encode()
    out["Profile.csv"] = _csv(
        [
            [
                "Vous",
                "Même",
                "",
                "",
                "",
                "Responsable communication chez Acme Conseil — relations presse et contenus",
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
    positions = [["Acme Conseil", "Responsable communication", "Relations presse", "Lyon", "Jan 2023", ""]]
    positions += [
        [str(rng.choice(COMPANIES[:6])), "Chargée de communication", "", "Paris", f"Jan {2010 + i}", f"Dec {2011 + i}"]
        for i in range(spec.positions - 1)
    ]
    out["Positions.csv"] = _csv(
        positions, ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"]
    ).encode()
    out["Skills.csv"] = _csv([[f"Compétence {i}"] for i in range(spec.skills)], ["Name"]).encode()
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
        shares = []
        for moment in when(spec.shares, 120):
            original = rng.random() < 0.5
            about_company = rng.random() < 0.3
            text = (
                (
                    "Fiers du nouveau projet d'Acme Conseil !\nBravo à l'équipe."
                    if about_company
                    else "Relations presse : trois leçons de l'année."
                )
                if original
                else ""
            )
            url = (
                "https://www.acme-conseil.fr/actualites" if about_company and not original else "https://exemple.invalid/article"
            )
            shares.append(
                [
                    f"{moment:%Y-%m-%d %H:%M:%S}",
                    f"https://www.linkedin.com/feed/update/urn:li:share:{rng.integers(1e12)}",
                    text,
                    url,
                    "",
                    "PUBLIC",
                ]
            )
        out["Shares.csv"] = _csv(shares, ["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"]).encode()
        comments = "Date,Link,Message\n" + "".join(
            f'{m:%Y-%m-%d %H:%M:%S},https://www.linkedin.com/feed/update/urn:li:activity:{rng.integers(1e12)},"Très juste, \\"merci\\" pour ce partage"\n'
            for m in when(spec.comments, 120)
        )
        out["Comments.csv"] = comments.encode()
        out["Reactions.csv"] = _csv(
            [
                [
                    f"{m:%Y-%m-%d %H:%M:%S}",
                    str(rng.choice(REACTIONS)),
                    f"https://www.linkedin.com/feed/update/urn:li:activity:{rng.integers(1e12)}",
                ]
                for m in when(spec.reactions, 120)
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


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else "data/samples/sample_export.zip"
    with open(target, "wb") as handle:
        handle.write(archive(Spec(folder="Complete_LinkedInDataExport_11-20-2026/")))
    print(target)
