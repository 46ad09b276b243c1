"""The timeline figure: marks, lanes, stacking, spans, eras, selection and relayout parsing."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from explorer import filters
from explorer.figure import FULL_RANGE, KIND_SYMBOLS, timeline_figure, window_from_relayout
from explorer.loader import load_dataset
from explorer.model import build_record
from explorer.state import ViewState
from explorer.synth import write_dataset


def figure(record, events, state):
    # go.Figure validates every property against plotly.js's schema: the app skips that.
    return go.Figure(timeline_figure(record, events, state))


def marks(fig):
    return [t for t in fig.data if t.mode == "markers" and t.customdata is not None and len(t.x)]


def test_every_event_is_a_mark_with_its_id(mini):
    fig = figure(mini, mini.events, ViewState())
    ids = [row[0] for t in marks(fig) for row in t.customdata]
    assert sorted(ids) == sorted(mini.events["id"])


@pytest.mark.parametrize(
    ("lanes", "ticks"),
    [
        ("kind", ["Visit", "Summit", "Multilateral", "Call"]),
        ("china", ["Deng Xiaoping", "Xi Jinping"]),
        ("russia", ["Mikhail Gorbachev", "Vladimir Putin"]),
        ("host", ["China", "USSR / Russia", "Virtual"]),
    ],
)
def test_lanes(mini, lanes, ticks):
    fig = figure(mini, mini.events, ViewState(lanes=lanes))
    assert list(fig.layout.yaxis.ticktext) == ticks


def test_same_day_events_do_not_overlap(mini):
    fig = figure(mini, mini.events, ViewState())
    points = [(x, y) for t in marks(fig) for x, y in zip(t.x, t.y, strict=True)]
    assert len(points) == len(set(points))


def test_symbols_follow_kind_and_spans_cover_multi_day_events(mini):
    fig = figure(mini, mini.events, ViewState())
    for trace in marks(fig):
        kinds = {row[0]: k for row, k in zip(trace.customdata, trace.marker.symbol, strict=True)}
        for event_id, symbol in kinds.items():
            kind = mini.events.set_index("id").loc[event_id, "kind"]
            assert symbol == KIND_SYMBOLS[kind]
    span = fig.data[0]
    assert span.mode == "lines" and len(span.x) == 3  # one multi-day event: start, end, gap


def test_eras_are_bands_labels_and_buttons(mini):
    fig = figure(mini, mini.events, ViewState())
    assert len(fig.layout.shapes) == len(mini.eras)
    assert [a.text for a in fig.layout.annotations] == list(mini.eras["name"])
    labels = [b.label for b in fig.layout.updatemenus[0].buttons]
    assert labels == ["All", *mini.eras["name"]]


def test_window_and_selection(mini):
    state = ViewState(start="2010-01-01", end="2014-01-01", event="2013-03-22-xi-putin-moscow")
    fig = figure(mini, mini.events, state)
    assert list(fig.layout.xaxis.range) == ["2010-01-01", "2014-01-01"]
    selected = next(t for t in fig.data if t.name == "selected")
    assert len(selected.x) == 1
    assert list(figure(mini, mini.events, ViewState()).layout.xaxis.range) == list(FULL_RANGE)


def test_colour_by_pair_has_a_legend_entry_per_pair(mini):
    fig = figure(mini, mini.events, ViewState(color="pair"))
    names = {t.name for t in marks(fig)}
    assert names == {"Deng Xiaoping – Mikhail Gorbachev", "Xi Jinping – Vladimir Putin"}


def test_empty_view_still_builds(mini):
    empty = filters.apply(mini.events, ViewState(q="nothing matches this"))
    assert marks(figure(mini, empty, ViewState())) == []


def test_text_is_escaped_for_plotly(mini):
    events = mini.events.assign(title="A & B <b>")
    fig = figure(mini, events, ViewState())
    assert marks(fig)[0].customdata[0][1] == "A &amp; B &lt;b&gt;"


@pytest.mark.parametrize(
    ("relayout", "window"),
    [
        (
            {"xaxis.range[0]": "2010-03-04 12:00:00.5", "xaxis.range[1]": "2012-01-01"},
            ("2010-03-04", "2012-01-01"),
        ),
        ({"xaxis.range": ["2001-01-01", "2002-06-30"]}, ("2001-01-01", "2002-06-30")),
        ({"xaxis.autorange": True}, (None, None)),
        ({"xaxis.range": list(FULL_RANGE)}, (None, None)),
        ({"autosize": True}, None),
        ({"xaxis.range": ["garbage", 5]}, None),
        (None, None),
    ],
)
def test_window_from_relayout(relayout, window):
    assert window_from_relayout(relayout) == window


@pytest.mark.parametrize(("n", "kind"), [(150, "scatter"), (2500, "scattergl")])
def test_marks_switch_to_webgl_for_large_views(tmp_path, n, kind):
    record = build_record(load_dataset(write_dataset(n, tmp_path / "synthetic")))
    fig = figure(record, record.events, ViewState())
    colour = [t for t in fig.data if t.legendgroup == "colour"]
    assert {t.type for t in colour} == {kind}
    assert sum(len(t.customdata) for t in colour) == n
