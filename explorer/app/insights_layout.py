"""The insights section and the accessible twin list: charts with table alternatives."""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from explorer.i18n import term, translate

from . import ids

# Relative to the page, so the offline outline loads under any base path (--base-path).
CHART_CONFIG = {"displaylogo": False, "topojsonURL": "assets/topojson/"}


def _chart(graph_id: str, table_id: str, caption: str, lang: str) -> html.Figure:
    # The table is drawn only while its <details> is open: hundreds of cells as Dash
    # components cost seconds of the main thread.
    summary = html.Summary(
        translate("insights.as_table", lang, caption=caption),
        id={"type": ids.TABLE_TOGGLE, "table": table_id},
        n_clicks=0,
    )
    return html.Figure(
        className="insight",
        children=[
            # Empty until the section nears the screen: then chart() goes in (callbacks.py).
            html.Div(id=ids.CHART_MOUNTS[graph_id], className="chart-mount"),
            dcc.Store(id=ids.CHART_CLICKS[graph_id]),
            html.Details([summary, html.Div(id=table_id)]),
        ],
    )


def chart(graph_id: str, figure: dict) -> dcc.Graph:
    """Return the insight chart `graph_id` drawing `figure`, for its mount."""
    return dcc.Graph(id=graph_id, config=CHART_CONFIG, figure=figure)


def insights_section(lang: str = "en") -> html.Section:
    """Return the four insight charts, each with its table, and the gaps list."""
    return html.Section(
        id=ids.INSIGHTS,
        className="insights",
        children=[
            # Drawn once the section nears the screen (assets/app.js): at large sizes the four
            # charts cost more than the timeline, and the timeline comes first.
            dcc.Store(id=ids.INSIGHTS_SEEN, data=False),
            html.H2(translate("insights.title", lang)),
            html.Div(
                className="insight-grid",
                children=[
                    _chart(ids.MAP, ids.MAP_TABLE, translate("insights.places", lang), lang),
                    _chart(ids.TEMPO, ids.TEMPO_TABLE, translate("insights.tempo", lang), lang),
                    _chart(ids.PAIRS, ids.PAIRS_TABLE, translate("insights.pairs", lang), lang),
                    _chart(
                        ids.DIRECTION,
                        ids.DIRECTION_TABLE,
                        translate("insights.direction", lang),
                        lang,
                    ),
                ],
            ),
            html.H3(translate("insights.gaps", lang)),
            html.Div(id=ids.GAPS_TABLE),
        ],
    )


def twin_section(lang: str = "en") -> html.Section:
    """Return the keyboard-navigable list of the filtered events (the timeline's twin)."""
    return html.Section(
        className="twin",
        children=[
            html.H2(translate("twin.title", lang), id=ids.TWIN_TITLE),
            html.P(translate("twin.hint", lang), className="hint"),
            html.P(id=ids.TWIN_STATUS, className="sr-only", **{"aria-live": "polite"}),
            dcc.Store(id=ids.TWIN_PICK),
            dcc.Store(id=ids.TWIN_DATA),
            html.Ol(
                id=ids.TWIN,
                className="twin-list",
                tabIndex="0",
                role="listbox",
                **{"aria-labelledby": ids.TWIN_TITLE},
            ),
        ],
    )


def table(frame: pd.DataFrame, index: bool = False, lang: str = "en") -> html.Div:
    """Return a frame as an HTML table (the text alternative of a chart)."""
    frame = frame.reset_index() if index else frame
    head = html.Thead(
        html.Tr([html.Th(term("column", str(c), lang), scope="col") for c in frame.columns])
    )
    body = html.Tbody(
        [html.Tr([html.Td(_cell(v)) for v in row]) for row in frame.itertuples(index=False)]
    )
    return html.Div(html.Table([head, body], className="data-table"), className="table-scroll")


def _cell(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return "" if pd.isna(value) else str(value)
