"""What each user action does to the view state (explorer.app.actions), without a browser."""

from __future__ import annotations

import pytest

from explorer.app import ids
from explorer.app.actions import control_values, next_state, state_from_controls
from explorer.filters import vocabulary
from explorer.state import ViewState

GIVEN = {"values": None, "click": None, "window": None, "cell": None, "charts": {}, "twin": None}
WINDOW = {"start": "2001-01-01", "end": "2003-01-01"}


def test_controls_round_trip():
    state = ViewState(
        leaders=("Xi Jinping",),
        decades=("2010s",),
        in_abstract=True,
        q="gas",
        lanes="host",
        color="era",
        start="2010-01-01",
        end="2012-12-31",
        event="x",
        leaders_combine="all",
    )
    values = control_values(state)
    assert values[ids.CONTROLS.index(ids.ABSTRACT)] == ["1"]
    assert values[ids.CONTROLS.index(ids.DATE_FROM)] == "2010-01-01"
    assert state_from_controls(state, values) == state
    cleared = [[] if isinstance(v, list) else v for v in values]
    assert state_from_controls(state, cleared).in_abstract is False


@pytest.mark.parametrize(
    ("control", "value", "keeps_window"),
    [
        (ids.LEADERS, ["Xi Jinping"], False),  # a new filter refits the window to its events
        (ids.SEARCH, "gas", False),
        (ids.LANES, "host", True),  # lanes and colours are not filters
        (ids.COLOR, "era", True),
    ],
)
def test_a_filter_change_refits_the_window(control, value, keeps_window):
    state = ViewState(start="2001-01-01", end="2003-01-01")
    values = control_values(state)
    values[ids.CONTROLS.index(control)] = value
    new = state_from_controls(state, values)
    assert (new.start, new.end) == (("2001-01-01", "2003-01-01") if keeps_window else (None, None))


CASES = [
    (
        "timeline.clickData",
        None,
        {"click": {"points": [{"customdata": ["2020-03-19-xi-putin-call", "t"]}]}},
        ViewState(),
        ViewState(event="2020-03-19-xi-putin-call"),
    ),
    (
        "timeline.clickData",
        None,
        {"click": {"points": [{"x": 1}]}},
        ViewState(event="2020-03-19-xi-putin-call"),
        ViewState(event="2020-03-19-xi-putin-call"),
    ),
    (
        "cell-pick.data",
        None,
        {"cell": {"rowId": "1989-05-16-deng-gorbachev"}},
        ViewState(),
        ViewState(event="1989-05-16-deng-gorbachev"),
    ),
    (
        "event-next.n_clicks",
        None,
        {},
        ViewState(kinds=("visit", "summit")),
        ViewState(kinds=("visit", "summit"), event="1989-05-16-deng-gorbachev"),
    ),
    (
        "event-next.n_clicks",
        None,
        {},
        ViewState(kinds=("visit", "summit"), event="1989-05-16-deng-gorbachev"),
        ViewState(kinds=("visit", "summit"), event="2013-03-22-xi-putin-moscow"),
    ),
    (
        "event-prev.n_clicks",
        None,
        {},
        ViewState(kinds=("call",)),
        ViewState(kinds=("call",), event="2020-03-19-xi-putin-call"),
    ),
    ("event-close.n_clicks", None, {}, ViewState(event="2020-03-19-xi-putin-call"), ViewState()),
    # Reset returns to every event, fitted: the window goes too.
    (
        "filter-reset.n_clicks",
        None,
        {},
        ViewState(q="x", lanes="host", start="2001-01-01", end="2003-01-01"),
        ViewState(lanes="host"),
    ),
    (
        "window-fit.n_clicks",
        None,
        {},
        ViewState(kinds=("call",), start="2001-01-01", end="2003-01-01"),
        ViewState(kinds=("call",)),
    ),
    # A zoom or pan gesture ends: its window is the view's.
    (
        "timeline-window.data",
        None,
        {"window": WINDOW},
        ViewState(),
        ViewState(start="2001-01-01", end="2003-01-01"),
    ),
    (
        "timeline-window.data",
        None,
        {"window": {"start": "2010-03-04 12:00:00.5", "end": "2012-01-01"}},
        ViewState(),
        ViewState(start="2010-03-04", end="2012-01-01"),
    ),
    (
        "timeline-window.data",
        None,
        {"window": {"reset": True}},
        ViewState(start="2001-01-01", end="2003-01-01"),
        ViewState(),
    ),
    (
        "timeline-window.data",
        None,
        {"window": {"start": "garbage", "end": 5}},
        ViewState(),
        ViewState(),
    ),
    ("timeline-window.data", None, {"window": ["not", "a", "dict"]}, ViewState(), ViewState()),
    (
        '{"attr":"kinds","type":"chip","value":"call"}.n_clicks',
        {"type": "chip", "attr": "kinds", "value": "call"},
        {},
        ViewState(kinds=("visit", "call")),
        ViewState(kinds=("visit",)),
    ),
    (
        '{"attr":"start","type":"chip","value":"2001-01-01"}.n_clicks',
        {"type": "chip", "attr": "start", "value": "2001-01-01"},
        {},
        ViewState(start="2001-01-01", end="2003-01-01"),
        ViewState(),
    ),
    (
        '{"name":"Normalisation","type":"era-button"}.n_clicks',
        {"type": "era-button", "name": "Normalisation"},
        {},
        ViewState(),
        ViewState(start="1989-05-16", end="2001-07-15"),
    ),
    (
        '{"name":"Nope","type":"era-button"}.n_clicks',
        {"type": "era-button", "name": "Nope"},
        {},
        ViewState(),
        ViewState(),
    ),
    # A chosen event outside the window brings the window (same width) to it.
    (
        "cell-pick.data",
        None,
        {"cell": {"rowId": "2013-03-22-xi-putin-moscow"}},
        ViewState(start="1980-01-01", end="1990-01-01"),
        ViewState(start="2008-03-21", end="2018-03-22", event="2013-03-22-xi-putin-moscow"),
    ),
]


@pytest.mark.parametrize(("trigger", "trigger_id", "given", "before", "after"), CASES)
def test_next_state(mini, trigger, trigger_id, given, before, after):
    assert next_state(mini, vocabulary(mini), before, trigger, trigger_id, GIVEN | given) == after


@pytest.mark.parametrize("x", [1e400, float("inf"), float("nan"), "1999", True, 12])
def test_a_tempo_click_with_a_strange_year_changes_nothing(mini, x):
    trigger = f"{ids.CHART_CLICKS[ids.TEMPO]}.data"
    charts = {trigger: {"points": [{"x": x}]}}
    new = next_state(mini, vocabulary(mini), ViewState(), trigger, None, GIVEN | {"charts": charts})
    assert new == ViewState()


def test_controls_drop_unknown_values(mini):
    values = control_values(ViewState())
    values[ids.CONTROLS.index(ids.LEADERS)] = ["Xi Jinping", "__China"]
    new = next_state(
        mini,
        vocabulary(mini),
        ViewState(),
        "filter-leaders.value",
        None,
        GIVEN | {"values": values},
    )
    assert new == ViewState(leaders=("Xi Jinping",))
