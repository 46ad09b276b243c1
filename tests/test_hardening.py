"""Safe defaults and hostile requests: headers everywhere, 4xx or the default view, never a 500."""

from __future__ import annotations

import json

import pytest

from explorer.app import create_app
from explorer.app.hardening import MAX_BODY, callback_problem

SYNC, RENDER, ROWS = "..url.search", "..timeline.figure", "events-grid.getRowsResponse"


@pytest.fixture(scope="module")
def app(shipped):
    return create_app(record=shipped)


@pytest.fixture
def client(app):
    return app.server.test_client()


def body_for(app, prefix: str, search: object = "?decade=2010s", **overrides) -> dict:
    """Return a well-formed body for the callback whose output starts with `prefix`."""
    output = next(k for k in app.callback_map if k.startswith(prefix))
    inputs = [
        [] if "ALL" in d["id"] else {"id": d["id"], "property": d["property"], "value": None}
        for d in app.callback_map[output]["inputs"]
    ]
    inputs[0]["value"] = search  # the URL's search, or the table's request for rows
    state = [
        {"id": d["id"], "property": d["property"], "value": None}
        for d in app.callback_map[output]["state"]
    ]
    outputs = [
        dict(zip(("id", "property"), o.rsplit(".", 1), strict=True))
        for o in (output[2:-2].split("...") if output.startswith("..") else [output])
    ]
    outputs = outputs if output.startswith("..") else outputs[0]  # one output: not a list
    body = {
        "output": output,
        "outputs": outputs,
        "inputs": inputs,
        "state": state,
        "changedPropIds": ["url.search"],
    }
    return body | overrides


def post(client, body) -> object:
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post("/_dash-update-component", data=data, content_type="application/json")


PATHS = ["/", "/healthz", "/export/events.csv", "/_dash-layout", "/export/events.pdf", "/nowhere"]


@pytest.mark.parametrize("path", PATHS)
def test_security_headers_on_every_response(client, path):
    resp = client.get(path)
    csp = resp.headers["Content-Security-Policy"]
    script_src = csp.split("script-src")[1].split(";")[0]
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "frame-ancestors 'none'" in csp
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["Referrer-Policy"] == "no-referrer"


def test_health(client, shipped):
    health = client.get("/healthz").get_json()
    assert health == {"status": "ok", "events": shipped.total, "version": shipped.version}


def test_javascript_is_compressed_and_cached_long(client):
    page = client.get("/").get_data(as_text=True)
    script = next(p for p in page.split('src="')[1:] if "dash_renderer" in p).split('"')[0]
    resp = client.get(script, headers={"Accept-Encoding": "gzip"})
    assert resp.headers.get("Content-Encoding") == "gzip"
    assert "max-age=31536000" in resp.headers.get("Cache-Control", "")


QUERIES = [
    "?leader=" + "x" * 20000,
    "?%ff%fe%00",
    "?" + "&".join(["decade=2010s"] * 500),
    "?from=9999-99-99&to=-1",
    "?event=../../etc/passwd",
    "?q=%3Cscript%3Ealert(1)%3C/script%3E",
    "?lanes[]=x&color=%00",
    "?abstract=1&abstract=0&abstract=%E2%9C%93",
]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("path", ["/", "/export/events.csv", "/export/events.ics"])
def test_hostile_query_strings_get_the_default_view_or_a_4xx(client, path, query):
    resp = client.get(path + query)
    assert resp.status_code < 500
    assert b"Traceback" not in resp.data


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        "[]",
        {"output": "nope", "inputs": []},
        {"output": None},
        {"inputs": 5},
        {"inputs": [5]},
        {"inputs": []},
        {"changedPropIds": {}},
        {"outputs": []},
        {"outputs": {"id": "url", "property": "search"}},
    ],
)
def test_malformed_callback_bodies_are_a_400(app, client, body):
    if isinstance(body, dict) and "output" not in body:
        body = body_for(app, SYNC, **body)
    resp = post(client, body)
    assert resp.status_code == 400
    assert resp.data.startswith(b"Bad callback request")


@pytest.mark.parametrize(
    "value", [5, None, {"a": 1}, ["x"], "?q=" + "y" * 5000, [["nested"]], True, "?event=%00"]
)
@pytest.mark.parametrize("prefix", [SYNC, RENDER, ROWS])
def test_callback_inputs_of_any_type_never_crash(app, client, prefix, value):
    resp = post(client, body_for(app, prefix, value))
    assert resp.status_code in (200, 204), resp.data[:300]


TRIGGERS = [
    "timeline.clickData",
    "timeline.relayoutData",
    "events-grid.cellClicked",
    "filter-leaders.value",
    "view-lanes.value",
]
ODD_VALUES = [
    5,
    "x",
    [1, 2],
    {"points": "no"},
    {"points": [{"customdata": 7}]},
    {"xaxis.range": [None, {}]},
    {"rowId": ["a"]},
]


@pytest.mark.parametrize("value", ODD_VALUES)
@pytest.mark.parametrize("trigger", TRIGGERS)
def test_sync_survives_any_value_for_any_trigger(app, client, trigger, value):
    body = body_for(app, SYNC, changedPropIds=[trigger])
    for item in body["inputs"]:
        if isinstance(item, dict) and f"{item['id']}.{item['property']}" == trigger:
            item["value"] = value
    resp = post(client, body)
    assert resp.status_code in (200, 204), resp.data[:300]


def test_oversized_bodies_are_refused(client):
    assert post(client, "x" * (MAX_BODY + 1)).status_code == 413


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (None, "the body is not a JSON object"),
        ({"output": "a"}, "unknown callback output"),
        ({"output": ["k"]}, "unknown callback output"),
        ({"output": "k", "inputs": {}}, "'inputs' is not a list"),
        ({"output": "k", "inputs": [1], "outputs": {}}, "an item of 'inputs' is not an object"),
        ({"output": "k", "inputs": [], "outputs": {}}, "expected 1 inputs, got 0"),
        ({"output": "k", "inputs": [{}]}, "'outputs' does not match the callback"),
        ({"output": "k", "inputs": [{}], "outputs": {"id": "a", "property": "b"}}, None),
    ],
)
def test_callback_problem(body, problem):
    assert callback_problem(body, {"k": {"inputs": [{"id": "a", "property": "b"}]}}) == problem


def test_fingerprinted_assets_are_cached_long(client):
    page = client.get("/").get_data(as_text=True)
    css = next(p for p in page.split('href="')[1:] if "/assets/style.css" in p).split('"')[0]
    assert "?m=" in css
    assert "max-age=31536000" in client.get(css).headers["Cache-Control"]
    assert "max-age=31536000" not in client.get("/assets/style.css").headers.get(
        "Cache-Control", ""
    )
