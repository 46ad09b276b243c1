"""The synced table: column definitions and rows, as plain data for AG Grid."""

from __future__ import annotations

import pandas as pd

from explorer.formatting import date_label, place_label
from explorer.model import KIND_LABELS

COLUMN_DEFS: list[dict] = [
    # Sorted and filtered by the ISO start; shown at the date's precision.
    {
        "field": "start",
        "headerName": "Date",
        "width": 170,
        "valueFormatter": {"function": "params.data.date"},
    },
    {"field": "title", "headerName": "Title", "flex": 2, "minWidth": 220},
    {"field": "kind", "headerName": "Kind", "width": 120},
    {"field": "china", "headerName": "China", "flex": 1, "minWidth": 140},
    {"field": "russia", "headerName": "USSR / Russia", "flex": 1, "minWidth": 140},
    {"field": "place", "headerName": "Place", "flex": 1, "minWidth": 140},
    {"field": "tags", "headerName": "Tags", "flex": 1, "minWidth": 120},
    {"field": "in_abstract", "headerName": "In abstract", "width": 110},
]
DEFAULT_COL_DEF = {"sortable": True, "resizable": True, "filter": True}


def table_rows(events: pd.DataFrame) -> list[dict]:
    """Return one dict per event for the grid, with readable cells and the ISO start for sorting."""
    return [
        {
            "id": ev.id,
            "start": ev.start_date.strftime("%Y-%m-%d"),
            "date": date_label(ev.start_date, ev.end_date, ev.date_precision),
            "title": ev.title,
            "kind": KIND_LABELS.get(ev.kind, ev.kind),
            "china": ", ".join(ev.china_leaders),
            "russia": ", ".join(ev.russia_leaders),
            "place": place_label(ev.city, ev.country, ev.host),
            "tags": ", ".join(ev.tags),
            "in_abstract": "yes" if ev.in_abstract else "",
        }
        for ev in events.itertuples(index=False)
    ]
