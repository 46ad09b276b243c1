"""Publishing a view: the embed view, the timeline as SVG or PNG, printing, one event's exports.

`<base path>embed?<query>` serves the page itself; assets/publishing.js marks it as embedded and
assets/publishing.css then shows the timeline and the details only. Only that path may be framed,
and only by the origins the operator lists (hardening.py, `--frame-ancestors`).
"""

from __future__ import annotations

from datetime import UTC, datetime

from dash import ClientsideFunction, Dash, Input, Output, dcc, html
from flask import Response, request

from explorer.event_exports import EVENT_FORMATS, event_export
from explorer.i18n import translate
from explorer.model import Record

from . import ids


def toolbar(lang: str = "en") -> html.Div:
    """Return the buttons under the timeline: save it, print the view, embed it."""
    return html.Div(
        id=ids.PUBLISH,
        className="publish",
        children=[
            html.Span(translate("publish.timeline", lang), className="label"),
            html.Button(
                translate("publish.svg", lang), id=ids.SAVE_SVG, className="button", type="button"
            ),
            html.Button(
                translate("publish.png", lang), id=ids.SAVE_PNG, className="button", type="button"
            ),
            html.Button(
                translate("publish.print", lang), id=ids.PRINT, className="button", type="button"
            ),
            html.Details(
                id=ids.EMBED,
                className="embed-box",
                children=[
                    html.Summary(translate("publish.embed", lang), className="button"),
                    html.Label(
                        translate("publish.embed_help", lang),
                        htmlFor=ids.EMBED_CODE,
                    ),
                    dcc.Textarea(id=ids.EMBED_CODE, readOnly=True, value="", rows=3),
                    dcc.Clipboard(
                        target_id=ids.EMBED_CODE, title=translate("publish.embed_copy", lang)
                    ),
                ],
            ),
        ],
    )


def register_publishing(app: Dash, record: Record) -> None:
    """Add one event's exports, CORS on the read-only exports and the embed code's callback."""
    server, prefix = app.server, app.config.routes_pathname_prefix

    @server.route(f"{prefix}export/event/<path:name>")
    def export_event(name: str) -> Response:
        page_url = request.host_url.rstrip("/") + app.config.requests_pathname_prefix
        out = event_export(record, name, page_url, str(datetime.now(UTC).year))
        if out is None:
            return Response(
                f"No such event or format: {name!r}. Use export/event/<id>.<format>, "
                f"the format one of: {', '.join(EVENT_FORMATS)}.\n",
                status=404,
                mimetype="text/plain",
            )
        how = "inline" if name.endswith(".txt") else "attachment"  # a text citation is read
        return Response(
            out.body,
            content_type=out.media_type,
            headers={"Content-Disposition": f'{how}; filename="{out.filename}"'},
        )

    @server.after_request
    def allow_reading_exports(response: Response) -> Response:
        # Exports are read-only and public: a notebook on another origin may fetch them.
        if request.path.startswith(f"{prefix}export/") and request.method in ("GET", "HEAD"):
            response.headers["Access-Control-Allow-Origin"] = "*"
        return response

    app.clientside_callback(
        ClientsideFunction("publishing", "embedCode"),
        Output(ids.EMBED_CODE, "value"),
        Input(ids.URL, "href"),
    )
