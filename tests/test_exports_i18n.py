"""Exports in a language: tables keep the record's columns; calendars, timelines and the xlsx
About sheet follow the view's `lang`."""

from __future__ import annotations

import csv
import io
import json
from html import escape

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from explorer.filters import vocabulary
from explorer.i18n import term, translate
from explorer.schema import resource
from explorer.view import export_view, open_view

QUERY = "?decade=2010s&kind=visit"


def _export(record, fmt: str, lang: str) -> bytes:
    view = open_view(record, vocabulary(record), f"{QUERY}&lang={lang}")
    return export_view(record, view, fmt, "https://example.org/").body


def _titles(record, lang: str) -> list[str]:
    events = open_view(record, vocabulary(record), QUERY).events
    return events["title" if lang == "en" else f"title_{lang}"].tolist()


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_csv_and_json_keep_the_records_columns(shipped, lang):
    rows = list(csv.reader(io.StringIO(_export(shipped, "csv", lang).decode("utf-8"))))
    assert tuple(rows[0]) == resource("events").columns
    doc = json.loads(_export(shipped, "json", lang))
    assert tuple(doc["events"][0]) == resource("events").columns
    assert [e["title"] for e in doc["events"]] == _titles(shipped, "en")


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_calendar_summaries_follow_the_language(shipped, lang):
    calendar = Calendar.from_ical(_export(shipped, "ics", lang))
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert summaries == _titles(shipped, lang)
    description = str(next(iter(calendar.walk("VEVENT")))["DESCRIPTION"])
    assert translate("export.sources", lang) in description


@pytest.mark.parametrize("lang", ["zh", "ru"])
def test_timelines_follow_the_language(shipped, lang):
    tljs = json.loads(_export(shipped, "timelinejs.json", lang))
    headlines = [e["text"]["headline"] for e in tljs["events"]]
    assert headlines == [escape(t) for t in _titles(shipped, lang)]
    assert {e["group"] for e in tljs["events"]} == {term("kind", "visit", lang)}
    vis = json.loads(_export(shipped, "vis.json", lang))
    assert vis["groups"] == [{"id": "visit", "content": term("kind", "visit", lang)}]


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_the_xlsx_about_sheet_follows_the_language(shipped, lang):
    book = load_workbook(io.BytesIO(_export(shipped, "xlsx", lang)))
    about = [row for row in book["About"].iter_rows(values_only=True)]
    assert about[0] == (translate("about_sheet.field", lang), translate("about_sheet.value", lang))
    assert about[1][0] == translate("about_sheet.dataset", lang)
    assert tuple(c.value for c in book["Events"][1]) == resource("events").columns
