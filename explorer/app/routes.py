"""Plain HTTP routes beside the page: the exports of any view, keyed by its query string."""

from __future__ import annotations

from flask import Flask, Response, request

from explorer.exports import FORMATS
from explorer.model import Record
from explorer.state import Vocabulary
from explorer.view import export_view, open_view


def register_routes(server: Flask, record: Record, vocab: Vocabulary, prefix: str = "/") -> None:
    """Add `<prefix>export/events.<format>?<the page's query string>` to the Flask server."""

    @server.route(f"{prefix}export/events.<path:fmt>")
    def export_events(fmt: str) -> Response:
        if fmt not in FORMATS:
            known = ", ".join(FORMATS)
            return Response(
                f"Unknown export format {fmt!r}. Known formats: {known}.\n",
                status=400,
                mimetype="text/plain",
            )
        query = request.query_string.decode("utf-8", "replace")
        page_url = request.host_url.rstrip("/") + prefix + (f"?{query}" if query else "")
        out = export_view(record, open_view(record, vocab, query), fmt, page_url)
        return Response(
            out.body,
            content_type=out.media_type,
            headers={
                "Content-Disposition": f'attachment; filename="{out.filename}"',
            },
        )
