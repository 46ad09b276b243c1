"""The timeline part of the page: window controls, legend, timeline and the details beside it."""

from __future__ import annotations

from dash import dcc, html

from explorer.i18n import term, translate
from explorer.model import Record
from explorer.window import bounds

from . import ids

GRAPH_CONFIG = {
    "scrollZoom": True,
    "displaylogo": False,
    "doubleClick": "reset",
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "resetScale2d"],
    "responsive": True,
}


def _date_input(id_: str, label: str, limits: tuple[str, str], lang: str) -> html.Label:
    # Text, not type="date": a year ('1989') or a month ('1989-05') is a window too, and Dash's
    # Input raises on a date input's selection range.
    return html.Label(
        title=translate("window.date_title", lang, first=limits[0], last=limits[1]),
        className="window-date",
        children=[
            html.Span(label, className="window-label"),
            dcc.Input(
                id=id_,
                type="text",
                debounce=True,
                value="",
                placeholder="YYYY-MM-DD",
                inputMode="numeric",
                maxLength=10,
            ),
        ],
    )


def window_bar(record: Record, lang: str = "en") -> html.Div:
    """Return the window controls: fit to the events, one button per era, and dates from/to."""
    limits = bounds(record.events)
    eras = [
        html.Button(
            term("era", e.name, lang),
            id={"type": ids.ERA, "name": e.name},
            className="button era-button",
            n_clicks=0,
            title=translate("window.era_title", lang, era=term("era", e.name, lang)),
        )
        for e in record.eras.itertuples(index=False)
    ]
    fit = html.Button(
        translate("window.fit", lang),
        id=ids.FIT,
        className="button",
        n_clicks=0,
        title=translate("window.fit_title", lang),
    )
    return html.Div(
        className="window-bar",
        children=[
            html.Div(
                [fit, *eras],
                className="era-buttons",
                role="group",
                **{"aria-label": translate("window.eras", lang)},
            ),
            html.Div(
                [
                    _date_input(ids.DATE_FROM, translate("window.from", lang), limits, lang),
                    _date_input(ids.DATE_TO, translate("window.to", lang), limits, lang),
                ],
                className="window-dates",
            ),
        ],
    )


def timeline_card() -> html.Div:
    """Return the timeline box with its legend; its height is fixed so nothing jumps."""
    return html.Div(
        className="timeline-card",
        children=[
            html.Div(id=ids.LEGEND, className="legend"),
            html.Div(
                id=ids.TIMELINE_BOX,
                className="timeline-box",
                children=[
                    dcc.Store(id=ids.WINDOW),
                    dcc.Graph(
                        id=ids.TIMELINE,
                        config=GRAPH_CONFIG,
                        className="timeline",
                        style={"height": "100%"},
                    ),
                    # Labels and era names are placed here by assets/app.js, over the plot.
                    html.Div(className="timeline-labels", **{"aria-hidden": "true"}),
                ],
            ),
        ],
    )


def detail_card(lang: str = "en") -> html.Section:
    """Return the details panel: previous/next/close and the chosen event."""
    buttons = [
        html.Button(translate(f"detail.{key}", lang), id=id_, className="button", n_clicks=0)
        for key, id_ in (("previous", ids.PREV), ("next", ids.NEXT), ("close", ids.CLOSE))
    ]
    return html.Section(
        className="detail",
        children=[
            html.Div(className="detail-nav", children=buttons),
            html.Div(id=ids.DETAIL, **{"aria-live": "polite"}),
        ],
    )


def stage(lang: str = "en") -> html.Div:
    """Return the timeline and the details side by side (stacked on narrow screens)."""
    return html.Div(className="stage", children=[timeline_card(), detail_card(lang)])
