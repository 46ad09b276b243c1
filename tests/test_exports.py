"""Exports read back by their real consumers: pandas, openpyxl, json."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import bibtexparser
import icalendar
import openpyxl
import pandas as pd
import pytest
import rispy

from explorer.exports import (
    FORMATS,
    Era,
    ExportMeta,
    columns,
    filename,
    flat_frame,
    neutralise,
    tabular,
)
from explorer.exports.calendar import fold
from explorer.filters import apply
from explorer.schema import Field, resource
from explorer.state import ViewState

META = ExportMeta(
    filters={"leader": ["Xi Jinping"]},
    version="1.0.0+test",
    url="http://x/?leader=Xi+Jinping",
    exported_at="2026-11-28T10:00:00+00:00",
    eras=(Era("Normalisation", "1989-05-16", "2001-07-15"), Era("New era", "2001-07-16", None)),
)


def test_csv_reads_back_equal_to_the_filtered_frame(shipped):
    view = apply(shipped.events, ViewState(leaders=("Xi Jinping",)))
    data = FORMATS["csv"].write(view, META)
    back = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    assert list(back.columns) == list(columns())
    expected = flat_frame(view).reset_index(drop=True)
    text = [c for c in columns() if c not in ("latitude", "longitude")]
    pd.testing.assert_frame_equal(back[text], expected[text].astype(str))
    numbers = pd.read_csv(io.BytesIO(data))[["latitude", "longitude"]]
    pd.testing.assert_frame_equal(numbers, expected[["latitude", "longitude"]], check_dtype=False)


def test_csv_keeps_native_scripts_and_neutralises_formulas(mini):
    events = mini.events.assign(
        title=['=HYPERLINK("x")', "+1", "-2+3", "@SUM(A1)", "Хрущёв 毛泽东"]
    )
    back = pd.read_csv(io.BytesIO(FORMATS["csv"].write(events, META)), dtype=str)
    assert back["title"].tolist() == [
        '\'=HYPERLINK("x")',
        "'+1",
        "'-2+3",
        "'@SUM(A1)",
        "Хрущёв 毛泽东",
    ]
    assert back["longitude"].iloc[0] == "116.4074"


@pytest.mark.parametrize(
    ("value", "out"),
    [("=1+1", "'=1+1"), ("\tx", "'\tx"), ("-58.437", "-58.437"), ("plain", "plain"), (3.5, 3.5)],
)
def test_neutralise(value, out):
    assert neutralise(value) == out


def test_xlsx_has_rows_date_cells_and_about_sheet(mini):
    book = openpyxl.load_workbook(io.BytesIO(FORMATS["xlsx"].write(mini.events, META)))
    sheet = book["Events"]
    header = [c.value for c in sheet[1]]
    assert header == list(columns())
    assert sheet.max_row == len(mini.events) + 1
    start = sheet.cell(2, header.index("start_date") + 1).value
    assert start.date().isoformat() == "1989-05-16"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    about = {r[0].value: r[1].value for r in book["About"].iter_rows(min_row=2)}
    assert about["Filters"] == "leader=Xi Jinping"
    assert about["Dataset version"] == "1.0.0+test"
    assert "10.30574/wjarr.2025.27.2.2937" in about["Source article"]


def test_json_has_meta_and_typed_events(mini):
    doc = json.loads(FORMATS["json"].write(mini.events, META))
    assert doc["meta"]["filters"] == {"leader": ["Xi Jinping"]}
    assert doc["meta"]["source_article"]["doi"] == "10.30574/wjarr.2025.27.2.2937"
    first = doc["events"][0]
    assert list(first) == list(columns())
    assert first["start_date"] == "1989-05-16" and first["end_date"] is None
    assert first["tags"] == ["normalisation"] and first["in_abstract"] is True
    call = doc["events"][-1]
    assert call["latitude"] is None and call["city"] == ""


def test_filename_says_what_the_view_is():
    assert filename("xi-jinping_2010s", "csv") == "china-russia-events_xi-jinping_2010s.csv"
    assert filename("all", "xlsx") == "china-russia-events_all.xlsx"


def test_ics_parses_with_one_all_day_event_per_row(mini):
    cal = icalendar.Calendar.from_ical(FORMATS["ics"].write(mini.events, META))
    events = cal.walk("VEVENT")
    assert [str(e["UID"]).split("@")[0] for e in events] == mini.events["id"].tolist()
    visit = events[1]
    assert visit.decoded("DTSTART").isoformat() == "2013-03-22"
    assert visit.decoded("DTEND").isoformat() == "2013-03-25"  # exclusive: the day after the 24th
    assert str(visit["LOCATION"]) == "Moscow, Russia"
    assert "http://en.kremlin.ru/events/president/news/17689" in str(visit["DESCRIPTION"])
    assert str(visit["URL"]) == "http://en.kremlin.ru/events/president/news/17689"
    one_day = events[0]
    assert one_day.decoded("DTEND").isoformat() == "1989-05-17"


def test_ics_lines_are_folded_and_native_scripts_survive(mini):
    events = mini.events.assign(title="Хрущёв и 毛泽东; a, b " * 10)
    data = FORMATS["ics"].write(events, META)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal.walk("VEVENT")[0]["SUMMARY"]) == "Хрущёв и 毛泽东; a, b " * 10


@pytest.mark.parametrize("text", ["", "short", "é" * 100, "毛" * 60, "x" * 300])
def test_fold_keeps_every_character(text):
    folded = fold("SUMMARY:" + text)
    assert folded.replace("\r\n ", "") == "SUMMARY:" + text
    assert all(len(piece.encode()) <= 75 for piece in folded.split("\r\n"))


def test_timelinejs_has_title_slide_events_and_eras(mini):
    doc = json.loads(FORMATS["timelinejs.json"].write(mini.events, META))
    assert "10.30574/wjarr.2025.27.2.2937" in doc["title"]["text"]["text"]
    assert [e["unique_id"] for e in doc["events"]] == mini.events["id"].tolist()
    visit = doc["events"][1]
    assert visit["start_date"] == {"year": 2013, "month": 3, "day": 22}
    assert visit["end_date"] == {"year": 2013, "month": 3, "day": 24}
    assert 'href="http://en.kremlin.ru/events/president/news/17689"' in visit["text"]["text"]
    assert [e["text"]["headline"] for e in doc["eras"]] == ["Normalisation", "New era"]


def test_timelinejs_and_vis_escape_html(mini):
    events = mini.events.assign(title="<img src=x onerror=alert(1)>")
    for fmt in ("timelinejs.json", "vis.json"):
        assert b"<img" not in FORMATS[fmt].write(events, META)


def test_vis_items_are_ranges_or_points_with_groups(mini):
    doc = json.loads(FORMATS["vis.json"].write(mini.events, META))
    items = {i["id"]: i for i in doc["items"]}
    assert len(items) == len(mini.events)
    assert (
        items["2013-03-22-xi-putin-moscow"]["type"],
        items["2013-03-22-xi-putin-moscow"]["end"],
    ) == ("range", "2013-03-25")
    assert items["1989-05-16-deng-gorbachev"]["type"] == "point"
    assert {g["id"] for g in doc["groups"]} == set(mini.events["kind"])


def test_bibtex_and_ris_cite_article_and_view(mini):
    bib = FORMATS["bib"].write(mini.events, META).decode()
    assert "@article{singh2025beyond," in bib and "doi = {10.30574/wjarr.2025.27.2.2937}" in bib
    assert "url = {http://x/?leader=Xi+Jinping}" in bib and "pages = {1078--1093}" in bib
    assert bib.count("{") == bib.count("}")
    ris = FORMATS["ris"].write(mini.events, META).decode().split("\r\n")
    assert ris[0] == "TY  - JOUR" and "TY  - DATA" in ris and ris.count("ER  - ") == 2
    assert "UR  - http://x/?leader=Xi+Jinping" in ris
    assert "N1  - 5 events; filters: leader=Xi Jinping; exported 2026-11-28" in ris


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_keeps_native_scripts(mini, fmt):
    events = mini.events.assign(title="Хрущёв and 毛泽东", summary="Хрущёв met 毛泽东.")
    data = FORMATS[fmt].write(events, META)
    if fmt == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(data))
        assert any("毛泽东" in str(c.value) for row in book["Events"].iter_rows() for c in row)
    elif fmt in ("bib", "ris"):
        assert data  # citations describe the view, not each event's text
    else:
        text = data.decode("utf-8").replace("\r\n ", "")
        assert "Хрущёв" in text and "毛泽东" in text


def test_bibtex_parses_with_bibtexparser(mini):
    db = bibtexparser.loads(FORMATS["bib"].write(mini.events, META).decode())
    entries = {e["ID"]: e for e in db.entries}
    assert entries["singh2025beyond"]["doi"] == "10.30574/wjarr.2025.27.2.2937"
    assert entries["singh2025beyond"]["ENTRYTYPE"] == "article"
    assert entries["china_russia_events_view"]["url"] == "http://x/?leader=Xi+Jinping"


def test_ris_parses_with_rispy(mini):
    records = rispy.loads(FORMATS["ris"].write(mini.events, META).decode())
    assert [r["type_of_reference"] for r in records] == ["JOUR", "DATA"]
    assert records[0]["doi"] == "10.30574/wjarr.2025.27.2.2937"
    assert records[1]["urls"] == ["http://x/?leader=Xi+Jinping"]


def strict_json(body: bytes) -> dict:
    """Parse JSON, refusing the NaN and Infinity that Python writes but JSON does not have."""

    def refuse(name: str) -> None:
        raise ValueError(f"not JSON: {name}")

    return json.loads(body, parse_constant=refuse)


@pytest.mark.parametrize(
    ("added", "value", "as_json", "as_text"),
    [
        (Field("elevation", "number", ""), float("nan"), None, ""),
        (Field("elevation", "number", ""), 12.5, 12.5, "12.5"),
        (Field("attendees", "integer", ""), pd.NA, None, ""),
        (Field("signed_on", "date", ""), pd.NaT, None, ""),
        (Field("signed_on", "date", ""), pd.Timestamp("1950-02-14"), "1950-02-14", "1950-02-14"),
        (Field("witnesses", "list", ""), ("Zhou Enlai",), ["Zhou Enlai"], "Zhou Enlai"),
        (Field("verified", "boolean", ""), True, True, "true"),
        (Field("remark", "string", ""), float("nan"), None, ""),
    ],
)
def test_a_column_added_to_the_schema_is_exported_by_its_type(
    mini, monkeypatch, added, value, as_json, as_text
):
    events_schema = resource("events")
    extended = replace(events_schema, fields=(*events_schema.fields, added))
    monkeypatch.setattr(tabular, "resource", lambda name: extended)
    events = mini.events.assign(**{added.name: [value] * len(mini.events)})
    doc = strict_json(FORMATS["json"].write(events, META))
    assert [e[added.name] for e in doc["events"]] == [as_json] * len(events)
    csv = pd.read_csv(io.BytesIO(FORMATS["csv"].write(events, META)), dtype=str).fillna("")
    assert csv[added.name].tolist() == [as_text] * len(events)


def test_json_of_every_shipped_row_is_strict_json(shipped):
    doc = strict_json(FORMATS["json"].write(shipped.events, META))
    assert len(doc["events"]) == shipped.total
