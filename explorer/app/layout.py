"""The page: header, filter drawer, timeline, details, table, exports and About."""

from __future__ import annotations

import dash_ag_grid as dag
from dash import dcc, html

from explorer.citation import ARTICLE, LICENSE, dataset_citation
from explorer.filters import DECADES
from explorer.i18n import LANG_NAMES, LANGS, month_year, term, translate
from explorer.model import HOST_GROUP_LABELS, KIND_LABELS, Record
from explorer.state import COLOR_LABELS, COMBINE_LABELS, LANE_LABELS
from explorer.table import BLOCK_SIZE, DEFAULT_COL_DEF, column_defs, grid_locale

from . import ids
from .insights_layout import insights_section, twin_section
from .publishing import toolbar
from .timeline_layout import stage, window_bar

SIDE_ORDER = (("China", "China"), ("USSR", "USSR"), ("Russia", "Russia"))


def leader_options(record: Record, lang: str = "en") -> list[dict]:
    """Return the leader choices grouped by side, each with its native name."""
    leaders = record.leaders.drop_duplicates("name")
    options: list[dict] = []
    for side, label in SIDE_ORDER:
        rows = leaders[leaders["side"] == side]
        if rows.empty:
            continue
        label = translate(f"side.{side}", lang)
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
    options = [{"label": v, "value": k} for k, v in labels.items()]  # labels already translated
    return dcc.Checklist(id=id_, options=options, value=[], className="checks", inline=True)


def _field(label: str, control, for_id: str | None = None) -> html.Div:
    return html.Div([html.Label(label, htmlFor=for_id), control], className="field")


def _terms(prefix: str, values: dict[str, str], lang: str) -> dict[str, str]:
    return {k: term(prefix, k, lang) for k in values}


def filters_panel(record: Record, lang: str = "en") -> html.Aside:
    """Return the filter drawer."""
    return html.Aside(
        id=ids.DRAWER,
        className="drawer",
        children=[
            html.Div(
                className="drawer-head",
                children=[
                    html.H2(translate("filters.title", lang), className="drawer-title"),
                    # At the top: reachable without scrolling the drawer or the page.
                    html.Button(
                        translate("filters.reset", lang),
                        id=ids.RESET,
                        className="button reset",
                        n_clicks=0,
                    ),
                    html.Button(
                        "×",
                        id=ids.DRAWER_CLOSE,
                        className="button drawer-close",
                        n_clicks=0,
                        title=translate("filters.close", lang),
                        **{"aria-label": translate("filters.close", lang)},
                    ),
                ],
            ),
            _field(
                translate("filters.search", lang),
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
                translate("filters.leaders", lang),
                dcc.Dropdown(
                    id=ids.LEADERS,
                    options=leader_options(record, lang),
                    value=[],
                    multi=True,
                    placeholder=translate("filters.any_leader", lang),
                ),
            ),
            _field(
                translate("filters.combine", lang),
                dcc.RadioItems(
                    id=ids.LEADERS_COMBINE,
                    options=[
                        {"label": translate(f"filters.combine.{k}", lang), "value": k}
                        for k in COMBINE_LABELS
                    ],
                    value="any",
                    className="checks",
                    inline=True,
                ),
            ),
            _field(
                translate("filters.decades", lang), _checklist(ids.DECADES, {d: d for d in DECADES})
            ),
            _field(
                translate("filters.kind", lang),
                _checklist(ids.KINDS, _terms("kind", KIND_LABELS, lang)),
            ),
            _field(
                translate("filters.host", lang),
                _checklist(ids.HOSTS, _terms("host", HOST_GROUP_LABELS, lang)),
            ),
            _field(
                translate("filters.tags", lang),
                dcc.Dropdown(
                    id=ids.TAGS,
                    options=tag_options(record),
                    value=[],
                    multi=True,
                    placeholder=translate("filters.any_tag", lang),
                ),
            ),
            dcc.Checklist(
                id=ids.ABSTRACT,
                options=[{"label": translate("filters.abstract", lang), "value": "1"}],
                value=[],
                className="checks",
            ),
            html.Hr(),
            _field(
                translate("filters.lanes", lang),
                dcc.RadioItems(
                    id=ids.LANES,
                    options=[
                        {"label": v, "value": k}
                        for k, v in _terms("lane", LANE_LABELS, lang).items()
                    ],
                    value="kind",
                    className="checks",
                ),
            ),
            _field(
                translate("filters.color", lang),
                dcc.RadioItems(
                    id=ids.COLOR,
                    options=[
                        {"label": v, "value": k}
                        for k, v in _terms("color", COLOR_LABELS, lang).items()
                    ],
                    value="pair",
                    className="checks",
                    inline=True,
                ),
            ),
        ],
    )


def article_reference() -> list:
    """Return the source article's reference: author, year, title, journal and DOI link."""
    return [
        html.Strong(ARTICLE["author"]),
        f" ({ARTICLE['year']}), ",
        html.Em(ARTICLE["title"]),
        f", {ARTICLE['journal']} {ARTICLE['volume']}({ARTICLE['issue']}), {ARTICLE['pages']}, ",
        html.A(
            f"doi:{ARTICLE['doi']}", href=ARTICLE["url"], target="_blank", rel="noopener noreferrer"
        ),
    ]


def about(record: Record, lang: str = "en") -> html.Section:
    """Return the About section: the source article, coverage and how to cite."""
    first, last = record.events["start_date"].min(), record.events["start_date"].max()
    return html.Section(
        id=ids.ABOUT,
        className="about",
        children=[
            html.H2(translate("about.title", lang)),
            html.P(
                [
                    translate("about.accompanies", lang),
                    # The article's reference stays as published (English), marked as such.
                    html.Span(lang="en", children=article_reference()),
                    ".",
                ]
            ),
            html.P(
                translate(
                    "about.record",
                    lang,
                    total=record.total,
                    first=month_year(first, lang),
                    last=month_year(last, lang),
                )
            ),
            html.P(translate("about.titles", lang)),
            html.P(
                [
                    translate("about.cite", lang),
                    html.Code(dataset_citation(record.version), lang="en"),
                    translate("about.licence", lang, licence=LICENSE),
                ]
            ),
        ],
    )


def language_switch(lang: str) -> html.Nav:
    """Return links to this page in each language (a full load: the page is built per language)."""
    links = [
        html.A(
            LANG_NAMES[code],
            href=f"?lang={code}",
            id={"type": ids.LANG_LINK, "lang": code},
            lang=code,
            className="lang-link current" if code == lang else "lang-link",
            **({"aria-current": "true"} if code == lang else {}),
        )
        for code in LANGS
    ]
    return html.Nav(
        links,
        id=ids.LANG_SWITCH,
        className="lang-switch",
        **{"aria-label": translate("header.language", lang)},
    )


def build_layout(record: Record, lang: str = "en") -> html.Div:
    """Return the whole page in `lang`."""
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
                            html.H1(translate("header.title", lang)),
                            html.P(translate("header.subtitle", lang), className="subtitle"),
                        ]
                    ),
                    html.Div(
                        className="top-actions",
                        children=[
                            language_switch(lang),
                            html.Button(
                                translate("header.filters", lang),
                                id=ids.DRAWER_TOGGLE,
                                className="button drawer-toggle",
                                n_clicks=0,
                                **{"aria-controls": ids.DRAWER, "aria-expanded": "false"},
                            ),
                            html.Label(
                                translate("header.link", lang),
                                htmlFor=ids.PERMALINK,
                                className="sr-only",
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
                                title=translate("header.copy", lang),
                                className="copy",
                            ),
                            html.A(
                                translate("header.about", lang), href="#about", className="button"
                            ),
                        ],
                    ),
                ],
            ),
            html.Div(
                className="body",
                children=[
                    filters_panel(record, lang),
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
                                children=translate("status.empty", lang),
                            ),
                            window_bar(record, lang),
                            stage(lang),
                            toolbar(lang),  # save the timeline, print, embed (publishing.py)
                            html.Section(
                                className="table",
                                children=[
                                    html.Div(id=ids.EXPORTS, className="exports"),
                                    dag.AgGrid(
                                        id=ids.GRID,
                                        columnDefs=column_defs(lang),
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
                                            "localeText": grid_locale(lang),
                                        },
                                        className="ag-theme-quartz",
                                        style={"height": "420px"},
                                    ),
                                ],
                            ),
                            twin_section(lang),
                            insights_section(lang),
                            about(record, lang),
                        ],
                    ),
                ],
            ),
        ],
    )
