"""The timeline figure: marks, lanes, stacking, spans, eras, selection and relayout parsing."""

from __future__ import annotations

from itertools import pairwise

import plotly.graph_objects as go
import pytest

from explorer import filters
from explorer.figure import legend_items, pair_colors, timeline_figure
from explorer.loader import load_dataset
from explorer.model import build_record
from explorer.state import ViewState
from explorer.synth import write_dataset
from explorer.vocabulary import KINDS


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
            assert symbol == KINDS[kind].symbol
    span = fig.data[0]
    assert span.mode == "lines" and len(span.x) == 3  # one multi-day event: start, end, gap


def test_eras_are_bands_and_named_for_the_browser(mini):
    fig = figure(mini, mini.events, ViewState())
    assert len(fig.layout.shapes) == len(mini.eras)
    assert [e["name"] for e in fig.layout.meta["eras"]] == list(mini.eras["name"])
    assert fig.layout.meta["eras"][-1]["end"] == fig.layout.xaxis.maxallowed  # open era


def test_the_window_fits_the_events_unless_one_is_chosen(mini):
    fitted = figure(mini, mini.events, ViewState()).layout.xaxis
    first, last = mini.events["start_date"].min(), mini.events["end_date"].max()
    assert (
        fitted.range[0] < first.strftime("%Y-%m-%d") and last.strftime("%Y-%m-%d") < fitted.range[1]
    )
    assert fitted.minallowed <= fitted.range[0] and fitted.range[1] <= fitted.maxallowed
    xi = filters.apply(mini.events, ViewState(leaders=("Xi Jinping",)))
    narrow = figure(mini, xi, ViewState(leaders=("Xi Jinping",))).layout.xaxis.range
    assert "2012-01-01" < narrow[0] < "2013-03-22" and "2020-03-19" < narrow[1] < "2021-06-01"
    state = ViewState(start="2010-01-01", end="2014-01-01", event="2013-03-22-xi-putin-moscow")
    fig = figure(mini, mini.events, state)
    assert list(fig.layout.xaxis.range) == ["2010-01-01", "2014-01-01"]
    selected = next(t for t in fig.data if t.name == "selected")
    assert len(selected.x) == 1


def test_marks_carry_their_label_and_rank(mini):
    rows = {
        row[0]: row for t in marks(figure(mini, mini.events, ViewState())) for row in t.customdata
    }
    assert rows["2013-03-22-xi-putin-moscow"][5:] == ["Xi in Moscow", 3]
    assert rows["2020-03-19-xi-putin-call"][5:] == ["Xi–Putin call", 0]


@pytest.mark.parametrize("color", ["pair", "era"])
def test_one_marks_trace_coloured_as_the_legend_says(mini, color):
    fig = figure(mini, mini.events, ViewState(color=color))
    legend = legend_items(mini, mini.events, ViewState(color=color))
    (trace,) = marks(fig)
    group = mini.events.set_index("id")[color].fillna("")
    swatch = {c["title"]: c["color"] for c in legend["colors"]}
    assert set(swatch) == set(group)
    assert [swatch[group[c[0]]] for c in trace.customdata] == list(trace.marker.color)
    assert {s["label"] for s in legend["symbols"]} == {"Visit", "Summit", "Multilateral", "Call"}
    assert all(not t.showlegend for t in fig.data)  # the page draws its own compact legend


def test_pairs_that_follow_each_other_get_different_colours(shipped):
    colors = pair_colors(shipped.events)
    first = shipped.events.sort_values("start_date")["pair"].drop_duplicates().tolist()
    assert all(colors[a] != colors[b] for a, b in pairwise(first))
    assert "#9a9a9a" not in colors.values()  # no pair is left grey, in any era


def test_empty_view_still_builds(mini):
    empty = filters.apply(mini.events, ViewState(q="nothing matches this"))
    assert marks(figure(mini, empty, ViewState())) == []


def test_text_is_escaped_for_plotly(mini):
    events = mini.events.assign(title="A & B <b>")
    fig = figure(mini, events, ViewState())
    assert marks(fig)[0].customdata[0][1] == "A &amp; B &lt;b&gt;"


@pytest.mark.parametrize(("n", "kind"), [(150, "scatter"), (2500, "scattergl")])
def test_marks_switch_to_webgl_for_large_views(tmp_path, n, kind):
    record = build_record(load_dataset(write_dataset(n, tmp_path / "synthetic")))
    fig = figure(record, record.events, ViewState())
    colour = [t for t in fig.data if t.legendgroup == "colour"]
    assert {t.type for t in colour} == {kind}
    assert sum(len(t.customdata) for t in colour) == n
