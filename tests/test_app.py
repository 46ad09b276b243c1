"""The Dash shell without a browser: factory, export route, URL sync glue."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from explorer.app import create_app, ids
from explorer.app.callbacks import control_values, next_state, state_from_controls
from explorer.exports import FORMATS
from explorer.filters import vocabulary
from explorer.state import ViewState


@pytest.fixture
def client(mini):
    return create_app(record=mini).server.test_client()


def test_two_apps_are_independent(mini, shipped):
    a, b = create_app(record=mini), create_app(record=shipped)
    assert a is not b and len(a.callback_map) == len(b.callback_map) == 7


def test_page_and_layout_are_served(client):
    assert client.get("/").status_code == 200
    assert client.get("/_dash-layout").status_code == 200


@pytest.mark.parametrize(
    ("query", "name", "ids_"),
    [
        ("", "china-russia-events_all.csv", 5),
        ("?leader=Deng+Xiaoping", "china-russia-events_deng-xiaoping.csv", 1),
        ("?kind=call&leader=Nobody&from=garbage", "china-russia-events_call.csv", 1),
        ("?q=%E6%88%88%E5%B0%94%E5%B7%B4%E4%B9%94%E5%A4%AB", "china-russia-events_search.csv", 1),
    ],
)
def test_export_route_carries_the_view(client, query, name, ids_):
    resp = client.get(f"/export/events.csv{query}")
    assert resp.status_code == 200
    assert resp.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert resp.headers["Content-Disposition"] == f'attachment; filename="{name}"'
    assert len(pd.read_csv(io.BytesIO(resp.data))) == ids_


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_downloads_with_its_type_and_name(client, fmt):
    resp = client.get(f"/export/events.{fmt}?decade=2010s&leader=Xi+Jinping")
    assert resp.status_code == 200 and resp.data
    assert resp.headers["Content-Type"] == FORMATS[fmt].media_type
    assert resp.headers["Content-Disposition"] == (
        f'attachment; filename="china-russia-events_xi-jinping_2010s.{fmt}"'
    )


@pytest.mark.parametrize("fmt", ["pdf", "csv.exe", "../../etc/passwd"])
def test_unknown_format_is_a_plain_400(client, fmt):
    resp = client.get(f"/export/events.{fmt}")
    assert resp.status_code in (400, 404)
    assert b"Traceback" not in resp.data


def test_controls_round_trip():
    state = ViewState(
        leaders=("Xi Jinping",),
        decades=("2010s",),
        in_abstract=True,
        q="gas",
        lanes="host",
        color="pair",
        event="x",
    )
    values = control_values(state)
    assert values[ids.CONTROLS.index(ids.ABSTRACT)] == ["1"]
    assert state_from_controls(state, values) == state
    cleared = [[] if isinstance(v, list) else v for v in values]
    assert state_from_controls(state, cleared).in_abstract is False


GIVEN = {"values": None, "click": None, "relayout": None, "cell": None, "charts": {}, "twin": None}


@pytest.mark.parametrize(
    ("trigger", "trigger_id", "given", "before", "after"),
    [
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
            "events-grid.cellClicked",
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
        (
            "event-close.n_clicks",
            None,
            {},
            ViewState(event="2020-03-19-xi-putin-call"),
            ViewState(),
        ),
        (
            "filter-reset.n_clicks",
            None,
            {},
            ViewState(q="x", lanes="host"),
            ViewState(lanes="host"),
        ),
        (
            "timeline.relayoutData",
            None,
            {"relayout": {"xaxis.range": ["2001-01-01", "2003-01-01"]}},
            ViewState(),
            ViewState(start="2001-01-01", end="2003-01-01"),
        ),
        (
            "timeline.relayoutData",
            None,
            {"relayout": {"autosize": True}},
            ViewState(start="2001-01-01", end="2003-01-01"),
            ViewState(start="2001-01-01", end="2003-01-01"),
        ),
        (
            '{"attr":"kinds","type":"chip","value":"call"}.n_clicks',
            {"type": "chip", "attr": "kinds", "value": "call"},
            {},
            ViewState(kinds=("visit", "call")),
            ViewState(kinds=("visit",)),
        ),
    ],
)
def test_next_state(mini, trigger, trigger_id, given, before, after):
    assert next_state(mini, vocabulary(mini), before, trigger, trigger_id, GIVEN | given) == after


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
