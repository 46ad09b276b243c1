"""Short labels for the timeline's marks ('Xi in Moscow', 'SCO · Astana') and their priority.

The browser places as many labels as fit without overlap, most important first, so a label's
rank decides which survive when the timeline is zoomed out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from explorer.i18n import term, translate
from explorer.vocabulary import SIDES, local_label

# Tags that name the forum of a multilateral event, in the order they are preferred.
FORUMS = ("SCO", "BRICS", "APEC", "G20", "G8", "CICA", "UN")
# kind -> rank; milestones named in the article's abstract outrank everything (MILESTONE).
KIND_RANKS = {"visit": 2, "treaty": 2, "declaration": 2, "summit": 1, "multilateral": 0, "call": 0}
MILESTONE = 3


SCRIPTS = {"zh": re.compile(r"[\u4e00-\u9fff]"), "ru": re.compile(r"[\u0400-\u04ff]")}
NATIVE_SIDE = {"zh": "China", "ru": ("USSR", "Russia")}


def _local_name(row, lang: str) -> str:
    """Return a leader's full name in `lang`: the native name, else the alias in its script."""
    if lang == "en":
        return row.name
    if row.side in NATIVE_SIDE[lang]:
        return row.native_name
    alias = next((a for a in row.aliases if SCRIPTS[lang].search(a)), "")
    return alias or row.name


def local_names(leaders: pd.DataFrame, lang: str) -> dict[str, str]:
    """Return each leader's full name as `lang` writes it (习近平, Си Цзиньпин, Xi Jinping)."""
    return {r.name: _local_name(r, lang) for r in leaders.drop_duplicates("name").itertuples()}


def _family(row, lang: str) -> str:
    """Return the name a label uses: Chinese full names stay whole outside English."""
    name = _local_name(row, lang)
    if SIDES[row.side].family_first:
        return name.split()[0] if lang == "en" else name
    return name.split("·")[-1] if lang == "zh" else name.split()[-1]


def short_names(leaders: pd.DataFrame, lang: str = "en") -> dict[str, str]:
    """Return each leader's short name in `lang`: a family name, or the full name where shared."""
    rows = leaders.drop_duplicates("name")
    # Chinese names put the family name first; Russian names put it last.
    family = {r.name: _family(r, lang) for r in rows.itertuples(index=False)}
    shared = Counter(family.values())
    full = {r.name: _local_name(r, lang) for r in rows.itertuples(index=False)}
    return {name: short if shared[short] == 1 else full[name] for name, short in family.items()}


@dataclass(frozen=True)
class Words:
    """What a label is made of, in one language: leaders' short names and the catalogue."""

    names: dict[str, str]
    lang: str = "en"

    def city(self, city: str, case: str = "city") -> str:
        """Return a city's name (in Russian, `case='city_in'` gives the prepositional form)."""
        return term(case, city, self.lang) if city else city

    def text(self, key: str, **values: str) -> str:
        """Return the catalogue's label template `key`, filled in."""
        return translate(f"label.{key}", self.lang, **values)


def _pair(event, words: Words) -> str:
    names = words.names
    sides = [names.get(side[0], side[0]) for side in (event.china_leaders, event.russia_leaders)]
    return "–".join(s for s in sides if s) or event.title


def _visit(event, words: Words) -> str:
    # The visitors are the other side's leaders; a visit to a third country has none.
    side = SIDES.get(event.host)
    leaders = getattr(event, side.visitors) if side else ()
    if not leaders or not event.city:
        return _pair(event, words)
    name = words.names.get(leaders[0], leaders[0])
    return words.text("in", name=name, place=words.city(event.city, "city_in"))


def _meeting(event, words: Words) -> str:
    forum = next((f for f in FORUMS if f in event.tags), None)
    where = words.city(event.city) or words.text("virtual")
    return (
        f"{term('forum', forum, words.lang)} · {where}"
        if forum
        else f"{_pair(event, words)} · {where}"
    )


def _call(event, words: Words) -> str:
    return words.text("video_call" if "video" in event.tags else "call", pair=_pair(event, words))


def _signing(event, words: Words) -> str:
    return f"{local_label('kind', event.kind, words.lang)} · {_pair(event, words)}"


LABEL_RULES: dict[str, Callable] = {
    "visit": _visit,
    "summit": _meeting,
    "multilateral": _meeting,
    "call": _call,
    "treaty": _signing,
    "declaration": _signing,
}


def labels(events: pd.DataFrame, leaders: pd.DataFrame, lang: str = "en") -> pd.Series:
    """Return each event's short label in `lang` (an unknown kind gets the leader pair)."""
    words = Words(short_names(leaders, lang), lang)
    columns = ["kind", "title", "host", "city", "tags", "china_leaders", "russia_leaders"]
    texts = [
        LABEL_RULES.get(e.kind, _pair)(e, words) for e in events[columns].itertuples(index=False)
    ]
    return pd.Series(texts, index=events.index, dtype=object)


def ranks(events: pd.DataFrame) -> pd.Series:
    """Return each event's label rank: higher ranks are placed first (milestones highest)."""
    by_kind = events["kind"].map(KIND_RANKS).fillna(0).astype(int)
    return by_kind.where(~events["in_abstract"].astype(bool), MILESTONE)
