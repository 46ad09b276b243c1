"""The timeline figure: events on time × lanes, eras as background bands, built from pure data.

Figures are plain dicts in plotly.js's own JSON: plotly.py's validation of every property cost
more than the rest of a filter callback (the tests validate each figure against the schema).
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import replace
from functools import cache
from html import escape

import pandas as pd
import plotly.io as pio

from explorer import theme, vocabulary
from explorer.figure_counts import AGGREGATE_ABOVE, MARKS_GROUP, counts_trace, in_window
from explorer.formatting import date_label, leaders_label, place_label
from explorer.i18n import language, term, translate
from explorer.labels import short_names
from explorer.model import Record
from explorer.state import ViewState
from explorer.theme import OTHER_COLOR, PALETTE, era_band
from explorer.window import Window, bounds, fit

# Pairs cycle through the palette without yellow, which is too faint for a small mark on white.
PAIR_PALETTE = tuple(c for c in PALETTE if c != theme.FAINT_ON_WHITE)
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
    "label",
    "label_rank",
]


def _lanes(events: pd.DataFrame, lanes: str, lang: str = "en") -> tuple[pd.DataFrame, list[str]]:
    """Return one row per (event, lane) and the lane labels (in `lang`) from top to bottom."""
    events = events[COLUMNS]
    if lanes in ("kind", "host"):
        # Every kind and host gets a lane, one the vocabulary lacks included (with a default).
        column, table = ("kind", "kind") if lanes == "kind" else ("host_group", "host")
        frame = events.assign(lane=vocabulary.label_map(table, events[column], lang))
        names = vocabulary.labels(table, events[column].unique(), lang)
        order = [names[v] for v in vocabulary.in_order(table, events[column])]
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


def pair_colors(events: pd.DataFrame) -> dict[str, str]:
    """Return a colour per leader pair, cycling the palette in order of each pair's first meeting.

    Pairs that follow each other in time get different colours, in every era; the colours come
    from the whole record, so a pair keeps its colour whatever the filters.
    """
    first = events.sort_values("start_date", kind="stable")["pair"].drop_duplicates()
    return {p: PAIR_PALETTE[i % len(PAIR_PALETTE)] for i, p in enumerate(first)}


def era_colors(eras: pd.DataFrame) -> dict[str, str]:
    """Return a colour per era (the bands' colours), grey outside every era."""
    names = eras["name"].tolist()
    return dict(zip(names, PALETTE * 2, strict=False)) | {"": OTHER_COLOR}


def _colors(frame: pd.DataFrame, record: Record, color: str) -> tuple[pd.Series, dict[str, str]]:
    """Return each mark's colour group and the colour of each group, in first-seen order."""
    column, colors = ("pair", pair_colors(record.events))
    if color == "era":
        column, colors = ("era", era_colors(record.eras))
    groups = frame[column]
    present = set(groups)
    return groups, {g: c for g, c in colors.items() if g in present} | {
        g: OTHER_COLOR for g in groups.unique() if g not in colors
    }


def _customdata(frame: pd.DataFrame, lang: str = "en") -> list[list]:
    """Return [id, title, date, leaders, place, label, rank] per mark, text escaped (plotly
    renders some HTML); the browser places the labels by rank (assets/app.js)."""
    langs = [lang] * len(frame)
    rows = zip(
        frame["id"],
        frame["title"],
        map(date_label, frame["start_date"], frame["end_date"], frame["date_precision"], langs),
        map(leaders_label, frame["china_leaders"], frame["russia_leaders"]),
        map(place_label, frame["city"], frame["country"], frame["host"], langs),
        frame["label"],
        strict=True,
    )
    texts = [[escape(str(v)) for v in row] for row in rows]
    return [[*t, int(r)] for t, r in zip(texts, frame["label_rank"], strict=True)]


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
        "line": {"width": 7, "color": theme.SPAN_LINE},
        "hoverinfo": "skip",
        "showlegend": False,
        "name": "duration",
    }


def era_spans(eras: pd.DataFrame, limits: Window) -> list[dict]:
    """Return each era's name and first and last day (open eras end at the limit)."""
    return [
        {
            "name": e.name,
            "start": e.start.strftime("%Y-%m-%d"),
            "end": e.end.strftime("%Y-%m-%d") if pd.notna(e.end) else limits[1],
        }
        for e in eras.itertuples(index=False)
    ]


def _era_bands(eras: list[dict]) -> list[dict]:
    """Return the era bands behind the marks (their names are placed by the browser)."""
    return [era_band(era["start"], era["end"], i) for i, era in enumerate(eras)]


def _mark_traces(frame: pd.DataFrame, record: Record, state: ViewState) -> list[dict]:
    """Return the marks as one trace, each mark with its group's colour, its kind's symbol and
    its event's id and labels."""
    groups, colors = _colors(frame, record, state.color)
    # SVG draws a few thousand marks quickly; past that WebGL keeps the page responsive.
    kind = "scattergl" if len(frame) > WEBGL_THRESHOLD else "scatter"
    kinds = {k: vocabulary.term("kind", k).symbol for k in frame["kind"].unique()}
    # One trace, not one per colour group: plotly's first draw costs per trace (defaults,
    # layers), ~60 ms of 39 traces on this machine's cold page (docs/performance.md).
    return [
        {
            "type": kind,
            "x": _days(frame["start_date"]),
            "y": frame["y"].tolist(),
            "mode": "markers",
            "name": "events",
            # The legend is the page's own (legend_items); "colour" marks the event traces.
            "legendgroup": MARKS_GROUP,
            "showlegend": False,
            "marker": {
                "color": groups.map(colors).tolist(),
                "size": 12,
                "line": {"width": 1, "color": theme.MARK_OUTLINE},
                "symbol": frame["kind"].map(kinds).tolist(),
            },
            "customdata": _customdata(frame, language(state.lang)),
            "hovertemplate": HOVER,
        }
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
        "marker": {
            "size": 24,
            "color": theme.TRANSPARENT,
            "line": {"width": 3, "color": theme.SELECTED_RING},
        },
        "hoverinfo": "skip",
    }


LANE_CHAR_PX = 7  # an upper bound on a 12 px tick label's character width


def _lane_margin(order: list[str]) -> int:
    """Return the left margin (px) that fits the longest lane name."""
    return 16 + LANE_CHAR_PX * max((_width(o) for o in order), default=4)


def _width(text: str) -> int:
    """Return a text's width in Latin characters: a CJK character is about two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _layout(state: ViewState, order: list[str], window: Window, limits: Window, meta: dict) -> dict:
    """Return the timeline's layout: lanes, era bands, the window and how far it may pan."""
    return {
        "template": template(),
        "autosize": True,  # the page gives the timeline a fixed height: nothing jumps
        # The lanes' names fix the left margin: plotly's automargin would draw everything twice.
        "margin": {"l": _lane_margin(order), "r": 10, "t": 28, "b": 24},
        "dragmode": "pan",
        "hovermode": "closest",
        "showlegend": False,
        "shapes": _era_bands(meta["eras"]),
        "meta": meta,
        # A new window from the server (era button, dates, a fit) replaces the user's zoom;
        # the same data keeps plotly from redrawing marks when only the window moved.
        "uirevision": f"{state.lanes}|{window}",
        "datarevision": meta["data"],
        "xaxis": {
            "type": "date",
            "automargin": False,  # the template's True would draw the figure twice
            "range": list(window),
            "minallowed": limits[0],
            "maxallowed": limits[1],
        },
        "yaxis": {
            "tickvals": list(range(len(order))),
            "ticktext": [escape(o) for o in order],
            "range": [len(order) - 0.5, -0.5],
            "fixedrange": True,
            "automargin": False,
            "showgrid": True,
            "zeroline": False,
        },
    }


def view_window(record: Record, events: pd.DataFrame, state: ViewState) -> Window:
    """Return the window the timeline shows: the one chosen, else fitted to the events."""
    limits = bounds(record.events)
    return (state.start, state.end) if state.start and state.end else fit(events, limits)


def _data_key(state: ViewState, window: Window, aggregated: bool) -> str:
    # What the traces depend on: everything in the state but the window, unless the marks are
    # cut to the window or counted per period. Stable across server processes.
    key = replace(state, start=None, end=None)
    return hashlib.sha1(repr((key, window if aggregated else "")).encode()).hexdigest()[:16]


def timeline_figure(record: Record, events: pd.DataFrame, state: ViewState) -> dict:
    """Return the timeline of `events` with the lanes, colours, window and selection of `state`.

    Up to AGGREGATE_ABOVE marks every event is a mark; past that only the window's marks are
    sent, and when even those are too many, counts per lane and period stand in for them.
    """
    lang = language(state.lang)
    frame, order = _lanes(events, state.lanes, lang)
    window, limits = view_window(record, events, state), bounds(record.events)
    aggregated = len(frame) > AGGREGATE_ABOVE
    if aggregated:
        frame = in_window(frame, window, margin=0.5)
    index = frame["lane"].map({lane: i for i, lane in enumerate(order)}).astype(float)
    if len(frame) > AGGREGATE_ABOVE:
        frame = frame.assign(y=index)  # one row of cells per lane: no stacking to work out
        traces = [
            counts_trace(frame.assign(lane_index=index.astype(int)), len(order), window, lang)
        ]
    else:
        frame = frame.assign(y=_y(frame, index))
        traces = [_span_trace(frame), *_mark_traces(frame, record, state)]
    traces.append(_selected_trace(frame, state.event))
    eras = [{**e, "name": term("era", e["name"], lang)} for e in era_spans(record.eras, limits)]
    meta = {"eras": eras, "data": _data_key(state, window, aggregated)}
    return {"data": traces, "layout": _layout(state, order, window, limits, meta)}


def legend_items(record: Record, events: pd.DataFrame, state: ViewState) -> dict[str, list]:
    """Return the legend: what colour means (each group in view) and each kind's symbol."""
    _, colors = _colors(events, record, state.color)
    lang = language(state.lang)
    names = short_names(record.leaders, lang)
    label = (
        (lambda p: "–".join(names.get(n, n) for n in p.split(" – ")))
        if state.color == "pair"
        else (lambda e: term("era", e, lang) if e else translate("era.outside", lang))
    )
    kinds = [(k, vocabulary.term("kind", k)) for k in vocabulary.in_order("kind", events["kind"])]
    return {
        "color_by": term("color", state.color, lang).lower(),
        "colors": [{"label": label(g), "title": g, "color": c} for g, c in colors.items()],
        "symbols": [
            {"label": vocabulary.local_label("kind", k, lang), "symbol": t.symbol} for k, t in kinds
        ],
    }
