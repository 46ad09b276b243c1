"""Callback bodies generated from the app's own callback map: every server-side callback, every
input, wrong shapes and types, deep nesting, non-finite numbers, missing keys, odd
changedPropIds. Nothing may get a 5xx. Bounded: a few hundred bodies, well under a minute.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.app import create_app

SEEN = {"bodies": 0, "5xx": 0, "400": 0}

# JSON values with the numbers a hostile client can spell (NaN, Infinity, 1e400).
NUMBERS = st.one_of(
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e308, -0.0, 2021, 1999.5]),
)

# Servers, subprocesses, wheels or many generated cases: in `make test`, not `make check`.
pytestmark = pytest.mark.integration
SCALARS = st.one_of(st.none(), st.booleans(), NUMBERS, st.text(max_size=30))
JSON = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
# Values shaped like what the page sends for each property, so the callbacks' own code runs
# (not only the guard); any property may instead get any JSON value.
POINTS = st.fixed_dictionaries(
    {
        "points": st.lists(
            st.dictionaries(st.sampled_from(["x", "y", "customdata", "pointIndex"]), JSON),
            max_size=2,
        )
    }
)
GRID_REQUEST = st.fixed_dictionaries(
    {},
    optional={
        "sortModel": st.lists(st.dictionaries(st.sampled_from(["colId", "sort"]), JSON)),
        "filterModel": st.dictionaries(st.sampled_from(["title", "kind", "x"]), JSON),
        "startRow": JSON,
        "endRow": JSON,
    },
)
SEARCHES = st.sampled_from(["?decade=2010s", "?q=gas&event=x", "", "?leader=Xi+Jinping&lanes=x"])
LIKELY = {
    "search": st.one_of(SEARCHES, st.text(max_size=40)),
    "href": st.text(max_size=40),
    "value": st.one_of(
        st.text(max_size=20), st.lists(st.sampled_from(["Xi Jinping", "2010s", "visit", "x"]))
    ),
    "n_clicks": st.integers(0, 5),
    "clickData": POINTS,
    "relayoutData": st.dictionaries(st.sampled_from(["xaxis.range[0]", "xaxis.range"]), JSON),
    "cellClicked": st.dictionaries(st.sampled_from(["rowId", "colId"]), JSON),
    "getRowsRequest": GRID_REQUEST,
}


def values_for(prop: str) -> st.SearchStrategy:
    """Return values for `prop`: mostly the page's shapes, sometimes null or any JSON."""
    likely = LIKELY.get(prop, JSON)
    return st.one_of(st.none(), likely, likely, likely, JSON)


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.fixture(scope="module")
def app(shipped):
    app = create_app(record=shipped)
    yield app
    print(f"\ncallback fuzz: {SEEN['bodies']} bodies, {SEEN['400']} × 400, {SEEN['5xx']} × 5xx")


def server_callbacks(app) -> list[str]:
    return sorted(k for k, v in app.callback_map.items() if "callback" in v)


def _item(decl: dict, value: object) -> object:
    if decl["id"].startswith("{"):  # pattern-matching: a list of matching components
        pattern = json.loads(decl["id"])
        ids = {k: ("x" if isinstance(v, list) else v) for k, v in pattern.items()}
        return [{"id": ids, "property": decl["property"], "value": value}]
    return {"id": decl["id"], "property": decl["property"], "value": value}


def _prop_id(item: object) -> str:
    first = item[0] if isinstance(item, list) and item else item
    if not isinstance(first, dict):
        return "x.y"
    ident = first["id"]
    if isinstance(ident, dict):
        ident = json.dumps(ident, sort_keys=True, separators=(",", ":"))
    return f"{ident}.{first['property']}"


@st.composite
def bodies(draw, app) -> str:
    """Return a JSON text: a body for one callback of the map, then broken in one way or not."""
    output = draw(st.sampled_from(server_callbacks(app)))
    spec = app.callback_map[output]
    inputs = [_item(d, draw(values_for(d["property"]))) for d in spec["inputs"]]
    state = [_item(d, draw(values_for(d["property"]))) for d in spec["state"]]
    names = output[2:-2].split("...") if output.startswith("..") else [output]
    outputs = [dict(zip(("id", "property"), n.rsplit(".", 1), strict=True)) for n in names]
    changed = draw(st.lists(st.sampled_from([_prop_id(i) for i in inputs]), max_size=2))
    body = {
        "output": output,
        "outputs": outputs if output.startswith("..") else outputs[0],
        "inputs": inputs,
        "state": state,
        "changedPropIds": changed,
    }
    breakage = draw(st.sampled_from(["none"] * 5 + ["drop", "replace", "changed", "chip", "deep"]))
    if breakage == "drop" and inputs:  # a key missing from one item or from the body
        item = draw(st.sampled_from([*inputs, body]))
        target = item[0] if isinstance(item, list) and item else item
        if isinstance(target, dict) and target:
            target.pop(draw(st.sampled_from(sorted(target))))
    elif breakage == "replace":  # one item of any JSON shape
        key = draw(st.sampled_from(["inputs", "state", "outputs", "changedPropIds"]))
        if isinstance(body[key], list) and body[key]:
            body[key][draw(st.integers(0, len(body[key]) - 1))] = draw(JSON)
        else:
            body[key] = draw(JSON)
    elif breakage == "changed":  # non-strings, malformed pattern ids, unknown props
        extra = st.one_of(JSON, st.text(max_size=20).map(lambda t: "{" + t + ".n_clicks"))
        body["changedPropIds"] = draw(st.lists(extra, min_size=1, max_size=3))
    elif breakage == "chip":  # a pattern-matching id with odd keys and values
        for item in inputs:
            if isinstance(item, list):
                item[0]["id"] = draw(
                    st.dictionaries(st.sampled_from(["attr", "type", "value"]), JSON)
                )
                body["changedPropIds"] = [_prop_id(item)]
    elif breakage == "deep":
        return json.dumps(body).replace(
            '"value": null', f'"value": {nested(draw(st.integers(20, 3000)))}', 1
        )
    return json.dumps(body)  # NaN and Infinity as Python spells them: what a hostile client sends


@settings(
    max_examples=300,
    deadline=None,
    derandomize=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_no_callback_body_gets_a_5xx(app, data):
    text = data.draw(bodies(app))
    resp = app.server.test_client().post(
        "/_dash-update-component", data=text, content_type="application/json"
    )
    SEEN["bodies"] += 1
    SEEN["400"] += resp.status_code == 400
    SEEN["5xx"] += resp.status_code >= 500
    assert resp.status_code < 500, (text[:400], resp.data[:300])


@pytest.mark.parametrize(
    "path",
    [
        "/_dash-component-suites/nowhere/x.js",
        "/_dash-component-suites/dash/nope.js",
        "/_dash-component-suites/dash/../../etc/passwd",
        "/_dash-component-suites/dash/dcc/dash_core_components.v9_9_9m1.js.missing",
        "/_dash-component-suites/os/x.py",
    ],
)
def test_unknown_component_suite_paths_are_404(app, path):
    assert app.server.test_client().get(path).status_code == 404
