"""Human-readable labels for dates at their precision, leaders and places."""

from __future__ import annotations

import pandas as pd

from explorer.i18n import date_text, translate

# date_precision -> strftime pattern for a single date.
PRECISION_FORMATS = {"day": "%-d %b %Y", "month": "%b %Y", "year": "%Y"}


def date_label(
    start: pd.Timestamp, end: pd.Timestamp | None, precision: str, lang: str = "en"
) -> str:
    """Return '16 May 1989', 'May 1989', '1989', '15–18 May 1989' or '16 Dec 1949 – 17 Feb 1950'
    (in Chinese or Russian, CLDR's forms: '1989年5月16日', '16 мая 1989 г.')."""
    if lang != "en":
        return date_text(start, end, precision, lang)
    pattern = PRECISION_FORMATS.get(precision, PRECISION_FORMATS["day"])
    first = start.strftime(pattern)
    if end is None or pd.isna(end) or end == start or precision != "day":
        return first
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.strftime(pattern)}"
    if start.year == end.year:
        return f"{start.strftime('%-d %b')} – {end.strftime(pattern)}"
    return f"{first} – {end.strftime(pattern)}"


def leaders_label(china: tuple[str, ...], russia: tuple[str, ...]) -> str:
    """Return 'Xi Jinping ↔ Vladimir Putin' style text for both sides."""
    return f"{', '.join(china)} ↔ {', '.join(russia)}"


def place_label(city: str, country: str, host: str, lang: str = "en") -> str:
    """Return 'Moscow, Russia', or 'Virtual' for calls (city and country as given)."""
    if host == "virtual" or not city:
        return translate("place.virtual", lang)
    return f"{city}, {country}"
