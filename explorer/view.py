"""One view of the record from one query string: the filtered events and their exports.

The page, the export route and the command line all go through here, so a URL always means
the same rows wherever it is opened.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import pandas as pd

from explorer import filters
from explorer.citations import cited_records, lookup
from explorer.exports import FORMATS, Era, ExportMeta, filename
from explorer.model import Record
from explorer.state import URL_KEYS, ViewState, Vocabulary, from_query, to_query


@dataclass(frozen=True)
class View:
    """A view state and the events it shows."""

    state: ViewState
    events: pd.DataFrame

    @property
    def query(self) -> str:
        """Return the canonical query string of this view."""
        return to_query(self.state)


def open_view(record: Record, vocab: Vocabulary, query: str) -> View:
    """Return the view a query string describes (unknown values fall back to defaults)."""
    state = from_query(query, vocab)
    return View(state, filters.apply(record.events, state))


def filter_summary(state: ViewState) -> dict[str, list[str]]:
    """Return the active filters keyed by their URL names, for export metadata."""
    out: dict[str, list[str]] = {}
    for f in fields(ViewState):
        value = getattr(state, f.name)
        if f.name in filters.RULES and value:
            out[URL_KEYS[f.name]] = list(value) if isinstance(value, tuple) else [str(value)]
    return out


@dataclass(frozen=True)
class Export:
    """A file ready to send: bytes, download name and media type."""

    body: bytes
    filename: str
    media_type: str


def eras_of(record: Record) -> tuple[Era, ...]:
    """Return the record's eras as exports need them."""
    return tuple(
        Era(
            e.name,
            e.start.strftime("%Y-%m-%d"),
            None if pd.isna(e.end) else e.end.strftime("%Y-%m-%d"),
        )
        for e in record.eras.itertuples(index=False)
    )


def export_view(record: Record, view: View, fmt: str, url: str = "") -> Export:
    """Return the view's events in format `fmt` (a key of exports.FORMATS)."""
    meta = ExportMeta(
        filters=filter_summary(view.state),
        version=record.version,
        url=url,
        eras=eras_of(record),
        sources=cited_records(view.events, lookup(record.sources)),
    )
    spec = FORMATS[fmt]
    name = filename(filters.view_slug(view.state), fmt)
    return Export(spec.write(view.events, meta), name, spec.media_type)
