"""The source article and how to cite the dataset: one place for both."""

from __future__ import annotations

ARTICLE = {
    "author": "Singh, Rajinder",
    "title": (
        "Beyond Protocol: Seventy-Six Years of Leader-to-Leader Diplomacy Between Beijing and "
        "Moscow (1949-2025)"
    ),
    "journal": "World Journal of Advanced Research and Reviews",
    "volume": "27",
    "issue": "2",
    "pages": "1078-1093",
    "year": "2025",
    "issn": "2581-9615",
    "doi": "10.30574/wjarr.2025.27.2.2937",
    "url": "https://doi.org/10.30574/wjarr.2025.27.2.2937",
}
DATASET_TITLE = "China–USSR/Russia leader-to-leader diplomacy, 1949–2025: an explorable record"
PROJECT = "china-russia-diplomacy-explorer"
AUTHORS = "The china-russia-diplomacy-explorer contributors"  # as pyproject.toml and CITATION.cff
LICENSE = "CC BY 4.0"


def article_citation() -> str:
    """Return the source article's citation as plain text."""
    a = ARTICLE
    return (
        f"{a['author']} ({a['year']}). {a['title']}. {a['journal']}, {a['volume']}({a['issue']}), "
        f"{a['pages']}. https://doi.org/{a['doi']}"
    )


def dataset_citation(version: str, url: str | None = None) -> str:
    """Return how to cite the dataset (optionally one view of it, by URL)."""
    where = f" {url}" if url else ""
    return f"{DATASET_TITLE} (version {version}), {LICENSE}.{where} Based on {article_citation()}"
