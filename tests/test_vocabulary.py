"""The vocabulary: every value shown with a label, symbol and colour; none dropped."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

import pandas as pd
import pytest

from explorer import filters, insights, vocabulary
from explorer.figure import legend_items, timeline_figure
from explorer.loader import load_dataset
from explorer.model import build_record
from explorer.schema import resource
from explorer.state import LANES, ViewState, from_query
from explorer.table import CELL_TEXT
from explorer.vocabulary import HOSTS, KINDS, SIDES, decades, in_order, labels, term
from tests.conftest import ERAS, EVENTS, LEADERS

NEW_KIND = "phone-summit"  # a kind the schema might gain before this table does


def with_new_kind(record):
    """Return `record` with its first event of a kind the vocabulary has no row for."""
    events = record.events.copy()
    events.loc[events.index[0], "kind"] = NEW_KIND
    return replace(record, events=events)


def marks(fig: dict) -> list[str]:
    return [
        row[0] for t in fig["data"] if t.get("legendgroup") == "colour" for row in t["customdata"]
    ]


@pytest.mark.parametrize("lanes", LANES)
def test_a_kind_without_a_row_is_drawn_not_dropped(mini, lanes, caplog):
    record = with_new_kind(mini)
    with caplog.at_level(logging.WARNING, logger="explorer.vocabulary"):
        vocabulary._warn.cache_clear()
        fig = timeline_figure(record, record.events, ViewState(lanes=lanes))
    assert sorted(marks(fig)) == sorted(record.events["id"])  # every event, none lost
    assert any(NEW_KIND in r.getMessage() for r in caplog.records)


def test_a_kind_without_a_row_gets_a_default_everywhere(mini):
    record = with_new_kind(mini)
    legend = legend_items(record, record.events, ViewState())
    assert {"label": "Phone summit", "symbol": "circle"} in legend["symbols"]
    assert CELL_TEXT["kind"](record.events).notna().all()
    per_year = insights.per_year(record.events)
    assert per_year["total"].sum() == len(record.events)
    assert term("kind", NEW_KIND).color and term("host", "moon").label == "Moon"


@pytest.mark.parametrize(("table", "rows"), [("kind", KINDS), ("host", HOSTS)])
def test_every_row_has_a_label_symbol_and_colour(table, rows):
    for value, row in rows.items():
        assert row.label and row.symbol and row.color.startswith("#"), value
    assert list(labels(table)) == list(rows)


def test_the_schema_kinds_and_sides_all_have_rows():
    assert set(resource("events").field("kind").enum) <= set(KINDS)
    assert set(resource("leaders").field("side").enum) == set(SIDES)


def test_in_order_puts_known_values_first_then_unknown_sorted():
    assert in_order("kind", ["call", "zeta", "visit", "alpha", "call"]) == [
        "visit",
        "call",
        "alpha",
        "zeta",
    ]


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (
            ["1949-10-01", "2025-05-08"],
            ("1940s", "1950s", "1960s", "1970s", "1980s", "1990s", "2000s", "2010s", "2020s"),
        ),
        (["1815-06-18", "1899-12-31"], tuple(f"{y}s" for y in range(1810, 1900, 10))),
        (["2031-01-01", "2039-01-01"], ("2030s",)),
        ([], ()),
    ],
)
def test_decades_come_from_the_data(days, expected):
    assert decades(pd.to_datetime(pd.Series(days, dtype=object))) == expected


def shifted(rows: list[dict], years: int) -> list[dict]:
    """Return `rows` with every date (and date-led id) moved by `years`."""
    date = re.compile(r"\b(1[89]\d\d|20\d\d)(?=-\d\d-\d\d)")
    move = lambda v: date.sub(lambda m: str(int(m[1]) + years), v)  # noqa: E731
    return [{k: move(v) if isinstance(v, str) else v for k, v in r.items()} for r in rows]


@pytest.mark.parametrize("years", [-150, 20])
def test_another_century_works(make_dataset, years):
    folder = make_dataset(
        events=shifted(EVENTS, years), leaders=shifted(LEADERS, years), eras=shifted(ERAS, years)
    )
    record = build_record(load_dataset(folder))
    first, last = (1989 + years, 2020 + years)
    vocab = filters.vocabulary(record)
    assert vocab.decades == decades(record.events["start_date"])
    assert vocab.decades[0] == f"{first // 10 * 10}s" and vocab.decades[-1] == f"{last // 10 * 10}s"
    query = f"?decade={vocab.decades[-1]}&from={first}&to={last}"
    state = from_query(query, vocab)
    assert state.decades == (vocab.decades[-1],) and state.start == f"{first}-01-01"
    view = filters.apply(record.events, state)
    assert len(view) == 1  # the call, the one event of the last decade
    fig = timeline_figure(record, record.events, ViewState())
    assert sorted(marks(fig)) == sorted(record.events["id"])
    per_year = insights.per_year(view)
    assert (per_year.index[0], per_year.index[-1]) == (first, last)
