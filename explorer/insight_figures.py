"""Figures for the insights: map, tempo, leader pairs and direction, built from insights tables."""

from __future__ import annotations

from html import escape

import pandas as pd
import plotly.graph_objects as go

from explorer.figure import PALETTE
from explorer.model import HOST_GROUP_LABELS, KIND_LABELS

SIDE_COLORS = dict(
    zip(HOST_GROUP_LABELS.values(), (PALETTE[5], PALETTE[0], PALETTE[2], PALETTE[3]), strict=True)
)
KIND_COLORS = dict(zip(KIND_LABELS, PALETTE, strict=False))
BASE = {"template": "plotly_white", "margin": {"l": 10, "r": 10, "t": 40, "b": 10}, "height": 380}


def map_figure(places: pd.DataFrame, arcs: pd.DataFrame) -> go.Figure:
    """Return meeting places sized by count and coloured by host side, with visit arcs."""
    lats: list = []
    lons: list = []
    for row in arcs.itertuples(index=False):
        lats += [row.from_lat, row.to_lat, None]
        lons += [row.from_lon, row.to_lon, None]
    traces: list = [
        go.Scattergeo(
            lat=lats,
            lon=lons,
            mode="lines",
            hoverinfo="skip",
            line={"width": 1, "color": "rgba(80,80,80,0.35)"},
            name="visit (capital → venue)",
        )
    ]
    for side, color in SIDE_COLORS.items():
        part = places[places["side"] == side]
        if part.empty:
            continue
        hover = [
            f"<b>{escape(c)}</b> · {n} event(s)<br>"
            + "<br>".join(escape(t) for t in ts[:8])
            + ("<br>…" if len(ts) > 8 else "")
            for c, n, ts in zip(part["city"], part["events"], part["titles"], strict=True)
        ]
        traces.append(
            go.Scattergeo(
                lat=part["latitude"].tolist(),
                lon=part["longitude"].tolist(),
                mode="markers",
                name=f"host: {side}",
                marker={
                    "size": (6 + 3 * part["events"] ** 0.5).tolist(),
                    "color": color,
                    "line": {"width": 1, "color": "white"},
                },
                customdata=part["city"].tolist(),
                hovertext=hover,
                hoverinfo="text",
            )
        )
    fig = go.Figure(traces)
    fig.update_layout(
        **BASE,
        title="Where they met",
        legend={"orientation": "h", "y": -0.05},
        geo={
            "projection": {"type": "natural earth"},
            "showcountries": True,
            "countrycolor": "#ccc",
            "landcolor": "#f2f2ee",
            "showland": True,
            "lataxis": {"range": [-45, 75]},
            "lonaxis": {"range": [-100, 160]},
        },
    )
    return fig


def tempo_figure(per_year: pd.DataFrame, eras: pd.DataFrame) -> go.Figure:
    """Return events per year as bars stacked by kind, the cumulative count and era bands."""
    years = per_year.index.tolist()
    traces: list = [
        go.Bar(
            x=years,
            y=per_year[kind].tolist(),
            name=label,
            marker_color=KIND_COLORS[kind],
            customdata=years,
            hovertemplate=f"%{{x}}: %{{y}} {label.lower()}<extra></extra>",
        )
        for kind, label in KIND_LABELS.items()
    ]
    traces.append(
        go.Scatter(
            x=years,
            y=per_year["cumulative"].tolist(),
            name="cumulative",
            yaxis="y2",
            mode="lines",
            line={"color": "#444", "width": 1.5},
        )
    )
    shapes = [
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": era.start.year - 0.5,
            "x1": (era.end.year if pd.notna(era.end) else years[-1]) + 0.5,
            "y0": 0,
            "y1": 1,
            "fillcolor": PALETTE[i % len(PALETTE)],
            "opacity": 0.07,
            "line": {"width": 0},
            "layer": "below",
        }
        for i, era in enumerate(eras.itertuples(index=False))
    ]
    fig = go.Figure(traces)
    fig.update_layout(
        **BASE,
        title="Tempo: events per year",
        barmode="stack",
        shapes=shapes,
        yaxis={"title": "events"},
        legend={"orientation": "h", "y": -0.15},
        yaxis2={
            "title": "cumulative",
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            "rangemode": "tozero",
        },
    )
    return fig


def pairs_figure(matrix: pd.DataFrame) -> go.Figure:
    """Return the Chinese × Soviet/Russian leader matrix of meeting counts as a heatmap."""
    fig = go.Figure(
        go.Heatmap(
            z=matrix.to_numpy().tolist(),
            x=list(matrix.columns),
            y=list(matrix.index),
            colorscale="Blues",
            hovertemplate="%{y} & %{x}: %{z}<extra></extra>",
            xgap=1,
            ygap=1,
            text=[[v or "" for v in row] for row in matrix.to_numpy().tolist()],
            texttemplate="%{text}",
            showscale=False,
        )
    )
    fig.update_layout(
        **BASE
        | {
            "height": 190 + 24 * max(1, len(matrix)),
            "margin": {"l": 10, "r": 10, "t": 150, "b": 10},  # room for the rotated names
        },
        title="Leader pairs: events together",
        xaxis={"side": "top", "tickangle": -40},
        yaxis={"autorange": "reversed"},
    )
    return fig


def direction_figure(direction: pd.DataFrame) -> go.Figure:
    """Return in-person meetings per era by destination as grouped bars."""
    colors = (PALETTE[0], PALETTE[5], PALETTE[2])
    traces = [
        go.Bar(
            x=list(direction.index),
            y=direction[c].tolist(),
            name=c,
            marker_color=color,
            customdata=[c] * len(direction),
            hovertemplate="%{x}: %{y} · " + escape(c) + "<extra></extra>",
        )
        for c, color in zip(direction.columns, colors, strict=True)
    ]
    fig = go.Figure(traces)
    fig.update_layout(
        **BASE,
        title="Who went to whom, per era",
        barmode="group",
        legend={"orientation": "h", "y": -0.25},
        yaxis={"title": "meetings"},
    )
    return fig
