"""The page: header, filter drawer, timeline, details, table, exports and About."""

from __future__ import annotations

import dash_ag_grid as dag
from dash import dcc, html

from explorer.citation import ARTICLE, LICENSE, dataset_citation
from explorer.filters import DECADES
from explorer.model import HOST_GROUP_LABELS, KIND_LABELS, Record
from explorer.state import COLOR_LABELS, COMBINE_LABELS, LANE_LABELS
from explorer.table import BLOCK_SIZE, COLUMN_DEFS, DEFAULT_COL_DEF

from . import ids
from .insights_layout import insights_section, twin_section
from .publishing import toolbar
from .timeline_layout import stage, window_bar

SIDE_ORDER = (("China", "China"), ("USSR", "USSR"), ("Russia", "Russia"))


def leader_options(record: Record) -> list[dict]:
    """Return the leader choices grouped by side, each with its native name."""
    leaders = record.leaders.drop_duplicates("name")
    options: list[dict] = []
    for side, label in SIDE_ORDER:
        rows = leaders[leaders["side"] == side]
        if rows.empty:
            continue
        options.append({"label": f"— {label} —", "value": f"__{side}", "disabled": True})
        options += [
            {"label": f"{r.name} · {r.native_name}", "value": r.name, "search": r.name}
            for r in rows.itertuples(index=False)
        ]
    return options


def tag_options(record: Record) -> list[dict]:
    """Return the tags in use, most frequent first, with their counts."""
    counts = record.events["tags"].explode().value_counts()
    return [{"label": f"{tag} ({n})", "value": tag} for tag, n in counts.items()]


def _checklist(id_: str, labels: dict[str, str]) -> dcc.Checklist:
    options = [{"label": v, "value": k} for k, v in labels.items()]
    return dcc.Checklist(id=id_, options=options, value=[], className="checks", inline=True)


def _field(label: str, control, for_id: str | None = None) -> html.Div:
    return html.Div([html.Label(label, htmlFor=for_id), control], className="field")


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
            _field(
                "Search (any script)",
                dcc.Input(
                    id=ids.SEARCH,
                    type="search",
                    debounce=0.4,
                    value="",
                    placeholder="Хрущёв, 赫鲁晓夫, gas…",
                ),
                ids.SEARCH,
            ),
            _field(
                "Leaders",
                dcc.Dropdown(
                    id=ids.LEADERS,
                    options=leader_options(record),
                    value=[],
                    multi=True,
                    placeholder="Any leader",
                ),
            ),
            _field(
                "Several leaders: events with",
                dcc.RadioItems(
                    id=ids.LEADERS_COMBINE,
                    options=[{"label": f"{v} them", "value": k} for k, v in COMBINE_LABELS.items()],
                    value="any",
                    className="checks",
                    inline=True,
                ),
            ),
            _field("Decades", _checklist(ids.DECADES, {d: d for d in DECADES})),
            _field("Kind", _checklist(ids.KINDS, KIND_LABELS)),
            _field("Host", _checklist(ids.HOSTS, HOST_GROUP_LABELS)),
            _field(
                "Tags",
                dcc.Dropdown(
                    id=ids.TAGS,
                    options=tag_options(record),
                    value=[],
                    multi=True,
                    placeholder="Any tag",
                ),
            ),
            dcc.Checklist(
                id=ids.ABSTRACT,
                options=[{"label": "Only events named in the article's abstract", "value": "1"}],
                value=[],
                className="checks",
            ),
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


def build_layout(record: Record) -> html.Div:
    """Return the whole page."""
    return html.Div(
        className="app",
        children=[
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.GRID_FOCUS),
            dcc.Store(id=ids.GRID_SYNCED),
            html.Header(
                className="top",
                children=[
                    html.Div(
                        [
                            html.H1("Beijing–Moscow: leader-to-leader diplomacy, 1949–2025"),
                            html.P(
                                "Visits, summits, treaties and calls between the leaders of China "
                                "and the USSR/Russia",
                                className="subtitle",
                            ),
                        ]
                    ),
                    html.Div(
                        className="top-actions",
                        children=[
                            html.Button(
                                "Filters",
                                id=ids.DRAWER_TOGGLE,
                                className="button drawer-toggle",
                                n_clicks=0,
                                **{"aria-controls": ids.DRAWER, "aria-expanded": "false"},
                            ),
                            html.Label(
                                "Link to this view", htmlFor=ids.PERMALINK, className="sr-only"
                            ),
                            dcc.Input(
                                id=ids.PERMALINK,
                                readOnly=True,
                                value="",
                                className="permalink",
                            ),
                            dcc.Clipboard(
                                id=ids.COPY,
                                target_id=ids.PERMALINK,
                                title="Copy link",
                                className="copy",
                            ),
                            html.A("About", href="#about", className="button"),
                        ],
                    ),
                ],
            ),
            html.Div(
                className="body",
                children=[
                    filters_panel(record),
                    html.Div(id=ids.DRAWER_BACKDROP, className="backdrop", n_clicks=0),
                    html.Main(
                        className="main",
                        children=[
                            html.Div(
                                className="status",
                                children=[
                                    html.Span(
                                        id=ids.COUNT, className="count", **{"aria-live": "polite"}
                                    ),
                                    html.Div(id=ids.CHIPS, className="chips"),
                                ],
                            ),
                            html.P(
                                id=ids.EMPTY,
                                className="empty",
                                hidden=True,
                                children="No events match these filters. Remove a filter or reset.",
                            ),
                            window_bar(record),
                            stage(),
                            toolbar(),  # save the timeline, print, embed (publishing.py)
                            html.Section(
                                className="table",
                                children=[
                                    html.Div(id=ids.EXPORTS, className="exports"),
                                    dag.AgGrid(
                                        id=ids.GRID,
                                        columnDefs=COLUMN_DEFS,
                                        defaultColDef=DEFAULT_COL_DEF,
                                        # Rows come from the server a block at a time.
                                        rowModelType="infinite",
                                        getRowId="params.data.id",
                                        dashGridOptions={
                                            "rowSelection": {
                                                "mode": "singleRow",
                                                "checkboxes": False,
                                                "enableClickSelection": False,
                                            },
                                            "cacheBlockSize": BLOCK_SIZE,
                                            # One Dash output answers one request.
                                            "maxConcurrentDatasourceRequests": 1,
                                            "animateRows": False,
                                        },
                                        className="ag-theme-quartz",
                                        style={"height": "420px"},
                                    ),
                                ],
                            ),
                            twin_section(),
                            insights_section(),
                            about(record),
                        ],
                    ),
                ],
            ),
        ],
    )
