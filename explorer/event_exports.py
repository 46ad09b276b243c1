"""One event out: how to cite it (BibTeX, RIS, plain text) and its row in any export format.

The URL form is `<base path>export/event/<id>.<format>`: `bib`, `ris` and `txt` cite the event;
every other name of exports.FORMATS (csv, xlsx, json, ics, …) gives its one row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from explorer.citation import ARTICLE, AUTHORS, DATASET_TITLE, LICENSE, article_citation
from explorer.details import Detail, event_detail
from explorer.exports import FORMATS, ExportMeta, filename
from explorer.exports.citations import _bib  # the one BibTeX escaper
from explorer.model import Record
from explorer.state import URL_KEYS
from explorer.view import Export, eras_of


@dataclass(frozen=True)
class Cited:
    """What a citation of one event says: the event, the dataset version and the event's link."""

    detail: Detail
    version: str
    url: str
    year: str  # of the dataset version cited (today's year)


def to_bibtex(c: Cited) -> str:
    """Return a BibTeX @misc entry for the event, within the dataset, citing the article."""
    d = c.detail
    key = "event_" + d.id.replace("-", "_")
    fields = [
        ("author", f"{{{_bib(AUTHORS)}}}"),  # braces: a group, not a person's name
        ("title", _bib(f"{d.title} ({d.when})")),
        ("howpublished", _bib(f"{DATASET_TITLE}, version {c.version}")),
        ("year", c.year),
        ("url", c.url),
        ("note", _bib(f"{d.kind}, {d.place}. {LICENSE}. Based on {article_citation()}")),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}\n"


def to_ris(c: Cited) -> str:
    """Return an RIS record (DATA) for the event, within the dataset."""
    d = c.detail
    tags = [
        ("TY", "DATA"),
        ("TI", f"{d.title} ({d.when})"),
        ("AU", AUTHORS),
        ("T2", DATASET_TITLE),
        ("PY", c.year),
        ("ET", c.version),
        ("UR", c.url),
        ("N1", f"{d.kind}, {d.place}. {LICENSE}."),
        ("N1", f"Based on {ARTICLE['author']} ({ARTICLE['year']}), doi:{ARTICLE['doi']}"),
        ("ER", ""),
    ]
    return "\r\n".join(f"{tag}  - {value}" for tag, value in tags) + "\r\n"


def to_text(c: Cited) -> str:
    """Return a plain-text citation of the event."""
    d = c.detail
    return (
        f"“{d.title}” ({d.when}, {d.place}). In: {DATASET_TITLE} (version {c.version}), "
        f"{LICENSE}. {c.url} Based on {article_citation()}\n"
    )


# Format -> (media type, writer): the citations of one event.
CITATIONS: dict[str, tuple[str, Callable[[Cited], str]]] = {
    "bib": ("application/x-bibtex; charset=utf-8", to_bibtex),
    "ris": ("application/x-research-info-systems; charset=utf-8", to_ris),
    "txt": ("text/plain; charset=utf-8", to_text),
}
EVENT_FORMATS = (*CITATIONS, *(f for f in FORMATS if f not in CITATIONS))


def event_export(record: Record, name: str, page_url: str, year: str) -> Export | None:
    """Return `<id>.<format>` for one event (a citation or its row), or None if either is
    unknown. `page_url` is the explorer's address; the event's link adds `?event=<id>`."""
    event_id, _, fmt = name.partition(".")
    detail = event_detail(record, event_id) if fmt in EVENT_FORMATS else None
    if detail is None:
        return None
    url = f"{page_url}?{URL_KEYS['event']}={event_id}"
    out = filename(event_id, fmt)
    if fmt in CITATIONS:
        media_type, write = CITATIONS[fmt]
        return Export(write(Cited(detail, record.version, url, year)).encode(), out, media_type)
    meta = ExportMeta(
        filters={URL_KEYS["event"]: [event_id]},
        version=record.version,
        url=url,
        eras=eras_of(record),
    )
    rows = record.events[record.events["id"] == event_id]
    return Export(FORMATS[fmt].write(rows, meta), out, FORMATS[fmt].media_type)
