"""iCalendar (RFC 5545): one all-day VEVENT per event, stable UIDs from event ids."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pandas as pd

from explorer.citation import DATASET_TITLE, PROJECT
from explorer.exports.meta import ExportMeta, safe_url
from explorer.formatting import place_label
from explorer.i18n import translate

# RFC 5545 3.3.11: these characters are escaped in TEXT values.
# A lone CR ends a content line for some readers, so it is a line break too.
TEXT_ESCAPES = (
    ("\\", "\\\\"),
    (";", "\\;"),
    (",", "\\,"),
    ("\r\n", "\\n"),
    ("\r", "\\n"),
    ("\n", "\\n"),
)
MAX_OCTETS = 75
# RFC 5545 3.3.11 allows no control character in TEXT but HTAB: others become U+FFFD.
CONTROLS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def escape_text(value: str) -> str:
    """Return `value` escaped as an iCalendar TEXT value, on one line whatever it holds."""
    for raw, escaped in TEXT_ESCAPES:
        value = value.replace(raw, escaped)
    return CONTROLS.sub("\ufffd", value)


def fold(line: str) -> str:
    """Return `line` folded into CRLF-separated pieces of at most 75 octets (RFC 5545 3.1)."""
    pieces, current = [], ""
    for char in line:
        limit = MAX_OCTETS if not pieces else MAX_OCTETS - 1  # continuations start with a space
        if len((current + char).encode("utf-8")) > limit:
            pieces.append(current)
            current = ""
        current += char
    pieces.append(current)
    return "\r\n ".join(pieces)


def _stamp(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%Y%m%dT%H%M%SZ")


def _vevent(ev, stamp: str, lang: str = "en") -> list[str]:
    last = ev.end_date if pd.notna(ev.end_date) else ev.start_date
    sources = translate("export.sources", lang)
    description = "\n".join([ev.summary, "", sources, *ev.sources])
    if ev.date_precision != "day":
        description = translate(f"export.precision.{ev.date_precision}", lang) + "\n" + description
    lines = [
        "BEGIN:VEVENT",
        f"UID:{ev.id}@{PROJECT}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{ev.start_date:%Y%m%d}",
        f"DTEND;VALUE=DATE:{last + timedelta(days=1):%Y%m%d}",  # DTEND is exclusive
        f"SUMMARY:{escape_text(ev.title)}",
        f"LOCATION:{escape_text(place_label(ev.city, ev.country, ev.host, lang))}",
        f"DESCRIPTION:{escape_text(description)}",
        f"CATEGORIES:{escape_text(ev.kind)}",
    ]
    if ev.sources:
        lines.append(f"URL;VALUE=URI:{safe_url(ev.sources[0])}")
    return [*lines, "END:VEVENT"]


def to_ics(events: pd.DataFrame, meta: ExportMeta) -> bytes:
    """Return a VCALENDAR with one all-day VEVENT per event."""
    stamp = _stamp(meta.exported_at)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{PROJECT}//exports//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape_text(DATASET_TITLE)}",
    ]
    for ev in events.itertuples(index=False):
        lines += _vevent(ev, stamp, meta.lang)
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
