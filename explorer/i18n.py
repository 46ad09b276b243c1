"""Interface languages: message catalogues (gettext .po), language choice and dates per language.

The catalogues in explorer/locales/<lang>.po are the one source of truth for interface text:
each msgid is a stable key ('filters.title'), each msgstr its text in that language, with
`{name}` placeholders filled by `translate(key, lang, name=...)`. English is complete by
construction; tests/test_i18n.py checks that every language has every key and no stale ones.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pandas as pd
from babel.dates import format_date, format_interval, format_skeleton
from babel.messages.pofile import read_po

LANGS = ("en", "zh", "ru")
DEFAULT_LANG = "en"
OTHER_LANGS = ("zh", "ru")  # the languages the data carries beside English (title_zh, ...)
# Each language names itself in the switcher: a reader finds their own language in its script.
LANG_NAMES = {"en": "English", "zh": "中文", "ru": "Русский"}
# <html lang>: the BCP 47 tag that picks fonts and voices (Simplified Chinese).
HTML_LANGS = {"en": "en", "zh": "zh-Hans", "ru": "ru"}
# Babel (CLDR) locales for dates.
LOCALES = {"en": "en_GB", "zh": "zh_Hans_CN", "ru": "ru_RU"}
LOCALE_DIR = Path(__file__).resolve().parent / "locales"
# date_precision -> CLDR skeleton for one date and for a range.
SKELETONS = {"day": "yMMMd", "month": "yMMMM", "year": "y"}


@cache
def catalogue(lang: str) -> dict[str, str]:
    """Return the key -> text mapping of `lang`'s catalogue (explorer/locales/<lang>.po)."""
    with open(LOCALE_DIR / f"{lang}.po", "rb") as handle:
        messages = read_po(handle, locale=LOCALES[lang].split("_")[0])
    return {m.id: m.string for m in messages if m.id and isinstance(m.id, str)}


def language(value: object) -> str:
    """Return `value` if it is a known language code, else the default ('en')."""
    return value if isinstance(value, str) and value in LANGS else DEFAULT_LANG


def translate(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """Return the text of `key` in `lang` (English where that language lacks it), filled in."""
    text = catalogue(language(lang)).get(key) or catalogue(DEFAULT_LANG)[key]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    """Return whether the catalogues know `key` (a vocabulary value may have no translation)."""
    return key in catalogue(DEFAULT_LANG)


def term(prefix: str, value: str, lang: str = DEFAULT_LANG) -> str:
    """Return a vocabulary value's name ('kind' + 'visit' -> 'Visit', '访问'), else the value."""
    key = f"{prefix}.{value}"
    return translate(key, lang) if has(key) else value


def negotiate(accept_language: str | None) -> str:
    """Return the best language for an Accept-Language header ('zh-CN,zh;q=0.9' -> 'zh')."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept_language or "").split(",")[:20]):
        tag, _, q = part.strip().partition(";q=")
        try:
            weight = float(q) if q else 1.0
        except ValueError:
            continue
        code = tag.split("-")[0].strip().lower()
        if code in LANGS and weight > 0:
            ranked.append((-weight, i, code))
    return min(ranked)[2] if ranked else DEFAULT_LANG


def date_text(
    start: pd.Timestamp | date, end: pd.Timestamp | date | None, precision: str, lang: str
) -> str:
    """Return a date or range at its precision in `lang` ('2013年3月22日', '22 марта 2013 г.')."""
    locale = LOCALES[language(lang)]
    first = pd.Timestamp(start).date()
    if precision == "day" and (end is None or pd.isna(end) or pd.Timestamp(end).date() == first):
        return format_date(first, "long", locale=locale)
    skeleton = SKELETONS.get(precision, SKELETONS["day"])
    if end is None or pd.isna(end) or precision != "day":
        return format_skeleton(skeleton, first, locale=locale)
    return format_interval(first, pd.Timestamp(end).date(), skeleton, locale=locale)


def month_year(value: pd.Timestamp | date, lang: str) -> str:
    """Return 'March 2013', '2013年3月' or 'март 2013 г.'."""
    return format_skeleton("yMMMM", pd.Timestamp(value).date(), locale=LOCALES[language(lang)])
