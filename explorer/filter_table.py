"""Every filter declared once: one row says its URL key, label, values, predicate, chip,
control and command-line flag, and the view state, filtering, chips, controls and CLI are
derived from the rows (Datasette's filter objects are the model).

Adding a filter: a row here, a field of ViewState (explorer/state.py), its control's id in
explorer/app/ids.py when it has one, and its place in the filter drawer (explorer/app/layout.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from explorer.i18n import translate
from explorer.schema import resource
from explorer.search import search_mask
from explorer.vocabulary import HOSTS, SIDES, decades, in_order, local_label

if TYPE_CHECKING:
    from explorer.model import Record
    from explorer.state import ViewState

PAIR_SEPARATOR = ","  # pair=Xi+Jinping,Vladimir+Putin
# How several chosen leaders combine: events with any of them, or with all of them together.
COMBINES = ("any", "all")
COMBINE_LABELS = {"any": "any of", "all": "all of"}  # English; the page reads chip.combine.*
# A filter's kind says how its value is read from a URL, a control or a flag, and written back:
# "multi" (values from its vocabulary, repeated keys), "flag" (on or off), "text" (free text),
# "choice" (one of `choices`).
KINDS = ("multi", "flag", "text", "choice")
# What a filter's control is on the page; None: its values are chosen in a chart.
CONTROLS = ("search", "dropdown", "radio", "checklist", "check")

Predicate = Callable[[pd.DataFrame, object, "ViewState"], pd.Series]


@dataclass(frozen=True)
class Filter:
    """One filter: how it is spelled in the URL, shown, chosen, tested and asked for."""

    attr: str  # the ViewState attribute
    key: str  # the URL key (repeated for several values)
    label: str  # the control's label: a catalogue key (explorer/locales/*.po)
    kind: str  # one of KINDS
    chip: Callable[[str, str], str]  # value, language -> the label of the chip of one value
    predicate: Predicate | None = None  # events, value, state -> mask; None: shapes another
    values: Callable[[Record], tuple[str, ...]] | None = None  # the allowed values ("multi")
    value_label: Callable[[str, str], str] = lambda v, lang: v  # value, language -> its option
    options: Callable[[Record, str], list[dict]] | None = None  # record, language -> options
    choices: tuple[str, ...] = ()  # the allowed values ("choice")
    control: str | None = None  # one of CONTROLS
    hint: str = ""  # the control's placeholder: a catalogue key, "" for none
    cli: str | None = None  # the `explorer export` flag, None: not on the command line
    cli_help: str = ""
    # When its chip shows (default: when it is set); a "choice" chip is removable off default.
    shown: Callable[[ViewState], bool] | None = None


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


def _column_in(column: str) -> Predicate:
    return lambda ev, v, _: ev[column].isin(v)


def all_pairs(events: pd.DataFrame) -> set[str]:
    """Return every Chinese–Soviet/Russian leader pair that met, as 'China,Russia' names."""
    return {
        f"{c}{PAIR_SEPARATOR}{r}"
        for ch, ru in zip(events["china_leaders"], events["russia_leaders"], strict=True)
        for c in ch
        for r in ru
    }


def leader_options(record: Record, lang: str = "en") -> list[dict]:
    """Return the leader choices grouped by side (headed in `lang`), each with its native name."""
    leaders = record.leaders.drop_duplicates("name")
    options: list[dict] = []
    for side in SIDES:
        rows = leaders[leaders["side"] == side]
        if rows.empty:
            continue
        label = translate(f"side.{side}", lang)
        options.append({"label": f"— {label} —", "value": f"__{side}", "disabled": True})
        options += [
            {"label": f"{r.name} · {r.native_name}", "value": r.name, "search": r.name}
            for r in rows.itertuples(index=False)
        ]
    return options


def tag_options(record: Record, lang: str = "en") -> list[dict]:
    """Return the tags in use, most frequent first, with their counts."""
    counts = record.events["tags"].explode().value_counts()
    return [{"label": f"{tag} ({n})", "value": tag} for tag, n in counts.items()]


def _schema_enum(column: str) -> Callable[[Record], tuple[str, ...]]:
    """Return the values the schema allows in `column` (kinds: and any other in the data)."""

    def values(record: Record) -> tuple[str, ...]:
        enum = resource("events").field(column).enum
        if column == "kind":
            return tuple(in_order("kind", [*enum, *record.events["kind"]]))
        return enum

    return values


def _kind_label(value: str, lang: str = "en") -> str:
    return local_label("kind", value, lang)


def _host_label(value: str, lang: str = "en") -> str:
    return local_label("host", value, lang)


MULTI_HELP = "(repeatable; same values as the page's URL)"
# In the order chips are shown. The window (from/to) is a filter too, declared in state.py.
FILTERS: tuple[Filter, ...] = (
    Filter(
        "leaders_combine",
        "leaders",
        "filters.combine",
        "choice",
        chip=lambda v, lang: translate(
            "chip.leaders", lang, mode=translate(f"chip.combine.{v}", lang)
        ),
        value_label=lambda v, lang: translate(f"filters.combine.{v}", lang),
        choices=COMBINES,
        control="radio",
        cli="leaders",
        cli_help="with several --leader: events with any of them (default) or all of them together",
        shown=lambda s: len(s.leaders) >= 2,
    ),
    Filter(
        "leaders",
        "leader",
        "filters.leaders",
        "multi",
        chip=lambda v, lang: v,
        predicate=_leaders,
        values=lambda r: tuple(dict.fromkeys(r.leaders["name"])),
        options=leader_options,
        control="dropdown",
        hint="filters.any_leader",
        cli="leader",
    ),
    Filter(
        "decades",
        "decade",
        "filters.decades",
        "multi",
        chip=lambda v, lang: v,
        predicate=_column_in("decade"),
        values=lambda r: decades(r.events["start_date"]),
        control="checklist",
        cli="decade",
    ),
    Filter(
        "kinds",
        "kind",
        "filters.kind",
        "multi",
        chip=_kind_label,
        predicate=_column_in("kind"),
        values=_schema_enum("kind"),
        value_label=_kind_label,
        control="checklist",
        cli="kind",
    ),
    Filter(
        "hosts",
        "host",
        "filters.host",
        "multi",
        chip=lambda v, lang: translate("chip.host", lang, value=_host_label(v, lang)),
        predicate=_column_in("host_group"),
        values=lambda r: tuple(HOSTS),
        value_label=_host_label,
        control="checklist",
        cli="host",
    ),
    Filter(
        "tags",
        "tag",
        "filters.tags",
        "multi",
        chip=lambda v, lang: f"#{v}",
        predicate=_any_tag,
        values=_schema_enum("tags"),
        options=tag_options,
        control="dropdown",
        hint="filters.any_tag",
        cli="tag",
    ),
    Filter(
        "places",
        "place",
        "filters.place",
        "multi",
        chip=lambda v, lang: translate("chip.place", lang, value=local_label("city", v, lang)),
        predicate=_column_in("city"),
        values=lambda r: tuple(sorted(c for c in set(r.events["city"]) if c)),
        cli="place",
    ),
    Filter(
        "pairs",
        "pair",
        "filters.pair",
        "multi",
        chip=lambda v, lang: " & ".join(v.split(PAIR_SEPARATOR, 1)),
        predicate=_any_pair,
        values=lambda r: tuple(sorted(all_pairs(r.events))),
        cli="pair",
    ),
    Filter(
        "in_abstract",
        "abstract",
        "filters.abstract",
        "flag",
        chip=lambda v, lang: translate("chip.abstract", lang),
        predicate=lambda ev, v, _: ev["in_abstract"],
        control="check",
        cli="abstract",
        cli_help="only events named in the abstract",
    ),
    Filter(
        "q",
        "q",
        "filters.search",
        "text",
        chip=lambda v, lang: f"“{v}”",
        predicate=lambda ev, v, _: search_mask(ev, v),
        control="search",
        hint="filters.search_hint",
        cli="search",
        cli_help="free-text search, any script",
    ),
)
BY_ATTR = {f.attr: f for f in FILTERS}
MULTI = tuple(f.attr for f in FILTERS if f.kind == "multi")
