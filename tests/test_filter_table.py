"""Every filter row: its URL key, control, chip, predicate and flag all follow from the row."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest

from explorer import cli, filters
from explorer.app import actions, ids
from explorer.app.layout import DRAWER_FILTERS, filter_controls
from explorer.filter_table import CONTROLS, FILTERS, KINDS, Filter
from explorer.i18n import translate
from explorer.state import URL_KEYS, ViewState, from_query, to_query

ROWS = [pytest.param(f, id=f.attr) for f in FILTERS]


def sample(f: Filter, record) -> ViewState:
    """Return a state with `f` set to a value the record has (and what it needs to show)."""
    leaders = tuple(dict.fromkeys(record.leaders["name"]))[:2]
    base = ViewState(leaders=leaders) if f.attr == "leaders_combine" else ViewState()
    value = {
        "multi": lambda: tuple(f.values(record)[:2]) if f.values else (),
        "flag": lambda: True,
        "text": lambda: "gas",
        "choice": lambda: f.choices[-1],
    }[f.kind]()
    return replace(base, **{f.attr: value})


def test_every_row_is_complete_and_spelled_once():
    assert len({f.attr for f in FILTERS}) == len({f.key for f in FILTERS}) == len(FILTERS)
    state_fields = {f.name for f in fields(ViewState)}
    for f in FILTERS:
        assert f.attr in state_fields and URL_KEYS[f.attr] == f.key
        assert f.kind in KINDS and (f.control is None or f.control in CONTROLS)
        assert (f.kind == "multi") == (f.values is not None)
        assert (f.kind == "choice") == bool(f.choices)
    assert set(ids.FILTER_CONTROLS) == {f.attr for f in FILTERS if f.control}
    assert set(DRAWER_FILTERS) == set(ids.FILTER_CONTROLS)


@pytest.mark.parametrize("f", ROWS)
def test_url_round_trip(f, shipped):
    state = sample(f, shipped)
    assert getattr(state, f.attr) != getattr(ViewState(), f.attr)
    query = to_query(state)
    assert f"{f.key}=" in query
    assert from_query(query, filters.vocabulary(shipped)) == state


@pytest.mark.parametrize("f", ROWS)
def test_chip_shows_and_removes_the_filter(f, shipped):
    state = sample(f, shipped)
    chips = [c for c in filters.chips(state) if c.attr == f.attr]
    assert chips and all(c.label for c in chips)
    for chip in chips:
        if chip.removable:
            assert filters.remove_chip(state, chip.attr, chip.value) != state


@pytest.mark.parametrize("f", ROWS)
def test_predicate_narrows_the_events(f, shipped):
    state = sample(f, shipped)
    view = filters.apply(shipped.events, state)
    if f.predicate is None:  # it shapes another filter's predicate
        assert f.attr == "leaders_combine"
        return
    mask = f.predicate(shipped.events, getattr(state, f.attr), state).astype(bool)
    assert 0 < mask.sum() < shipped.total or f.kind == "text"
    assert set(view["id"]) <= set(shipped.events.loc[mask, "id"])


@pytest.mark.parametrize("f", [r for r in ROWS if r.values[0].control])
def test_control_round_trip(f, shipped):
    state = sample(f, shipped)
    back = actions.state_from_controls(ViewState(), actions.control_values(state))
    assert getattr(back, f.attr) == getattr(state, f.attr)
    component = next(c for c in filter_controls(shipped) if ids.FILTER_CONTROLS[f.attr] in repr(c))
    assert translate(f.label) in repr(component)
    zh = next(c for c in filter_controls(shipped, "zh") if ids.FILTER_CONTROLS[f.attr] in repr(c))
    assert translate(f.label, "zh") in repr(zh)


@pytest.mark.parametrize("f", [r for r in ROWS if r.values[0].cli])
def test_cli_flag_round_trip(f, shipped):
    state = sample(f, shipped)
    value = getattr(state, f.attr)
    argv = ["export", "--format", "csv"]
    if f.kind == "multi":
        argv += [a for v in value for a in (f"--{f.cli}", v)]
    elif f.kind == "flag":
        argv.append(f"--{f.cli}")
    else:
        argv += [f"--{f.cli}", value]
    args = cli._parser().parse_args(argv)
    chosen, unknown = cli.export_state(args, filters.vocabulary(shipped))
    assert not unknown and getattr(chosen, f.attr) == value
