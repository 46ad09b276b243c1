"""The record in one language: event titles, short labels, place names and (given the
leaders) leaders' names swapped for their Chinese or Russian forms, the English title kept
beside them.

Filters, search and ids read the record itself; only what is shown goes through here, so a
URL means the same events in every language. CSV and JSON exports keep the record's columns.
"""

from __future__ import annotations

import pandas as pd

from explorer.i18n import DEFAULT_LANG, language, term
from explorer.labels import local_names

ENGLISH_TITLE = "title_en"
# Shown column -> the column that holds it in another language ({lang} filled in).
SWAPPED = {"title": "title_{lang}", "label": "label_{lang}"}
# Shown column -> catalogue prefix of its translated names (explorer/locales).
TERMS = {"city": "city", "country": "country"}
LEADERS = ("china_leaders", "russia_leaders")  # lists of names, written as `lang` writes them


def localized_titles(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return `events` with only the titles in `lang`: for views whose places are also values
    to filter by (the insights' map), which must stay the record's."""
    return localized(events, lang, terms=False)


def localized(
    events: pd.DataFrame,
    lang: str,
    *,
    terms: bool = True,
    leaders: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return `events` with titles, labels and places in `lang` (English ones where none), and
    the names of `leaders` as `lang` writes them; `title_en` keeps the English title. English
    returns the frame itself."""
    lang = language(lang)
    if lang == DEFAULT_LANG:
        return events
    out = events.copy(deep=False)
    out[ENGLISH_TITLE] = events["title"]
    for column, pattern in SWAPPED.items():
        local = pattern.format(lang=lang)
        if local in events:
            given = events[local].fillna("").astype(str)
            out[column] = given.where(given != "", events[column])
    for column, prefix in TERMS.items() if terms else ():
        names = {v: term(prefix, v, lang) for v in events[column].unique() if v}
        out[column] = events[column].map(lambda v, n=names: n.get(v, v))
    names = local_names(leaders, lang) if leaders is not None else {}
    for column in LEADERS if names else ():
        out[column] = events[column].map(lambda ls, n=names: tuple(n.get(x, x) for x in ls))
    return out
