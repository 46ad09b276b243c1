"""The app factory: one function builds a fresh, independent Dash app for a dataset."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from dash import Dash
from flask import Flask

from explorer.filters import vocabulary
from explorer.model import Record, load_record
from explorer.paths import ASSETS_DIR, DATA_DIR
from explorer.record_cache import cached_record
from explorer.search import limit_terms

from . import compression
from .callbacks import register
from .first_view import PLOTLY_LATER, register_first_view
from .hardening import register_hardening
from .language import register_language, register_switch
from .layout import page_title
from .pages import Pages
from .publishing import register_publishing
from .routes import register_routes


def load_app_record(data_dir: Path | str = DATA_DIR) -> Record:
    """Return the validated record in `data_dir` (raises loader.DataError when invalid), from
    the record cache when its files and the code are unchanged (explorer.record_cache)."""
    return cached_record(data_dir, lambda: load_record(data_dir))


def create_app(
    data_dir: Path | str = DATA_DIR,
    record: Record | None = None,
    *,
    base_path: str | None = None,
    frame_ancestors: tuple[str, ...] = (),
    max_terms: int | None = None,
) -> Dash:
    """Return a Dash app serving the record (loaded from `data_dir` unless given) under
    `base_path` (e.g. "/explorer/"; default: DASH_URL_BASE_PATHNAME or Dash's other prefix
    settings, else "/"), its embed view framable by the origins in `frame_ancestors`, its
    searches using at most `max_terms` terms (default text.MAX_TERMS)."""
    record = record if record is not None else load_app_record(data_dir)
    if max_terms:
        record = replace(record, events=limit_terms(record.events, max_terms))
    vocab = vocabulary(record)
    # assets_folder resolves against this module unless given: in a wheel they are package
    # data, in a checkout they live at the top (explorer.paths).
    server = Flask(__name__)  # as Dash would make it, set to keep compressed scripts first
    compression.configure(server)
    app = Dash(
        __name__,
        server=server,
        title=page_title(record),
        assets_folder=str(ASSETS_DIR),
        serve_locally=True,
        # Served, not listed: plotly's later part is fetched when a figure needs it (js/plotly).
        assets_ignore=re.escape(PLOTLY_LATER) + "$",
        update_title=None,
        compress=True,  # zstd/brotli/gzip for JS, CSS and JSON (flask-compress; compression.py)
        # The table's grid joins the page later (callbacks.py): its callbacks name it before.
        suppress_callback_exceptions=True,
        **({"url_base_pathname": base_path} if base_path else {}),
    )
    compression.whole_files(server)
    app.index_string = app.index_string.replace("<html>", '<html lang="en">', 1)
    pages = Pages(record, vocab)
    register_language(app, pages.layout, lambda lang: page_title(record, lang))
    register_switch(app)
    register(app, record, vocab)
    register_routes(app.server, record, vocab, app.config.routes_pathname_prefix)
    register_publishing(app, record)
    register_first_view(app, record, vocab, pages)
    register_hardening(
        app, version=record.version, events=record.total, frame_ancestors=frame_ancestors
    )
    # Dash registers its component libraries while rendering the first page. Do it now, so
    # that worker processes forked from this one (explorer serve) can all serve the JS bundles.
    app.server.test_client().get(app.config.routes_pathname_prefix)
    return app
