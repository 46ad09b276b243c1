"""Safe defaults for a published explorer: security headers, request limits, a health check,
and refusal (400) of callback requests that do not match a registered callback.
"""

from __future__ import annotations

from dash import Dash
from flask import Response, jsonify, request

MAX_BODY = 256 * 1024  # a callback body of this app is a few kB
CALLBACK_PATH = "/_dash-update-component"
EMBED_PATH = "embed"  # the embed view, under the base path


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


def _outputs_match(output: str, outputs: object) -> bool:
    # Dash names a multi-output callback "..a.x...b.y.." and sends a list of {id, property}.
    if output.startswith(".."):
        count = len(output[2:-2].split("..."))
        return (
            isinstance(outputs, list)
            and len(outputs) == count
            and all(isinstance(o, dict) for o in outputs)
        )
    return isinstance(outputs, dict)


def callback_problem(body: object, callbacks: dict) -> str | None:
    """Return why a callback request body cannot be served, or None when it is well formed."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    spec = callbacks.get(body.get("output")) if isinstance(body.get("output"), str) else None
    if spec is None:
        return "unknown callback output"
    for key in ("inputs", "state", "changedPropIds"):
        if not isinstance(body.get(key, []), list):
            return f"'{key}' is not a list"
    if not _outputs_match(body["output"], body.get("outputs")):
        return "'outputs' does not match the callback"
    for key in ("inputs", "state"):
        given, declared = body.get(key, []), spec.get(key, [])
        if len(given) != len(declared):
            return f"expected {len(declared)} {key}, got {len(given)}"
        if not all(isinstance(i, dict | list) for i in given):
            return f"an item of '{key}' is not an object"
    return None


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
        if request.path != prefix + CALLBACK_PATH.lstrip("/") or request.method != "POST":
            return None
        problem = callback_problem(request.get_json(silent=True), app.callback_map)
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
