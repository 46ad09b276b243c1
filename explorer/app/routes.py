"""Plain HTTP routes beside the page: the exports of any view, keyed by its query string.

An export names its view by the canonical query of the parsed state under the configured
public address (never the Host header, never the raw query string), is capped in rows per
format, and large ones take one of a few slots per process.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator

from flask import Flask, Response, request

from explorer.exports import FORMATS
from explorer.model import Record
from explorer.state import Vocabulary
from explorer.view import View, export_view, open_view, stream_csv

DEFAULT_MAX_ROWS = 100_000
# Format -> rows of cost per exported row, relative to CSV (measured at 100,000 events:
# docs/reliability.md). A format's cap is max_rows // cost; 0 means it carries no rows.
ROW_COST = {
    "csv": 1,
    "vis.json": 2,
    "json": 4,
    "timelinejs.json": 3,
    "ics": 8,
    "xlsx": 20,
    "bib": 0,
    "ris": 0,
}
HEAVY_ROWS = 5_000  # exports above this many rows wait for one of HEAVY_SLOTS per process
HEAVY_SLOTS = 2
HOST = re.compile(r"[A-Za-z0-9.-]{1,253}(:\d{1,5})?")
PREFIX = re.compile(r"(/[A-Za-z0-9._~-]+)*/?")


def row_cap(fmt: str, max_rows: int) -> int | None:
    """Return the most rows an export in `fmt` may carry, or None when it carries none."""
    cost = ROW_COST.get(fmt, 1)
    return max_rows // cost if cost else None


def public_base(config: dict, headers: dict) -> str:
    """Return the page's public address: X-Forwarded-* when trusted and well formed, else the
    configured base URL."""
    base = config.get("EXPLORER_BASE_URL", "").rstrip("/")
    if not config.get("EXPLORER_TRUST_PROXY"):
        return base
    proto = headers.get("X-Forwarded-Proto", "").split(",")[0].strip()
    host = headers.get("X-Forwarded-Host", "").split(",")[0].strip()
    prefix = headers.get("X-Forwarded-Prefix", "").strip()
    if proto in ("http", "https") and HOST.fullmatch(host) and PREFIX.fullmatch(prefix):
        return f"{proto}://{host}{prefix.rstrip('/')}"
    return base


def configure_exports(
    server: Flask, *, base_url: str = "", trust_proxy: bool = False, max_rows: int | None = None
) -> None:
    """Set the public base URL, whether to trust X-Forwarded-*, and the export row cap."""
    server.config["EXPLORER_BASE_URL"] = base_url
    server.config["EXPLORER_TRUST_PROXY"] = trust_proxy
    server.config["EXPLORER_EXPORT_MAX_ROWS"] = max_rows or DEFAULT_MAX_ROWS


def _text(message: str, status: int, **headers: str) -> Response:
    return Response(message + "\n", status=status, mimetype="text/plain", headers=headers)


def _too_large(view: View, fmt: str, cap: int) -> Response:
    return _text(
        f"This view has {len(view.events)} events; a {fmt} export carries at most {cap}. "
        "Narrow the view (filters or a time window) or choose CSV.",
        413,
    )


def _until_gone(chunks: Iterator[bytes], gone: Callable[[], bool]) -> Iterator[bytes]:
    """Yield the chunks until the client has gone."""
    for chunk in chunks:
        if gone():
            return
        yield chunk


def register_routes(server: Flask, record: Record, vocab: Vocabulary, prefix: str = "/") -> None:
    """Add `<prefix>export/events.<format>?<the page's query string>` to the Flask server."""
    configure_exports(server)
    slots = threading.BoundedSemaphore(HEAVY_SLOTS)

    @server.route(f"{prefix}export/events.<path:fmt>")
    def export_events(fmt: str) -> Response:
        if fmt not in FORMATS:
            return _text(
                f"Unknown export format {fmt!r}. Known formats: {', '.join(FORMATS)}.", 400
            )
        view = open_view(record, vocab, request.query_string.decode("utf-8", "replace"))
        cap = row_cap(fmt, server.config["EXPLORER_EXPORT_MAX_ROWS"])
        if cap is not None and len(view.events) > cap:
            return _too_large(view, fmt, cap)
        url = public_base(server.config, request.headers) + prefix + view.query
        if fmt == "csv":  # streamed in blocks, so a large one stops when its client leaves
            name, media_type, chunks = stream_csv(record, view, url)
            # Waitress says when the client has left (channel_request_lookahead): stop then.
            gone = request.environ.get("waitress.client_disconnected", lambda: False)
            body = _until_gone(chunks, gone)
            return Response(body, content_type=media_type, headers=_download(name))
        heavy = cap is not None and len(view.events) > HEAVY_ROWS
        if heavy and not slots.acquire(blocking=False):
            message = "Other large exports are running; try again in a few seconds."
            return _text(message, 429, **{"Retry-After": "10"})
        try:
            out = export_view(record, view, fmt, url)
        finally:
            if heavy:
                slots.release()
        return Response(out.body, content_type=out.media_type, headers=_download(out.filename))


def _download(name: str) -> dict[str, str]:
    # Exports carry their export time and view: never cached by a browser or a proxy.
    return {"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"}
