"""The time window: fitted to the events in view, bounded by the record, kept around a choice.

Windows are (start, end) pairs of ISO days. A view state with no window shows the window fitted
to its events; a window chosen by zooming, panning, an era button or the date inputs is kept in
the URL and also filters the count, the table, the insights and the exports.
"""

from __future__ import annotations

import pandas as pd

Window = tuple[str, str]

MARGIN = 0.04  # of the events' span, on each side: the first and last marks are not on the edge
MIN_DAYS = 120  # a single event is shown with a few months around it, not a day
BOUNDS_MARGIN_DAYS = 365  # how far before the first and after the last event a pan may go


def _day(value: pd.Timestamp) -> str:
    return value.strftime("%Y-%m-%d")


def last_dates(events: pd.DataFrame) -> pd.Series:
    """Return each event's last day (its end date, or its start date for one-day events)."""
    return events["end_date"].fillna(events["start_date"])


def span(events: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """Return the first and last day the events cover, or None when there are none."""
    if events.empty:
        return None
    return events["start_date"].min(), last_dates(events).max()


def bounds(events: pd.DataFrame) -> Window:
    """Return how far the timeline may pan: the whole record's span and a year either side."""
    first, last = span(events) or (pd.Timestamp("1949-10-01"), pd.Timestamp("2025-12-31"))
    pad = pd.Timedelta(days=BOUNDS_MARGIN_DAYS)
    return _day(first - pad), _day(last + pad)


def fit(events: pd.DataFrame, limits: Window) -> Window:
    """Return the window that shows every event with a margin, within `limits`."""
    first, last = span(events) or (pd.Timestamp(limits[0]), pd.Timestamp(limits[1]))
    pad = max((last - first) * MARGIN, (pd.Timedelta(days=MIN_DAYS) - (last - first)) / 2)
    start = max(first - pad, pd.Timestamp(limits[0]))
    end = min(last + pad, pd.Timestamp(limits[1]))
    return _day(start), _day(end)


def containing(window: Window, day: pd.Timestamp, limits: Window) -> Window:
    """Return `window` moved (same width) so that `day` lies inside it, within `limits`."""
    start, end = pd.Timestamp(window[0]), pd.Timestamp(window[1])
    if start <= day <= end:
        return window
    width = end - start
    start = min(max(day - width / 2, pd.Timestamp(limits[0])), pd.Timestamp(limits[1]) - width)
    return _day(start), _day(start + width)


def overlaps(events: pd.DataFrame, start: str | None, end: str | None) -> pd.Series:
    """Return which events overlap the days from `start` to `end` (either may be open)."""
    mask = pd.Series(True, index=events.index)
    if start:
        mask &= last_dates(events) >= pd.Timestamp(start)
    if end:
        mask &= events["start_date"] <= pd.Timestamp(end)
    return mask
