"""Exports read back by their real consumers: pandas, openpyxl, json."""

from __future__ import annotations

import io
import json

import openpyxl
import pandas as pd
import pytest

from explorer.exports import FORMATS, ExportMeta, columns, filename, flat_frame, neutralise
from explorer.filters import apply
from explorer.state import ViewState

META = ExportMeta(filters={"leader": ["Xi Jinping"]}, version="1.0.0+test", url="http://x/?a=1")


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
