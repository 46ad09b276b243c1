"""What CONTRIBUTING.md promises: a new kind value or export format is one row, and every
derived part follows. (A new filter is one row too: tests/test_filter_table.py runs its
URL, chip, predicate, control and flag round trips over every row, a new one included.)"""

from __future__ import annotations

from dataclasses import replace

import pytest

from explorer import cli, filters, insight_figures, insights, vocabulary
from explorer.app import ids
from explorer.app.components import export_links, legend
from explorer.app.factory import create_app
from explorer.app.layout import filter_controls
from explorer.exports import FORMATS, Format
from explorer.figure import legend_items, timeline_figure
from explorer.state import ViewState, from_query
from explorer.table import CELL_TEXT
from explorer.vocabulary import Term

NEW = "phone-summit"
ROW = Term("Phone summit", "hexagon", "#117733")


@pytest.fixture
def with_new_kind(mini, monkeypatch):
    """Return the tiny record with one event of a new kind that has its row in KINDS."""
    monkeypatch.setitem(vocabulary.KINDS, NEW, ROW)
    events = mini.events.copy()
    events.loc[events.index[0], "kind"] = NEW
    return replace(mini, events=events)


def test_a_new_kind_row_is_followed_everywhere(with_new_kind):
    record = with_new_kind
    fig = timeline_figure(record, record.events, ViewState())
    assert ROW.label in fig["layout"]["yaxis"]["ticktext"]
    symbols = [s for t in fig["data"] if t.get("legendgroup") for s in t["marker"]["symbol"]]
    assert ROW.symbol in symbols
    items = legend_items(record, record.events, ViewState())
    assert {"label": ROW.label, "symbol": ROW.symbol} in items["symbols"]
    assert "⬢ Phone summit" in repr(legend(items))
    tempo = insight_figures.tempo_figure(insights.per_year(record.events), record.eras)
    assert {"name": ROW.label, "color": ROW.color} in [
        {"name": t["name"], "color": t.get("marker", {}).get("color")} for t in tempo["data"]
    ]
    assert ROW.label in set(CELL_TEXT["kind"](record.events))
    vocab = filters.vocabulary(record)
    state = from_query(f"?kind={NEW}", vocab)
    assert state.kinds == (NEW,) and len(filters.apply(record.events, state)) == 1
    assert [c.label for c in filters.chips(state)] == [ROW.label]
    kinds = next(c for c in filter_controls(record) if ids.KINDS in repr(c))
    assert f"'label': '{ROW.label}', 'value': '{NEW}'" in repr(kinds)


def write_markdown(events, meta) -> bytes:
    rows = [
        f"- {d:%Y-%m-%d} {t}" for d, t in zip(events["start_date"], events["title"], strict=True)
    ]
    return "\n".join(rows).encode("utf-8")


@pytest.fixture
def with_markdown(monkeypatch):
    monkeypatch.setitem(
        FORMATS, "md", Format("text/markdown; charset=utf-8", write_markdown, "Markdown")
    )


def test_a_new_export_format_is_served_offered_and_on_the_command_line(
    with_markdown, mini, make_dataset, tmp_path
):
    links = repr(export_links("?kind=visit"))
    assert ids.export_button("md") in links and "Markdown" in links
    assert "export/events.md?kind=visit" in links
    resp = create_app(record=mini).server.test_client().get("/export/events.md?kind=visit")
    assert resp.status_code == 200 and resp.mimetype == "text/markdown"
    assert resp.data.decode() == "- 2013-03-22 Xi Jinping's state visit to Russia"
    out = tmp_path / "view.md"
    argv = ["export", "--data", str(make_dataset()), "--format", "md", "-o", str(out)]
    assert cli.main([*argv, "--kind", "call"]) == 0
    assert out.read_text(encoding="utf-8") == "- 2020-03-19 Phone call"


def test_every_format_has_a_label_and_a_button():
    assert all(f.label for f in FORMATS.values())
    assert len({ids.export_button(f) for f in FORMATS}) == len(FORMATS)
