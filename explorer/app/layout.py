"""The page: header, filter drawer, timeline, details, table, exports and About."""

from __future__ import annotations

from collections.abc import Callable

import dash_ag_grid as dag
from dash import dcc, html

from explorer.citation import ARTICLE, LICENSE, dataset_citation
from explorer.filter_table import BY_ATTR, Filter
from explorer.model import Record
from explorer.state import COLOR_LABELS, LANE_LABELS
from explorer.table import BLOCK_SIZE, COLUMN_DEFS, DEFAULT_COL_DEF

from . import ids
from .insights_layout import insights_section, twin_section
from .publishing import toolbar
from .timeline_layout import stage, window_bar


def _field(label: str, control, for_id: str | None = None) -> html.Div:
    return html.Div([html.Label(label, htmlFor=for_id), control], className="field")


def _options(f: Filter, record: Record) -> list[dict]:
    if f.options is not None:
        return f.options(record)
    values = f.values(record) if f.values is not None else f.choices
    return [{"label": f.value_label(v), "value": v} for v in values]


# A filter's control kind -> its component, labelled, from its row in explorer.filter_table.
CONTROL_BUILDERS: dict[str, Callable[[Filter, str, list[dict]], object]] = {
    "search": lambda f, id_, _: _field(
        f.label,
        dcc.Input(id=id_, type="search", debounce=0.4, value="", placeholder=f.hint),
        id_,
    ),
    "dropdown": lambda f, id_, options: _field(
        f.label, dcc.Dropdown(id=id_, options=options, value=[], multi=True, placeholder=f.hint)
    ),
    "radio": lambda f, id_, options: _field(
        f.label,
        dcc.RadioItems(
            id=id_, options=options, value=f.choices[0], className="checks", inline=True
        ),
    ),
    "checklist": lambda f, id_, options: _field(
        f.label,
        dcc.Checklist(id=id_, options=options, value=[], className="checks", inline=True),
    ),
    "check": lambda f, id_, _: dcc.Checklist(
        id=id_, options=[{"label": f.label, "value": "1"}], value=[], className="checks"
    ),
}
# Where each filter's control sits in the drawer, top to bottom.
DRAWER_FILTERS = (
    "q",
    "leaders",
    "leaders_combine",
    "decades",
    "kinds",
    "hosts",
    "tags",
    "in_abstract",
)


def filter_controls(record: Record) -> list:
    """Return the filters' controls in drawer order, each built from its row."""
    rows = [BY_ATTR[a] for a in DRAWER_FILTERS]
    return [
        CONTROL_BUILDERS[f.control](f, ids.FILTER_CONTROLS[f.attr], _options(f, record))
        for f in rows
    ]


def filters_panel(record: Record) -> html.Aside:
    """Return the filter drawer."""
    return html.Aside(
        id=ids.DRAWER,
        className="drawer",
        children=[
            html.Div(
                className="drawer-head",
                children=[
                    html.H2("Filters", className="drawer-title"),
                    # At the top: reachable without scrolling the drawer or the page.
                    html.Button("Reset", id=ids.RESET, className="button reset", n_clicks=0),
                    html.Button(
                        "×",
                        id=ids.DRAWER_CLOSE,
                        className="button drawer-close",
                        n_clicks=0,
                        title="Close the filters",
                        **{"aria-label": "Close the filters"},
                    ),
                ],
            ),
            *filter_controls(record),
            html.Hr(),
            _field(
                "Lanes",
                dcc.RadioItems(
                    id=ids.LANES,
                    options=[{"label": v, "value": k} for k, v in LANE_LABELS.items()],
                    value="kind",
                    className="checks",
                ),
            ),
            _field(
                "Colour by",
                dcc.RadioItems(
                    id=ids.COLOR,
                    options=[{"label": v, "value": k} for k, v in COLOR_LABELS.items()],
                    value="pair",
                    className="checks",
                    inline=True,
                ),
            ),
        ],
    )


def about(record: Record) -> html.Section:
    """Return the About section: the source article, coverage and how to cite."""
    first, last = record.events["start_date"].min(), record.events["start_date"].max()
    return html.Section(
        id=ids.ABOUT,
        className="about",
        children=[
            html.H2("About"),
            html.P(
                [
                    "This explorer accompanies ",
                    html.Strong(ARTICLE["author"]),
                    f" ({ARTICLE['year']}), ",
                    html.Em(ARTICLE["title"]),
                    f", {ARTICLE['journal']} {ARTICLE['volume']}"
                    f"({ARTICLE['issue']}), {ARTICLE['pages']}, ",
                    html.A(
                        f"doi:{ARTICLE['doi']}",
                        href=ARTICLE["url"],
                        target="_blank",
                        rel="noopener noreferrer",
                    ),
                    ".",
                ]
            ),
            html.P(
                f"The record holds {record.total} leader-level engagements between the People's "
                f"Republic of China and the USSR or Russia, from {first:%B %Y} to {last:%B %Y}: "
                "visits, summits, treaties, declarations, meetings at multilateral events and "
                "calls. Every event cites the pages that state its date and place; each leader's "
                "office on the day comes from leaders.csv."
            ),
            html.P(
                [
                    "Cite the dataset as: ",
                    html.Code(dataset_citation(record.version)),
                    f" Data licence: {LICENSE}.",
                ]
            ),
        ],
    )


def _header() -> html.Header:
    """Return the page's title and its top actions: filters, the view's link, About."""
    link = [
        html.Label("Link to this view", htmlFor=ids.PERMALINK, className="sr-only"),
        dcc.Input(id=ids.PERMALINK, readOnly=True, value="", className="permalink"),
        dcc.Clipboard(id=ids.COPY, target_id=ids.PERMALINK, title="Copy link", className="copy"),
    ]
    toggle = html.Button(
        "Filters",
        id=ids.DRAWER_TOGGLE,
        className="button drawer-toggle",
        n_clicks=0,
        **{"aria-controls": ids.DRAWER, "aria-expanded": "false"},
    )
    title = [
        html.H1("Beijing–Moscow: leader-to-leader diplomacy, 1949–2025"),
        html.P(
            "Visits, summits, treaties and calls between the leaders of China and the USSR/Russia",
            className="subtitle",
        ),
    ]
    about_link = html.A("About", href="#about", className="button")
    return html.Header(
        className="top",
        children=[
            html.Div(title),
            html.Div(className="top-actions", children=[toggle, *link, about_link]),
        ],
    )


def _table() -> html.Section:
    """Return the export buttons and the events table, its rows paged from the server."""
    options = {
        "rowSelection": {
            "mode": "singleRow",
            "checkboxes": False,
            "enableClickSelection": False,
        },
        "cacheBlockSize": BLOCK_SIZE,
        # One Dash output answers one request.
        "maxConcurrentDatasourceRequests": 1,
        "animateRows": False,
    }
    grid = dag.AgGrid(
        id=ids.GRID,
        columnDefs=COLUMN_DEFS,
        defaultColDef=DEFAULT_COL_DEF,
        # Rows come from the server a block at a time.
        rowModelType="infinite",
        getRowId="params.data.id",
        dashGridOptions=options,
        className="ag-theme-quartz",
        style={"height": "420px"},
    )
    return html.Section(
        className="table", children=[html.Div(id=ids.EXPORTS, className="exports"), grid]
    )


def _main(record: Record) -> html.Main:
    """Return the main column: status, window, timeline, table, event list, insights, About."""
    status = html.Div(
        className="status",
        children=[
            html.Span(id=ids.COUNT, className="count", **{"aria-live": "polite"}),
            html.Div(id=ids.CHIPS, className="chips"),
        ],
    )
    empty = html.P(
        id=ids.EMPTY,
        className="empty",
        hidden=True,
        children="No events match these filters. Remove a filter or reset.",
    )
    return html.Main(
        className="main",
        children=[
            status,
            empty,
            window_bar(record),
            stage(),
            toolbar(),  # save the timeline, print, embed (publishing.py)
            _table(),
            twin_section(),
            insights_section(),
            about(record),
        ],
    )


def build_layout(record: Record) -> html.Div:
    """Return the whole page."""
    backdrop = html.Div(id=ids.DRAWER_BACKDROP, className="backdrop", n_clicks=0)
    return html.Div(
        className="app",
        children=[
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.GRID_FOCUS),
            dcc.Store(id=ids.GRID_SYNCED),
            _header(),
            html.Div(className="body", children=[filters_panel(record), backdrop, _main(record)]),
        ],
    )
