"""Exports for the timeline tools people already use: Knight Lab TimelineJS and vis-timeline.

Both render text as HTML, so every value from the data is escaped here.
"""

from __future__ import annotations

import json
from html import escape

import pandas as pd

from explorer.citation import ARTICLE, DATASET_TITLE, article_citation
from explorer.exports.meta import ExportMeta
from explorer.formatting import date_label, leaders_label, place_label
from explorer.i18n import translate
from explorer.vocabulary import in_order, local_label

# date_precision -> the TimelineJS date fields it fills.
TLJS_PARTS = {"day": ("year", "month", "day"), "month": ("year", "month"), "year": ("year",)}


def _tljs_date(day: pd.Timestamp, precision: str) -> dict:
    return {part: getattr(day, part) for part in TLJS_PARTS.get(precision, TLJS_PARTS["day"])}


def _links(urls: tuple[str, ...], lang: str = "en") -> str:
    items = "".join(
        f'<li><a href="{escape(u)}" target="_blank" rel="noopener noreferrer">{escape(u)}</a></li>'
        for u in urls
    )
    return f"<p>{escape(translate('export.sources', lang))}</p><ul>{items}</ul>"


def _slide(ev, lang: str = "en") -> dict:
    slide = {
        "unique_id": ev.id,
        "start_date": _tljs_date(ev.start_date, ev.date_precision),
        "text": {
            "headline": escape(ev.title),
            "text": f"<p>{escape(leaders_label(ev.china_leaders, ev.russia_leaders))} · "
            f"{escape(place_label(ev.city, ev.country, ev.host, lang))}</p>"
            f"<p>{escape(ev.summary)}</p>{_links(ev.sources, lang)}",
        },
        "group": local_label("kind", ev.kind, lang),
    }
    if pd.notna(ev.end_date) and ev.end_date != ev.start_date:
        slide["end_date"] = _tljs_date(ev.end_date, ev.date_precision)
    return slide


def to_timelinejs(events: pd.DataFrame, meta: ExportMeta) -> bytes:
    """Return TimelineJS JSON: a title slide for the article, a slide per event, the eras."""
    title = {
        "text": {
            "headline": escape(DATASET_TITLE),
            "text": f"<p>{escape(article_citation())}</p>"
            f'<p><a href="{ARTICLE["url"]}" target="_blank" rel="noopener noreferrer">'
            f"doi:{ARTICLE['doi']}</a></p>",
        }
    }
    eras = [
        {
            "start_date": _tljs_date(pd.Timestamp(e.start), "day"),
            "end_date": _tljs_date(pd.Timestamp(e.end or meta.exported_at[:10]), "day"),
            "text": {"headline": escape(local_label("era", e.name, meta.lang))},
        }
        for e in meta.eras
    ]
    doc = {
        "title": title,
        "events": [_slide(ev, meta.lang) for ev in events.itertuples(index=False)],
    }
    if eras:
        doc["eras"] = eras
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def _item(ev, lang: str = "en") -> dict:
    item = {
        "id": ev.id,
        "content": escape(ev.title),
        "start": ev.start_date.strftime("%Y-%m-%d"),
        "group": ev.kind,
        "title": escape(
            f"{date_label(ev.start_date, ev.end_date, ev.date_precision, lang)} · "
            f"{leaders_label(ev.china_leaders, ev.russia_leaders)}"
        ),
        "type": "point",
    }
    if pd.notna(ev.end_date) and ev.end_date > ev.start_date:
        # vis-timeline ranges end where the last day ends, i.e. at the next day's start.
        item |= {"end": (ev.end_date + pd.Timedelta(days=1)).strftime("%Y-%m-%d"), "type": "range"}
    return item


def to_vis(events: pd.DataFrame, meta: ExportMeta) -> bytes:
    """Return vis-timeline JSON: `items` (ranges for multi-day events) and `groups` by kind."""
    kinds = in_order("kind", events["kind"])
    doc = {
        "items": [_item(ev, meta.lang) for ev in events.itertuples(index=False)],
        "groups": [{"id": k, "content": local_label("kind", k, meta.lang)} for k in kinds],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
