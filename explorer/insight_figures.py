"""Figures for the insights: map, tempo, leader pairs and direction, built from insights tables.

Each builder returns a plain plotly figure dict ({"data": [...], "layout": {...}}) that Dash
sends as-is: plotly.graph_objects would validate every property on every callback, which cost
more than the tables themselves. Values are plain Python lists, never numpy arrays, so they
serialise and come back in clickData unchanged. The tests wrap each dict in go.Figure to check
it against plotly's schema.
"""

from __future__ import annotations

from html import escape

import pandas as pd
from plotly.colors import make_colorscale, sequential

from explorer import theme
from explorer.figure import template
from explorer.theme import PALETTE, era_band
from explorer.vocabulary import HOSTS, labels, term

SIDE_COLORS = {t.label: t.color for t in HOSTS.values()}
TOTALS = ["total", "cumulative"]  # per_year's columns after one per kind
MARGIN = {"l": 10, "r": 10, "t": 40, "b": 10}
HEIGHT = 380
HOVER_TITLES = 8  # titles listed in a map point's hover text
# plotly.py's "Blues", spelled out: plotly.js has its own, different scale under that name.
BLUES = make_colorscale(sequential.Blues)


def _layout(title: str, **layout: object) -> dict:
    """Return the layout shared by the insight charts, with `title` and `layout` on top."""
    return {
        "template": template(),
        "margin": MARGIN,
        "height": HEIGHT,
        "title": {"text": title},  # plotly.js 3+ takes no bare string title
        **layout,
    }


def _arc_trace(arcs: pd.DataFrame) -> dict:
    """Return every visit route as one line trace, routes separated by gaps (None)."""
    lats: list = []
    lons: list = []
    ends = (arcs[c].tolist() for c in ("from_lat", "from_lon", "to_lat", "to_lon"))
    for from_lat, from_lon, to_lat, to_lon in zip(*ends, strict=True):
        lats += [from_lat, to_lat, None]
        lons += [from_lon, to_lon, None]
    return {
        "type": "scattergeo",
        "lat": lats,
        "lon": lons,
        "mode": "lines",
        "hoverinfo": "skip",
        "line": {"width": 1, "color": theme.ARC_LINE},
        "name": "visit (capital → venue)",
    }


def _hover(city: str, count: int, titles: list[str]) -> str:
    """Return a map point's hover text: the city, its count and the first titles, escaped."""
    listed = "<br>".join(escape(t) for t in titles[:HOVER_TITLES])
    more = "<br>…" if len(titles) > HOVER_TITLES else ""
    return f"<b>{escape(city)}</b> · {count} event(s)<br>{listed}{more}"


def _place_trace(part: pd.DataFrame, side: str, color: str) -> dict:
    """Return one host side's meeting places as markers sized by their number of events."""
    cities, counts = part["city"].tolist(), part["events"].tolist()
    return {
        "type": "scattergeo",
        "lat": part["latitude"].tolist(),
        "lon": part["longitude"].tolist(),
        "mode": "markers",
        "name": f"host: {side}",
        "marker": {
            "size": [6 + 3 * n**0.5 for n in counts],
            "color": color,
            "line": {"width": 1, "color": theme.MARK_OUTLINE},
        },
        "customdata": cities,  # the map click filters by this place
        "hovertext": [
            _hover(c, n, ts) for c, n, ts in zip(cities, counts, part["titles"], strict=True)
        ],
        "hoverinfo": "text",
    }


def map_figure(places: pd.DataFrame, arcs: pd.DataFrame) -> dict:
    """Return meeting places sized by count and coloured by host side, with visit arcs."""
    traces = [_arc_trace(arcs)]
    for side, color in SIDE_COLORS.items():
        part = places[places["side"] == side]
        if not part.empty:
            traces.append(_place_trace(part, side, color))
    geo = {
        "projection": {"type": "natural earth"},
        "showcountries": True,
        "countrycolor": theme.COUNTRY_LINE,
        "landcolor": theme.LAND,
        "showland": True,
        "lataxis": {"range": [-45, 75]},
        "lonaxis": {"range": [-100, 160]},
    }
    legend = {"orientation": "h", "y": -0.05}
    return {"data": traces, "layout": _layout("Where they met", legend=legend, geo=geo)}


def _era_bands(eras: pd.DataFrame, last_year: int) -> list[dict]:
    """Return one faint background band per era, over whole years."""
    return [
        era_band(era.start.year - 0.5, (era.end.year if pd.notna(era.end) else last_year) + 0.5, i)
        for i, era in enumerate(eras.itertuples(index=False))
    ]


def tempo_figure(per_year: pd.DataFrame, eras: pd.DataFrame) -> dict:
    """Return events per year as bars stacked by kind, the cumulative count and era bands."""
    years = per_year.index.tolist()  # plain ints: the tempo click reads x as a year
    traces = [
        {
            "type": "bar",
            "x": years,
            "y": per_year[kind].tolist(),
            "name": label,
            "marker": {"color": term("kind", kind).color},
            "customdata": years,
            "hovertemplate": f"%{{x}}: %{{y}} {label.lower()}<extra></extra>",
        }
        for kind, label in labels("kind", per_year.columns.drop(TOTALS)).items()
    ]
    cumulative = {
        "type": "scatter",
        "x": years,
        "y": per_year["cumulative"].tolist(),
        "name": "cumulative",
        "yaxis": "y2",
        "mode": "lines",
        "line": {"color": theme.CUMULATIVE_LINE, "width": 1.5},
    }
    layout = _layout(
        "Tempo: events per year",
        barmode="stack",
        shapes=_era_bands(eras, years[-1]),
        yaxis={"title": {"text": "events"}},
        legend={"orientation": "h", "y": -0.15},
        yaxis2={
            "title": {"text": "cumulative"},
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            "rangemode": "tozero",
        },
    )
    return {"data": [*traces, cumulative], "layout": layout}


def pairs_figure(matrix: pd.DataFrame) -> dict:
    """Return the Chinese × Soviet/Russian leader matrix of meeting counts as a heatmap."""
    z = matrix.to_numpy().tolist()
    heatmap = {
        "type": "heatmap",
        "z": z,
        "x": [str(c) for c in matrix.columns],  # the pairs click reads both names
        "y": [str(i) for i in matrix.index],
        "colorscale": BLUES,
        "hovertemplate": "%{y} & %{x}: %{z}<extra></extra>",
        "xgap": 1,
        "ygap": 1,
        "text": [[v or "" for v in row] for row in z],
        "texttemplate": "%{text}",
        "showscale": False,
    }
    layout = _layout(
        "Leader pairs: events together",
        height=190 + 24 * max(1, len(matrix)),
        margin={"l": 10, "r": 10, "t": 150, "b": 10},  # room for the rotated names
        xaxis={"side": "top", "tickangle": -40},
        yaxis={"autorange": "reversed"},
    )
    return {"data": [heatmap], "layout": layout}


def direction_figure(direction: pd.DataFrame) -> dict:
    """Return in-person meetings per era by destination as grouped bars."""
    colors = (PALETTE[0], PALETTE[5], PALETTE[2])
    eras = [str(e) for e in direction.index]
    traces = [
        {
            "type": "bar",
            "x": eras,
            "y": direction[c].tolist(),
            "name": c,
            "marker": {"color": color},
            "customdata": [c] * len(direction),  # the direction click reads the destination
            "hovertemplate": "%{x}: %{y} · " + escape(c) + "<extra></extra>",
        }
        for c, color in zip(direction.columns, colors, strict=True)
    ]
    layout = _layout(
        "Who went to whom, per era",
        barmode="group",
        legend={"orientation": "h", "y": -0.25},
        yaxis={"title": {"text": "meetings"}},
    )
    return {"data": traces, "layout": layout}
