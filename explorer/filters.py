"""Filtering as a table of rules: each view-state attribute maps to one predicate over events.

Values within one filter are alternatives (OR); different filters narrow together (AND).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from explorer.model import HOST_GROUP_LABELS, KIND_LABELS, Record
from explorer.schema import resource
from explorer.state import MULTI, PAIR_SEPARATOR, URL_KEYS, ViewState, Vocabulary, without
from explorer.text import slug, terms

DECADES = tuple(f"{y}s" for y in range(1940, 2030, 10))


def _any_leader(events: pd.DataFrame, names: tuple[str, ...]) -> pd.Series:
    wanted = set(names)
    people = events["china_leaders"] + events["russia_leaders"]
    return people.map(lambda who: not wanted.isdisjoint(who))


def _any_tag(events: pd.DataFrame, tags: tuple[str, ...]) -> pd.Series:
    wanted = set(tags)
    return events["tags"].map(lambda have: not wanted.isdisjoint(have))


def _any_pair(events: pd.DataFrame, pairs: tuple[str, ...]) -> pd.Series:
    wanted = [tuple(p.split(PAIR_SEPARATOR, 1)) for p in pairs]
    return pd.Series(
        [
            any(c in ch and r in ru for c, r in wanted)
            for ch, ru in zip(events["china_leaders"], events["russia_leaders"], strict=True)
        ],
        index=events.index,
        dtype=bool,
    )


def _search(events: pd.DataFrame, query: str) -> pd.Series:
    text = events["search_text"]
    for term in terms(query):  # each term scans only the rows the terms before it kept
        text = text[text.str.contains(term, regex=False)]
    return pd.Series(events.index.isin(text.index), index=events.index)


# ViewState attribute -> predicate(events, value) -> boolean mask. Empty values do not filter.
RULES: dict[str, Callable[[pd.DataFrame, object], pd.Series]] = {
    "leaders": _any_leader,
    "decades": lambda ev, v: ev["decade"].isin(v),
    "kinds": lambda ev, v: ev["kind"].isin(v),
    "hosts": lambda ev, v: ev["host_group"].isin(v),
    "tags": _any_tag,
    "places": lambda ev, v: ev["city"].isin(v),
    "pairs": _any_pair,
    "in_abstract": lambda ev, v: ev["in_abstract"],
    "q": _search,
}


def apply(events: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    """Return the events that pass every active filter, in time order."""
    mask = pd.Series(True, index=events.index)
    for attr, rule in RULES.items():
        value = getattr(state, attr)
        if value:
            mask &= rule(events, value).astype(bool)
    return events[mask]


def all_pairs(events: pd.DataFrame) -> set[str]:
    """Return every Chinese–Soviet/Russian leader pair that met, as 'China,Russia' names."""
    return {
        f"{c}{PAIR_SEPARATOR}{r}"
        for ch, ru in zip(events["china_leaders"], events["russia_leaders"], strict=True)
        for c in ch
        for r in ru
    }


def vocabulary(record: Record) -> Vocabulary:
    """Return the values each URL key may take for this record."""
    return Vocabulary(
        leaders=tuple(dict.fromkeys(record.leaders["name"])),
        decades=DECADES,
        kinds=resource("events").field("kind").enum,
        hosts=tuple(HOST_GROUP_LABELS),
        tags=resource("events").field("tags").enum,
        places=tuple(sorted(c for c in set(record.events["city"]) if c)),
        pairs=tuple(sorted(all_pairs(record.events))),
        events=frozenset(record.events["id"]),
    )


@dataclass(frozen=True)
class Chip:
    """One active filter value, removable on its own."""

    attr: str
    value: str
    label: str


CHIP_LABELS: dict[str, Callable[[str], str]] = {
    "leaders": str,
    "decades": str,
    "kinds": lambda v: KIND_LABELS.get(v, v),
    "hosts": lambda v: f"Host: {HOST_GROUP_LABELS.get(v, v)}",
    "tags": lambda v: f"#{v}",
    "places": lambda v: f"Place: {v}",
    "pairs": lambda v: " & ".join(v.split(PAIR_SEPARATOR, 1)),
}


def chips(state: ViewState) -> list[Chip]:
    """Return the active filters as chips, in a stable order."""
    out = [Chip(a, v, CHIP_LABELS[a](v)) for a in MULTI for v in getattr(state, a)]
    if state.in_abstract:
        out.append(Chip("in_abstract", "1", "Named in the article"))
    if state.q:
        out.append(Chip("q", state.q, f"“{state.q}”"))
    return out


def remove_chip(state: ViewState, attr: str, value: str) -> ViewState:
    """Return the state without the chip (attr, value)."""
    return without(state, attr, value if attr in MULTI else None)


def step(events: pd.DataFrame, current: str | None, delta: int) -> str | None:
    """Return the id `delta` places from `current` in the filtered, time-ordered events."""
    ids = events["id"].tolist()
    if not ids:
        return None
    if current not in ids:
        return ids[0] if delta > 0 else ids[-1]
    return ids[max(0, min(len(ids) - 1, ids.index(current) + delta))]


def view_slug(state: ViewState) -> str:
    """Return a file-name fragment that says what the view is ('xi-jinping_2010s')."""
    parts = [slug(v) for attr in MULTI for v in getattr(state, attr)]
    if state.in_abstract:
        parts.append("in-abstract")
    if state.q:
        words = slug(state.q)  # empty for queries in non-Latin scripts
        parts.append(f"{URL_KEYS['q']}-{words}" if words else "search")
    return "_".join(p for p in parts if p)[:120] or "all"
