"""The timeline's twin list as plain rows (explorer.event_list)."""

from __future__ import annotations

from explorer.event_list import LIMIT, event_list
from explorer.loader import load_dataset
from explorer.model import build_record
from explorer.synth import write_dataset


def test_rows_in_order_with_dates_at_their_precision(mini):
    data = event_list(mini.events, "2013-03-22-xi-putin-moscow")
    assert [r["id"] for r in data["rows"]] == mini.events["id"].tolist()
    chosen = [r for r in data["rows"] if r["selected"]]
    assert chosen == [
        {
            "id": "2013-03-22-xi-putin-moscow",
            "date": "22–24 Mar 2013",
            "title": "Xi Jinping's state visit to Russia",
            "selected": True,
        }
    ]
    assert data["more"] == 0


def test_the_list_stops_at_its_limit_but_keeps_the_selection(tmp_path):
    record = build_record(load_dataset(write_dataset(LIMIT + 20, tmp_path / "d")))
    last = record.events["id"].iloc[-1]
    data = event_list(record.events, last)
    assert len(data["rows"]) == LIMIT + 1 and data["rows"][-1]["id"] == last
    assert data["more"] == 19
