"""What every export says about its view: filters, dataset version, link, time, eras."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import quote

from explorer.citation import ARTICLE, DATASET_TITLE, LICENSE, article_citation

# Characters a URL keeps as they are; everything else (controls, spaces, quotes, braces,
# backslashes, non-ASCII) is percent-encoded, so a URL is one inert token in every format.
URL_SAFE = "!#$%&'()*+,-./:;=?@[]_~"


def safe_url(url: str) -> str:
    """Return `url` with every character outside URL_SAFE and ASCII letters and digits
    percent-encoded."""
    return quote(url, safe=URL_SAFE)


@dataclass(frozen=True)
class Era:
    """One phase of the relationship, as exports need it (ISO dates; end None if ongoing)."""

    name: str
    start: str
    end: str | None


@dataclass(frozen=True)
class ExportMeta:
    """The view's filters, the dataset version, the view's link, the export time and the eras."""

    filters: dict[str, list[str]]
    version: str
    url: str = ""
    exported_at: str = field(
        default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds")
    )
    eras: tuple[Era, ...] = ()
    # The pages the exported events cite (explorer.citations.cited_records), for the exports
    # that list them: JSON `sources`, the xlsx Sources sheet, BibTeX/RIS entries.
    sources: tuple[dict, ...] = ()
    # The interface language of the view: the xlsx About sheet, ICS and timeline exports use it.
    lang: str = "en"

    def as_dict(self) -> dict:
        """Return the metadata as JSON-ready data, with the source article."""
        return {
            "title": DATASET_TITLE,
            "filters": self.filters,
            "dataset_version": self.version,
            "exported_at": self.exported_at,
            "url": self.url,
            "license": LICENSE,
            "source_article": {**ARTICLE, "citation": article_citation()},
        }
