"""Filtering as a table of rules: each view-state attribute maps to one predicate over events.

Values within one filter are alternatives (OR), except leaders, which the view may ask to take
part all together (`leaders=all`); different filters narrow together (AND).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pandas as pd

from explorer.filter_table import FILTERS, MULTI, Filter, all_pairs  # noqa: F401 (all_pairs)
from explorer.i18n import language, translate
from explorer.model import Record
from explorer.state import URL_KEYS, ViewState, Vocabulary, without
from explorer.text import slug
from explorer.window import overlaps

# ViewState attribute -> predicate(events, value, state) -> boolean mask. Empty values do not
# filter; the state says how a filter's values combine where that is a choice.
RULES: dict[str, Callable[[pd.DataFrame, object, ViewState], pd.Series]] = {
    f.attr: f.predicate for f in FILTERS if f.predicate is not None
} | {
    # The window chosen by zooming, panning, an era button or the dates filters too.
    "start": lambda ev, v, _: overlaps(ev, v, None),
    "end": lambda ev, v, _: overlaps(ev, None, v),
}
WINDOW_ATTRS = ("start", "end")


def apply(events: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    """Return the events that pass every active filter, in time order."""
    mask = pd.Series(True, index=events.index)
    for attr, rule in RULES.items():
        value = getattr(state, attr)
        if value:
            mask &= rule(events, value, state).astype(bool)
    return events[mask]


def vocabulary(record: Record) -> Vocabulary:
    """Return the values each URL key may take for this record."""
    values = {f.attr: f.values(record) for f in FILTERS if f.values is not None}
    return Vocabulary(events=record.events["id"], **values)


@dataclass(frozen=True)
class Chip:
    """One active filter value, removable on its own."""

    attr: str
    value: str
    label: str
    removable: bool = True


def _chips(f: Filter, state: ViewState, lang: str) -> list[Chip]:
    """Return the chips of one filter: one per value, or one for its value when it is set."""
    value = getattr(state, f.attr)
    if f.kind == "multi":
        return [Chip(f.attr, v, f.chip(v, lang)) for v in value]
    if not (f.shown(state) if f.shown else value):
        return []
    removable = value != getattr(ViewState(), f.attr) or f.kind != "choice"
    return [
        Chip(f.attr, str(int(value)) if f.kind == "flag" else value, f.chip(value, lang), removable)
    ]


def chips(state: ViewState) -> list[Chip]:
    """Return the active filters as chips, in a stable order (the window's last)."""
    lang = language(state.lang)
    out = [chip for f in FILTERS for chip in _chips(f, state, lang)]
    if state.start and state.end:
        window = translate("chip.window", lang, start=state.start, end=state.end)
        out.append(Chip("start", state.start, window))
    return out


def remove_chip(state: ViewState, attr: str, value: str) -> ViewState:
    """Return the state without the chip (attr, value); the window's chip clears both ends."""
    if attr in WINDOW_ATTRS:
        return replace(state, start=None, end=None)
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
    if state.leaders_combine == "all" and len(state.leaders) > 1:
        parts.insert(len(state.leaders), "together")
    if state.in_abstract:
        parts.append("in-abstract")
    if state.q:
        words = slug(state.q)  # empty for queries in non-Latin scripts
        parts.append(f"{URL_KEYS['q']}-{words}" if words else "search")
    return "_".join(p for p in parts if p)[:120] or "all"
