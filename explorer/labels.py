"""Short labels for the timeline's marks ('Xi in Moscow', 'SCO · Astana') and their priority.

The browser places as many labels as fit without overlap, most important first, so a label's
rank decides which survive when the timeline is zoomed out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pandas as pd

from explorer.vocabulary import SIDES

# Tags that name the forum of a multilateral event, in the order they are preferred.
FORUMS = ("SCO", "BRICS", "APEC", "G20", "G8", "CICA", "UN")
# kind -> rank; milestones named in the article's abstract outrank everything (MILESTONE).
KIND_RANKS = {"visit": 2, "treaty": 2, "declaration": 2, "summit": 1, "multilateral": 0, "call": 0}
MILESTONE = 3


def short_names(leaders: pd.DataFrame) -> dict[str, str]:
    """Return each leader's short name: a family name, or the full name where one is shared."""
    rows = leaders.drop_duplicates("name")
    # Chinese names put the family name first; Russian names put it last.
    family = {
        r.name: r.name.split()[0 if SIDES[r.side].family_first else -1]
        for r in rows.itertuples(index=False)
    }
    shared = Counter(family.values())
    return {name: short if shared[short] == 1 else name for name, short in family.items()}


def _pair(event, names: dict[str, str]) -> str:
    sides = [names.get(side[0], side[0]) for side in (event.china_leaders, event.russia_leaders)]
    return "–".join(s for s in sides if s) or event.title


def _visit(event, names: dict[str, str]) -> str:
    # The visitors are the other side's leaders; a visit to a third country has none.
    side = SIDES.get(event.host)
    leaders = getattr(event, side.visitors) if side else ()
    if not leaders or not event.city:
        return _pair(event, names)
    return f"{names.get(leaders[0], leaders[0])} in {event.city}"


def _meeting(event, names: dict[str, str]) -> str:
    forum = next((f for f in FORUMS if f in event.tags), None)
    where = event.city or "virtual"
    return f"{forum} · {where}" if forum else f"{_pair(event, names)} · {where}"


def _call(event, names: dict[str, str]) -> str:
    return f"{_pair(event, names)} {'video call' if 'video' in event.tags else 'call'}"


def _signing(event, names: dict[str, str]) -> str:
    return f"{event.kind.capitalize()} · {_pair(event, names)}"


LABEL_RULES: dict[str, Callable] = {
    "visit": _visit,
    "summit": _meeting,
    "multilateral": _meeting,
    "call": _call,
    "treaty": _signing,
    "declaration": _signing,
}


def labels(events: pd.DataFrame, leaders: pd.DataFrame) -> pd.Series:
    """Return each event's short label (an unknown kind gets the leader pair)."""
    names = short_names(leaders)
    columns = ["kind", "title", "host", "city", "tags", "china_leaders", "russia_leaders"]
    texts = [
        LABEL_RULES.get(e.kind, _pair)(e, names) for e in events[columns].itertuples(index=False)
    ]
    return pd.Series(texts, index=events.index, dtype=object)


def ranks(events: pd.DataFrame) -> pd.Series:
    """Return each event's label rank: higher ranks are placed first (milestones highest)."""
    by_kind = events["kind"].map(KIND_RANKS).fillna(0).astype(int)
    return by_kind.where(~events["in_abstract"].astype(bool), MILESTONE)
