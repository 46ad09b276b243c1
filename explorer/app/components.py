"""Render pure data (details, chips, export links) as Dash components. No data work here."""

from __future__ import annotations

from dash import dcc, html

from explorer.citation import ARTICLE, article_citation
from explorer.citations import Citation
from explorer.details import Detail, Related
from explorer.exports import FORMATS
from explorer.filters import Chip
from explorer.i18n import translate
from explorer.theme import SYMBOL_GLYPHS
from explorer.vocabulary import CAMPS

from . import ids

REL_EXTERNAL = "noopener noreferrer"
# Export and citation formats whose names are words, not format names: catalogue keys.
LABEL_KEYS = {"xlsx": "export.excel", "ics": "export.ics", "txt": "detail.plain_text"}


def _export_label(fmt: str, label: str, lang: str) -> str:
    return translate(LABEL_KEYS[fmt], lang) if fmt in LABEL_KEYS else label


def english_title(detail: Detail) -> html.Details | None:
    """Return the English title one click away, and a note that the texts below are English."""
    if detail.lang == "en" or not detail.title_en:
        return None
    return html.Details(
        className="english",
        children=[
            html.Summary(translate("detail.english_title", detail.lang)),
            html.P(detail.title_en, lang="en", className="title-en"),
        ],
    )


def _link(url: str, text: str | None = None) -> html.A:
    return html.A(text or url, href=url, target="_blank", rel=REL_EXTERNAL)


def _row(label: str, *value) -> list:
    return [html.Dt(label), html.Dd(list(value))]


def _citation(c: Citation, lang: str = "en") -> html.Li:
    """Return a source as a citation opening in a new tab, with its kind and archived copy."""
    link = html.A(
        c.text, href=c.url, title=c.url, className="source", target="_blank", rel=REL_EXTERNAL
    )
    parts: list = [link]
    if c.kind:
        parts += [" · ", html.Span(c.kind, className=f"source-kind kind-{c.kind}")]
    if c.archived_url:
        parts += [" (", _link(c.archived_url, translate("detail.archived", lang)), ")"]
    return html.Li(parts)


def _related(items: tuple[Related, ...], lang: str = "en") -> list:
    """Return links to related events (same page, `?event=`, same language) with their dates."""
    keep = f"&lang={lang}" if lang != "en" else ""
    links = [[dcc.Link(r.title, href=f"?event={r.id}{keep}"), f" ({r.when})"] for r in items]
    return [part for i, link in enumerate(links) for part in ([", "] if i else []) + link]


# Detail attribute -> catalogue key of the facts row linking to related events.
RELATED_ROWS = {"part_of": "detail.part_of", "signed": "detail.signed", "during": "detail.during"}


# A person's camp (explorer.details) -> the class that colours their side.
SIDE_CLASSES = {camp: f"side-{column.split('_')[0]}" for column, camp in CAMPS.items()}


def _other_names(p) -> str:
    """Return ' (Xi Jinping)' or ' (习近平)': the names beside the one shown, in parentheses."""
    shown = p.local_name or p.name
    others = [n for n in dict.fromkeys((p.name, p.native_name)) if n and n != shown]
    return f" ({' · '.join(others)})" if others else ""


def _people(detail: Detail) -> list:
    """Return each person who took part, with their other names and offices that day."""
    return [
        html.Li(
            [
                html.Strong(p.local_name or p.name),
                _other_names(p),
                " — ",
                "; ".join(p.offices) or translate("detail.no_office", detail.lang),
            ],
            className=SIDE_CLASSES.get(p.side, "side-russia"),
        )
        for p in detail.people
    ]


def _facts(detail: Detail) -> html.Dl:
    """Return when, where, kind, era and the related visit or signings."""
    lang = detail.lang
    return html.Dl(
        [
            *_row(translate("detail.when", lang), detail.when),
            *_row(translate("detail.where", lang), detail.place),
            *_row(translate("detail.kind", lang), detail.kind),
            *_row(translate("detail.era", lang), detail.era or "—"),
            *[
                item
                for attr, key in RELATED_ROWS.items()
                if getattr(detail, attr)
                for item in _row(translate(key, lang), *_related(getattr(detail, attr), lang))
            ],
        ],
        className="facts",
    )


def _sourcing(detail: Detail) -> list:
    """Return the sources, notes on them, the event's citation and the article's."""
    lang = detail.lang
    body = [
        html.H3(translate("detail.sources", lang)),
        html.Ul([_citation(c, lang) for c in detail.citations], className="sources"),
    ]
    if detail.notes:
        notes = html.P(detail.notes, className="notes", lang="en")
        body += [html.H3(translate("detail.notes", lang)), notes]
    article = article_citation().replace(ARTICLE["url"], "").strip()
    link = _link(ARTICLE["url"], f"doi:{ARTICLE['doi']}")
    source = [translate("detail.source_article", lang), article, " ", link]
    return [*body, cite_event(detail.id, lang), html.P(source, className="cite")]


def detail_panel(detail: Detail | None, lang: str = "en") -> list:
    """Return the children of the details panel for one event, or a hint when none is chosen."""
    if detail is None:
        return [html.P(translate("detail.hint", lang), className="hint")]
    lang = detail.lang
    english_only = html.P(translate("detail.english_only", lang), className="hint english-only")
    body = [
        html.H2(detail.title, id=ids.DETAIL_TITLE),
        english_title(detail),
        html.Span(translate("detail.abstract", lang), className="badge")
        if detail.in_abstract
        else None,
        _facts(detail),
        html.H3(translate("detail.people", lang)),
        html.Ul(_people(detail), className="people"),
        english_only if lang != "en" else None,
        html.P(detail.summary, className="summary", lang="en"),
    ]
    if detail.outcomes:
        outcomes = html.Ul([html.Li(o) for o in detail.outcomes], lang="en")
        body += [html.H3(translate("detail.outcomes", lang)), outcomes]
    if detail.tags:
        body.append(html.P([html.Span(f"#{t}", className="tag") for t in detail.tags]))
    return [c for c in [*body, *_sourcing(detail)] if c is not None]


CITE_LABELS = {"bib": "BibTeX", "ris": "RIS", "txt": "Plain text"}  # txt: detail.plain_text
EVENT_EXPORTS = ("csv", "xlsx", "json", "ics")  # the rest stay one click away on the view


def cite_event(event_id: str, lang: str = "en") -> html.Div:
    """Return the links that cite one event and export its row (explorer.event_exports)."""

    def links(formats: dict[str, str]) -> list:
        return [
            html.A(
                _export_label(fmt, label, lang),
                href=f"export/event/{event_id}.{fmt}",
                className="export",
                download="",
            )
            for fmt, label in formats.items()
        ]

    return html.Div(
        id=ids.CITE,
        className="cite-event",
        children=[
            html.H3(translate("detail.cite", lang)),
            html.P(links(CITE_LABELS)),
            html.P(
                [
                    translate("detail.as", lang),
                    *links({f: FORMATS[f].label for f in EVENT_EXPORTS}),
                ],
                className="event-exports",
            ),
        ],
    )


def _chip(c: Chip, lang: str = "en") -> html.Button | html.Span:
    if not c.removable:  # says how other chips combine; nothing to remove
        return html.Span(c.label, className="chip chip-note")
    return html.Button(
        [c.label, html.Span(" ×", **{"aria-hidden": "true"})],
        id={"type": ids.CHIP, "attr": c.attr, "value": c.value},
        className="chip",
        title=translate("chip.remove", lang, label=c.label),
        n_clicks=0,
    )


def chip_list(chips: list[Chip], lang: str = "en") -> list:
    """Return one removable button per active filter (a plain note for what is not removable)."""
    return [_chip(c, lang) for c in chips]


def export_links(query: str, lang: str = "en") -> list:
    """Return one download link per export format, carrying the view's query string."""
    return [html.Span(translate("export.label", lang), className="label")] + [
        html.A(
            _export_label(fmt, spec.label, lang),
            href=f"export/events.{fmt}{query}",  # relative: works under any base path
            className="export",
            download="",
            id=ids.export_button(fmt),
        )
        for fmt, spec in FORMATS.items()
    ]


LEGEND_INLINE = 8  # colour groups shown inline; more fold into a <details>


def legend(items: dict[str, list], lang: str = "en") -> list:
    """Return the compact legend: symbol means kind, colour means each group in view."""
    # One component per entry: dozens of nested ones cost the redraw real time in Dash.
    symbols = [
        html.Span(f"{SYMBOL_GLYPHS.get(s['symbol'], '●')} {s['label']}") for s in items["symbols"]
    ]
    colors = [
        html.Span(c["label"], title=c["title"], className="swatch", style={"--swatch": c["color"]})
        for c in items["colors"]
    ]
    title = html.Strong(translate("legend.colour", lang, by=items["color_by"]))
    if len(colors) > LEGEND_INLINE:
        # Many groups: one line says what colour means; the swatches open below it.
        summary = html.Summary([title, translate("legend.more", lang, count=len(colors))])
        colour_row = html.Details([summary, html.Div(colors, className="legend-row")])
    else:
        colour_row = html.Div([title, *colors], className="legend-row")
    symbol = html.Strong(translate("legend.symbol", lang))
    return [html.Div([symbol, *symbols], className="legend-row"), colour_row]


def table_preview(preview: dict) -> html.Table:
    """Return the table's first rows (explorer.table.preview), shown until the grid comes."""
    head = html.Thead(
        html.Tr(
            [
                html.Th(c, scope="col", style={"width": w})
                for c, w in zip(preview["columns"], preview["widths"], strict=True)
            ]
        )
    )
    english = [{"lang": "en"} if e else {} for e in preview["english"]]
    body = html.Tbody(
        [
            html.Tr([html.Td(cell, **attrs) for cell, attrs in zip(row, english, strict=True)])
            for row in preview["rows"]
        ]
    )
    return html.Table([head, body], className="grid-preview")
