"""Counts per lane and period: when they replace marks, what they add up to, cell clicks."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest

from explorer.figure import timeline_figure
from explorer.figure_counts import AGGREGATE_ABOVE, period_of, window_from_cell
from explorer.loader import load_dataset
from explorer.model import KIND_LABELS, build_record
from explorer.state import ViewState
from explorer.synth import write_dataset

N = AGGREGATE_ABOVE + 1500
FULL = ("1949-01-01", "2026-06-30")


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    return build_record(load_dataset(write_dataset(N, tmp_path_factory.mktemp("large"))))


def kinds(fig: dict) -> set[str]:
    return {t["type"] for t in fig["data"] if t.get("legendgroup") == "colour"}


@pytest.mark.integration  # slow (subprocess, large figure or many files): make test
def test_a_large_view_is_drawn_as_counts_that_add_up(large):
    fig = timeline_figure(large, large.events, ViewState())
    go.Figure(fig)  # valid against plotly.js's schema
    assert kinds(fig) == {"heatmap"}
    counts = fig["data"][0]
    assert counts["meta"]["events"] == N
    lanes = large.events["kind"].map(KIND_LABELS).value_counts()  # lanes by kind, the default
    per_lane = [sum(v or 0 for v in row) for row in counts["z"]]
    ticks = fig["layout"]["yaxis"]["ticktext"]
    assert dict(zip(ticks, per_lane, strict=True)) == lanes.to_dict()
    assert len(json.dumps(fig)) < 200_000  # does not grow with the events


def test_zooming_in_brings_back_the_marks_of_the_window_only(large):
    state = ViewState(start="1990-01-01", end="1991-12-31")
    fig = timeline_figure(large, large.events, state)
    go.Figure(fig)
    marks = [t for t in fig["data"] if t.get("legendgroup") == "colour"]
    assert {t["type"] for t in marks} <= {"scatter", "scattergl"}
    days = [x for t in marks for x in t["x"]]
    assert days and min(days) >= "1989-01-01" and max(days) <= "1992-12-31"  # window ± half
    assert len(days) < len(large.events)


def test_a_small_view_keeps_every_mark(large):
    few = large.events.head(AGGREGATE_ABOVE)
    fig = timeline_figure(large, few, ViewState())
    ids = {c[0] for t in fig["data"] if t.get("legendgroup") == "colour" for c in t["customdata"]}
    assert ids == set(few["id"])


@pytest.mark.parametrize(
    ("window", "period"),
    [
        (("1949-01-01", "2026-06-30"), "year"),
        (("2000-01-01", "2016-01-01"), "year"),
        (("2000-01-01", "2010-01-01"), "month"),
        (("2000-01-01", "2001-03-01"), "month"),
        (("2000-01-01", "2000-06-01"), "day"),
    ],
)
def test_period_follows_the_window(window, period):
    assert period_of(window)[1] == period


@pytest.mark.parametrize(
    ("point", "window", "period"),
    [
        ({"x": "1999-07-02", "z": 3}, FULL, ("1999-01-01", "1999-12-31")),
        (
            {"x": "2001-02-14 12:00", "z": 4},
            ("2000-01-01", "2005-01-01"),
            ("2001-02-01", "2001-02-28"),
        ),
        ({"x": "2001-02-14", "z": 1.0}, ("2001-01-01", "2001-03-01"), ("2001-02-14", "2001-02-14")),
        ({"x": "1999-07-02", "customdata": ["id", "title"]}, FULL, None),  # a mark: no z
        ({"x": "garbage", "z": 3}, FULL, None),
        ({"x": 1999, "z": 3}, FULL, None),
        ({"x": "1999-07-02", "z": True}, FULL, None),
        ({}, FULL, None),
    ],
)
def test_window_from_cell(point, window, period):
    assert window_from_cell(point, window) == period


@pytest.mark.parametrize("lanes", ["kind", "china", "russia", "host"])
def test_counts_name_each_event_once_whatever_the_lanes(large, lanes):
    fig = timeline_figure(large, large.events, ViewState(lanes=lanes))
    assert fig["data"][0]["meta"]["events"] == N
    assert sum(v or 0 for row in fig["data"][0]["z"] for v in row) >= N  # leaders may share one
