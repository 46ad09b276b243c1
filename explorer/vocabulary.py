"""The values kinds, host groups and sides take, each with its label, symbol and colour.

Beside the schema (which says which values are allowed) this says how each is shown. A value
the schema allows but this table does not know is never dropped: it gets a default label,
symbol and colour, and a warning is logged once, so the gap is visible and nothing vanishes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pandas as pd

from explorer.i18n import has, translate
from explorer.theme import OTHER_COLOR, PALETTE

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Term:
    """How one allowed value is shown: its label, its mark's symbol and its colour."""

    label: str
    symbol: str = "circle"
    color: str = OTHER_COLOR


KINDS: dict[str, Term] = {
    "visit": Term("Visit", "circle", PALETTE[0]),
    "summit": Term("Summit", "diamond", PALETTE[1]),
    "treaty": Term("Treaty", "square", PALETTE[2]),
    "declaration": Term("Declaration", "star", PALETTE[3]),
    "multilateral": Term("Multilateral", "triangle-up", PALETTE[4]),
    "call": Term("Call", "x", PALETTE[5]),
}
# Host groups (the lanes and the host filter); colours are the direction chart's.
HOSTS: dict[str, Term] = {
    "china": Term("China", color=PALETTE[5]),
    "ussr-russia": Term("USSR / Russia", color=PALETTE[0]),
    "third-country": Term("Third country", color=PALETTE[2]),
    "virtual": Term("Virtual", color=PALETTE[3]),
}
# data/events.csv `host` -> its host group; any other host is a third country.
HOST_GROUPS = {
    "China": "china",
    "USSR": "ussr-russia",
    "Russia": "ussr-russia",
    "virtual": "virtual",
}
HOST_GROUP_OTHER = "third-country"


@dataclass(frozen=True)
class Side:
    """A leader's side in leaders.csv: its heading, its camp, its events column, its visitors."""

    label: str
    camp: str
    column: str  # the events column that lists its leaders
    visitors: str  # the column that lists who visits it (the other side's leaders)
    family_first: bool  # a name's family name comes first (Chinese) or last (Russian)


SIDES: dict[str, Side] = {
    "China": Side("China", "China", "china_leaders", "russia_leaders", True),
    "USSR": Side("USSR", "USSR / Russia", "russia_leaders", "china_leaders", False),
    "Russia": Side("Russia", "USSR / Russia", "russia_leaders", "china_leaders", False),
}
# Events column -> the sides whose leaders it lists, and the camp it names.
SIDES_OF = {
    c: tuple(k for k, s in SIDES.items() if s.column == c)
    for c in ("china_leaders", "russia_leaders")
}
CAMPS = {s.column: s.camp for s in SIDES.values()}
TABLES: dict[str, dict[str, Term]] = {"kind": KINDS, "host": HOSTS}


@cache
def _warn(table: str, value: str) -> None:
    # Once per value and process: a missing row is a gap in this table, not in the data.
    log.warning("%s %r has no row in explorer/vocabulary.py: shown with a default", table, value)


def term(table: str, value: str) -> Term:
    """Return how `value` of `table` ('kind' or 'host') is shown (a default, with a warning)."""
    known = TABLES[table].get(value)
    if known is not None:
        return known
    _warn(table, value)
    return Term(str(value).replace("-", " ").capitalize() or "—")


def local_label(table: str, value: str, lang: str = "en") -> str:
    """Return `value`'s name in `lang`: the catalogue's ('kind.visit' -> '访问'), else the table's
    label (a default for an unknown kind or host), else the value itself (a city, an era)."""
    key = f"{table}.{value}"
    if has(key):
        return translate(key, lang)
    return term(table, value).label if table in TABLES else str(value)


def labels(table: str, values: Iterable[str] = (), lang: str = "en") -> dict[str, str]:
    """Return value -> label in `lang`: the table's values in order, then any others, sorted."""
    extra = sorted(set(values) - set(TABLES[table]), key=str)
    return {v: local_label(table, v, lang) for v in (*TABLES[table], *extra)}


def in_order(table: str, values: Iterable[str]) -> list[str]:
    """Return the distinct `values` in the table's order, unknown values last (sorted)."""
    present = set(values)
    return [v for v in labels(table, present) if v in present]


def label_map(table: str, column: pd.Series, lang: str = "en") -> pd.Series:
    """Return each value's label in `column`, in `lang`: none is left without one."""
    return column.map(labels(table, column.unique(), lang))


def kind_labels(lang: str = "en") -> dict[str, str]:
    """Return each known kind's label in `lang`, in order (the kind checklist, exports' groups)."""
    return {k: local_label("kind", k, lang) for k in KINDS}


def decades(dates: pd.Series) -> tuple[str, ...]:
    """Return every decade from the first date's to the last's ('1940s', …), none if empty."""
    years = dates.dropna().dt.year
    if years.empty:
        return ()
    return tuple(f"{y}s" for y in range(int(years.min()) // 10 * 10, int(years.max()) + 1, 10))


def years(dates: pd.Series) -> tuple[int, int] | None:
    """Return the first and last year of `dates`, or None when there are none."""
    found = dates.dropna().dt.year
    return (int(found.min()), int(found.max())) if not found.empty else None
