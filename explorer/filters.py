"""Filtering as a table of rules: each view-state attribute maps to one predicate over events.

Values within one filter are alternatives (OR), except leaders, which the view may ask to take
part all together (`leaders=all`); different filters narrow together (AND).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pandas as pd

from explorer.i18n import language, term, translate
from explorer.model import HOST_GROUP_LABELS, Record
from explorer.schema import resource
from explorer.search import search_mask
from explorer.state import (
    MULTI,
    PAIR_SEPARATOR,
    URL_KEYS,
    ViewState,
    Vocabulary,
    without,
)
from explorer.text import slug
from explorer.window import overlaps

DECADES = tuple(f"{y}s" for y in range(1940, 2030, 10))


# How several leaders combine (ViewState.leaders_combine) -> test(wanted, who took part).
COMBINE_TESTS: dict[str, Callable[[set[str], tuple[str, ...]], bool]] = {
    "any": lambda wanted, who: not wanted.isdisjoint(who),
    "all": lambda wanted, who: wanted.issubset(who),
}


def _leaders(events: pd.DataFrame, names: tuple[str, ...], state: ViewState) -> pd.Series:
    wanted, test = set(names), COMBINE_TESTS[state.leaders_combine]
    people = events["china_leaders"] + events["russia_leaders"]
    return people.map(lambda who: test(wanted, who))


def _any_tag(events: pd.DataFrame, tags: tuple[str, ...], _: ViewState) -> pd.Series:
    wanted = set(tags)
    return events["tags"].map(lambda have: not wanted.isdisjoint(have))


def _any_pair(events: pd.DataFrame, pairs: tuple[str, ...], _: ViewState) -> pd.Series:
    wanted = [tuple(p.split(PAIR_SEPARATOR, 1)) for p in pairs]
    return pd.Series(
        [
            any(c in ch and r in ru for c, r in wanted)
            for ch, ru in zip(events["china_leaders"], events["russia_leaders"], strict=True)
        ],
        index=events.index,
        dtype=bool,
    )


def _column_in(column: str) -> Callable[[pd.DataFrame, object, ViewState], pd.Series]:
    return lambda ev, v, _: ev[column].isin(v)


# ViewState attribute -> predicate(events, value, state) -> boolean mask. Empty values do not
# filter; the state says how a filter's values combine where that is a choice.
RULES: dict[str, Callable[[pd.DataFrame, object, ViewState], pd.Series]] = {
    "leaders": _leaders,
    "decades": _column_in("decade"),
    "kinds": _column_in("kind"),
    "hosts": _column_in("host_group"),
    "tags": _any_tag,
    "places": _column_in("city"),
    "pairs": _any_pair,
    "in_abstract": lambda ev, v, _: ev["in_abstract"],
    "q": lambda ev, v, _: search_mask(ev, v),
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
    removable: bool = True


# URL attribute -> the chip's text for a value, in a language.
CHIP_LABELS: dict[str, Callable[[str, str], str]] = {
    "leaders": lambda v, lang: v,
    "decades": lambda v, lang: v,
    "kinds": lambda v, lang: term("kind", v, lang),
    "hosts": lambda v, lang: translate("chip.host", lang, value=term("host", v, lang)),
    "tags": lambda v, lang: f"#{v}",
    "places": lambda v, lang: translate("chip.place", lang, value=term("city", v, lang)),
    "pairs": lambda v, lang: " & ".join(v.split(PAIR_SEPARATOR, 1)),
}


def _combine_chip(state: ViewState) -> list[Chip]:
    """Return a chip that says how several leaders combine (removing "all of" gives "any of")."""
    if len(state.leaders) < 2:
        return []
    mode, lang = state.leaders_combine, language(state.lang)
    label = translate("chip.leaders", lang, mode=translate(f"chip.combine.{mode}", lang))
    return [Chip("leaders_combine", mode, label, removable=mode != ViewState.leaders_combine)]


def chips(state: ViewState) -> list[Chip]:
    """Return the active filters as chips, in a stable order."""
    out, lang = _combine_chip(state), language(state.lang)
    out += [Chip(a, v, CHIP_LABELS[a](v, lang)) for a in MULTI for v in getattr(state, a)]
    if state.in_abstract:
        out.append(Chip("in_abstract", "1", translate("chip.abstract", lang)))
    if state.q:
        out.append(Chip("q", state.q, f"“{state.q}”"))
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
