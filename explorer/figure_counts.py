"""Counts per lane and period: how the timeline draws more events than marks can show."""

from __future__ import annotations

import pandas as pd

from explorer.i18n import translate
from explorer.state import parse_day
from explorer.theme import COUNTS_SCALE

# Above this many marks in the window the timeline shows counts per period instead: a payload
# and a draw that no longer grow with the number of events. Zooming in or filtering below it
# brings the marks back.
AGGREGATE_ABOVE = 5000
# The legend group of the traces that stand for events (marks, or counts of them): the
# browser (assets/app.js, assets/timeline.js) counts and labels only these.
MARKS_GROUP = "colour"
# Window length (days) -> period of one cell; the first row whose bound the window exceeds.
BINS = (
    (15 * 366, "Y", "year", "%Y"),
    (400, "M", "month", "%b %Y"),
    (0, "D", "day", "%d %b %Y"),
)
COLORSCALE = COUNTS_SCALE


def period_of(window: tuple[str, str]) -> tuple[str, str, str]:
    """Return the pandas period code, its name and the hover date format for a window."""
    days = (pd.Timestamp(window[1]) - pd.Timestamp(window[0])).days
    return next((freq, name, fmt) for bound, freq, name, fmt in BINS if days > bound)


def in_window(frame: pd.DataFrame, window: tuple[str, str], margin: float = 0) -> pd.DataFrame:
    """Return the rows of `frame` whose mark falls in the window, widened by `margin` widths."""
    start, end = pd.Timestamp(window[0]), pd.Timestamp(window[1])
    # A margin keeps something to see while a pan waits for the server's redraw.
    pad = (end - start) * margin
    return frame[(frame["start_date"] >= start - pad) & (frame["start_date"] <= end + pad)]


def counts_trace(
    frame: pd.DataFrame, lanes: int, window: tuple[str, str], lang: str = "en"
) -> dict:
    """Return a heatmap trace of events per lane and period (periods sized to the window), its
    words in `lang`."""
    freq, name, fmt = period_of(window)
    period = frame["start_date"].dt.to_period(freq)
    table = (
        frame.assign(period=period)
        .groupby(["lane_index", "period"])
        .size()
        .unstack("period", fill_value=0)
        .reindex(range(lanes), fill_value=0)
    )
    starts = [p.start_time for p in table.columns]
    ends = [p.end_time.normalize() for p in table.columns]
    middles = [s + (e - s) / 2 for s, e in zip(starts, ends, strict=True)]
    z = table.to_numpy()
    cell = [
        [s.strftime("%Y-%m-%d"), e.strftime("%Y-%m-%d")] for s, e in zip(starts, ends, strict=True)
    ]
    return {
        "type": "heatmap",
        "name": translate(f"counts.per.{name}", lang),
        "legendgroup": MARKS_GROUP,
        "x": [m.strftime("%Y-%m-%d %H:%M") for m in middles],
        "y": list(range(lanes)),
        "z": [[int(v) if v else None for v in row] for row in z],
        "customdata": [cell] * lanes,
        "colorscale": COLORSCALE,
        "colorbar": {
            "title": {"text": translate(f"counts.per.{name}", lang)},
            "thickness": 12,
            "len": 0.6,
        },
        "xgap": 1,
        "ygap": 2,
        "hoverongaps": False,
        "hovertemplate": (
            f"<b>{translate('counts.events', lang, count='%{z}')}</b>, %{{customdata[0]|{fmt}}}<br>"
            f"{translate('counts.hint', lang)}<extra></extra>"
        ),
        # Lanes by leader repeat an event once per leader; the index names each event once.
        "meta": {"events": int(frame.index.nunique())},
    }


def window_from_cell(point: dict, window: tuple[str, str]) -> tuple[str, str] | None:
    """Return the period a click on a counts cell names, or None for any other point.

    Dash's clickData drops a heatmap's customdata, so the period is found again from the
    cell's x (a date inside it) and the window the figure was drawn for.
    """
    x, z = point.get("x"), point.get("z")
    if not isinstance(z, int | float) or isinstance(z, bool) or not isinstance(x, str):
        return None
    day = parse_day(x[:10])
    if not day:
        return None
    period = pd.Period(day, freq=period_of(window)[0])
    return period.start_time.strftime("%Y-%m-%d"), period.end_time.strftime("%Y-%m-%d")
