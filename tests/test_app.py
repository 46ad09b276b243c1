"""The Dash shell without a browser: factory, export route, URL sync glue."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from explorer.app import create_app
from explorer.exports import FORMATS


@pytest.fixture
def client(mini):
    return create_app(record=mini).server.test_client()


def test_two_apps_are_independent(mini, shipped):
    a, b = create_app(record=mini), create_app(record=shipped)
    c = create_app(record=mini)  # callbacks leaking into a global list would grow with each app
    assert a is not b and len(a.callback_map) == len(b.callback_map) == len(c.callback_map) > 0


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
        (
            "?leader=Xi+Jinping&leader=Vladimir+Putin&leaders=all&kind=call",
            "china-russia-events_xi-jinping_vladimir-putin_together_call.csv",
            1,
        ),
        (
            "?leader=Deng+Xiaoping&leader=Vladimir+Putin&leaders=all",
            "china-russia-events_deng-xiaoping_vladimir-putin_together.csv",
            0,
        ),
        (
            "?leader=Deng+Xiaoping&leader=Vladimir+Putin",
            "china-russia-events_deng-xiaoping_vladimir-putin.csv",
            5,
        ),
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
