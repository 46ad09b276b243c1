"""The page: header, filter drawer, timeline, details, table, exports and About."""

from __future__ import annotations

import copy
from collections.abc import Callable

import dash_ag_grid as dag
from dash import dcc, html

from explorer.citation import ARTICLE, LICENSE, dataset_citation
from explorer.filter_table import BY_ATTR, Filter
from explorer.i18n import LANG_NAMES, LANGS, month_year, term, translate
from explorer.model import Record
from explorer.state import COLOR_LABELS, LANE_LABELS
from explorer.table import BLOCK_SIZE, DEFAULT_COL_DEF, column_defs, grid_locale
from explorer.vocabulary import years

from . import ids
from .insights_layout import insights_section, twin_section
from .publishing import toolbar
from .timeline_layout import stage, window_bar


def _field(label: str, control, for_id: str | None = None) -> html.Div:
    return html.Div([html.Label(label, htmlFor=for_id), control], className="field")


def _options(f: Filter, record: Record, lang: str) -> list[dict]:
    if f.options is not None:
        return f.options(record, lang)
    values = f.values(record) if f.values is not None else f.choices
    return [{"label": f.value_label(v, lang), "value": v} for v in values]


# What a filter's control shows, in a language: its label and its placeholder.
Texts = tuple[str, str]
# A filter's control kind -> its component, labelled, from its row in explorer.filter_table.
CONTROL_BUILDERS: dict[str, Callable[[Filter, str, list[dict], Texts], object]] = {
    "search": lambda f, id_, _, t: _field(
        t[0], dcc.Input(id=id_, type="search", debounce=0.4, value="", placeholder=t[1]), id_
    ),
    "dropdown": lambda f, id_, options, t: _field(
        t[0], dcc.Dropdown(id=id_, options=options, value=[], multi=True, placeholder=t[1])
    ),
    "radio": lambda f, id_, options, t: _field(
        t[0],
        dcc.RadioItems(
            id=id_, options=options, value=f.choices[0], className="checks", inline=True
        ),
    ),
    "checklist": lambda f, id_, options, t: _field(
        t[0], dcc.Checklist(id=id_, options=options, value=[], className="checks", inline=True)
    ),
    "check": lambda f, id_, _, t: dcc.Checklist(
        id=id_, options=[{"label": t[0], "value": "1"}], value=[], className="checks"
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


def _texts(f: Filter, lang: str) -> Texts:
    return translate(f.label, lang), translate(f.hint, lang) if f.hint else ""


def filter_controls(record: Record, lang: str = "en") -> list:
    """Return the filters' controls in drawer order, each built from its row, in `lang`."""
    rows = [BY_ATTR[a] for a in DRAWER_FILTERS]
    return [
        CONTROL_BUILDERS[f.control](
            f, ids.FILTER_CONTROLS[f.attr], _options(f, record, lang), _texts(f, lang)
        )
        for f in rows
    ]


def _choices(id_: str, prefix: str, labels: dict[str, str], lang: str, **style) -> dcc.RadioItems:
    options = [{"label": term(prefix, k, lang), "value": k} for k in labels]
    return dcc.RadioItems(id=id_, options=options, value=next(iter(labels)), **style)


def filters_panel(record: Record, lang: str = "en") -> html.Aside:
    """Return the filter drawer, in `lang`."""
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
            *filter_controls(record, lang),
            html.Hr(),
            _field(
                translate("filters.lanes", lang),
                _choices(ids.LANES, "lane", LANE_LABELS, lang, className="checks"),
            ),
            _field(
                translate("filters.color", lang),
                _choices(ids.COLOR, "color", COLOR_LABELS, lang, className="checks", inline=True),
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
    coverage = {"total": record.total, "first": month_year(first, lang)}
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
            html.P(translate("about.record", lang, **coverage, last=month_year(last, lang))),
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
    label = translate("header.language", lang)
    return html.Nav(links, id=ids.LANG_SWITCH, className="lang-switch", **{"aria-label": label})


def record_span(record: Record) -> dict[str, str]:
    """Return the record's first and last year, for titles that name them ('1949', '2025')."""
    span = years(record.events["start_date"])
    return {"first": str(span[0]), "last": str(span[1])} if span else {"first": "", "last": ""}


def page_title(record: Record, lang: str = "en") -> str:
    """Return the browser tab's title in `lang`, naming the record's years."""
    return translate("app.title", lang, **record_span(record))


def _header(record: Record, lang: str) -> html.Header:
    """Return the page's title and its top actions: language, filters, the view's link, About."""
    link = [
        html.Label(translate("header.link", lang), htmlFor=ids.PERMALINK, className="sr-only"),
        dcc.Input(id=ids.PERMALINK, readOnly=True, value="", className="permalink"),
        dcc.Clipboard(
            id=ids.COPY,
            target_id=ids.PERMALINK,
            title=translate("header.copy", lang),
            className="copy",
        ),
    ]
    toggle = html.Button(
        translate("header.filters", lang),
        id=ids.DRAWER_TOGGLE,
        className="button drawer-toggle",
        n_clicks=0,
        **{"aria-controls": ids.DRAWER, "aria-expanded": "false"},
    )
    title = [
        html.H1(translate("header.title", lang, **record_span(record))),
        html.P(translate("header.subtitle", lang), className="subtitle"),
    ]
    about_link = html.A(translate("header.about", lang), href="#about", className="button")
    actions = [language_switch(lang), toggle, *link, about_link]
    return html.Header(
        className="top",
        children=[html.Div(title), html.Div(className="top-actions", children=actions)],
    )


def events_grid(lang: str) -> dag.AgGrid:
    """Return the events table, its rows paged from the server."""
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
        "localeText": grid_locale(lang),
    }
    return dag.AgGrid(
        id=ids.GRID,
        columnDefs=column_defs(lang),
        defaultColDef=DEFAULT_COL_DEF,
        # Rows come from the server a block at a time.
        rowModelType="infinite",
        getRowId="params.data.id",
        dashGridOptions=options,
        className="ag-theme-quartz",
        style={"height": "100%"},
    )


def _table() -> html.Section:
    """Return the export buttons and the table's box: the view's first rows until the grid comes
    (callbacks.py), in a box of the grid's height so that nothing below moves."""
    box = html.Div(
        className="grid-box",
        children=[
            html.Div(id=ids.TABLE_PREVIEW, className="preview-box"),
            html.Div(id=ids.GRID_MOUNT, className="grid-mount"),
        ],
    )
    stores = [dcc.Store(id=i) for i in (ids.CELL_PICK, ids.GRID_REQUEST)]
    return html.Section(
        className="table",
        children=[
            html.Div(id=ids.EXPORTS, className="exports"),
            box,
            dcc.Store(id=ids.GRID_WANTED, data=False),
            *stores,
        ],
    )


def _main(record: Record, lang: str) -> html.Main:
    """Return the main column: status, window, timeline, table, event list, insights, About."""
    status = html.Div(
        className="status",
        children=[
            html.Span(id=ids.COUNT, className="count", **{"aria-live": "polite"}),
            html.Div(id=ids.CHIPS, className="chips"),
        ],
    )
    empty = html.P(
        id=ids.EMPTY, className="empty", hidden=True, children=translate("status.empty", lang)
    )
    return html.Main(
        className="main",
        children=[
            status,
            empty,
            window_bar(record, lang),
            stage(lang),
            toolbar(lang),  # save the timeline, print, embed (publishing.py)
            _table(),
            twin_section(lang),
            insights_section(lang),
            about(record, lang),
        ],
    )


def build_layout(record: Record, lang: str = "en") -> html.Div:
    """Return the whole page in `lang`."""
    backdrop = html.Div(id=ids.DRAWER_BACKDROP, className="backdrop", n_clicks=0)
    body = [filters_panel(record, lang), backdrop, _main(record, lang)]
    return html.Div(
        className="app",
        children=[
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.GRID_FOCUS),
            dcc.Store(id=ids.GRID_SYNCED),
            _header(record, lang),
            html.Div(className="body", children=body),
        ],
    )


def with_props(layout: html.Div, props: dict[str, dict[str, object]]) -> html.Div:
    """Return a copy of `layout` in which each component with an id in `props` has those props."""
    page = copy.deepcopy(layout)  # the built page is shared by every request in its language
    stack: list = [page]
    while stack:
        node = stack.pop()
        if isinstance(node, list | tuple):
            stack.extend(node)
            continue
        own = getattr(node, "id", None)
        for name, value in props.get(own, {}).items() if isinstance(own, str) else ():
            setattr(node, name, value)  # pattern-matching ids (dicts) are never named
        stack.append(getattr(node, "children", None) or [])
    return page
