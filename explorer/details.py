"""What the event panel shows, as plain data: dates at their precision, offices held that day,
sources as citations, and the visit a signing belongs to (or the signings of a visit)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from explorer.citations import Citation, cite, lookup
from explorer.formatting import date_label, place_label
from explorer.i18n import language
from explorer.labels import local_names
from explorer.localize import ENGLISH_TITLE, localized
from explorer.model import Record, native_names, offices_held
from explorer.vocabulary import CAMPS, local_label


@dataclass(frozen=True)
class Person:
    """A participant, with the offices listed for them on the event's first day."""

    name: str
    native_name: str
    side: str
    offices: tuple[str, ...]
    local_name: str = ""  # the name as the page's language writes it, where not English


@dataclass(frozen=True)
class Related:
    """Another event linked by part_of: its id, title and dates."""

    id: str
    title: str
    when: str


@dataclass(frozen=True)
class Detail:
    """Everything the details panel shows for one event."""

    id: str
    title: str
    when: str
    place: str
    kind: str
    people: tuple[Person, ...]
    summary: str
    outcomes: tuple[str, ...]
    tags: tuple[str, ...]
    sources: tuple[str, ...]
    notes: str
    in_abstract: bool
    era: str
    citations: tuple[Citation, ...] = ()
    part_of: tuple[Related, ...] = ()  # the visit this row was signed during
    signed: tuple[Related, ...] = ()  # the treaties and declarations signed during this visit
    during: tuple[Related, ...] = ()  # other rows recorded within this visit (meetings, summits)
    title_en: str = ""  # the English title where `title` is a translation
    lang: str = "en"


def _related(events: pd.DataFrame, lang: str = "en") -> tuple[Related, ...]:
    events = localized(events, lang)
    return tuple(
        Related(ev.id, ev.title, date_label(ev.start_date, ev.end_date, ev.date_precision, lang))
        for ev in events.itertuples(index=False)
    )


def event_detail(record: Record, event_id: str | None, lang: str = "en") -> Detail | None:
    """Return the detail of `event_id` in `lang`, or None when no such event exists."""
    lang = language(lang)
    rows = localized(record.events[record.events["id"] == event_id], lang)
    if rows.empty:
        return None
    ev = rows.iloc[0]
    natives = native_names(record.leaders)
    day = pd.Timestamp(ev["start_date"])
    local = local_names(record.leaders, lang) if lang != "en" else {}
    people = tuple(
        Person(
            name,
            natives.get(name, ""),
            side,
            tuple(offices_held(record.leaders, name, day)),
            local.get(name, ""),
        )
        for column, side in CAMPS.items()
        for name in ev[column]
    )
    return Detail(
        id=ev["id"],
        title=ev["title"],
        when=date_label(ev["start_date"], ev["end_date"], ev["date_precision"], lang),
        place=place_label(ev["city"], ev["country"], ev["host"], lang),
        kind=local_label("kind", ev["kind"], lang),
        people=people,
        summary=ev["summary"],
        outcomes=tuple(ev["outcomes"]),
        tags=tuple(ev["tags"]),
        sources=tuple(ev["sources"]),
        notes=ev["notes"],
        in_abstract=bool(ev["in_abstract"]),
        era=local_label("era", ev["era"], lang) if ev["era"] else "",
        citations=cite(ev["sources"], lookup(record.sources)),
        title_en=ev.get(ENGLISH_TITLE, ev["title"]),
        lang=lang,
        **_links(record.events, ev, lang),
    )


SIGNING_KINDS = ("treaty", "declaration")


def _links(events: pd.DataFrame, ev: pd.Series, lang: str = "en") -> dict[str, tuple[Related, ...]]:
    """Return the visit `ev` is part of and the rows that are part of `ev`: signings, others."""
    if "part_of" not in events:
        return {}
    parts = events[events["part_of"] == ev["id"]]
    signing = parts["kind"].isin(SIGNING_KINDS)
    return {
        "part_of": _related(events[events["id"] == ev["part_of"]], lang) if ev["part_of"] else (),
        "signed": _related(parts[signing], lang),
        "during": _related(parts[~signing], lang),
    }
