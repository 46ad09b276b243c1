"""One view of the record from one query string: the filtered events and their exports.

The page, the export route and the command line all go through here, so a URL always means
the same rows wherever it is opened.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from functools import cached_property

import pandas as pd

from explorer import filters
from explorer.citations import cited_records, lookup
from explorer.exports import FORMATS, Era, ExportMeta, filename
from explorer.exports.tabular import csv_blocks
from explorer.i18n import language, translate
from explorer.localize import localized
from explorer.model import Record
from explorer.state import URL_KEYS, ViewState, Vocabulary, from_query, to_query

LOCALIZED_FORMATS = ("ics", "timelinejs.json", "vis.json")


@dataclass(frozen=True)
class View:
    """A view state and the events it shows (the window included); the timeline shows `timeline`,
    the same filters without the window, so that panning reveals the events beside it."""

    state: ViewState
    events: pd.DataFrame
    record_events: pd.DataFrame

    @property
    def query(self) -> str:
        """Return the canonical query string of this view."""
        return to_query(self.state)

    @cached_property
    def timeline(self) -> pd.DataFrame:
        """Return the events the timeline draws: every filter but the window."""
        if not (self.state.start or self.state.end):
            return self.events
        return filters.apply(self.record_events, replace(self.state, start=None, end=None))

    @property
    def chips(self) -> list[filters.Chip]:
        """Return the active filters as removable chips."""
        return filters.chips(self.state)

    def count_text(self, total: int) -> str:
        """Return '46 of 210 events', saying when the window narrows them."""
        shown, lang = len(self.events), self.state.lang
        if self.state.start and self.state.end:
            return translate("status.count_window", lang, shown=shown, total=total)
        return translate("status.count", lang, shown=shown, total=total)


def open_view(record: Record, vocab: Vocabulary, query: str) -> View:
    """Return the view a query string describes (unknown values fall back to defaults)."""
    state = from_query(query, vocab)
    return View(state, filters.apply(record.events, state), record.events)


def filter_summary(state: ViewState) -> dict[str, list[str]]:
    """Return the active filters keyed by their URL names, for export metadata."""
    out: dict[str, list[str]] = {}
    for f in fields(ViewState):
        value = getattr(state, f.name)
        # How leaders combine matters (and is said) once there are several.
        combine = f.name == "leaders_combine" and len(state.leaders) > 1
        if combine or (f.name in filters.RULES and value):
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


def _meta(record: Record, view: View, url: str) -> ExportMeta:
    return ExportMeta(
        filters=filter_summary(view.state),
        version=record.version,
        url=url,
        eras=eras_of(record),
        sources=cited_records(view.events, lookup(record.sources)),
        lang=language(view.state.lang),
    )


def export_view(record: Record, view: View, fmt: str, url: str = "") -> Export:
    """Return the view's events in format `fmt` (a key of exports.FORMATS)."""
    spec, meta = FORMATS[fmt], _meta(record, view, url)
    name = filename(filters.view_slug(view.state), fmt)
    # Calendars and timelines show titles and places: in the view's language. Tables keep the
    # record's columns (title, title_zh, title_ru) whatever the language.
    events = localized(view.events, meta.lang) if fmt in LOCALIZED_FORMATS else view.events
    return Export(spec.write(events, meta), name, spec.media_type)


def stream_csv(record: Record, view: View, url: str = "") -> tuple[str, str, Iterator[bytes]]:
    """Return the CSV export's download name, media type and its bytes in blocks of rows."""
    name = filename(filters.view_slug(view.state), "csv")
    return name, FORMATS["csv"].media_type, csv_blocks(view.events, _meta(record, view, url))
