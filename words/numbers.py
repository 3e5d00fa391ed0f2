"""Numbers, percentages, dates, durations and plurals as each language writes them (Babel, CLDR).

French typography: a narrow no-break space before : ; ! ? and %, a no-break space inside « ».
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from words.i18n import Lang

LOCALE = {"fr": "fr_FR", "en": "en_GB"}
NNBSP = "\u202f"
_PLURAL = re.compile(r"\{(\w+):([^|{}]*)\|([^{}]*)\}")


@cache
def babel_locale(lang: Lang) -> Locale:
    """Parsed once per language (Babel parses a locale name on every call otherwise)."""
    return Locale.parse(LOCALE[lang])


def typography(text: str, lang: Lang) -> str:
    """French spacing before high punctuation and %; English text unchanged. Only where the mark
    ends a word: a link's `?code=` or a secret's `a!b` is left as written."""
    if lang != "fr":
        return text
    text = re.sub(r"(?<=\S)[ \u00a0\u202f]?([;!?])(?=[\s»)\]\"'.,]|$)", NNBSP + r"\1", text)
    text = re.sub(r"(?<=\S)[ \u00a0\u202f]?%(?=[\s»)\]\"'.,;:]|$)", NNBSP + "%", text)
    text = re.sub(r"(?<=\S)[ \u00a0]:(?=\s|$)", NNBSP + ":", text)
    text = re.sub(r"(?<=[^\s:/\d])\u202f?:(?=\s|$)", NNBSP + ":", text)
    return text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")


def vega_number_locale(lang: Lang) -> dict[str, object]:
    """Vega's number locale for charts' axes and labels: CLDR's separators (Babel), and the
    minus sign and the percent spacing `number` and `percent` write."""
    symbols = babel_locale(lang).number_symbols
    latin = symbols.get("latn", symbols)
    return {
        "decimal": latin["decimal"],
        "thousands": latin["group"].replace("\u00a0", NNBSP),
        "grouping": [3],
        "currency": ["", ""],
        "minus": "\u2212",
        "percent": f"{NNBSP}%" if lang == "fr" else "%",
    }


def number(value: float, lang: Lang, decimals: int = 0) -> str:
    """1 200 / 1,200; a minus sign, not a hyphen."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    text = format_decimal(round(value, decimals) if decimals else round(value), format=pattern, locale=babel_locale(lang))
    return text.replace("-", "\u2212").replace("\u00a0", NNBSP)


def signed(value: float, lang: Lang, decimals: int = 1) -> str:
    """+1.5 / −1,5 (0 without a sign)."""
    if round(value, decimals) == 0:
        return number(0, lang, decimals)
    return ("+" if value > 0 else "") + number(value, lang, decimals)


def percent(share: float, lang: Lang) -> str:
    """54 % / 54%."""
    text = number(share * 100, lang)
    return f"{text}{NNBSP}%" if lang == "fr" else f"{text}%"


def points(delta: float, lang: Lang) -> str:
    """A change of probability in points: +19 pts / +19 points."""
    value = round(delta * 100)
    sign = "+" if value > 0 else ("\u2212" if value < 0 else "")
    unit = "pt" if abs(value) == 1 or (lang == "fr" and value == 0) else "pts"
    return f"{sign}{abs(value)}{NNBSP if lang == 'fr' else ' '}{unit}"


def date(day: dt.date, lang: Lang) -> str:
    """20 novembre 2026 / 20 November 2026; the first of the month is "1er décembre" in French."""
    text = format_date(day, format="long", locale=babel_locale(lang))
    return "1er" + text[1:] if lang == "fr" and day.day == 1 else text


def duration(hours: float, lang: Lang) -> str:
    """Effort as people say it: 10 min, 1 h, 1 h 10."""
    minutes = int(round(hours * 60))
    if minutes < 60:
        return f"{minutes}{NNBSP if lang == 'fr' else ' '}min"
    h, m = divmod(minutes, 60)
    space = NNBSP if lang == "fr" else " "
    return f"{h}{space}h" if m == 0 else f"{h}{space}h{space}{m:02d}"


def plural_category(value: float, lang: Lang) -> str:
    """CLDR's category for `value`: "one" or "other" (French: 0 and 1 are singular)."""
    return str(babel_locale(lang).plural_form(abs(value)))


def amount(value: object) -> float:
    """The number a value gives a plural to choose by (0 for what is not a number)."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def fill(template: str, lang: Lang, **values: tuple[float, str]) -> str:
    """A template: `{value}` is replaced by its text, `{value:one|other}` by the form CLDR's
    plural rules choose for the number, `{{` and `}}` by braces. Each value is given as
    (number, text)."""

    def choose(match: re.Match[str]) -> str:
        number = values[match.group(1)][0]
        return match.group(2) if plural_category(number, lang) == "one" else match.group(3)

    text = _PLURAL.sub(choose, template.replace("{{", "\0").replace("}}", "\1"))
    text = text.format(**{k: v[1] for k, v in values.items()})
    return typography(text.replace("\0", "{").replace("\1", "}"), lang)
