"""The partial plotly.js bundle in assets/vendor holds every trace type the figures use: the
first part what the shipped record's timeline draws, the later part the rest."""

from __future__ import annotations

import json
import re

import plotly.graph_objects as go
import pytest

from explorer import insight_figures, insights
from explorer.app.first_view import PLOTLY_START
from explorer.figure import WEBGL_THRESHOLD, timeline_figure
from explorer.figure_counts import AGGREGATE_ABOVE
from explorer.loader import load_dataset
from explorer.model import build_record
from explorer.paths import ASSETS_DIR, CHECKOUT
from explorer.state import ViewState
from explorer.synth import write_dataset

PARTS = {
    "start": ASSETS_DIR / "vendor" / "plotly-explorer.min.js",
    "later": ASSETS_DIR / "vendor" / "plotly-explorer.later.min.js",
}
LISTED = json.loads((CHECKOUT / "js" / "plotly" / "traces.json").read_text())
TRACES = [t for part in PARTS for t in LISTED[part]]


def types(fig) -> set[str]:
    data = fig["data"] if isinstance(fig, dict) else fig.to_plotly_json()["data"]
    return {t.get("type", "scatter") for t in data}


@pytest.mark.parametrize("part", PARTS)
def test_each_part_says_it_holds_the_listed_traces(part):
    banner = PARTS[part].read_text(encoding="utf-8")[:400]
    held = re.search(
        r"partial bundle: ([a-z0-9, ]+)\. This part \((\w+)\): ([a-z0-9, ]+)\.", banner
    )
    assert held and held[1].split(", ") == TRACES
    assert held[2] == part and held[3].split(", ") == LISTED[part]


def test_the_later_part_takes_plotlys_core_from_the_first():
    # No second registry or d3: every shared module is looked up in the first part's table.
    later = PARTS["later"].read_text(encoding="utf-8")
    assert "__plotlyExplorerShared" in later and "__plotlyExplorerShared" in PARTS[
        "start"
    ].read_text(encoding="utf-8")
    assert PARTS["later"].stat().st_size < PARTS["start"].stat().st_size


def test_the_page_knows_the_first_parts_traces():
    assert set(LISTED["start"]) == PLOTLY_START  # which figures fetch the later part at once


def test_the_shipped_timeline_needs_only_the_first_part(shipped):
    # The first draw never waits for the later part.
    for state in (ViewState(), ViewState(lanes="china"), ViewState(color="era")):
        assert types(timeline_figure(shipped, shipped.events, state)) <= set(LISTED["start"])


@pytest.mark.integration  # slow (subprocess, large figure or many files): make test
@pytest.mark.parametrize("n", [150, WEBGL_THRESHOLD + 1, AGGREGATE_ABOVE + 1])
def test_the_timeline_uses_only_bundled_traces(tmp_path, n):
    record = build_record(load_dataset(write_dataset(n, tmp_path / "synthetic")))
    assert types(timeline_figure(record, record.events, ViewState())) <= set(TRACES)


def test_the_insight_charts_use_only_bundled_traces(shipped):
    t = insights.tables(shipped.events, insights.capital_points(shipped.events))
    figures = [
        insight_figures.map_figure(t.places, t.arcs),
        insight_figures.tempo_figure(t.per_year, shipped.eras),
        insight_figures.pairs_figure(t.matrix),
        insight_figures.direction_figure(t.direction),
    ]
    for fig in figures:
        go.Figure(fig)
        assert types(fig) <= set(TRACES)
