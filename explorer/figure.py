"""The timeline figure: events on time × lanes, eras as background bands, built from pure data.

Figures are plain dicts in plotly.js's own JSON: plotly.py's validation of every property cost
more than the rest of a filter callback (the tests validate each figure against the schema).
"""

from __future__ import annotations

from functools import cache
from html import escape

import pandas as pd
import plotly.io as pio

from explorer.figure_counts import AGGREGATE_ABOVE, counts_trace, in_window, window_from_cell
from explorer.formatting import date_label, leaders_label, place_label
from explorer.model import HOST_GROUP_LABELS, KIND_LABELS, Record
from explorer.state import ViewState, parse_day

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
OTHER_COLOR = "#9a9a9a"
MAX_PAIRS = 7
KIND_SYMBOLS = {
    "visit": "circle",
    "summit": "diamond",
    "treaty": "square",
    "declaration": "star",
    "multilateral": "triangle-up",
    "call": "x",
}
FULL_RANGE = ("1949-01-01", "2026-06-30")
STACK_STEP = 0.22
# SVG marks are quick for a few hundred, WebGL for more: with 1,329 marks a cold page was drawn
# in 2.5-4.6 s with SVG, 2.3-2.5 s with WebGL (10,000 synthetic events, ?decade=1990s).
WEBGL_THRESHOLD = 500


@cache
def template() -> dict:
    """Return plotly's 'plotly_white' template as plain JSON (a name alone needs plotly.py)."""
    return pio.templates["plotly_white"].to_plotly_json()


def _days(dates: pd.Series) -> list[str]:
    return dates.dt.strftime("%Y-%m-%d").tolist()


# The columns the timeline reads: copying, exploding and slicing only these is what keeps a
# 100,000-event figure fast.
COLUMNS = [
    "id",
    "start_date",
    "end_date",
    "date_precision",
    "title",
    "kind",
    "host",
    "host_group",
    "city",
    "country",
    "china_leaders",
    "russia_leaders",
    "era",
    "pair",
]


def _lanes(events: pd.DataFrame, lanes: str) -> tuple[pd.DataFrame, list[str]]:
    """Return one row per (event, lane) and the lane labels from top to bottom."""
    events = events[COLUMNS]
    if lanes == "kind":
        frame = events.assign(lane=events["kind"].map(KIND_LABELS))
        present = set(events["kind"].unique())
        order = [KIND_LABELS[k] for k in KIND_LABELS if k in present]
    elif lanes == "host":
        frame = events.assign(lane=events["host_group"].map(HOST_GROUP_LABELS))
        present = set(events["host_group"].unique())
        order = [v for k, v in HOST_GROUP_LABELS.items() if k in present]
    else:
        column = "china_leaders" if lanes == "china" else "russia_leaders"
        frame = events.assign(lane=events[column]).explode("lane")
        dated = frame[["start_date", "lane"]].dropna().sort_values("start_date", kind="stable")
        order = dated["lane"].unique().tolist()  # in order of first appearance
    return frame[frame["lane"].notna()], order


def _y(frame: pd.DataFrame, index: pd.Series) -> pd.Series:
    """Return each mark's y: its lane's index, spread apart when events share a day and lane."""
    group = frame.groupby(["lane", "start_date"], sort=False)
    rank, size = group.cumcount(), group["id"].transform("size")
    return index + (rank - (size - 1) / 2) * STACK_STEP


def _colors(frame: pd.DataFrame, record: Record, color: str) -> tuple[pd.Series, dict[str, str]]:
    """Return each mark's colour group and the colour of each group, in legend order."""
    if color == "pair":
        top = record.events["pair"].value_counts().index[:MAX_PAIRS].tolist()
        groups = frame["pair"].where(frame["pair"].isin(top), "Other pairs")
        colors = dict(zip(top, PALETTE, strict=False)) | {"Other pairs": OTHER_COLOR}
    else:
        names = record.eras["name"].tolist()
        groups = frame["era"].replace("", "Outside the eras")
        colors = dict(zip(names, PALETTE * 2, strict=False)) | {"Outside the eras": OTHER_COLOR}
    return groups, {g: c for g, c in colors.items() if g in set(groups)}


def _customdata(frame: pd.DataFrame) -> list[list[str]]:
    """Return [id, title, date, leaders, place] per mark, escaped: plotly renders some HTML."""
    rows = zip(
        frame["id"],
        frame["title"],
        map(date_label, frame["start_date"], frame["end_date"], frame["date_precision"]),
        map(leaders_label, frame["china_leaders"], frame["russia_leaders"]),
        map(place_label, frame["city"], frame["country"], frame["host"]),
        strict=True,
    )
    return [[escape(str(v)) for v in row] for row in rows]


HOVER = (
    "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[3]}<br>%{customdata[4]}"
    "<extra></extra>"
)


def _span_trace(frame: pd.DataFrame) -> dict:
    """Return multi-day events as horizontal bars, one trace, segments split by None."""
    spans = frame[frame["end_date"].notna() & (frame["end_date"] > frame["start_date"])]
    starts = _days(spans["start_date"])
    ends = _days(spans["end_date"] + pd.Timedelta(days=1))
    ys = spans["y"].tolist()
    return {
        "type": "scatter",
        "x": [v for seg in zip(starts, ends, [None] * len(ys), strict=True) for v in seg],
        "y": [v for y in ys for v in (y, y, None)],
        "mode": "lines",
        "line": {"width": 7, "color": "rgba(60,60,60,0.35)"},
        "hoverinfo": "skip",
        "showlegend": False,
        "name": "duration",
    }


def _era_layout(eras: pd.DataFrame) -> tuple[list[dict], list[dict], list[dict]]:
    """Return the era bands, their labels and one range button per era, in one pass."""
    shapes, notes, buttons = [], [], []
    end_all = pd.Timestamp(FULL_RANGE[1])
    for i, era in enumerate(eras.itertuples(index=False)):
        end = era.end if pd.notna(era.end) else end_all
        color = PALETTE[i % len(PALETTE)]
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": era.start.isoformat()[:10],
                "x1": end.isoformat()[:10],
                "y0": 0,
                "y1": 1,
                "fillcolor": color,
                "opacity": 0.08,
                "line": {"width": 0},
                "layer": "below",
            }
        )
        notes.append(
            {
                "x": (era.start + (end - era.start) / 2).isoformat()[:10],
                "y": 1.0 + 0.06 * (i % 2),  # alternate so short eras do not collide
                "xref": "x",
                "yref": "paper",
                "text": escape(era.name),
                "showarrow": False,
                "yanchor": "bottom",
                "font": {"size": 11, "color": "#444"},
            }
        )
        buttons.append(
            {
                "label": escape(era.name),
                "method": "relayout",
                "args": [{"xaxis.range": [era.start.isoformat()[:10], end.isoformat()[:10]]}],
            }
        )
    buttons.insert(
        0, {"label": "All", "method": "relayout", "args": [{"xaxis.range": list(FULL_RANGE)}]}
    )
    return shapes, notes, buttons


def _mark_traces(frame: pd.DataFrame, record: Record, state: ViewState) -> list[dict]:
    """Return one marks trace per colour group, each mark carrying its event's id and labels."""
    groups, colors = _colors(frame, record, state.color)
    # SVG draws a few thousand marks quickly; past that WebGL keeps the page responsive.
    kind = "scattergl" if len(frame) > WEBGL_THRESHOLD else "scatter"
    # Every column once for the whole frame, then split by group: slicing the wide frame per
    # group cost more than building the marks.
    days, ys = _days(frame["start_date"]), frame["y"].tolist()
    symbols, custom = frame["kind"].map(KIND_SYMBOLS).tolist(), _customdata(frame)
    where = pd.Series(range(len(frame))).groupby(groups.to_numpy(), sort=False).agg(list)
    traces = []
    for group, color in colors.items():
        rows = where.get(group, [])
        traces.append(
            {
                "type": kind,
                "x": [days[i] for i in rows],
                "y": [ys[i] for i in rows],
                "mode": "markers",
                "name": escape(group),
                "legendgroup": "colour",
                "legendgrouptitle": {"text": "Colour: " + state.color},
                "marker": {
                    "color": color,
                    "size": 12,
                    "line": {"width": 1, "color": "white"},
                    "symbol": [symbols[i] for i in rows],
                },
                "customdata": [custom[i] for i in rows],
                "hovertemplate": HOVER,
            }
        )
    return traces


def _symbol_legend() -> list[dict]:
    """Return empty traces that give the legend one entry per kind's symbol."""
    return [
        {
            "type": "scatter",
            "x": [None],
            "y": [None],
            "mode": "markers",
            "name": KIND_LABELS[k],
            "legendgroup": "kind",
            "legendgrouptitle": {"text": "Symbol: kind"},
            "marker": {"symbol": s, "color": "#555", "size": 10},
            "hoverinfo": "skip",
        }
        for k, s in KIND_SYMBOLS.items()
    ]


def _selected_trace(frame: pd.DataFrame, event: str | None) -> dict:
    """Return a ring around the chosen event's marks (empty when none is chosen)."""
    chosen = frame[frame["id"] == event]
    return {
        "type": "scatter",
        "x": _days(chosen["start_date"]),
        "y": chosen["y"].tolist(),
        "mode": "markers",
        "name": "selected",
        "showlegend": False,
        "marker": {"size": 22, "color": "rgba(0,0,0,0)", "line": {"width": 3, "color": "#111"}},
        "hoverinfo": "skip",
    }


def _layout(record: Record, state: ViewState, order: list[str], window: list[str]) -> dict:
    """Return the timeline's layout: lanes, era bands and buttons, window, legend."""
    shapes, notes, buttons = _era_layout(record.eras)
    return {
        "template": template(),
        "height": max(360, 140 + 60 * len(order)),
        "margin": {"l": 10, "r": 10, "t": 95, "b": 10},
        "dragmode": "pan",
        "hovermode": "closest",
        "shapes": shapes,
        "annotations": notes,
        "uirevision": f"{state.lanes}|{window}",
        "legend": {
            "orientation": "h",
            "yanchor": "top",
            "y": -0.35,
            "x": 0,
            "groupclick": "toggleitem",
        },
        "updatemenus": [
            {
                "type": "buttons",
                "direction": "right",
                "buttons": buttons,
                "x": 0,
                "y": 1.2,
                "xanchor": "left",
                "yanchor": "bottom",
                "showactive": False,
                "pad": {"t": 0, "b": 0},
                "font": {"size": 11},
            }
        ],
        "xaxis": {
            "type": "date",
            "range": window,
            "rangeslider": {"visible": True, "thickness": 0.07},
        },
        "yaxis": {
            "tickvals": list(range(len(order))),
            "ticktext": [escape(o) for o in order],
            "range": [len(order) - 0.5, -0.5],
            "fixedrange": True,
            "automargin": True,
            "showgrid": True,
            "zeroline": False,
        },
    }


def view_window(state: ViewState) -> tuple[str, str]:
    """Return the time window the timeline shows for `state` (all years unless zoomed)."""
    return (state.start, state.end) if state.start and state.end else FULL_RANGE


def window_from_click(state: ViewState, point: dict) -> tuple[str, str] | None:
    """Return the period of the counts cell a timeline click hit, or None (a mark, say)."""
    return window_from_cell(point, view_window(state))


def timeline_figure(record: Record, events: pd.DataFrame, state: ViewState) -> dict:
    """Return the timeline of `events` with the lanes, colours, window and selection of `state`.

    Up to AGGREGATE_ABOVE marks every event is a mark; past that only the window's marks are
    sent, and when even those are too many, counts per lane and period stand in for them.
    """
    frame, order = _lanes(events, state.lanes)
    window = view_window(state)
    if len(frame) > AGGREGATE_ABOVE:
        frame = in_window(frame, window, margin=0.5)
    index = frame["lane"].map({lane: i for i, lane in enumerate(order)}).astype(float)
    if len(frame) > AGGREGATE_ABOVE:
        frame = frame.assign(y=index)  # one row of cells per lane: no stacking to work out
        traces = [counts_trace(frame.assign(lane_index=index.astype(int)), len(order), window)]
    else:
        frame = frame.assign(y=_y(frame, index))
        traces = [_span_trace(frame), *_mark_traces(frame, record, state), *_symbol_legend()]
    traces.append(_selected_trace(frame, state.event))
    return {"data": traces, "layout": _layout(record, state, order, list(window))}


def window_from_relayout(relayout: dict | None) -> tuple[str | None, str | None] | None:
    """Return the (start, end) a plotly relayout event sets, (None, None) on reset, else None."""
    relayout = relayout or {}
    if relayout.get("xaxis.autorange") or relayout.get("autosize") is False:
        return (None, None)
    pair = relayout.get("xaxis.range") or [
        relayout.get("xaxis.range[0]"),
        relayout.get("xaxis.range[1]"),
    ]
    if not isinstance(pair, list | tuple) or len(pair) != 2 or not all(pair):
        return None
    start, end = parse_day(str(pair[0])[:10]), parse_day(str(pair[1])[:10])
    if not (start and end and start < end):
        return None
    return (None, None) if (start, end) == FULL_RANGE else (start, end)
