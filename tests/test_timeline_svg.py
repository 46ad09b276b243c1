"""The server-side SVG timeline agrees with the plotly figure it is read from."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import datetime

import pytest

from explorer import figure as figure_module
from explorer.figure import timeline_figure
from explorer.filters import vocabulary
from explorer.timeline_svg import (
    MILESTONE,
    NOMINAL_WIDTH,
    milestones,
    page_svg,
    scene,
    standalone_svg,
    visible,
)
from explorer.view import open_view

QUERIES = ["", "lanes=china", "lanes=russia&decade=1990s", "lanes=host&color=era", "kind=call"]
QUERIES += ["from=1989-01-01&to=1999-12-31", "event=" + "x" * 3]


def _figure(record, query):
    view = open_view(record, vocabulary(record), query)
    return timeline_figure(record, view.timeline, view.state)


def _ms(day: str) -> float:
    return datetime.fromisoformat(day[:10]).timestamp() * 1000


def _figure_marks(fig):
    """Return (event, lane, date, y) of every mark in the figure, read independently."""
    return [
        (c[0], round(y), x, y)
        for t in fig["data"]
        if t.get("legendgroup") == "colour" and t["type"] != "heatmap"
        for x, y, c in zip(t["x"], t["y"], t["customdata"], strict=True)
    ]


@pytest.mark.parametrize("query", QUERIES)
def test_marks_per_lane_match_the_figure(shipped, query):
    fig = _figure(shipped, query)
    s = scene(fig)
    want = Counter(lane for _, lane, _, _ in _figure_marks(fig))
    assert Counter(m.lane for m in s.marks) == want
    assert s.events == len({e for e, *_ in _figure_marks(fig)})
    assert s.lanes == [t for t in fig["layout"]["yaxis"]["ticktext"]]
    drawn = Counter(re.findall(r'class="fv-mark"[^>]* data-lane="(\d+)"', page_svg(s)))
    assert {int(k): v for k, v in drawn.items()} == Counter(m.lane for m in visible(s.marks))


@pytest.mark.parametrize("query", QUERIES)
def test_positions_agree_with_the_figure(shipped, query):
    fig = _figure(shipped, query)
    s = scene(fig)
    t0, t1 = map(_ms, fig["layout"]["xaxis"]["range"])
    lanes = len(fig["layout"]["yaxis"]["ticktext"])
    for mark, (event, _, day, y) in zip(s.marks, _figure_marks(fig), strict=True):
        assert mark.event == event
        assert mark.x == pytest.approx(100 * (_ms(day) - t0) / (t1 - t0), abs=1e-6)
        assert mark.y == pytest.approx(100 * (y + 0.5) / lanes, abs=1e-6)
    svg = page_svg(s)
    for mark in visible(s.marks)[:40]:
        found = re.search(
            rf'x="([\d.]+)%" y="([\d.]+)%" fill="[^"]+" data-event="{mark.event}"', svg
        )
        assert found and float(found[1]) == pytest.approx(mark.x, abs=1e-3)


def test_window_keeps_only_its_marks(shipped):
    s = scene(_figure(shipped, "from=1989-01-01&to=1999-12-31"))
    shown = visible(s.marks)
    assert 0 < len(shown) < len(s.marks)
    assert all(0 <= m.x <= 100 for m in shown)


@pytest.mark.parametrize("query", QUERIES[:3])
def test_svg_files_are_well_formed_and_sized(shipped, query):
    s = scene(_figure(shipped, query))
    root = ET.fromstring(standalone_svg(s, 1000, 400))
    assert (root.get("width"), root.get("height"), root.get("data-events")) == (
        "1000",
        "400",
        str(s.events),
    )
    ET.fromstring(page_svg(s))


def test_milestone_labels_are_milestones_and_never_overlap(shipped):
    s = scene(_figure(shipped, ""))
    placed = milestones(s.marks)
    assert placed and all(m.rank >= MILESTONE and m.label for m, _, _ in placed)
    boxes = [
        (m.x / 100 * NOMINAL_WIDTH - len(t) * 3.1, m.y * 4 + dy, len(t) * 6.2, 14)
        for m, t, dy in placed
    ]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[0] + b[2] - 8 and b[0] < a[0] + a[2] - 8 and abs(a[1] - b[1]) < 14)


def test_counts_cells_stand_for_every_event(shipped, monkeypatch):
    monkeypatch.setattr(figure_module, "AGGREGATE_ABOVE", 50)
    fig = _figure(shipped, "")
    s = scene(fig)
    heatmap = next(t for t in fig["data"] if t["type"] == "heatmap")
    assert s.marks == [] and s.events == heatmap["meta"]["events"] == shipped.total
    assert len(s.cells) == sum(1 for row in heatmap["z"] for v in row if v)
    assert page_svg(s).count('class="fv-cell"') == len(s.cells)
