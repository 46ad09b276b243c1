"""The table's pages: blocks, server-side sort and column filters, the chosen row's index."""

from __future__ import annotations

import pytest

from explorer.i18n import translate
from explorer.localize import localized
from explorer.table import (
    MAX_BLOCK,
    PREVIEW_ROWS,
    column_defs,
    ordered,
    preview,
    preview_widths,
    row_index,
    table_page,
    table_rows,
)


def test_a_page_is_the_block_asked_for_and_counts_every_row(shipped):
    page = table_page(shipped.events, {"startRow": 100, "endRow": 200})
    assert page["rowCount"] == shipped.total
    assert [r["id"] for r in page["rowData"]] == list(shipped.events["id"].iloc[100:200])


@pytest.mark.parametrize(
    "request_",
    [None, "junk", {}, {"startRow": -5, "endRow": "x"}, {"startRow": True, "endRow": None}],
)
def test_malformed_requests_fall_back_to_the_first_block(shipped, request_):
    page = table_page(shipped.events, request_)
    assert page["rowData"] == table_rows(shipped.events.head(100))


def test_a_block_is_capped(shipped):
    page = table_page(shipped.events, {"startRow": 0, "endRow": 10**9})
    assert len(page["rowData"]) == min(MAX_BLOCK, shipped.total)


@pytest.mark.parametrize(
    ("column", "direction"),
    [("start", "desc"), ("title", "asc"), ("kind", "desc"), ("china", "asc"), ("place", "asc")],
)
def test_sorting_follows_the_cells_text(shipped, column, direction):
    request = {"sortModel": [{"colId": column, "sort": direction}]}
    rows = table_page(shipped.events, request | {"endRow": 1000})["rowData"]
    keys = [r[column].lower() for r in rows]
    assert keys == sorted(keys, reverse=direction == "desc")


@pytest.mark.parametrize(
    ("spec", "keep"),
    [
        ({"type": "contains", "filter": "MOSCOW"}, lambda t: "moscow" in t),
        ({"type": "notContains", "filter": "moscow"}, lambda t: "moscow" not in t),
        ({"type": "startsWith", "filter": "beijing"}, lambda t: t.startswith("beijing")),
        ({"type": "endsWith", "filter": "china"}, lambda t: t.endswith("china")),
        ({"type": "equals", "filter": "moscow, russia"}, lambda t: t == "moscow, russia"),
        ({"type": "notEqual", "filter": "moscow, russia"}, lambda t: t != "moscow, russia"),
        ({"type": "blank"}, lambda t: t == ""),
        ({"type": "notBlank"}, lambda t: t != ""),
        ({"type": "regexp", "filter": ".*"}, lambda t: True),  # unknown: ignored
    ],
)
def test_column_filters_match_the_cells_text(shipped, spec, keep):
    rows = table_page(shipped.events, {"filterModel": {"place": spec}, "endRow": 1000})
    every = [r["place"] for r in table_rows(shipped.events)]
    assert [r["place"] for r in rows["rowData"]] == [p for p in every if keep(p.lower())]
    assert rows["rowCount"] == len(rows["rowData"])


def test_unknown_columns_and_bad_models_are_ignored(shipped):
    junk = {"filterModel": {"nope": {"type": "contains", "filter": "x"}, "title": "x"}}
    assert len(ordered(shipped.events, junk | {"sortModel": [{"colId": "nope"}]})) == shipped.total


def test_the_chosen_rows_index_follows_the_sort(shipped):
    last = shipped.events["id"].iloc[-1]
    assert row_index(shipped.events, None, last) == shipped.total - 1
    newest_first = {"sortModel": [{"colId": "start", "sort": "desc"}]}
    assert row_index(shipped.events, newest_first, last) == 0
    assert row_index(shipped.events, None, "no-such-event") is None
    assert row_index(shipped.events, None, None) is None


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_filtering_and_sorting_compare_what_the_reader_sees(shipped, lang):
    shown = localized(shipped.events, lang)
    visit = translate("kind.visit", lang)
    request = {"filterModel": {"kind": {"type": "equals", "filter": visit}}}
    page = table_page(shown, request | {"startRow": 0, "endRow": 1000}, lang)
    assert page["rowCount"] == int((shipped.events["kind"] == "visit").sum()) > 0
    assert {r["kind"] for r in page["rowData"]} == {visit}
    by_title = {"sortModel": [{"colId": "title", "sort": "asc"}]}
    titles = [r["title"] for r in table_page(shown, by_title | {"endRow": 1000}, lang)["rowData"]]
    assert titles == sorted(titles, key=str.lower)
    first = ordered(shown, by_title, lang)["id"].iloc[0]
    assert row_index(shown, by_title, first, lang) == 0


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
@pytest.mark.parametrize("decade", [None, "1990s"])
def test_the_preview_shows_the_grids_first_rows(shipped, lang, decade):
    events = shipped.events if decade is None else shipped.events[shipped.events.decade == decade]
    events = localized(events, lang)
    got = preview(events, lang)
    rows = table_page(events, {"startRow": 0, "endRow": PREVIEW_ROWS}, lang)["rowData"]
    assert got["columns"] == [c["headerName"] for c in column_defs(lang)]
    assert [(r[0], r[1], r[2]) for r in got["rows"]] == [
        (r["date"], r["title"], r["kind"])
        for r in rows  # the date as shown, not the ISO start
    ]
    assert len(got["rows"]) == min(PREVIEW_ROWS, len(events)) and got["total"] == len(events)
    assert got["english"] == [c["field"] == "tags" for c in column_defs(lang)]


@pytest.mark.parametrize(
    ("columns", "widths"),
    [
        ([{"width": 100}, {"flex": 2}, {"flex": 1}], ["10.0%", "60.0%", "30.0%"]),
        ([{"width": 500}, {"width": 500}], ["50.0%", "50.0%"]),
        ([{}, {}], ["50.0%", "50.0%"]),  # neither: a share each
    ],
)
def test_preview_widths_follow_the_grids_sizing(columns, widths):
    assert preview_widths(columns, nominal=1000) == widths
