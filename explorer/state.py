"""The view state and its URL form: every view is a link (`?leader=Xi+Jinping&decade=2010s`).

URL keys are spelled here and nowhere else. Parsing never fails: an unknown or malformed value
falls back to the default for that key.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, fields, replace
from datetime import date
from urllib.parse import parse_qs, urlencode

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
# How several chosen leaders combine: events with any of them, or with all of them together.
COMBINES = ("any", "all")
COMBINE_LABELS = {"any": "any of", "all": "all of"}
MAX_VALUES = 60
MAX_QUERY = 200
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


# ViewState attribute -> URL key. Multi-valued keys repeat (`leader=A&leader=B`).
URL_KEYS = {
    "leaders": "leader",
    "leaders_combine": "leaders",
    "decades": "decade",
    "kinds": "kind",
    "hosts": "host",
    "tags": "tag",
    "places": "place",
    "pairs": "pair",
    "in_abstract": "abstract",
    "q": "q",
    "lanes": "lanes",
    "color": "color",
    "start": "from",
    "end": "to",
    "event": "event",
    "lang": "lang",
}
MULTI = ("leaders", "decades", "kinds", "hosts", "tags", "places", "pairs")
PAIR_SEPARATOR = ","  # pair=Xi+Jinping,Vladimir+Putin
FILTER_ATTRS = (*MULTI, "leaders_combine", "in_abstract", "q")


@dataclass(frozen=True)
class Vocabulary:
    """The values each multi-valued key may take, and the known event ids."""

    leaders: tuple[str, ...] = ()
    decades: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    pairs: tuple[str, ...] = ()
    events: frozenset[str] = field(default_factory=frozenset)


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
    return value.isoformat() if 1900 <= value.year <= 2100 else None


def _window(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    a, b = parse_day(start), parse_day(end, last=True)
    return (a, b) if a and b and a < b else (None, None)


def from_query(query: str, vocab: Vocabulary) -> ViewState:
    """Return the view state a query string describes, dropping what it cannot read."""
    params = parse_qs(query.lstrip("?")[:8000], keep_blank_values=False)
    first = {k: v[0] for k, v in params.items()}
    values: dict[str, object] = {}
    for attr in MULTI:
        allowed = getattr(vocab, attr)
        given = params.get(URL_KEYS[attr], [])[:MAX_VALUES]
        values[attr] = tuple(dict.fromkeys(v for v in given if v in allowed))
    combine = first.get(URL_KEYS["leaders_combine"])
    values["leaders_combine"] = combine if combine in COMBINES else "any"
    values["in_abstract"] = first.get(URL_KEYS["in_abstract"], "") in ("1", "true", "yes")
    values["q"] = " ".join(first.get(URL_KEYS["q"], "").split())[:MAX_QUERY]
    values["lanes"] = (
        first.get(URL_KEYS["lanes"]) if first.get(URL_KEYS["lanes"]) in LANES else "kind"
    )
    values["color"] = (
        first.get(URL_KEYS["color"]) if first.get(URL_KEYS["color"]) in COLORS else COLORS[0]
    )
    values["start"], values["end"] = _window(
        first.get(URL_KEYS["start"]), first.get(URL_KEYS["end"])
    )
    event = first.get(URL_KEYS["event"])
    values["event"] = event if event in vocab.events else None
    values["lang"] = first.get(URL_KEYS["lang"]) if first.get(URL_KEYS["lang"]) in LANGS else ""
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
