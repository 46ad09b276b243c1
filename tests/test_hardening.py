"""Safe defaults and hostile requests: headers everywhere, 4xx or the default view, never a 500."""

from __future__ import annotations

import json

import pytest

from explorer.app import create_app
from explorer.app.hardening import MAX_BODY, _many, callback_problem

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
    # A value of the wrong type for its property is refused by the guard; others are served.
    assert resp.status_code in (200, 204, 400), resp.data[:300]


TRIGGERS = [
    "timeline.clickData",
    "timeline.relayoutData",
    "cell-pick.data",
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
    assert resp.status_code in (200, 204, 400), resp.data[:300]


def test_oversized_bodies_are_refused(client):
    assert post(client, "x" * (MAX_BODY + 1)).status_code == 413


SPEC = {"o.p": {"inputs": [{"id": "a", "property": "b"}], "state": [], "callback": print}}
ITEM = {"id": "a", "property": "b"}
OUT = {"id": "o", "property": "p"}


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (None, "the body is not a JSON object"),
        ({"output": "a"}, "unknown callback output"),
        ({"output": ["o.p"]}, "unknown callback output"),
        ({"output": "o.p", "inputs": {}}, "'inputs' is not a list"),
        (
            {"output": "o.p", "inputs": [1], "outputs": OUT},
            "'inputs': an item is not an object with 'id' and 'property'",
        ),
        ({"output": "o.p", "inputs": [], "outputs": OUT}, "expected 1 inputs, got 0"),
        ({"output": "o.p", "inputs": [ITEM]}, "'outputs' does not match the callback"),
        (
            {"output": "o.p", "inputs": [ITEM], "outputs": {}},
            "'outputs' does not match the callback",
        ),
        (
            {"output": "o.p", "inputs": [ITEM], "outputs": {"id": "x", "property": "p"}},
            "'outputs' does not match the callback",
        ),
        ({"output": "o.p", "inputs": [ITEM], "outputs": OUT}, None),
        (
            {"output": "o.p", "inputs": [{"id": "z", "property": "b"}], "outputs": OUT},
            "'inputs': id 'z' is not 'a'",
        ),
        (
            {"output": "o.p", "inputs": [ITEM], "outputs": OUT, "changedPropIds": [5]},
            "an item of 'changedPropIds' is not a string",
        ),
        (
            {"output": "o.p", "inputs": [ITEM], "outputs": OUT, "changedPropIds": ["{x.b"]},
            "'changedPropIds' item: the body is not JSON",
        ),
        (
            {"output": "o.p", "inputs": [ITEM], "outputs": OUT, "changedPropIds": ["a.c"]},
            "'changedPropIds' names no input of this callback: 'a.c'",
        ),
        ({"output": "o.p", "inputs": [ITEM], "outputs": OUT, "changedPropIds": ["a.b"]}, None),
    ],
)
def test_callback_problem(body, problem):
    assert callback_problem(body, SPEC) == problem


# One case per cause of a 500 found in round two (issue 13), through the real app.
def _chip_body(app, ident: object, changed: str) -> dict:
    body = body_for(app, SYNC, changedPropIds=[changed])
    chip = next(
        i for i, d in enumerate(app.callback_map[body["output"]]["inputs"]) if "ALL" in d["id"]
    )
    body["inputs"][chip] = [{"id": ident, "property": "n_clicks", "value": 1}]
    return body


def _with_value(app, trigger: str, value: object) -> dict:
    body = body_for(app, SYNC, changedPropIds=[trigger])
    for item in body["inputs"]:
        if isinstance(item, dict) and f"{item['id']}.{item['property']}" == trigger:
            item["value"] = value
    return body


ROUND_TWO = {
    "nested 1,000 deep": lambda app: '{"output": ' + "[" * 1000 + "]" * 1000 + "}",
    "sort column a list": lambda app: body_for(
        app, ROWS, {"sortModel": [{"colId": ["title"], "sort": "asc"}]}
    ),
    "filter type a dict": lambda app: body_for(
        app, ROWS, {"filterModel": {"title": {"type": {"a": 1}, "filter": "x"}}}
    ),
    "chip attr unknown": lambda app: _chip_body(
        app,
        {"type": "chip", "attr": "nope", "value": "x"},
        '{"attr":"nope","type":"chip","value":"x"}.n_clicks',
    ),
    "chip attr a list": lambda app: _chip_body(
        app,
        {"type": "chip", "attr": ["x"], "value": "x"},
        '{"attr":["x"],"type":"chip","value":"x"}.n_clicks',
    ),
    "tempo x 1e400": lambda app: json.dumps(
        _with_value(app, "insight-tempo.clickData", {"points": [{"x": 1}]})
    ).replace('"x": 1', '"x": 1e400'),
    "tempo x Infinity": lambda app: json.dumps(
        _with_value(app, "insight-tempo.clickData", {"points": [{"x": float("inf")}]})
    ),
    "tempo x NaN": lambda app: json.dumps(
        _with_value(app, "insight-tempo.clickData", {"points": [{"x": float("nan")}]})
    ),
    "input without id": lambda app: (
        body_for(app, SYNC)
        | {"inputs": [{"property": "search", "value": "?"}, *body_for(app, SYNC)["inputs"][1:]]}
    ),
    "changedPropIds not a string": lambda app: body_for(app, SYNC, changedPropIds=[{"a": 1}]),
    "changedPropIds malformed": lambda app: body_for(app, SYNC, changedPropIds=["{oops.n_clicks"]),
}


@pytest.mark.parametrize("case", list(ROUND_TWO))
def test_round_two_bodies_are_refused_or_served_never_a_500(app, client, case):
    resp = post(client, ROUND_TWO[case](app))
    assert resp.status_code in (200, 204, 400), resp.data[:300]


def test_fingerprinted_assets_are_cached_long(client):
    page = client.get("/").get_data(as_text=True)
    css = next(p for p in page.split('href="')[1:] if "/assets/style.css" in p).split('"')[0]
    assert "?m=" in css
    assert "max-age=31536000" in client.get(css).headers["Cache-Control"]
    assert "max-age=31536000" not in client.get("/assets/style.css").headers.get(
        "Cache-Control", ""
    )


def test_a_fixed_pattern_id_is_one_item_not_a_list(app, client):
    # The insight tables' toggles have dict ids without wildcards: the browser sends one item
    # each (a real body, as Chromium sent it), which the guard must let through.
    output = next(k for k in app.callback_map if k.startswith("..insight-map-table"))
    spec = app.callback_map[output]
    toggles = [json.loads(d["id"]) for d in spec["inputs"][1:]]
    body = {
        "output": output,
        "outputs": [
            dict(zip(("id", "property"), o.rsplit(".", 1), strict=True))
            for o in output[2:-2].split("...")
        ],
        "inputs": [{"id": "url", "property": "search", "value": "?decade=1950s"}]
        + [{"id": t, "property": "n_clicks", "value": 1} for t in toggles],
        "state": [],
        "changedPropIds": [json.dumps(toggles[0], separators=(",", ":")) + ".n_clicks"],
    }
    resp = post(client, body)
    assert resp.status_code == 200, resp.data
    assert b"<table" not in resp.data and b"Table" in resp.data  # Dash components, as JSON
    wildcard = json.dumps({"attr": ["ALL"], "type": "chip", "value": ["ALL"]})

    assert _many(wildcard) and not _many(json.dumps(toggles[0]))
