"""Who works in press and media: a French and English lexicon of titles and newsrooms.

Matched on a connection's position and company, accents and case ignored, on word
boundaries ("data journalist" is press, "journal entry clerk" is not). Phrases that only look
like press are removed first: a video, code or software editor edits no news, a printing press
operator runs a machine, a technical writer ("rédacteur technique") writes manuals, and
correspondent banking is banking.
"""

from __future__ import annotations

import re

import pandas as pd

TITLES = (
    # English
    r"journalists?",
    r"journalism",
    r"reporters?",
    r"editors?",
    r"editor[- ]in[- ]chief",
    r"sub[- ]?editors?",
    r"copy[- ]?editors?",
    r"columnists?",
    r"correspondents?",
    r"news ?desk",
    r"newsroom",
    r"news anchor",
    r"press officers?",
    r"press attache",
    r"press relations",
    r"media relations",
    r"press secretary",
    r"broadcast journalist",
    r"foreign desk",
    r"managing editor",
    # French
    r"journalistes?",
    r"redacteurs?",
    r"redactrices?",
    r"redacteur en chef",
    r"redactrice en chef",
    r"reporteurs?",
    r"pigistes?",
    r"chroniqueurs?",
    r"chroniqueuses?",
    r"editorialistes?",
    r"correspondante?s?",
    r"attachee? de presse",
    r"relations? (?:avec la )?presse",
    r"charge(?:e)? de relations? presse",
    r"secretaire de redaction",
    r"redaction",
)
NEWSROOMS = (
    r"le monde",
    r"le figaro",
    r"liberation",
    r"les echos",
    r"le parisien",
    r"ouest[- ]france",
    r"la croix",
    r"l'express",
    r"le point",
    r"mediapart",
    r"afp",
    r"agence france[- ]presse",
    r"radio france",
    r"france televisions",
    r"france inter",
    r"tf1",
    r"bfm(?:tv)?",
    r"reuters",
    r"associated press",
    r"bloomberg news",
    r"bbc",
    r"cnn",
    r"the guardian",
    r"new york times",
    r"washington post",
    r"financial times",
    r"the economist",
    r"le temps",
    r"rts",
)
LOOKALIKES = (
    r"(?:video|film|photo|code|software|text|wiki|graph|game|level|map|sound|audio|image)s? editors?",
    r"editors? (?:plugin|extension|tool)s?",
    r"printing press",
    r"press (?:operator|brake|machine|shop)",
    r"redact(?:eur|rice)s? (?:technique|web seo)",
    r"technical (?:writer|editor)s?",
    r"correspondent bank(?:ing)?",
)

PRESS = re.compile(r"\b(?:" + "|".join(TITLES + NEWSROOMS) + r")\b")
NOT_PRESS = re.compile(r"\b(?:" + "|".join(LOOKALIKES) + r")\b")


def fold(texts: pd.Series) -> pd.Series:
    """Lower case without accents, for matching."""
    return texts.fillna("").str.normalize("NFKD").str.encode("ascii", "ignore").str.decode("ascii").str.lower()


def is_press(positions: pd.Series, companies: pd.Series) -> pd.Series:
    """Whether each connection works in press or media: their position or their company says so."""
    return _matches(positions) | _matches(companies)


def _matches(texts: pd.Series) -> pd.Series:
    """Each distinct text is matched once (titles and companies repeat across a network)."""
    codes, uniques = pd.factorize(texts.fillna(""))
    folded = fold(pd.Series(uniques, dtype=object))
    press = folded.str.replace(NOT_PRESS, " ", regex=True).str.contains(PRESS, regex=True).to_numpy(dtype=bool)
    return pd.Series(press[codes], index=texts.index)
