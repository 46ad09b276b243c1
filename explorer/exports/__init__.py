"""Exports of a filtered view: events in, bytes out, one table of formats.

Every format carries exactly the rows it is given; the tabular ones carry every schema column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from explorer.exports.calendar import to_ics
from explorer.exports.citations import to_bibtex, to_ris
from explorer.exports.meta import Era, ExportMeta
from explorer.exports.tabular import columns, flat_frame, neutralise, to_csv, to_json, to_xlsx
from explorer.exports.timelines import to_timelinejs, to_vis

FILE_STEM = "china-russia-events"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Format:
    """One export format: its media type, writer and button label (its name: the extension)."""

    media_type: str
    write: Callable[[pd.DataFrame, ExportMeta], bytes]
    label: str


# Format name (also the file extension and the route's suffix) -> how to write it.
FORMATS: dict[str, Format] = {
    "csv": Format("text/csv; charset=utf-8", to_csv, "CSV"),
    "xlsx": Format(XLSX, to_xlsx, "Excel"),
    "json": Format("application/json; charset=utf-8", to_json, "JSON"),
    "ics": Format("text/calendar; charset=utf-8", to_ics, "Calendar (.ics)"),
    "timelinejs.json": Format("application/json; charset=utf-8", to_timelinejs, "TimelineJS"),
    "vis.json": Format("application/json; charset=utf-8", to_vis, "vis-timeline"),
    "bib": Format("application/x-bibtex; charset=utf-8", to_bibtex, "BibTeX"),
    "ris": Format("application/x-research-info-systems; charset=utf-8", to_ris, "RIS"),
}


def filename(view_slug: str, fmt: str) -> str:
    """Return the download name, e.g. china-russia-events_xi-jinping_2010s.csv."""
    return f"{FILE_STEM}_{view_slug}.{fmt}"


__all__ = [
    "FORMATS",
    "Era",
    "ExportMeta",
    "Format",
    "columns",
    "filename",
    "flat_frame",
    "neutralise",
]
