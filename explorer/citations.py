"""Sources as citations: 'Kremlin — Talks with Xi Jinping, 20 Mar 2023' from sources.csv.

Where sources.csv has no row for a URL (or no publisher), the citation falls back to the domain.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from explorer.formatting import PRECISION_FORMATS
from explorer.provenance import domain

# ISO 639-1 code -> the language's English name, for "(in Russian)" after a citation.
LANGUAGES = {
    "zh": "Chinese",
    "ru": "Russian",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "uk": "Ukrainian",
    "ar": "Arabic",
    "bn": "Bengali",
    "cs": "Czech",
    "hi": "Hindi",
    "hr": "Croatian",
    "ro": "Romanian",
    "th": "Thai",
    "tl": "Filipino",
    "ur": "Urdu",
}
# Length of a `published` value -> the precision it states.
PUBLISHED_PRECISION = {10: "day", 7: "month", 4: "year"}
FIELDS = ("url", "title", "publisher", "published", "language", "kind", "archived_url")


@dataclass(frozen=True)
class Citation:
    """One cited page: its URL, the citation text, its kind and an archived copy ('' if none)."""

    url: str
    text: str
    kind: str = ""
    archived_url: str = ""


def published_label(published: str) -> str:
    """Return '20 Mar 2023', 'Mar 2023' or '2023' for a YYYY[-MM[-DD]] value ('' if empty)."""
    precision = PUBLISHED_PRECISION.get(len(published))
    if not precision:
        return published
    padded = (published + "-01-01")[:10]
    return pd.Timestamp(padded).strftime(PRECISION_FORMATS[precision])


def citation_text(url: str, meta: dict | None) -> str:
    """Return 'Publisher — Title, 20 Mar 2023 (in Russian)', or the domain when nothing is known."""
    meta = meta or {}
    text = meta.get("publisher") or domain(url) or url
    if meta.get("title"):
        text += f" — {meta['title']}"
    if meta.get("published"):
        text += f", {published_label(meta['published'])}"
    language = meta.get("language") or ""
    if language and language != "en":
        text += f" (in {LANGUAGES.get(language, language)})"
    return text


def lookup(sources: pd.DataFrame) -> dict[str, dict]:
    """Return sources.csv's rows keyed by URL (empty when the dataset has no sources.csv)."""
    if sources.empty:
        return {}
    return {row["url"]: row for row in sources.loc[:, list(FIELDS)].to_dict("records")}


def cite(urls: Iterable[str], table: dict[str, dict]) -> tuple[Citation, ...]:
    """Return the citations of `urls`, in order."""
    return tuple(
        Citation(
            url,
            citation_text(url, table.get(url)),
            table.get(url, {}).get("kind", ""),
            table.get(url, {}).get("archived_url", ""),
        )
        for url in urls
    )


def cited_records(events: pd.DataFrame, table: dict[str, dict]) -> tuple[dict, ...]:
    """Return one record per URL the events cite (first citation first): its metadata, its
    citation text and the ids of the events citing it."""
    cited_by: dict[str, list[str]] = {}
    for event_id, urls in zip(events["id"], events["sources"], strict=True):
        for url in urls:
            cited_by.setdefault(url, []).append(event_id)
    empty = dict.fromkeys(FIELDS, "")
    return tuple(
        {**empty, **table.get(url, {}), "url": url, "citation": citation_text(url, table.get(url))}
        | {"cited_by": ids}
        for url, ids in cited_by.items()
    )
