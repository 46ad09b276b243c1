"""Safe defaults for a published explorer: security headers, request limits, a health check,
and one guard for every callback body: refused (400) unless it is finite JSON of bounded depth
whose inputs, ids, value types and changed props match a callback registered on the server.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable

from dash import Dash
from dash.fingerprint import check_fingerprint
from flask import Response, jsonify, request

MAX_BODY = 256 * 1024  # a callback body of this app is a few kB
MAX_DEPTH = 24  # JSON nesting: plotly's clickData is about 5 deep, a grid request 4
MAX_MATCHES = 200  # items of one pattern-matching input (filter chips)
CALLBACK_PATH = "/_dash-update-component"
EMBED_PATH = "embed"  # the embed view, under the base path
SUITES = "/_dash-component-suites/"


def content_security_policy(script_hashes: list[str], frame_ancestors: tuple[str, ...] = ()) -> str:
    """Return a CSP that allows only this origin's scripts plus Dash's own inline ones, framed
    by nobody unless `frame_ancestors` lists origins."""
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        # Dash, React and plotly set style attributes and inject <style> elements.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": list(frame_ancestors) or ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def security_headers(
    script_hashes: list[str], frame_ancestors: tuple[str, ...] = ()
) -> dict[str, str]:
    """Return the headers every response carries (X-Frame-Options only when none may frame)."""
    headers = {
        "Content-Security-Policy": content_security_policy(script_hashes, frame_ancestors),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }
    if frame_ancestors:  # X-Frame-Options cannot name origins; the CSP above does
        del headers["X-Frame-Options"]
    return headers


class BadBody(ValueError):
    """A callback body that cannot be served; the message says why."""


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400 parses as infinity
        raise BadBody(f"number {text[:20]!r} is not finite")
    return value


def _no_constants(name: str) -> float:
    raise BadBody(f"{name} is not a JSON number")


def parse_body(raw: bytes) -> object:
    """Return the JSON in `raw` with only finite numbers and at most MAX_DEPTH levels of nesting,
    or raise BadBody."""
    try:
        body = json.loads(raw, parse_float=_finite, parse_constant=_no_constants)
    except BadBody:
        raise
    except RecursionError:
        raise BadBody(f"JSON nested more than {MAX_DEPTH} deep") from None
    except ValueError:  # also bad UTF-8 and integers of more than 4,300 digits
        raise BadBody("the body is not JSON") from None
    level, todo = 0, [body]
    while todo:  # breadth first, without recursion
        level += 1
        if level > MAX_DEPTH:
            raise BadBody(f"JSON nested more than {MAX_DEPTH} deep")
        todo = [c for item in todo if isinstance(item, dict | list) for c in _children(item)]
    return body


def _children(item: dict | list) -> list:
    return list(item.values()) if isinstance(item, dict) else item


def _outputs_problem(output: str, outputs: object) -> str | None:
    """Return why `outputs` are not the {id, property} items the callback `output` names."""
    # Dash names a multi-output callback "..a.x...b.y.." and sends a list of {id, property}.
    multi = output.startswith("..")
    names = output[2:-2].split("...") if multi else [output]
    given = outputs if multi else [outputs]
    if not isinstance(given, list) or len(given) != len(names):
        return "'outputs' does not match the callback"
    for item, name in zip(given, names, strict=True):
        ident, _, prop = name.rpartition(".")
        matches = item if isinstance(item, list) and ident.startswith("{") else [item]
        for one in matches:
            if not isinstance(one, dict) or one.get("property") != prop:
                return "'outputs' does not match the callback"
            if _id_problem(one.get("id"), ident):
                return "'outputs' does not match the callback"
    return None


def _is(kind: type | tuple) -> Callable[[object], bool]:
    return lambda v: isinstance(v, kind) and not (isinstance(v, bool) and bool not in (kind,))


def _scalars(v: object) -> bool:
    return isinstance(v, list) and all(isinstance(i, SCALAR) for i in v)


SCALAR = (str, int, float, bool)
# Component property -> the values it may take besides null (the renderer's first value).
# A property not listed may take any JSON value (within MAX_DEPTH and finite).
PROP_TYPES: dict[str, tuple[str, Callable[[object], bool]]] = {
    "search": ("a string", _is(str)),
    "href": ("a string", _is(str)),
    "pathname": ("a string", _is(str)),
    "className": ("a string", _is(str)),
    "n_clicks": ("an integer", _is(int)),
    "value": ("a string, number or list of them", lambda v: isinstance(v, SCALAR) or _scalars(v)),
    "clickData": ("an object", _is(dict)),
    "hoverData": ("an object", _is(dict)),
    "selectedData": ("an object", _is(dict)),
    "relayoutData": ("an object", _is(dict)),
    "cellClicked": ("an object", _is(dict)),
    "getRowsRequest": ("an object", _is(dict)),
}


def _wildcard(declared: str) -> dict | None:
    # A pattern-matching id is declared as JSON: {"attr":["ALL"],"type":"chip",...}.
    return json.loads(declared) if declared.startswith("{") else None


def _id_problem(given: object, declared: str) -> str | None:
    pattern = _wildcard(declared)
    if pattern is None:
        return None if given == declared else f"id {str(given)[:40]!r} is not {declared!r}"
    if not isinstance(given, dict) or set(given) != set(pattern):
        return f"id is not an object with keys {sorted(pattern)}"
    for key, want in pattern.items():
        value = given[key]
        if isinstance(want, list):  # a wildcard: any scalar
            if not isinstance(value, SCALAR):
                return f"id key {key!r} is not a string or number"
        elif value != want:
            return f"id key {key!r} is not {want!r}"
    return None


def _item_problem(item: object, declared: dict) -> str | None:
    """Return why one input or state item does not match its declaration, or None."""
    if not isinstance(item, dict) or "id" not in item or "property" not in item:
        return "an item is not an object with 'id' and 'property'"
    if item["property"] != declared["property"]:
        return f"property {str(item['property'])[:40]!r} is not {declared['property']!r}"
    problem = _id_problem(item["id"], declared["id"])
    if problem:
        return problem
    kind = PROP_TYPES.get(declared["property"])
    value = item.get("value")
    if kind and value is not None and not kind[1](value):
        return f"{declared['id']}.{declared['property']} is not {kind[0]}"
    return None


def _many(declared: str) -> bool:
    # ALL and ALLSMALLER match a list of components; MATCH and a plain dict id match one.
    pattern = _wildcard(declared) or {}
    return any(v in (["ALL"], ["ALLSMALLER"]) for v in pattern.values())


def _items_problem(given: list, declared: list[dict]) -> str | None:
    for item, decl in zip(given, declared, strict=True):
        if _many(decl["id"]):  # pattern-matching: a list of matches
            if not isinstance(item, list) or len(item) > MAX_MATCHES:
                return f"{decl['id']} is not a list of at most {MAX_MATCHES} items"
            problems = (_item_problem(i, decl) for i in item)
        else:
            problems = iter([_item_problem(item, decl)])
        problem = next((p for p in problems if p), None)
        if problem:
            return problem
    return None


def _changed_problem(changed: list, declared: list[dict]) -> str | None:
    for prop_id in changed:
        if not isinstance(prop_id, str):
            return "an item of 'changedPropIds' is not a string"
        component, _, prop = prop_id.rpartition(".")
        matches = [d for d in declared if d["property"] == prop]
        if component.startswith("{"):
            try:
                component = parse_body(component.encode())
            except BadBody as exc:
                return f"'changedPropIds' item: {exc}"
        if not any(_id_problem(component, d["id"]) is None for d in matches):
            return f"'changedPropIds' names no input of this callback: {prop_id[:60]!r}"
    return None


def callback_problem(body: object, callbacks: dict) -> str | None:
    """Return why a callback request body cannot be served, or None when it is well formed."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    spec = callbacks.get(body.get("output")) if isinstance(body.get("output"), str) else None
    if spec is None or "callback" not in spec:  # clientside callbacks have no server function
        return "unknown callback output"
    for key in ("inputs", "state", "changedPropIds"):
        if not isinstance(body.get(key, []), list):
            return f"'{key}' is not a list"
    problem = _outputs_problem(body["output"], body.get("outputs"))
    if problem:
        return problem
    for key in ("inputs", "state"):
        given, declared = body.get(key, []), spec.get(key, [])
        if len(given) != len(declared):
            return f"expected {len(declared)} {key}, got {len(given)}"
        problem = _items_problem(given, declared)
        if problem:
            return f"'{key}': {problem}"
    return _changed_problem(body.get("changedPropIds", []), spec.get("inputs", []))


def suite_problem(path: str, registered: dict) -> bool:
    """Return True when a /_dash-component-suites/ path names no file Dash registered."""
    package, _, rest = path.removeprefix(SUITES).partition("/")
    return check_fingerprint(rest)[0] not in registered.get(package, ())


def register_hardening(
    app: Dash, *, version: str, events: int, frame_ancestors: tuple[str, ...] = ()
) -> None:
    """Add headers, limits, the callback guard and /healthz to the app's Flask server; only the
    embed view (`<base path>embed`) may be framed, and only by `frame_ancestors`."""
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY
    headers = security_headers(app.csp_hashes())
    framed = security_headers(app.csp_hashes(), frame_ancestors)
    prefix = app.config.routes_pathname_prefix  # "/" or the base path, e.g. "/explorer/"

    @server.before_request
    def guard_callbacks() -> Response | None:
        suites = prefix + SUITES.lstrip("/")
        if request.path.startswith(suites) and suite_problem(
            request.path.removeprefix(prefix[:-1]), app.registered_paths
        ):
            return Response("Not found.\n", 404, mimetype="text/plain")
        if request.path != prefix + CALLBACK_PATH.lstrip("/") or request.method != "POST":
            return None
        try:
            problem = callback_problem(parse_body(request.get_data()), app.callback_map)
        except BadBody as exc:
            problem = str(exc)
        if problem:
            return Response(f"Bad callback request: {problem}.\n", 400, mimetype="text/plain")
        return None

    @server.after_request
    def add_headers(response: Response) -> Response:
        response.headers.update(framed if request.path == prefix + EMBED_PATH else headers)
        # Dash links assets with their modification time (?m=…): a changed file gets a new URL.
        if (
            request.path.startswith(prefix + "assets/")
            and "m" in request.args
            and response.status_code == 200
        ):
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response

    @server.route("/healthz")
    def healthz() -> Response:
        return jsonify(status="ok", events=events, version=version)
