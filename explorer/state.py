"""The view state and its URL form: every view is a link (`?leader=Xi+Jinping&decade=2010s`).

The filters' URL keys are spelled in explorer.filter_table, the view's here, and nowhere
else. Parsing never fails: an unknown or malformed value
falls back to the default for that key.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from datetime import date
from urllib.parse import parse_qs, urlencode

from explorer.filter_table import (  # noqa: F401 (COMBINE_LABELS: read from here too)
    COMBINE_LABELS,
    COMBINES,
    FILTERS,
    MULTI,
    PAIR_SEPARATOR,
    Filter,
)
from explorer.i18n import LANGS

LANES = ("kind", "china", "russia", "host")
LANE_LABELS = {
    "kind": "Kind",
    "china": "Chinese leader",
    "russia": "Soviet / Russian leader",
    "host": "Host",
}
COLORS = ("pair", "era")
COLOR_LABELS = {"pair": "Leader pair", "era": "Era"}
MAX_VALUES = 60
MAX_QUERY = 200
# The years a window may name: any dataset's (`--data` of the 1800s or the 2030s), not only ours.
WINDOW_YEARS = range(1000, 3000)
PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class ViewState:
    """What the user is looking at: filters, lanes, colours, time window and selected event."""

    leaders: tuple[str, ...] = ()
    leaders_combine: str = "any"
    decades: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    pairs: tuple[str, ...] = ()
    in_abstract: bool = False
    q: str = ""
    lanes: str = "kind"
    color: str = "pair"
    start: str | None = None
    end: str | None = None
    event: str | None = None
    lang: str = ""  # '' = not chosen in the URL: English, or the browser's language at the index


# ViewState attribute -> URL key: the filters' keys (explorer.filter_table), then the view's.
# Multi-valued keys repeat (`leader=A&leader=B`).
VIEW_KEYS = {
    "lanes": "lanes",
    "color": "color",
    "start": "from",
    "end": "to",
    "event": "event",
    "lang": "lang",
}
URL_KEYS = {f.attr: f.key for f in FILTERS} | VIEW_KEYS
FILTER_ATTRS = tuple(f.attr for f in FILTERS)


class Vocabulary:
    """The values each multi-valued filter may take (by ViewState attribute), and the event ids."""

    def __init__(self, events: Iterable[str] = (), **values: Iterable[str]) -> None:
        unknown = sorted(set(values) - set(MULTI))
        if unknown:
            raise TypeError(f"Vocabulary: not a multi-valued filter: {', '.join(unknown)}")
        self.values = {attr: tuple(values.get(attr, ())) for attr in MULTI}
        self.events = frozenset(events)

    def __getattr__(self, name: str) -> tuple[str, ...]:
        values = self.__dict__.get("values", {})
        if name in values:
            return values[name]
        raise AttributeError(name)


def parse_day(text: str | None, *, last: bool = False) -> str | None:
    """Return the ISO date 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' names (first or last day), or None."""
    m = PARTIAL_DATE.fullmatch((text or "").strip())
    if not m:
        return None
    year, month = int(m[1]), int(m[2] or (12 if last else 1))
    try:
        day = int(m[3]) if m[3] else (calendar.monthrange(year, month)[1] if last else 1)
        value = date(year, month, day)
    except ValueError:
        return None
    return value.isoformat() if value.year in WINDOW_YEARS else None


def _window(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    a, b = parse_day(start), parse_day(end, last=True)
    return (a, b) if a and b and a < b else (None, None)


def _first(params: dict[str, list[str]], key: str) -> str:
    return params.get(key, [""])[0]


# Filter kind -> how its value is read from the query's parameters (explorer.filter_table).
PARSERS: dict[str, Callable[[Filter, dict[str, list[str]], Vocabulary], object]] = {
    "multi": lambda f, p, vocab: tuple(
        dict.fromkeys(v for v in p.get(f.key, [])[:MAX_VALUES] if v in vocab.values[f.attr])
    ),
    "flag": lambda f, p, _: _first(p, f.key) in ("1", "true", "yes"),
    "text": lambda f, p, _: " ".join(_first(p, f.key).split())[:MAX_QUERY],
    "choice": lambda f, p, _: (
        _first(p, f.key) if _first(p, f.key) in f.choices else getattr(ViewState(), f.attr)
    ),
}


def from_query(query: str, vocab: Vocabulary) -> ViewState:
    """Return the view state a query string describes, dropping what it cannot read."""
    params = parse_qs(query.lstrip("?")[:8000], keep_blank_values=False)
    values = {f.attr: PARSERS[f.kind](f, params, vocab) for f in FILTERS}
    lanes, color = _first(params, URL_KEYS["lanes"]), _first(params, URL_KEYS["color"])
    values["lanes"] = lanes if lanes in LANES else "kind"
    values["color"] = color if color in COLORS else COLORS[0]
    values["start"], values["end"] = _window(
        _first(params, URL_KEYS["start"]) or None, _first(params, URL_KEYS["end"]) or None
    )
    event = _first(params, URL_KEYS["event"])
    values["event"] = event if event in vocab.events else None
    lang = _first(params, URL_KEYS["lang"])
    values["lang"] = lang if lang in LANGS else ""
    return ViewState(**values)


def to_query(state: ViewState) -> str:
    """Return the canonical query string ('?…', or '' for the default view)."""
    default = ViewState()
    pairs: list[tuple[str, str]] = []
    for f in fields(ViewState):
        value = getattr(state, f.name)
        if value == getattr(default, f.name):
            continue
        key = URL_KEYS[f.name]
        if f.name in MULTI:
            pairs += [(key, v) for v in value]
        elif isinstance(value, bool):
            pairs.append((key, "1"))
        else:
            pairs.append((key, str(value)))
    return "?" + urlencode(pairs, safe=PAIR_SEPARATOR) if pairs else ""


def without(state: ViewState, attr: str, value: str | None = None) -> ViewState:
    """Return `state` with one filter value removed (or the whole filter when value is None)."""
    if not isinstance(attr, str) or attr not in URL_KEYS:  # chip ids come from the network
        return state
    if attr in MULTI and value is not None:
        return replace(state, **{attr: tuple(v for v in getattr(state, attr) if v != value)})
    return replace(state, **{attr: getattr(ViewState(), attr)})


def reset_filters(state: ViewState) -> ViewState:
    """Return the default filters and window (fitted to every event), keeping lanes, colours and
    the language."""
    return replace(ViewState(), lanes=state.lanes, color=state.color, lang=state.lang)


def filters_changed(old: ViewState, new: ViewState) -> bool:
    """Return whether any filter differs (lanes, colours, window and selection aside)."""
    return any(getattr(old, a) != getattr(new, a) for a in FILTER_ATTRS)
