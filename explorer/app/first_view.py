"""The server-rendered first view: the page's HTML already shows the view its URL asks for.

The index page carries the layout written out as static HTML (static_html.py) with the count,
the legend, the timeline as SVG (explorer.timeline_svg, drawn from the figure plotly will draw),
the first events and the list of events in order. assets/first_view.js hands the SVG over to
Dash's timeline box once Dash has rendered, and hides it once plotly has drawn. Without
JavaScript the static page stays. The same SVG is the timeline's download.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from dash import Dash
from flask import Response, request

from explorer.figure import timeline_figure
from explorer.i18n import language, translate
from explorer.localize import localized
from explorer.model import Record
from explorer.state import Vocabulary, from_query
from explorer.timeline_svg import page_svg, scene, standalone_svg
from explorer.view import open_view

from . import ids
from .hardening import EMBED_PATH
from .pages import PAGES_KEPT, Pages
from .static_html import static_html

FIRST_EVENTS = 12  # events listed beside the timeline in the first view
ID_PREFIX = "fv-"  # the static page's ids: Dash's own elements keep theirs
RENDERER = "/* Dash's renderer starts from assets/first_view.js */"
SCRIPT = re.compile(r'<script src="([^"]+)"></script>')
# What becomes of a script, by a part of its path (others: run in order after the first paint).
SCRIPT_KINDS = {
    "first_view.js": "loader",  # the one script that runs before the first paint
    "/dash_ag_grid/": "fv-grid",  # the grid: assets/app.js loads it when the table is wanted
    "/dash/dash_table/": "",  # Dash lists DataTable's bundle always; this page has none
    # babel-polyfill: core-js for old browsers, ~70 ms of evaluation before Dash can start. Of
    # it, Dash's renderer and dcc need only regenerator's runtime: assets/vendor has it.
    "/dash/deps/polyfill@": "",
}


PLOTLY = "plotly-explorer.min.js"
PLOTLY_LATER = "plotly-explorer.later.min.js"  # fetched by the first part when needed
PLOTLY_START = {"scatter"}  # the trace types of the first part (js/plotly/traces.json)


def later(scripts: str, figure: dict | None = None) -> str:
    """Return Dash's script tags as the loader and inert links, for the head: assets/first_view.js
    turns the links into scripts, in order, once the first view is painted. Not preloads:
    evaluating Dash's scripts before the first frame held the paint back ~250 ms, and preloading
    them (fetched, and parsed off the main thread, while the page is laid out) another ~250 ms
    on two cores. In the head, the loader (async) runs as soon as it has come, not once the whole
    page is parsed. Some scripts are not run at start at all (SCRIPT_KINDS)."""
    out = []
    for src in SCRIPT.findall(scripts):
        kind = next((k for part, k in SCRIPT_KINDS.items() if part in src), "fv-script")
        if kind == "loader":
            out.append(f'<script async src="{src}"></script>')
        elif kind:
            out.append(f'<link class="{kind}" data-src="{src}">')
        if PLOTLY in src and figure and needs_later(figure):
            # Fetched with the others, not once plotly has been asked to draw (js/plotly).
            out.append(f'<link class="fv-script" data-src="{src.replace(PLOTLY, PLOTLY_LATER)}">')
    return "\n".join(out)


def needs_later(figure: dict) -> bool:
    """Return whether `figure` draws a trace type of plotly's later part."""
    return any(t.get("type", "scatter") not in PLOTLY_START for t in figure["data"])


DOWNLOAD = "china-russia-timeline.svg"  # the SVG download's file name


def _overlay(figure: dict, lang: str) -> str:
    """Return the SVG timeline of `figure` in a box that covers the timeline box, placed over
    plotly's plot area by the figure's own margins."""
    s = scene(figure)
    m = s.margin
    place = f"left:{m['l']}px;right:{m['r']}px;top:{m['t']}px;bottom:{m['b']}px"
    return (
        f'<div id="{ids.FIRST_VIEW}" class="fv-box">'
        f'<div class="fv-plot" style="{place}">{page_svg(s, lang)}</div></div>'
    )


def _first_events(rows: list[dict], lang: str) -> str:
    items = "".join(
        f'<li><span class="twin-date">{escape(r["date"])}</span> {escape(r["title"])}</li>'
        for r in rows[:FIRST_EVENTS]
    )
    title = escape(translate("first_view.first", lang))
    return f'<h2 class="fv-first">{title}</h2><ol class="fv-events">{items}</ol>'


def _twin_items(rows: list[dict]) -> str:
    """Return the list of the view's events, for readers without JavaScript: in a <noscript>,
    which a browser running scripts keeps as text, so that the list costs the first paint
    nothing there (~40 ms of parsing and layout for the whole record); Dash draws its own."""
    items = "".join(
        f'<li class="twin-item" role="option" aria-selected="false">'
        f'<span class="twin-date">{escape(r["date"])}</span> {escape(r["title"])}</li>'
        for r in rows
    )
    return f"<noscript>{items}</noscript>"


def first_view_html(layout: object, shown: dict, lang: str) -> str:
    """Return the static page of a view: its layout with what the view shows (`shown`, by
    callbacks.VIEW_OUTPUTS name, as the layout request gets it) in `lang`, ids prefixed with
    ID_PREFIX."""
    rows = shown["twin"]["rows"]
    fills = {
        ids.COUNT: escape(shown["count"]),
        ids.LEGEND: static_html(shown["legend"], {}, {}),
        ids.TIMELINE_BOX: "" if shown["box_hidden"] else _overlay(shown["figure"], lang),
        ids.DETAIL: _first_events(rows, lang),
        ids.TWIN: _twin_items(rows),
        ids.TABLE_PREVIEW: static_html(shown["preview"], {}, {}),
    }
    props = {
        ids.EMPTY: {"hidden": shown["empty_hidden"]},
        ids.TIMELINE_BOX: {"hidden": shown["box_hidden"]},
    }
    page = static_html(layout, fills, props, ID_PREFIX)
    return f'<div id="{ids.FIRST_VIEW_PAGE}">{page}</div>'


def register_first_view(app: Dash, record: Record, vocab: Vocabulary, pages: Pages) -> None:
    """Serve the first view inside the index page (its layout and what it shows from `pages`,
    the same as the layout request's), and the timeline's SVG download."""
    plain = app.interpolate_index
    prefix = app.config.routes_pathname_prefix
    # Dash starts from assets/first_view.js once the first view is painted and its scripts ran
    # (this inline script stays, empty, in the CSP's hashes that register_hardening reads).
    app.renderer = RENDERER

    @lru_cache(maxsize=PAGES_KEPT)
    def page_of(query: str) -> str:
        lang = language(from_query(query, vocab).lang)
        return first_view_html(pages.with_controls(lang, query), pages.outputs(query), lang)

    def interpolate_index(**kwargs: str) -> str:
        query = request.query_string.decode("utf-8", "replace") if request else ""
        page = page_of(query)
        # Dash's scripts go to the head as the loader and links (`later`), and its config with
        # them: the loader may start Dash's requests while the page is still being parsed.
        scripts = later(kwargs["scripts"], pages.outputs(query)["figure"])
        head = kwargs["css"] + kwargs["config"] + scripts
        parts = {"app_entry": page + kwargs["app_entry"], "scripts": "", "config": ""}
        index = plain(**kwargs | parts | {"css": head})
        # The embed view's look (publishing.css, html.embed) from the first paint: its script
        # now runs only after it.
        embedded = request and request.path == prefix + EMBED_PATH
        return index.replace("<html", '<html class="embed"', 1) if embedded else index

    app.interpolate_index = interpolate_index

    @app.server.route(f"{prefix}export/timeline.svg")
    def timeline_svg() -> Response:
        view = open_view(record, vocab, request.query_string.decode("utf-8", "replace"))
        lang = language(view.state.lang)
        figure = timeline_figure(record, localized(view.timeline, lang), view.state)
        return Response(
            standalone_svg(scene(figure), lang=lang),
            content_type="image/svg+xml; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{DOWNLOAD}"'},
        )
