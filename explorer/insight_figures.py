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
from explorer.i18n import translate
from explorer.theme import PALETTE, era_band
from explorer.vocabulary import HOSTS, labels, local_label, term

SIDE_COLORS = {t.label: t.color for t in HOSTS.values()}
HOST_CODES = {t.label: code for code, t in HOSTS.items()}  # side label -> host group
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


def _arc_trace(arcs: pd.DataFrame, lang: str = "en") -> dict:
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
        "name": translate("chart.arcs", lang),
    }


def _hover(city: str, count: int, titles: list[str], lang: str = "en") -> str:
    """Return a map point's hover text: the city, its count and the first titles, escaped."""
    listed = "<br>".join(escape(t) for t in titles[:HOVER_TITLES])
    more = "<br>…" if len(titles) > HOVER_TITLES else ""
    events = escape(translate("chart.n_events", lang, count=count))
    return f"<b>{escape(local_label('city', city, lang))}</b> · {events}<br>{listed}{more}"


def _place_trace(part: pd.DataFrame, side: str, color: str, lang: str = "en") -> dict:
    """Return one host side's meeting places as markers sized by their number of events."""
    cities, counts = part["city"].tolist(), part["events"].tolist()
    host = local_label("host", HOST_CODES.get(side, side), lang)
    return {
        "type": "scattergeo",
        "lat": part["latitude"].tolist(),
        "lon": part["longitude"].tolist(),
        "mode": "markers",
        "name": f"{translate('filters.host', lang)}: {host}",
        "marker": {
            "size": [6 + 3 * n**0.5 for n in counts],
            "color": color,
            "line": {"width": 1, "color": theme.MARK_OUTLINE},
        },
        "customdata": cities,  # the map click filters by this place
        "hovertext": [
            _hover(c, n, ts, lang) for c, n, ts in zip(cities, counts, part["titles"], strict=True)
        ],
        "hoverinfo": "text",
    }


def map_figure(places: pd.DataFrame, arcs: pd.DataFrame, lang: str = "en") -> dict:
    """Return meeting places sized by count and coloured by host side, with visit arcs."""
    traces = [_arc_trace(arcs, lang)]
    for side, color in SIDE_COLORS.items():
        part = places[places["side"] == side]
        if not part.empty:
            traces.append(_place_trace(part, side, color, lang))
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
    return {"data": traces, "layout": _layout(translate("chart.map", lang), legend=legend, geo=geo)}


def _era_bands(eras: pd.DataFrame, last_year: int) -> list[dict]:
    """Return one faint background band per era, over whole years."""
    return [
        era_band(era.start.year - 0.5, (era.end.year if pd.notna(era.end) else last_year) + 0.5, i)
        for i, era in enumerate(eras.itertuples(index=False))
    ]


def tempo_figure(per_year: pd.DataFrame, eras: pd.DataFrame, lang: str = "en") -> dict:
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
        for kind, label in labels("kind", per_year.columns.drop(TOTALS), lang).items()
    ]
    cumulative = {
        "type": "scatter",
        "x": years,
        "y": per_year["cumulative"].tolist(),
        "name": translate("chart.cumulative", lang),
        "yaxis": "y2",
        "mode": "lines",
        "line": {"color": theme.CUMULATIVE_LINE, "width": 1.5},
    }
    layout = _layout(
        translate("chart.tempo", lang),
        barmode="stack",
        shapes=_era_bands(eras, years[-1]),
        yaxis={"title": {"text": translate("chart.events", lang)}},
        legend={"orientation": "h", "y": -0.15},
        yaxis2={
            "title": {"text": translate("chart.cumulative", lang)},
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            "rangemode": "tozero",
        },
    )
    return {"data": [*traces, cumulative], "layout": layout}


def pairs_figure(matrix: pd.DataFrame, lang: str = "en") -> dict:
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
        translate("chart.pairs", lang),
        height=190 + 24 * max(1, len(matrix)),
        margin={"l": 10, "r": 10, "t": 150, "b": 10},  # room for the rotated names
        xaxis={"side": "top", "tickangle": -40},
        yaxis={"autorange": "reversed"},
    )
    return {"data": [heatmap], "layout": layout}


def direction_figure(direction: pd.DataFrame, lang: str = "en") -> dict:
    """Return in-person meetings per era by destination as grouped bars."""
    colors = (PALETTE[0], PALETTE[5], PALETTE[2])
    eras = [str(e) for e in direction.index]
    traces = [
        {
            "type": "bar",
            "x": eras,
            "y": direction[c].tolist(),
            "name": local_label("column", c, lang),
            "marker": {"color": color},
            "customdata": [c] * len(direction),  # the direction click reads the destination
            "hovertemplate": "%{x}: %{y} · "
            + escape(local_label("column", c, lang))
            + "<extra></extra>",
        }
        for c, color in zip(direction.columns, colors, strict=True)
    ]
    layout = _layout(
        translate("chart.direction", lang),
        barmode="group",
        # The bars keep the era names the click filters by; the axis shows them in `lang`.
        xaxis={"tickvals": eras, "ticktext": [local_label("era", e, lang) for e in eras]},
        legend={"orientation": "h", "y": -0.25},
        yaxis={"title": {"text": translate("chart.meetings", lang)}},
    )
    return {"data": traces, "layout": layout}
