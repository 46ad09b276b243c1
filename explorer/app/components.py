"""Render pure data (details, chips, export links) as Dash components. No data work here."""

from __future__ import annotations

from dash import dcc, html

from explorer.citation import ARTICLE, article_citation
from explorer.citations import Citation
from explorer.details import Detail, Related
from explorer.exports import FORMATS
from explorer.filters import Chip
from explorer.theme import SYMBOL_GLYPHS
from explorer.vocabulary import CAMPS

from . import ids

REL_EXTERNAL = "noopener noreferrer"


def _link(url: str, text: str | None = None) -> html.A:
    return html.A(text or url, href=url, target="_blank", rel=REL_EXTERNAL)


def _row(label: str, *value) -> list:
    return [html.Dt(label), html.Dd(list(value))]


def _citation(c: Citation) -> html.Li:
    """Return a source as a citation opening in a new tab, with its kind and archived copy."""
    link = html.A(
        c.text, href=c.url, title=c.url, className="source", target="_blank", rel=REL_EXTERNAL
    )
    parts: list = [link]
    if c.kind:
        parts += [" · ", html.Span(c.kind, className=f"source-kind kind-{c.kind}")]
    if c.archived_url:
        parts += [" (", _link(c.archived_url, "archived copy"), ")"]
    return html.Li(parts)


def _related(items: tuple[Related, ...]) -> list:
    """Return links to related events (same page, `?event=`) with their dates."""
    links = [[dcc.Link(r.title, href=f"?event={r.id}"), f" ({r.when})"] for r in items]
    return [part for i, link in enumerate(links) for part in ([", "] if i else []) + link]


# Detail attribute -> label of the facts row linking to related events.
RELATED_ROWS = {
    "part_of": "Part of",
    "signed": "Signed during this visit",
    "during": "Also during this visit",
}


# A person's camp (explorer.details) -> the class that colours their side.
SIDE_CLASSES = {camp: f"side-{column.split('_')[0]}" for column, camp in CAMPS.items()}


def _people(detail: Detail) -> list:
    """Return each person who took part, with their native name and offices that day."""
    return [
        html.Li(
            [
                html.Strong(p.name),
                f" ({p.native_name})" if p.native_name else "",
                " — ",
                "; ".join(p.offices) or "no office listed for that day",
            ],
            className=SIDE_CLASSES.get(p.side, "side-russia"),
        )
        for p in detail.people
    ]


def _facts(detail: Detail) -> html.Dl:
    """Return when, where, kind, era and the related visit or signings."""
    return html.Dl(
        [
            *_row("When", detail.when),
            *_row("Where", detail.place),
            *_row("Kind", detail.kind),
            *_row("Era", detail.era or "—"),
            *[
                item
                for attr, label in RELATED_ROWS.items()
                if getattr(detail, attr)
                for item in _row(label, *_related(getattr(detail, attr)))
            ],
        ],
        className="facts",
    )


def _sourcing(detail: Detail) -> list:
    """Return the sources, notes on them, the event's citation and the article's."""
    body = [
        html.H3("Sources"),
        html.Ul([_citation(c) for c in detail.citations], className="sources"),
    ]
    if detail.notes:
        body += [html.H3("Notes on the sources"), html.P(detail.notes, className="notes")]
    article = article_citation().replace(ARTICLE["url"], "").strip()
    link = _link(ARTICLE["url"], f"doi:{ARTICLE['doi']}")
    return [
        *body,
        cite_event(detail.id),
        html.P(["Source article: ", article, " ", link], className="cite"),
    ]


def detail_panel(detail: Detail | None) -> list:
    """Return the children of the details panel for one event, or a hint when none is chosen."""
    if detail is None:
        return [
            html.P(
                "Click a mark on the timeline or a row in the table to see an event.",
                className="hint",
            )
        ]
    body = [
        html.H2(detail.title, id=ids.DETAIL_TITLE),
        html.Span("Named in the article's abstract", className="badge")
        if detail.in_abstract
        else None,
        _facts(detail),
        html.H3("Who took part, in which office that day"),
        html.Ul(_people(detail), className="people"),
        html.P(detail.summary, className="summary"),
    ]
    if detail.outcomes:
        body += [html.H3("Outcomes"), html.Ul([html.Li(o) for o in detail.outcomes])]
    if detail.tags:
        body.append(html.P([html.Span(f"#{t}", className="tag") for t in detail.tags]))
    return [c for c in [*body, *_sourcing(detail)] if c is not None]


CITE_LABELS = {"bib": "BibTeX", "ris": "RIS", "txt": "Plain text"}
EVENT_EXPORTS = ("csv", "xlsx", "json", "ics")  # the rest stay one click away on the view


def cite_event(event_id: str) -> html.Div:
    """Return the links that cite one event and export its row (explorer.event_exports)."""

    def links(formats: dict[str, str]) -> list:
        return [
            html.A(label, href=f"export/event/{event_id}.{fmt}", className="export", download="")
            for fmt, label in formats.items()
        ]

    return html.Div(
        id=ids.CITE,
        className="cite-event",
        children=[
            html.H3("Cite this event"),
            html.P(links(CITE_LABELS)),
            html.P(
                ["This event as: ", *links({f: FORMATS[f].label for f in EVENT_EXPORTS})],
                className="event-exports",
            ),
        ],
    )


def _chip(c: Chip) -> html.Button | html.Span:
    if not c.removable:  # says how other chips combine; nothing to remove
        return html.Span(c.label, className="chip chip-note")
    return html.Button(
        [c.label, html.Span(" ×", **{"aria-hidden": "true"})],
        id={"type": ids.CHIP, "attr": c.attr, "value": c.value},
        className="chip",
        title=f"Remove filter {c.label}",
        n_clicks=0,
    )


def chip_list(chips: list[Chip]) -> list:
    """Return one removable button per active filter (a plain note for what is not removable)."""
    return [_chip(c) for c in chips]


def export_links(query: str) -> list:
    """Return one download link per export format, carrying the view's query string."""
    return [html.Span("Export this view:", className="label")] + [
        html.A(
            spec.label,
            href=f"export/events.{fmt}{query}",  # relative: works under any base path
            className="export",
            download="",
            id=ids.export_button(fmt),
        )
        for fmt, spec in FORMATS.items()
    ]


LEGEND_INLINE = 8  # colour groups shown inline; more fold into a <details>


def legend(items: dict[str, list]) -> list:
    """Return the compact legend: symbol means kind, colour means each group in view."""
    # One component per entry: dozens of nested ones cost the redraw real time in Dash.
    symbols = [
        html.Span(f"{SYMBOL_GLYPHS.get(s['symbol'], '●')} {s['label']}") for s in items["symbols"]
    ]
    colors = [
        html.Span(c["label"], title=c["title"], className="swatch", style={"--swatch": c["color"]})
        for c in items["colors"]
    ]
    title = html.Strong(f"Colour: {items['color_by']}")
    if len(colors) > LEGEND_INLINE:
        # Many groups: one line says what colour means; the swatches open below it.
        summary = html.Summary([title, f" ({len(colors)}, hover a mark for its own)"])
        colour_row = html.Details([summary, html.Div(colors, className="legend-row")])
    else:
        colour_row = html.Div([title, *colors], className="legend-row")
    return [html.Div([html.Strong("Symbol: kind"), *symbols], className="legend-row"), colour_row]
