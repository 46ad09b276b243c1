"""One event out: its citation in BibTeX, RIS and plain text, and its row in every format."""

from __future__ import annotations

import csv
import io
import json

import bibtexparser
import icalendar
import pytest
import rispy

from explorer.citation import ARTICLE, AUTHORS
from explorer.event_exports import CITATIONS, EVENT_FORMATS, event_export
from explorer.exports import FORMATS
from tests.conftest import EVENT

ID = EVENT["id"]
PAGE = "https://example.org/explorer/"
URL = f"{PAGE}?event={ID}"


def export(mini, fmt: str):
    return event_export(mini, f"{ID}.{fmt}", PAGE, "2026")


def test_every_export_format_and_the_citations_are_offered():
    assert set(EVENT_FORMATS) == set(FORMATS) | set(CITATIONS)


def test_bibtex_cites_the_event_and_parses(mini):
    out = export(mini, "bib")
    (entry,) = bibtexparser.loads(out.body.decode()).entries
    assert entry["ENTRYTYPE"] == "misc" and entry["url"] == URL
    assert entry["title"] == f"{EVENT['title']} (16 May 1989)"
    assert entry["author"] == "{" + AUTHORS + "}" and ARTICLE["doi"] in entry["note"]
    assert out.filename == f"china-russia-events_{ID}.bib"


def test_ris_cites_the_event_and_parses(mini):
    (record,) = rispy.loads(export(mini, "ris").body.decode())
    assert record["type_of_reference"] == "DATA" and record["urls"] == [URL]
    assert record["title"].startswith(EVENT["title"]) and record["edition"] == mini.version


def test_plain_text_cites_the_event_the_dataset_and_the_article(mini):
    text = export(mini, "txt").body.decode()
    assert text.startswith(f"“{EVENT['title']}” (16 May 1989, Beijing, China).")
    assert all(part in text for part in (URL, mini.version, ARTICLE["url"]))


ONE_ROW = {
    "csv": lambda body: len(list(csv.DictReader(io.StringIO(body.decode())))),
    "json": lambda body: len(json.loads(body)["events"]),
    "ics": lambda body: len(icalendar.Calendar.from_ical(body).walk("VEVENT")),
    "vis.json": lambda body: len(json.loads(body)["items"]),
}


@pytest.mark.parametrize("fmt", list(ONE_ROW))
def test_other_formats_carry_exactly_the_one_event(mini, fmt):
    out = export(mini, fmt)
    assert ONE_ROW[fmt](out.body) == 1 and out.media_type == FORMATS[fmt].media_type


def test_the_event_export_records_its_filter_and_link(mini):
    meta = json.loads(export(mini, "json").body)["meta"]
    assert meta["filters"] == {"event": [ID]} and meta["url"] == URL


@pytest.mark.parametrize("name", [f"{ID}.pdf", f"{ID}", "nope.csv", "", f"{ID}..csv"])
def test_unknown_events_and_formats_give_none(mini, name):
    assert event_export(mini, name, PAGE, "2026") is None
