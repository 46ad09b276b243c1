"""What each user action does to the view state: a table from the input that fired to a step.

The steps are pure functions of the state and what the inputs carry; they only need the
component ids to know which input fired.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pandas as pd

from explorer import filters, insights
from explorer.figure import view_window
from explorer.figure_counts import window_from_cell
from explorer.filter_table import FILTERS
from explorer.model import Record
from explorer.state import (
    PAIR_SEPARATOR,
    WINDOW_YEARS,
    ViewState,
    Vocabulary,
    filters_changed,
    from_query,
    parse_day,
    reset_filters,
    to_query,
)
from explorer.window import bounds, containing

from . import ids

# Control id -> ViewState attribute it mirrors: each filter's, then the view's.
CONTROL_ATTRS = {c: a for a, c in ids.FILTER_CONTROLS.items()} | {
    ids.LANES: "lanes",
    ids.COLOR: "color",
    ids.DATE_FROM: "start",
    ids.DATE_TO: "end",
}
CONTROL_PROPS = tuple(f"{c}.value" for c in ids.CONTROLS)
URL_PROP = f"{ids.URL}.search"
# A click in an insight chart, as the sync sees it: the store its clickData is copied to.
CLICKED = {c: f"{ids.CHART_CLICKS[c]}.data" for c in ids.CHARTS}
CHART_TRIGGERS = tuple(CLICKED.values())


def control_values(state: ViewState) -> list:
    """Return the value each control shows for `state`, in ids.CONTROLS order."""
    table = {tuple: list, bool: lambda v: ["1"] if v else [], type(None): lambda v: ""}
    return [
        table.get(type(v), lambda x: x)(v)
        for v in (getattr(state, CONTROL_ATTRS[c]) for c in ids.CONTROLS)
    ]


def _texts(value: object) -> tuple[str, ...]:
    # Callback bodies come from the network: keep only the strings of a list.
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _text(value: object, default: str = "") -> str:
    return value if isinstance(value, str) else default


# Filter kind -> its value read from what its control holds (and the current value).
FROM_CONTROL: dict[str, Callable[[object, object], object]] = {
    "multi": lambda given, _: _texts(given),
    "flag": lambda given, _: bool(_texts(given)),
    "text": lambda given, _: _text(given),
    "choice": lambda given, current: _text(given, current),
}


def state_from_controls(state: ViewState, values: object) -> ViewState:
    """Return `state` with what the controls show; a change of filter refits the window."""
    values = values if isinstance(values, list) else []
    given = dict(zip((CONTROL_ATTRS[c] for c in ids.CONTROLS), values, strict=False))
    # Places and pairs are chosen in the insights charts, not in a control: they are kept.
    chosen = {
        f.attr: FROM_CONTROL[f.kind](given.get(f.attr), getattr(state, f.attr))
        for f in FILTERS
        if f.attr in ids.FILTER_CONTROLS
    }
    new = replace(
        state,
        **chosen,
        lanes=_text(given.get("lanes"), state.lanes),
        color=_text(given.get("color"), state.color),
        start=_text(given.get("start")) or None,
        end=_text(given.get("end")) or None,
    )
    return replace(new, start=None, end=None) if filters_changed(state, new) else new


def _point(data: object) -> dict:
    points = data.get("points") if isinstance(data, dict) else None
    first = points[0] if isinstance(points, list) and points else {}
    return first if isinstance(first, dict) else {}


def _clicked_id(data: object) -> str | None:
    custom = _point(data).get("customdata")
    return custom[0] if isinstance(custom, list) and custom and isinstance(custom[0], str) else None


def _row_id(cell: object) -> str | None:
    row = cell.get("rowId") if isinstance(cell, dict) else None
    return row if isinstance(row, str) else None


def _year(x: object) -> int | None:
    # Plotly sends numbers; the network may send anything, infinities and NaN included.
    if (
        isinstance(x, bool)
        or not isinstance(x, int | float)
        or not (WINDOW_YEARS.start <= x < WINDOW_YEARS.stop)
    ):
        return None
    return int(x)


def _chart_action(state: ViewState, trigger: str, data: object) -> ViewState:
    """Return the state after a click in an insight chart (a filter or a time window)."""
    point = _point(data)
    x, y, custom = point.get("x"), point.get("y"), point.get("customdata")
    if trigger == CLICKED[ids.MAP] and isinstance(custom, str):
        return replace(state, places=(custom,))
    if trigger == CLICKED[ids.PAIRS] and isinstance(x, str) and isinstance(y, str):
        return replace(state, pairs=(f"{y}{PAIR_SEPARATOR}{x}",))
    if trigger == CLICKED[ids.DIRECTION] and insights.direction_host(str(custom)):
        return replace(state, hosts=(insights.direction_host(str(custom)),))
    if trigger == CLICKED[ids.TEMPO] and _year(x):
        return replace(state, start=f"{_year(x)}-01-01", end=f"{_year(x)}-12-31")
    return state


def _gesture(state: ViewState, data: object) -> ViewState:
    """Return the state after a zoom or pan ended on a window (or was reset)."""
    data = data if isinstance(data, dict) else {}
    if data.get("reset") is True:
        return replace(state, start=None, end=None)
    start, end = parse_day(_text(data.get("start"))[:10]), parse_day(_text(data.get("end"))[:10])
    return replace(state, start=start, end=end) if start and end and start < end else state


def _era(record: Record, state: ViewState, trigger_id: object) -> ViewState:
    """Return the state with the window on one era (open eras end where the record may pan)."""
    name = trigger_id.get("name") if isinstance(trigger_id, dict) else None
    era = record.eras[record.eras["name"] == name]
    if era.empty:
        return state
    end = era["end"].iloc[0]
    # An open era (no end) runs to where the record may pan.
    last = end.strftime("%Y-%m-%d") if pd.notna(end) else bounds(record.events)[1]
    return replace(state, start=era["start"].iloc[0].strftime("%Y-%m-%d"), end=last)


def _timeline_click(record: Record, state: ViewState, data: object) -> ViewState:
    """Return the state after a click on the timeline: a mark opens, a counts cell zooms."""
    timeline = filters.apply(record.events, replace(state, start=None, end=None))
    window = window_from_cell(_point(data), view_window(record, timeline, state))
    if window:
        return replace(state, start=window[0], end=window[1])
    return replace(state, event=_clicked_id(data) or state.event)


def _step(record: Record, state: ViewState, delta: int) -> ViewState:
    view = filters.apply(record.events, state)
    return replace(state, event=filters.step(view, state.event, delta))


def _in_view(record: Record, state: ViewState) -> ViewState:
    """Return the state with its window moved to show the chosen event, if it was outside."""
    chosen = record.events.loc[record.events["id"] == state.event, "start_date"]
    if not (state.start and state.end) or chosen.empty:
        return state
    start, end = containing((state.start, state.end), chosen.iloc[0], bounds(record.events))
    return replace(state, start=start, end=end)


Step = Callable[[Record, ViewState, object, dict], ViewState]
# Input that fired -> the step it takes: (record, state, trigger id, what the inputs carry).
ACTIONS: dict[str, Step] = {
    f"{ids.TIMELINE}.clickData": lambda r, s, t, g: _timeline_click(r, s, g["click"]),
    f"{ids.WINDOW}.data": lambda r, s, t, g: _gesture(s, g["window"]),
    f"{ids.CELL_PICK}.data": lambda r, s, t, g: replace(s, event=_row_id(g["cell"]) or s.event),
    f"{ids.PREV}.n_clicks": lambda r, s, t, g: _step(r, s, -1),
    f"{ids.NEXT}.n_clicks": lambda r, s, t, g: _step(r, s, 1),
    f"{ids.CLOSE}.n_clicks": lambda r, s, t, g: replace(s, event=None),
    f"{ids.RESET}.n_clicks": lambda r, s, t, g: reset_filters(s),
    f"{ids.FIT}.n_clicks": lambda r, s, t, g: replace(s, start=None, end=None),
    f"{ids.TWIN_PICK}.data": lambda r, s, t, g: replace(
        s, event=_text(g["twin"].get("id") if isinstance(g["twin"], dict) else None) or s.event
    ),
}
# Pattern-matching inputs: the "type" of the id that fired -> its step.
PATTERN_ACTIONS: dict[str, Step] = {
    ids.CHIP: lambda r, s, t, g: filters.remove_chip(
        s, _text(t.get("attr")), _text(t.get("value"))
    ),
    ids.ERA: lambda r, s, t, g: _era(r, s, t),
}


def next_state(
    record: Record,
    vocab: Vocabulary,
    state: ViewState,
    trigger: str,
    trigger_id: object,
    given: dict,
) -> ViewState:
    """Return the state after one user action: which input fired and what the inputs carry."""
    pattern = trigger_id.get("type") if isinstance(trigger_id, dict) else None
    if trigger in ACTIONS:
        new = ACTIONS[trigger](record, state, trigger_id, given)
    elif pattern in PATTERN_ACTIONS:
        new = PATTERN_ACTIONS[pattern](record, state, trigger_id, given)
    elif trigger in CHART_TRIGGERS:
        new = _chart_action(state, trigger, given["charts"].get(trigger))
    else:
        new = state_from_controls(state, given["values"])
    # Drop anything the vocabulary does not know, then keep the chosen event in the window.
    return _in_view(record, from_query(to_query(new), vocab))
