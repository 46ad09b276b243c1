"""Callbacks: glue of a few lines each. Read the inputs into a ViewState, call the core, return."""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from explorer import insight_figures, insights
from explorer.details import event_detail
from explorer.event_list import event_list
from explorer.figure import legend_items, timeline_figure
from explorer.i18n import language
from explorer.localize import localized, localized_titles
from explorer.model import Record
from explorer.state import Vocabulary, from_query, to_query
from explorer.table import preview, row_index, table_page
from explorer.view import filter_summary, open_view

from . import components, ids, insights_layout
from .actions import CHART_TRIGGERS, CONTROL_PROPS, URL_PROP, control_values, next_state
from .layout import events_grid


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def register_sync(app: Dash, record: Record, vocab: Vocabulary) -> None:
    """Register the callback that owns both directions of the URL <-> controls sync."""
    inputs = {
        "search": Input(ids.URL, "search"),
        "values": [Input(c, "value") for c in ids.CONTROLS],
        "click": Input(ids.TIMELINE, "clickData"),
        "window": Input(ids.WINDOW, "data"),
        "cell": Input(ids.CELL_PICK, "data"),  # the grid's, copied (it comes later)
        "buttons": [Input(b, "n_clicks") for b in (ids.PREV, ids.NEXT, ids.CLOSE, ids.RESET)],
        "fit": Input(ids.FIT, "n_clicks"),
        "chips": Input({"type": ids.CHIP, "attr": ALL, "value": ALL}, "n_clicks"),
        "eras": Input({"type": ids.ERA, "name": ALL}, "n_clicks"),
        "charts": [Input(t.split(".")[0], "data") for t in CHART_TRIGGERS],  # copies
        "twin": Input(ids.TWIN_PICK, "data"),
    }
    outputs = [Output(ids.URL, "search"), [Output(c, "value") for c in ids.CONTROLS]]

    # Not at load: the layout comes with the controls set from the page's URL (pages.py), so
    # the first draw waits for no round trip. Later URL changes (back, forward) set them here.
    @app.callback(output=outputs, inputs=inputs, prevent_initial_call=True)
    def sync(search, values, click, window, cell, buttons, fit, chips, eras, charts, twin):
        # One callback owns both directions (no circular graph); the core decides the state.
        search = _text(search)
        state = from_query(search, vocab)
        fired = ctx.triggered[0] if ctx.triggered_id is not None else {"prop_id": URL_PROP}
        trigger = fired["prop_id"]
        if trigger == URL_PROP:
            return no_update, control_values(state)
        if trigger.startswith("{") and not fired.get("value"):
            return no_update, [no_update] * len(ids.CONTROLS)  # a button was drawn, not clicked
        given = {"values": values, "click": click, "window": window, "cell": cell}
        given |= {"charts": dict(zip(CHART_TRIGGERS, charts, strict=True)), "twin": twin}
        new = next_state(record, vocab, state, trigger, ctx.triggered_id, given)
        query = to_query(new)
        # The control the user is typing in keeps its own value; the others follow the state.
        controls = [
            no_update if prop == trigger else value
            for prop, value in zip(CONTROL_PROPS, control_values(new), strict=True)
        ]
        return (query if query != search else no_update), controls


# The grid's props that callbacks running before it came read, from these stores instead.
GRID_COPIES = {"cellClicked": ids.CELL_PICK, "getRowsRequest": ids.GRID_REQUEST}

# What the view a URL names shows: name -> (component id, prop). The render callback's outputs,
# and what the layout of a known URL carries already (pages.py).
VIEW_OUTPUTS = {
    "figure": (ids.TIMELINE, "figure"),
    "box_hidden": (ids.TIMELINE_BOX, "hidden"),
    "empty_hidden": (ids.EMPTY, "hidden"),
    "count": (ids.COUNT, "children"),
    "chips": (ids.CHIPS, "children"),
    "legend": (ids.LEGEND, "children"),
    "detail": (ids.DETAIL, "children"),
    "focus": (ids.GRID_FOCUS, "data"),
    "twin": (ids.TWIN_DATA, "data"),
    "exports": (ids.EXPORTS, "children"),
    "preview": (ids.TABLE_PREVIEW, "children"),
}


def view_outputs(record: Record, vocab: Vocabulary, search: object, rows: object = None) -> dict:
    """Return what the view `search` names shows, by VIEW_OUTPUTS name (`rows`: the table's
    last request, to find the chosen event's row)."""
    view = open_view(record, vocab, _text(search))
    state, empty = view.state, view.timeline.empty
    lang = language(state.lang)
    shown = localized(view.events, lang, leaders=record.leaders)  # as the table shows them
    return {
        "figure": timeline_figure(record, localized(view.timeline, lang), state),
        "box_hidden": empty,
        "empty_hidden": not empty,
        "count": view.count_text(record.total),
        "chips": components.chip_list(view.chips, lang),
        "legend": components.legend(legend_items(record, view.timeline, state), lang),
        "detail": components.detail_panel(event_detail(record, state.event, lang), lang),
        "focus": {
            "event": state.event,
            "index": row_index(shown, rows, state.event, lang),
            "rows": filter_summary(state),
        },
        "twin": event_list(shown, state.event, lang),
        "exports": components.export_links(view.query, lang),
        "preview": components.table_preview(preview(shown, lang)),
    }


def register_render(app: Dash, record: Record, vocab: Vocabulary) -> None:
    """Register the callback that draws the view the URL names."""

    # Not at load: the layout of a known URL shows its view already (pages.py); without one,
    # dcc.Location fills in the URL at mount, and that change draws it.
    @app.callback(
        output={name: Output(*target) for name, target in VIEW_OUTPUTS.items()},
        inputs={"search": Input(ids.URL, "search"), "rows": State(ids.GRID_REQUEST, "data")},
        prevent_initial_call=True,
    )
    def render(search, rows):
        return view_outputs(record, vocab, search, rows)

    @app.callback(
        Output(ids.GRID, "getRowsResponse"),
        Input(ids.GRID, "getRowsRequest"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def rows(request, search):
        view = open_view(record, vocab, _text(search))
        lang = language(view.state.lang)
        return table_page(localized(view.events, lang, leaders=record.leaders), request, lang)

    # The grid comes once the table is wanted (assets/app.js has loaded its script by then).
    @app.callback(
        Output(ids.GRID_MOUNT, "children"),
        Output(ids.TABLE_PREVIEW, "hidden"),
        Input(ids.GRID_WANTED, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def grid(wanted, search):
        if wanted is not True:
            raise PreventUpdate
        return events_grid(language(from_query(_text(search), vocab).lang)), True


def register_insights(app: Dash, record: Record, vocab: Vocabulary) -> None:
    """Register the insights: charts once scrolled near, each table only while it is open."""
    capitals = insights.capital_points(record.events)  # from the whole record, once

    @app.callback(
        *[Output(ids.CHART_MOUNTS[c], "children") for c in ids.CHARTS],
        Output(ids.GAPS_TABLE, "children"),
        Input(ids.URL, "search"),
        Input(ids.INSIGHTS_SEEN, "data"),
        prevent_initial_call=True,  # nothing to draw before the section is seen
    )
    def charts(search, seen):
        if seen is not True:
            raise PreventUpdate
        view = open_view(record, vocab, _text(search))
        lang = language(view.state.lang)
        t = insights.tables(localized_titles(view.events, lang), capitals)
        figures = {
            ids.MAP: insight_figures.map_figure(t.places, t.arcs, lang),
            ids.TEMPO: insight_figures.tempo_figure(t.per_year, record.eras, lang),
            ids.PAIRS: insight_figures.pairs_figure(t.matrix, lang),
            ids.DIRECTION: insight_figures.direction_figure(t.direction, lang),
        }
        charts = [insights_layout.chart(c, figures[c]) for c in ids.CHARTS]
        return *charts, insights_layout.table(t.gaps, lang=lang)

    @app.callback(
        output=[Output(table, "children") for table in ids.INSIGHT_TABLES],
        inputs={
            "search": Input(ids.URL, "search"),
            "clicks": [
                Input({"type": ids.TABLE_TOGGLE, "table": t}, "n_clicks")
                for t in ids.INSIGHT_TABLES
            ],
        },
        prevent_initial_call=True,  # every table starts closed, and empty
    )
    def tables(search, clicks):
        shown = [isinstance(n, int) and n % 2 == 1 for n in clicks]  # <details> opened
        if not any(shown):
            return [[] for _ in clicks]
        view = open_view(record, vocab, _text(search))
        lang = language(view.state.lang)
        frames = insights.table_frames(localized_titles(view.events, lang), capitals)
        return [
            insights_layout.table(frame, index=index, lang=lang) if show else []
            for show, (frame, index) in zip(shown, frames, strict=True)
        ]


def register_client(app: Dash) -> None:
    """Register the callbacks that run in the browser (assets/app.js)."""
    # The grid's clicks and rows requests, and the insight charts' clicks, kept where
    # callbacks that run before they came can read them (a callback with one input missing
    # from the page would fail).
    copies = [(ids.GRID, prop, store) for prop, store in GRID_COPIES.items()]
    copies += [(chart, "clickData", ids.CHART_CLICKS[chart]) for chart in ids.CHARTS]
    for component, prop, store in copies:
        app.clientside_callback(
            ClientsideFunction("explorer", "copy"),
            Output(store, "data"),
            Input(component, prop),
            prevent_initial_call=True,
        )
    app.clientside_callback(
        ClientsideFunction("explorer", "tableSync"),
        Output(ids.GRID_SYNCED, "data"),
        Input(ids.GRID_FOCUS, "data"),
    )
    app.clientside_callback(
        ClientsideFunction("explorer", "permalink"),
        Output(ids.PERMALINK, "value"),
        Input(ids.URL, "search"),
        State(ids.URL, "pathname"),
    )
    app.clientside_callback(
        ClientsideFunction("explorer", "drawer"),
        Output(ids.DRAWER, "className"),
        Output(ids.DRAWER_TOGGLE, "aria-expanded"),
        Input(ids.DRAWER_TOGGLE, "n_clicks"),
        Input(ids.DRAWER_CLOSE, "n_clicks"),
        Input(ids.DRAWER_BACKDROP, "n_clicks"),
        State(ids.DRAWER, "className"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("explorer", "eventList"),
        Output(ids.TWIN, "data-drawn"),
        Input(ids.TWIN_DATA, "data"),
    )


def register(app: Dash, record: Record, vocab: Vocabulary) -> None:
    """Register every callback of the page on `app`."""
    register_sync(app, record, vocab)
    register_render(app, record, vocab)
    register_insights(app, record, vocab)
    register_client(app)
