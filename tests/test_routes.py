"""The export route: canonical view URL, Cache-Control, row caps, busy slots, control characters."""

from __future__ import annotations

import io
import json

import openpyxl
import pytest

from explorer.app import create_app
from explorer.app.routes import configure_exports, public_base, row_cap

FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "explorer.example.org"}


@pytest.fixture
def app(shipped):
    return create_app(record=shipped)


def view_url(app, path: str, **headers: str) -> str:
    resp = app.server.test_client().get(path, headers=headers)
    assert resp.status_code == 200, resp.data[:200]
    return json.loads(resp.data)["meta"]["url"]


@pytest.mark.parametrize(
    ("query", "canonical"),
    [
        ("", "/"),
        ("?decade=2010s&junk={&leader=Xi+Jinping", "/?leader=Xi+Jinping&decade=2010s"),
        ("?q=gas%5Cx&x={", "/?q=gas%5Cx"),
        ("?q=%0D%0ABEGIN:VEVENT", "/?q=BEGIN%3AVEVENT"),
    ],
)
def test_exports_name_the_canonical_view_under_the_base_url(app, query, canonical):
    configure_exports(app.server, base_url="https://explorer.example.org/x/")
    url = view_url(app, f"/export/events.json{query}", Host="evil.example")
    assert url == "https://explorer.example.org/x" + canonical


def test_the_host_header_and_forwarded_headers_are_ignored_unless_trusted(app):
    configure_exports(app.server, base_url="http://127.0.0.1:8050")
    assert view_url(app, "/export/events.json", Host="evil", **FORWARDED).startswith(
        "http://127.0.0.1:8050/"
    )
    configure_exports(app.server, base_url="http://127.0.0.1:8050", trust_proxy=True)
    assert view_url(app, "/export/events.json", **FORWARDED) == "https://explorer.example.org/"


@pytest.mark.parametrize(
    ("headers", "base"),
    [
        (FORWARDED | {"X-Forwarded-Prefix": "/app"}, "https://explorer.example.org/app"),
        (FORWARDED | {"X-Forwarded-Host": "evil.org/\r\nx"}, "http://b"),
        (FORWARDED | {"X-Forwarded-Proto": "javascript"}, "http://b"),
        (FORWARDED | {"X-Forwarded-Prefix": "/a b"}, "http://b"),
        ({}, "http://b"),
    ],
)
def test_public_base_takes_only_well_formed_forwarded_headers(headers, base):
    config = {"EXPLORER_BASE_URL": "http://b/", "EXPLORER_TRUST_PROXY": True}
    assert public_base(config, headers) == base


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ics", "bib"])
def test_exports_are_not_cached(app, fmt):
    resp = app.server.test_client().get(f"/export/events.{fmt}")
    assert resp.headers["Cache-Control"] == "no-store"


@pytest.mark.integration  # slow (subprocess, large figure or many files): make test
@pytest.mark.parametrize("char", [chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x1C))])
def test_xlsx_of_a_search_with_a_control_character_opens(app, char):
    resp = app.server.test_client().get("/export/events.xlsx", query_string={"q": char})
    assert resp.status_code == 200
    openpyxl.load_workbook(io.BytesIO(resp.data))


def test_exports_over_the_cap_get_a_413_that_says_what_to_do(app, shipped):
    configure_exports(app.server, max_rows=100)
    resp = app.server.test_client().get("/export/events.xlsx")
    assert resp.status_code == 413
    assert f"This view has {shipped.total} events; a xlsx export carries at most 5." in resp.text
    assert "Narrow the view" in resp.text
    assert app.server.test_client().get("/export/events.bib").status_code == 200  # no rows


def test_row_caps_scale_with_each_formats_cost():
    assert row_cap("csv", 100_000) == 100_000
    assert row_cap("xlsx", 100_000) == 5_000
    assert row_cap("bib", 10) is None


def test_csv_streams_in_blocks_with_every_row(app, shipped):
    resp = app.server.test_client().get("/export/events.csv")
    assert resp.is_streamed
    assert resp.data.count(b"\r\n") >= shipped.total + 1


def test_large_exports_beyond_the_free_slots_get_a_429_with_retry_after(shipped, monkeypatch):
    from explorer.app import routes

    monkeypatch.setattr(routes, "HEAVY_SLOTS", 0)  # every slot taken
    monkeypatch.setattr(routes, "HEAVY_ROWS", 0)  # every export counts as large
    client = create_app(record=shipped).server.test_client()
    resp = client.get("/export/events.json")
    assert resp.status_code == 429 and resp.headers["Retry-After"] == "10"
    assert client.get("/export/events.csv").status_code == 200  # CSV streams without a slot
