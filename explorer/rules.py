"""Validation rules as tables: how each type parses, which checks each cell gets,
and the checks that span fields, rows and files.

Every rule returns a message without its location; the loader prefixes `file:line: `.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from datetime import date
from urllib.parse import urlsplit

from explorer.schema import Field
from explorer.vocabulary import SIDES_OF

DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
HTML_RE = re.compile(r"<\s*[A-Za-z!/?]|&#?[A-Za-z0-9]+;")


def _short(value: object) -> str:
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def parse_date(text: str, field: Field) -> date:
    """Return the ISO date in `text`, or raise ValueError."""
    if not DATE_RE.fullmatch(text):
        raise ValueError("not a date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError("not a date (YYYY-MM-DD)") from None


def parse_number(text: str, field: Field) -> float:
    """Return the decimal number in `text`, or raise ValueError."""
    try:
        value = float(text)
    except ValueError:
        raise ValueError("not a number") from None
    if not math.isfinite(value):
        raise ValueError("not a number")
    return value


def parse_boolean(text: str, field: Field) -> bool:
    """Return True or False for the literals 'true' and 'false', or raise ValueError."""
    table = {"true": True, "false": False}
    if text not in table:
        raise ValueError("not true or false")
    return table[text]


def parse_list(text: str, field: Field) -> tuple[str, ...]:
    """Return the stripped items of a delimited list, or raise ValueError on an empty item."""
    items = tuple(item.strip() for item in text.split(field.delimiter))
    if any(not item for item in items):
        raise ValueError(f"empty item in a '{field.delimiter}'-separated list")
    return items


PARSERS: dict[str, Callable[[str, Field], object]] = {
    "string": lambda text, field: text,
    "date": parse_date,
    "number": parse_number,
    "boolean": parse_boolean,
    "list": parse_list,
}


def _items(value: object) -> tuple:
    return value if isinstance(value, tuple) else (value,)


def check_enum(field: Field, value: object) -> str | None:
    """Return a problem when a value (or a list item) is outside the field's vocabulary."""
    bad = [item for item in _items(value) if field.enum and item not in field.enum]
    return f"{_short(bad[0])}: not one of: {', '.join(field.enum)}" if bad else None


def check_pattern(field: Field, value: object) -> str | None:
    """Return a problem when a text value does not match the field's pattern."""
    if field.pattern and not re.fullmatch(field.pattern, str(value)):
        return f"{_short(value)}: does not match the pattern {field.pattern}"
    return None


def check_length(field: Field, value: object) -> str | None:
    """Return a problem when a text value is longer than the field allows."""
    if field.max_length and len(str(value)) > field.max_length:
        return f"{_short(value)}: longer than {field.max_length} characters"
    return None


def check_range(field: Field, value: object) -> str | None:
    """Return a problem when a number lies outside the field's minimum and maximum."""
    low, high = field.minimum, field.maximum
    bounded = isinstance(value, float) and low is not None and high is not None
    if bounded and not low <= value <= high:
        return f"{_short(value)}: out of range {low:g} to {high:g}"
    return None


# Line breaks and tabs may appear in text (writers escape them); no other control character
# may: exports would carry it into formats where it ends a line or a record, or is illegal.
TEXT_CONTROLS_ALLOWED = frozenset("\t\n\r")
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def check_control(field: Field, value: object) -> str | None:
    """Return a problem when a text or URL value holds a control character (URLs: whitespace)."""
    if field.type not in ("string", "list"):
        return None
    for item in _items(value):
        for m in CONTROL_RE.finditer(item):
            if field.is_url or m[0] not in TEXT_CONTROLS_ALLOWED:
                return (
                    f"{_short(item)}: control character U+{ord(m[0]):04X} at position"
                    f" {m.start() + 1} (not allowed in {'a URL' if field.is_url else 'text'})"
                )
    return None


def check_url(field: Field, value: object) -> str | None:
    """Return a problem for any item that is not an absolute http(s) URL."""
    if not field.is_url:
        return None
    for item in _items(value):
        try:
            parts = urlsplit(item)
        except ValueError:  # e.g. an unbalanced "[" in the host
            return f"{_short(item)}: not an http(s) URL"
        # urlsplit silently drops tabs and newlines: any whitespace at all is refused.
        spaced = any(c.isspace() for c in item)
        if parts.scheme not in ("http", "https") or not parts.netloc or spaced:
            return f"{_short(item)}: not an http(s) URL"
    return None


def check_html(field: Field, value: object) -> str | None:
    """Return a problem when a text value carries HTML markup or entities."""
    if field.type not in ("string", "list"):
        return None
    for item in _items(value):
        if HTML_RE.search(item):
            return f"{_short(item)}: contains HTML markup (text fields are plain text)"
    return None


CELL_CHECKS: tuple[Callable[[Field, object], str | None], ...] = (
    check_control,
    check_enum,
    check_pattern,
    check_length,
    check_range,
    check_url,
    check_html,
)


# --- checks across fields and files --------------------------------------------------------


def _span(v: dict, start: str, end: str) -> list[str]:
    if v[start] and v[end] and v[end] < v[start]:
        return [f"{end}: '{v[end]}': before {start} '{v[start]}'"]
    return []


PRECISION_DAY = {"day": None, "month": "the 1st of the month", "year": "1 January"}


def check_precision(v: dict, ctx: dict) -> list[str]:
    """A month- or year-precise date must use the 1st (of the month, of January)."""
    d, rule = v["start_date"], PRECISION_DAY.get(v["date_precision"])
    if d and rule and (d.day != 1 or (v["date_precision"] == "year" and d.month != 1)):
        return [f"start_date: '{d}': a {v['date_precision']}-precise date must use {rule}"]
    return []


PLACE_FIELDS = ("city", "country", "latitude", "longitude")


def check_place(v: dict, ctx: dict) -> list[str]:
    """Virtual events have no place; every other event has a city, country and point."""
    if v["host"] is None:
        return []  # already reported as empty
    if v["host"] == "virtual":
        return [
            f"{f}: {_short(v[f])}: must be empty for a virtual event"
            for f in PLACE_FIELDS
            if v[f] not in (None, "")
        ]
    problems = [
        f"{f}: required value is empty (host is {v['host']!r})"
        for f in PLACE_FIELDS
        if v[f] in (None, "")
    ]
    if v["kind"] == "call":
        problems.append(f"host: {_short(v['host'])}: a call's host must be 'virtual'")
    return problems


def _offices(tenures: list[dict]) -> str:
    return "; ".join(
        f"{t['office']} {t['office_start']} to {t['office_end'] or 'present'}" for t in tenures
    )


def check_leaders(v: dict, ctx: dict) -> list[str]:
    """Each leader exists, is on the right side, and held a listed office on the start date."""
    tenures: dict[str, list[dict]] = ctx["tenures"]
    day = v["start_date"]
    problems = []
    for column, sides in SIDES_OF.items():
        for name in v[column] or ():
            held = tenures.get(name)
            if not held:
                problems.append(f"{column}: {_short(name)}: not a name in leaders.csv")
            elif not any(t["side"] in sides for t in held):
                problems.append(
                    f"{column}: {_short(name)}: is on the {held[0]['side']} side in leaders.csv"
                )
            elif day and not any(
                # A tenure whose start failed to parse is reported in leaders.csv already.
                t["office_start"] and t["office_start"] <= day <= (t["office_end"] or date.max)
                for t in held
            ):
                problems.append(
                    f"{column}: {_short(name)}: held no office listed in leaders.csv on {day}"
                    f" (offices: {_offices(held)})"
                )
    return problems


EVENT_CHECKS: tuple[Callable[[dict, dict], list[str]], ...] = (
    lambda v, ctx: _span(v, "start_date", "end_date"),
    check_precision,
    check_place,
    check_leaders,
)
LEADER_CHECKS = (lambda v, ctx: _span(v, "office_start", "office_end"),)
ERA_CHECKS = (lambda v, ctx: _span(v, "start", "end"),)


def _era_overlaps(rows: list, where: str) -> list[str]:
    ordered = sorted((r for r in rows if r.values["start"]), key=lambda r: r.values["start"])
    problems = []
    for prev, row in itertools.pairwise(ordered):
        end = prev.values["end"]
        if end is None or end >= row.values["start"]:
            problems.append(
                f"{where}:{row.line}: start: '{row.values['start']}': overlaps era"
                f" {prev.values['name']!r} (line {prev.line})"
            )
    return problems


def cross_checks(parsed: dict[str, list], where: dict[str, str]) -> list[str]:
    """Return the problems that span fields, rows or files, each with its location."""
    tenures: dict[str, list[dict]] = {}
    for row in parsed["leaders"]:
        tenures.setdefault(row.values["name"], []).append(row.values)
    ctx = {"tenures": tenures}
    table = (("events", EVENT_CHECKS), ("leaders", LEADER_CHECKS), ("eras", ERA_CHECKS))
    problems = [
        f"{where[name]}:{row.line}: {message}"
        for name, checks in table
        for row in parsed[name]
        for check in checks
        for message in check(row.values, ctx)
    ]
    problems += _part_of(parsed["events"], where["events"])
    return problems + _era_overlaps(parsed["eras"], where["eras"])


# --- part_of: a signing-day row names the visit it happened during ---------------------------

# A signing happens during a trip: a visit, or a trip recorded as an informal summit or a
# multilateral gathering (Zhou Enlai at the CPSU's 21st Congress, 1959).
PART_OF_KINDS = ("visit", "summit", "multilateral")


def check_part_of(v: dict, visit: dict | None) -> list[str]:
    """The row named by part_of exists, is a trip, and its dates include this row's start."""
    if v["part_of"] == v["id"]:
        return [f"part_of: {_short(v['part_of'])}: names the row itself"]
    if visit is None:
        return [f"part_of: {_short(v['part_of'])}: no event with this id"]
    if visit["kind"] not in PART_OF_KINDS:
        kinds = ", ".join(PART_OF_KINDS)
        return [f"part_of: {_short(v['part_of'])}: is a {visit['kind']}, not one of: {kinds}"]
    first, last = visit["start_date"], visit["end_date"] or visit["start_date"]
    day = v["start_date"]
    if day and first and not first <= day <= last:
        return [f"start_date: '{day}': outside the visit {v['part_of']!r} ({first} to {last})"]
    return []


def _part_of(rows: list, where: str) -> list[str]:
    by_id = {r.values["id"]: r.values for r in rows if r.values["id"]}
    return [
        f"{where}:{row.line}: {message}"
        for row in rows
        if row.values.get("part_of")
        for message in check_part_of(row.values, by_id.get(row.values["part_of"]))
    ]
