"""Every control character and injection string, through each writer and its real consumer.

The loader refuses control characters in data (tests/test_loader.py); the writers escape them
anyway, since a view's search text and URL reach the exports from the network. Each test counts
the records its consumer reads back: one per row, no more.
"""

from __future__ import annotations

import io

import bibtexparser
import icalendar
import openpyxl
import pandas as pd
import pytest
import rispy

from explorer.exports import FORMATS, ExportMeta
from explorer.exports.tabular import FORMULA_START, NUMBER

CONTROLS = [chr(c) for c in (*range(0x00, 0x20), 0x7F)]
ICS_BREAKOUT = (
    "x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@attacker\r\nSUMMARY:pwned\r\n"
    "DTSTART;VALUE=DATE:20990101\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:y"
)
INJECTIONS = [
    ICS_BREAKOUT,
    "lone\rcarriage return",
    "harmless;=cmd|' /C calc'!A0",
    "a; +SUM(1) ;@x;-2+3",
    "brace { and } and \\ backslash",
    "}\n@misc{evil, title={pwned}}",
    "\r\nTY  - JOUR\r\nTI  - pwned\r\nER  - ",
    '=HYPERLINK("http://evil")',
    *(f"before{c}after" for c in CONTROLS),
]
HOSTILE_URLS = [
    "http://x/?a=1\r\nBEGIN:VEVENT\r\nUID:evil",
    "http://x/?x={",
    "http://x/?q=gas\\x}",
    "http://x/?q=%00\x00\x01",
]


def hostile_events(events: pd.DataFrame, text: str) -> pd.DataFrame:
    """Return `events` with `text` in every free-text field and the sources' query."""
    rows = events.copy()
    for col in ("title", "summary", "city", "outcomes", "notes"):
        rows[col] = text
    rows["sources"] = [(f"https://example.org/?s={text}",)] * len(rows)
    return rows


def meta_for(url: str) -> ExportMeta:
    return ExportMeta(filters={"q": [url[-12:]]}, version="1+t", url=url)


@pytest.mark.parametrize("text", INJECTIONS, ids=range(len(INJECTIONS)))
def test_ics_keeps_one_event_per_row(mini, text):
    events = hostile_events(mini.events, text)
    data = FORMATS["ics"].write(events, meta_for(HOSTILE_URLS[0]))
    cal = icalendar.Calendar.from_ical(data)
    vevents = cal.walk("VEVENT")
    assert len(vevents) == len(events)
    assert [str(v["UID"]).split("@")[0] for v in vevents] == events["id"].tolist()
    for line in data.split(b"\r\n"):  # no bare CR or LF left inside a content line
        assert b"\r" not in line and b"\n" not in line


@pytest.mark.parametrize("text", INJECTIONS, ids=range(len(INJECTIONS)))
def test_csv_neutralises_every_piece_and_keeps_rows(mini, text):
    events = hostile_events(mini.events, text)
    data = FORMATS["csv"].write(events, meta_for(HOSTILE_URLS[1]))
    back = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    assert len(back) == len(events)
    for cell in back.to_numpy().ravel():  # as a spreadsheet that splits on `;` sees them
        for piece in str(cell).split(";"):
            bare = piece.lstrip(" ")
            assert not bare.startswith(FORMULA_START) or NUMBER.fullmatch(piece.strip()), cell


@pytest.mark.parametrize("text", INJECTIONS, ids=range(len(INJECTIONS)))
def test_xlsx_opens_with_every_row(mini, text):
    events = hostile_events(mini.events, text)
    book = openpyxl.load_workbook(io.BytesIO(FORMATS["xlsx"].write(events, meta_for(text))))
    assert book["Events"].max_row == len(events) + 1


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_bibtex_keeps_both_entries_and_an_inert_url(mini, url):
    data = FORMATS["bib"].write(mini.events, meta_for(url)).decode()
    entries = bibtexparser.loads(data).entries
    assert len(entries) == 2
    view = next(e for e in entries if e["ID"] == "china_russia_events_view")
    assert not set(view["url"]) & set("{}\\\r\n\x00 ")


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_ris_keeps_both_records(mini, url):
    records = rispy.loads(FORMATS["ris"].write(mini.events, meta_for(url)).decode())
    assert [r["type_of_reference"] for r in records] == ["JOUR", "DATA"]


def test_bibtex_escapes_a_backslash_once(mini):
    meta = ExportMeta(filters={"q": ["gas\\x"]}, version="1", url="http://x/")
    data = FORMATS["bib"].write(mini.events, meta).decode()
    assert "gas\\textbackslash{}x" in data and "textbackslash\\textbrace" not in data
