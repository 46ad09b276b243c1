"""Insight figures are plain dicts that plotly's schema accepts and that clicks can read."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest

from explorer import filters, insight_figures, insights
from explorer.state import from_query

VIEWS = ["", "?q=nothing-matches", "?decade=1990s", "?kind=call"]
BUILDERS = ["map", "tempo", "pairs", "direction"]
PLAIN = (dict, list, str, int, float, bool, type(None))


def build(shipped, name: str, query: str) -> dict:
    """Return the named insight figure for the shipped record filtered by `query`."""
    events = filters.apply(shipped.events, from_query(query, filters.vocabulary(shipped)))
    t = insights.tables(events, insights.capital_points(shipped.events))
    return {
        "map": lambda: insight_figures.map_figure(t.places, t.arcs),
        "tempo": lambda: insight_figures.tempo_figure(t.per_year, shipped.eras),
        "pairs": lambda: insight_figures.pairs_figure(t.matrix),
        "direction": lambda: insight_figures.direction_figure(t.direction),
    }[name]()


def not_plain(value: object, path: str = "") -> list[str]:
    """Return the paths inside `value` that hold anything but plain JSON-able Python."""
    if type(value) not in PLAIN:  # exact types: numpy's float64 passes isinstance(float)
        return [f"{path}: {type(value).__name__}"]
    if isinstance(value, dict | list):
        children = value.items() if isinstance(value, dict) else enumerate(value)
        return [p for k, v in children for p in not_plain(v, f"{path}/{k}")]
    return []


@pytest.mark.parametrize("query", VIEWS)
@pytest.mark.parametrize("name", BUILDERS)
def test_figures_are_plain_dicts_that_plotly_accepts(shipped, name, query):
    fig = build(shipped, name, query)
    assert set(fig) == {"data", "layout"} and not_plain(fig) == []
    json.dumps(fig, allow_nan=False)  # no NaN: the browser's JSON.parse rejects it
    go.Figure(fig)  # raises on any property outside plotly's schema
    assert isinstance(fig["layout"]["template"], dict)  # a template name needs plotly.py
    assert isinstance(fig["layout"]["title"], dict)  # plotly.js 3+ drops bare string titles


def test_the_map_marks_carry_their_place(shipped):
    fig = build(shipped, "map", "")
    arcs, *points = fig["data"]
    assert arcs["type"] == "scattergeo" and arcs["mode"] == "lines"
    places = insights.places(shipped.events)
    assert sorted(c for t in points for c in t["customdata"]) == sorted(places["city"])


def test_the_tempo_bars_are_stacked_by_kind_over_whole_years(shipped):
    fig = build(shipped, "tempo", "")
    bars = [t for t in fig["data"] if t["type"] == "bar"]
    assert fig["layout"]["barmode"] == "stack" and fig["data"][-1]["type"] == "scatter"
    assert all(isinstance(x, int) for x in bars[0]["x"]) and bars[0]["x"][0] == 1949
    assert sum(sum(t["y"]) for t in bars) == len(shipped.events)
    assert len(fig["layout"]["shapes"]) == len(shipped.eras)


def test_the_pairs_heatmap_names_both_leaders(shipped):
    (heatmap,) = build(shipped, "pairs", "")["data"]
    assert heatmap["type"] == "heatmap" and "Xi Jinping" in heatmap["y"]
    assert "Vladimir Putin" in heatmap["x"]
    assert heatmap["colorscale"][0] == [0.0, "rgb(247,251,255)"]  # plotly.py's Blues


def test_the_direction_bars_carry_their_destination(shipped):
    fig = build(shipped, "direction", "")
    assert fig["layout"]["barmode"] == "group"
    for trace in fig["data"]:
        assert {insights.direction_host(c) for c in trace["customdata"]} <= set(insights.DIRECTIONS)
