"""The timeline's accessible twin: the filtered events in order, as plain rows for the browser."""

from __future__ import annotations

import pandas as pd

from explorer.formatting import date_label

LIMIT = 500  # beyond this a list is no help to anyone, and the DOM slows the page


def event_list(events: pd.DataFrame, selected: str | None, lang: str = "en") -> dict:
    """Return the first LIMIT events (plus the selected one) as rows, and how many are left out."""
    shown = events.head(LIMIT)
    if selected is not None and selected not in set(shown["id"]):
        shown = pd.concat([shown, events[events["id"] == selected]])
    rows = [
        {
            "id": e.id,
            "date": date_label(e.start_date, e.end_date, e.date_precision, lang),
            "title": e.title,
            "selected": e.id == selected,
        }
        for e in shown[["id", "start_date", "end_date", "date_precision", "title"]].itertuples(
            index=False
        )
    ]
    return {"rows": rows, "more": len(events) - len(shown)}
