"""Callbacks: glue of a few lines each. Read the inputs into a ViewState, call the core, return."""

from __future__ import annotations

from dataclasses import replace

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from explorer import filters, insight_figures, insights
from explorer.details import event_detail
from explorer.figure import timeline_figure, window_from_click, window_from_relayout
from explorer.model import Record
from explorer.state import (
    PAIR_SEPARATOR,
    ViewState,
    Vocabulary,
    from_query,
    reset_filters,
    to_query,
)
from explorer.table import row_index, table_page
from explorer.view import filter_summary, open_view

from . import components, ids, insights_layout

# Control id -> ViewState attribute it mirrors.
CONTROL_ATTRS = {
    ids.SEARCH: "q",
    ids.LEADERS: "leaders",
    ids.DECADES: "decades",
    ids.KINDS: "kinds",
    ids.HOSTS: "hosts",
    ids.TAGS: "tags",
    ids.ABSTRACT: "in_abstract",
    ids.LANES: "lanes",
    ids.COLOR: "color",
}


def control_values(state: ViewState) -> list:
    """Return the value each control shows for `state`, in ids.CONTROLS order."""
    table = {tuple: list, bool: lambda v: ["1"] if v else []}
    return [
        table.get(type(v), lambda x: x)(v)
        for v in (getattr(state, CONTROL_ATTRS[c]) for c in ids.CONTROLS)
    ]


def _texts(value: object) -> tuple[str, ...]:
    # Callback bodies come from the network: keep only the strings of a list.
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _text(value: object, default: str = "") -> str:
    return value if isinstance(value, str) else default


def state_from_controls(state: ViewState, values: list) -> ViewState:
    """Return `state` with the filters and view options the controls show."""
    given = dict(zip((CONTROL_ATTRS[c] for c in ids.CONTROLS), values, strict=False))
    # Places and pairs are chosen in the insights charts, not in a control: keep them.
    multi = {k: _texts(given.get(k)) for k in ("leaders", "decades", "kinds", "hosts", "tags")}
    return replace(
        state,
        **multi,
        in_abstract=bool(_texts(given.get("in_abstract"))),
        q=_text(given.get("q")),
        lanes=_text(given.get("lanes"), state.lanes),
        color=_text(given.get("color"), state.color),
    )


def _clicked_id(point_data: object) -> str | None:
    points = point_data.get("points") if isinstance(point_data, dict) else None
    first = points[0] if isinstance(points, list) and points else {}
    custom = first.get("customdata") if isinstance(first, dict) else None
    return custom[0] if isinstance(custom, list) and custom and isinstance(custom[0], str) else None


def _row_id(cell: object) -> str | None:
    row = cell.get("rowId") if isinstance(cell, dict) else None
    return row if isinstance(row, str) else None


def _point(data: object) -> dict:
    points = data.get("points") if isinstance(data, dict) else None
    first = points[0] if isinstance(points, list) and points else {}
    return first if isinstance(first, dict) else {}


def _chart_action(state: ViewState, trigger: str, data: object) -> ViewState:
    """Return the state after a click in an insight chart (a filter or a time window)."""
    point = _point(data)
    x, y, custom = point.get("x"), point.get("y"), point.get("customdata")
    if trigger == f"{ids.MAP}.clickData" and isinstance(custom, str):
        return replace(state, places=(custom,))
    if trigger == f"{ids.PAIRS}.clickData" and isinstance(x, str) and isinstance(y, str):
        return replace(state, pairs=(f"{y}{PAIR_SEPARATOR}{x}",))
    if trigger == f"{ids.DIRECTION}.clickData" and insights.direction_host(str(custom)):
        return replace(state, hosts=(insights.direction_host(str(custom)),))
    if trigger == f"{ids.TEMPO}.clickData" and isinstance(x, int | float):
        return replace(state, start=f"{int(x)}-01-01", end=f"{int(x)}-12-31")
    return state


def _timeline_click(state: ViewState, data: object) -> ViewState:
    """Return the state after a click on the timeline: a mark opens, a counts cell zooms."""
    window = window_from_click(state, _point(data))
    if window:
        return replace(state, start=window[0], end=window[1])
    return replace(state, event=_clicked_id(data) or state.event)


CHART_TRIGGERS = tuple(f"{c}.clickData" for c in (ids.MAP, ids.PAIRS, ids.DIRECTION, ids.TEMPO))


def next_state(
    record: Record,
    vocab: Vocabulary,
    state: ViewState,
    trigger: str,
    trigger_id: object,
    given: dict,
) -> ViewState:
    """Return the state after one user action: which input fired and what the inputs carry."""

    def step(delta: int) -> ViewState:
        view = filters.apply(record.events, state)
        return replace(state, event=filters.step(view, state.event, delta))

    def window() -> ViewState:
        relayout = given["relayout"] if isinstance(given["relayout"], dict) else None
        start_end = window_from_relayout(relayout)
        return replace(state, start=start_end[0], end=start_end[1]) if start_end else state

    actions = {
        f"{ids.TIMELINE}.clickData": lambda: _timeline_click(state, given["click"]),
        f"{ids.GRID}.cellClicked": lambda: replace(
            state, event=_row_id(given["cell"]) or state.event
        ),
        f"{ids.TIMELINE}.relayoutData": window,
        f"{ids.PREV}.n_clicks": lambda: step(-1),
        f"{ids.NEXT}.n_clicks": lambda: step(1),
        f"{ids.CLOSE}.n_clicks": lambda: replace(state, event=None),
        f"{ids.RESET}.n_clicks": lambda: reset_filters(state),
    }
    if trigger in actions:
        new = actions[trigger]()
    elif trigger in CHART_TRIGGERS:
        new = _chart_action(state, trigger, given["charts"].get(trigger))
    elif trigger == f"{ids.TWIN_PICK}.data":
        pick = given["twin"].get("id") if isinstance(given["twin"], dict) else None
        new = replace(state, event=pick if isinstance(pick, str) else state.event)
    elif isinstance(trigger_id, dict):  # a filter chip's remove button
        new = filters.remove_chip(state, trigger_id["attr"], trigger_id["value"])
    else:
        new = state_from_controls(state, given["values"])
    return from_query(to_query(new), vocab)  # drop anything the vocabulary does not know


CONTROL_PROPS = tuple(f"{c}.value" for c in ids.CONTROLS)
URL_PROP = f"{ids.URL}.search"


def register(app: Dash, record: Record, vocab: Vocabulary) -> None:
    """Register every callback of the page on `app`."""
    capitals = insights.capital_points(record.events)  # from the whole record, once

    @app.callback(
        Output(ids.URL, "search"),
        *[Output(c, "value") for c in ids.CONTROLS],
        Input(ids.URL, "search"),
        *[Input(c, "value") for c in ids.CONTROLS],
        Input(ids.TIMELINE, "clickData"),
        Input(ids.TIMELINE, "relayoutData"),
        Input(ids.GRID, "cellClicked"),
        Input(ids.PREV, "n_clicks"),
        Input(ids.NEXT, "n_clicks"),
        Input(ids.CLOSE, "n_clicks"),
        Input(ids.RESET, "n_clicks"),
        Input({"type": ids.CHIP, "attr": ALL, "value": ALL}, "n_clicks"),
        *[Input(t.split(".")[0], "clickData") for t in CHART_TRIGGERS],
        Input(ids.TWIN_PICK, "data"),
    )
    def sync(search, *args):
        # One callback owns both directions of the URL <-> controls sync (no circular graph).
        n = len(ids.CONTROLS)
        values, (click, relayout, cell) = list(args[:n]), args[n : n + 3]
        charts = dict(zip(CHART_TRIGGERS, args[-1 - len(CHART_TRIGGERS) : -1], strict=True))
        search = _text(search)
        state = from_query(search, vocab)
        fired = ctx.triggered[0] if ctx.triggered_id is not None else {"prop_id": URL_PROP}
        trigger = fired["prop_id"]
        if trigger == URL_PROP:
            return no_update, *control_values(state)
        if trigger.startswith("{") and not fired.get("value"):
            return no_update, *[no_update] * n  # a chip was drawn, not clicked
        given = {
            "values": values,
            "click": click,
            "relayout": relayout,
            "cell": cell,
            "charts": charts,
            "twin": args[-1],
        }
        new = next_state(record, vocab, state, trigger, ctx.triggered_id, given)
        query = to_query(new)
        controls = [no_update] * n if trigger in CONTROL_PROPS else control_values(new)
        return (query if query != search else no_update), *controls

    @app.callback(
        Output(ids.TIMELINE, "figure"),
        Output(ids.TIMELINE_BOX, "hidden"),
        Output(ids.EMPTY, "hidden"),
        Output(ids.COUNT, "children"),
        Output(ids.CHIPS, "children"),
        Output(ids.DETAIL, "children"),
        Output(ids.GRID_FOCUS, "data"),
        Output(ids.TWIN, "children"),
        Output(ids.EXPORTS, "children"),
        Input(ids.URL, "search"),
        State(ids.GRID, "getRowsRequest"),
    )
    def render(search, rows_request):
        view = open_view(record, vocab, _text(search))
        empty = view.events.empty
        index = row_index(view.events, rows_request, view.state.event)
        return (
            timeline_figure(record, view.events, view.state),
            empty,
            not empty,
            f"{len(view.events)} of {record.total} events",
            components.chip_list(filters.chips(view.state)),
            components.detail_panel(event_detail(record, view.state.event)),
            {"event": view.state.event, "index": index, "rows": filter_summary(view.state)},
            insights_layout.twin_items(view.events, view.state.event),
            components.export_links(view.query),
        )

    @app.callback(
        Output(ids.GRID, "getRowsResponse"),
        Input(ids.GRID, "getRowsRequest"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def rows(request, search):
        return table_page(open_view(record, vocab, _text(search)).events, request)

    @app.callback(
        Output(ids.MAP, "figure"),
        Output(ids.TEMPO, "figure"),
        Output(ids.PAIRS, "figure"),
        Output(ids.DIRECTION, "figure"),
        Output(ids.MAP_TABLE, "children"),
        Output(ids.TEMPO_TABLE, "children"),
        Output(ids.PAIRS_TABLE, "children"),
        Output(ids.DIRECTION_TABLE, "children"),
        Output(ids.GAPS_TABLE, "children"),
        Input(ids.URL, "search"),
        Input(ids.INSIGHTS_SEEN, "data"),
    )
    def render_insights(search, seen):
        if seen is not True:
            raise PreventUpdate
        view = open_view(record, vocab, _text(search))
        t = insights.tables(view.events, capitals)
        return (
            insight_figures.map_figure(t.places, t.arcs),
            insight_figures.tempo_figure(t.per_year, record.eras),
            insight_figures.pairs_figure(t.matrix),
            insight_figures.direction_figure(t.direction),
            insights_layout.table(t.places.drop(columns=["titles"])),
            insights_layout.table(t.per_year[t.per_year["total"] > 0], index=True),
            insights_layout.table(t.pairs),
            insights_layout.table(t.direction, index=True),
            insights_layout.table(t.gaps),
        )

    app.clientside_callback(
        ClientsideFunction("explorer", "tableSync"),
        Output(ids.GRID_SYNCED, "data"),
        Input(ids.GRID_FOCUS, "data"),
    )
    app.clientside_callback(
        ClientsideFunction("explorer", "permalink"),
        Output(ids.PERMALINK, "value"),
        Input(ids.URL, "href"),
    )
    app.clientside_callback(
        ClientsideFunction("explorer", "toggleDrawer"),
        Output(ids.DRAWER, "className"),
        Input(ids.DRAWER_TOGGLE, "n_clicks"),
        State(ids.DRAWER, "className"),
        prevent_initial_call=True,
    )
