"""Names as people write them: folding text for comparison, finding an employer in a post,
and telling LinkedIn's default headline from a written one.

Everything here is linear in the text read: each post is folded and cut into words once, and
its words are looked up in sets built once from the company names; no regular expression of
thousands of names is ever run over a post.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_WORD = re.compile(r"[^\W_]+")
_PARTS = re.compile(r"\s*[|/·•–—,;:(){}\[\]]\s*|\s+-\s+")
"""Where a compound company name splits into parts: "Grupo KELSOFT | NetKEL Consulting"."""
CONNECTORS = frozenset(("at", "chez", "en", "bei", "pa", "presso", "bij", "na", "em", ""))
"""The "at" of LinkedIn's default headline "Title at Company", folded, in the languages seen
("på" folds to "pa"; "@" leaves nothing between title and company)."""
MAX_TOKENS = 8
"""Words in one company name (or part) at most; longer ones are not names but text."""
MAX_KEY = 120


def fold(text: str) -> str:
    """`text` for comparison: compatibility forms (Unicode "bold" 𝐆𝐫𝐮𝐩𝐨 is Grupo), case and accents ignored."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKC", text).casefold()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def words(folded: str) -> list[str]:
    """The words of a folded text: punctuation, hashtags' "#" and underscores are separators."""
    return _WORD.findall(folded)


class Companies:
    """Company names to look for in posts: each whole name and each part of a compound one,
    as the run of its words written together ("grupokelsoft"), so that "#GrupoKELSOFT",
    "Grupo KELSOFT" and "grupo-kelsoft.com" all find "Grupo KELSOFT"."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = [n for n in dict.fromkeys(str(n).strip() for n in names) if n]
        self.keys: set[str] = set()
        self.prefixes: set[str] = set()
        self.longest = 0
        for name in self.names:
            for part, shortest in ((name, 2), *((p, 3) for p in _PARTS.split(name))):
                tokens = words(fold(part))
                joined = "".join(tokens)
                if shortest <= len(joined) <= MAX_KEY and len(tokens) <= MAX_TOKENS:
                    self.keys.add(joined)
                    self.prefixes.update("".join(tokens[:i]) for i in range(1, len(tokens)))
                    self.longest = max(self.longest, len(tokens))

    def __bool__(self) -> bool:
        return bool(self.keys)

    def named_in(self, tokens: list[str]) -> bool:
        """Whether the words `tokens` (of a folded text) name one of the companies."""
        if not self.keys.isdisjoint(tokens):
            return True
        starts = self.prefixes.intersection(tokens)
        if not starts:
            return False
        for i, first in enumerate(tokens):
            if first not in starts:
                continue
            joined = first
            for token in tokens[i + 1 : i + self.longest]:
                joined += token
                if joined in self.keys:
                    return True
                if joined not in self.prefixes:
                    break
        return False


class Words:
    """The words of each distinct text, folded and cut once per import (posts repeat, and
    several signals read the same posts)."""

    def __init__(self) -> None:
        self.seen: dict[str, list[str]] = {}

    def __call__(self, text: str) -> list[str]:
        found = self.seen.get(text)
        if found is None:
            found = self.seen[text] = words(fold(text))
        return found


def is_default_headline(headline: str, positions: Iterable[tuple[str, str]]) -> bool:
    """Whether `headline` is LinkedIn's default "Title at Company" for one of the current
    `positions` (title, company): spacing, case, accents and the language of "at" ignored."""
    said = " ".join(words(fold(headline)))
    for title, company in positions:
        title_words, company_words = " ".join(words(fold(title))), " ".join(words(fold(company)))
        if not title_words or not company_words:
            continue
        if said.startswith(title_words) and said.endswith(company_words):
            middle = said[len(title_words) : len(said) - len(company_words)].strip()
            if len(said) >= len(title_words) + len(company_words) and middle in CONNECTORS:
                return True
    return False
