"""What the event panel shows, as plain data: dates at their precision, offices held that day."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from explorer.formatting import date_label, place_label
from explorer.model import KIND_LABELS, Record, native_names, offices_held


@dataclass(frozen=True)
class Person:
    """A participant, with the offices listed for them on the event's first day."""

    name: str
    native_name: str
    side: str
    offices: tuple[str, ...]


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


def event_detail(record: Record, event_id: str | None) -> Detail | None:
    """Return the detail of `event_id`, or None when no such event exists."""
    rows = record.events[record.events["id"] == event_id]
    if rows.empty:
        return None
    ev = rows.iloc[0]
    natives = native_names(record.leaders)
    day = pd.Timestamp(ev["start_date"])
    people = tuple(
        Person(name, natives.get(name, ""), side, tuple(offices_held(record.leaders, name, day)))
        for side, column in (("China", "china_leaders"), ("USSR / Russia", "russia_leaders"))
        for name in ev[column]
    )
    return Detail(
        id=ev["id"],
        title=ev["title"],
        when=date_label(ev["start_date"], ev["end_date"], ev["date_precision"]),
        place=place_label(ev["city"], ev["country"], ev["host"]),
        kind=KIND_LABELS.get(ev["kind"], ev["kind"]),
        people=people,
        summary=ev["summary"],
        outcomes=tuple(ev["outcomes"]),
        tags=tuple(ev["tags"]),
        sources=tuple(ev["sources"]),
        notes=ev["notes"],
        in_abstract=bool(ev["in_abstract"]),
        era=ev["era"],
    )
