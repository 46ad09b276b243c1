"""View state <-> URL: round trips, readable keys, and malformed input falling back."""

from __future__ import annotations

import pytest

from explorer.state import ViewState, Vocabulary, from_query, parse_day, reset_filters, to_query

VOCAB = Vocabulary(
    leaders=("Xi Jinping", "Vladimir Putin"),
    decades=("2010s", "2020s"),
    kinds=("visit", "call"),
    hosts=("china", "virtual"),
    tags=("energy",),
    events=frozenset({"2013-03-22-xi-putin-moscow"}),
)


@pytest.mark.parametrize(
    "state",
    [
        ViewState(),
        ViewState(leaders=("Xi Jinping",), decades=("2010s",), event="2013-03-22-xi-putin-moscow"),
        ViewState(
            leaders=("Xi Jinping", "Vladimir Putin"),
            kinds=("visit", "call"),
            hosts=("virtual",),
            tags=("energy",),
            in_abstract=True,
            q="gas deal",
        ),
        ViewState(lanes="host", color="pair", start="2010-01-01", end="2016-12-31"),
        ViewState(leaders=("Xi Jinping", "Vladimir Putin"), leaders_combine="all"),
        ViewState(leaders=("Xi Jinping", "Vladimir Putin"), leaders_combine="any"),
    ],
)
def test_round_trip(state):
    assert from_query(to_query(state), VOCAB) == state


def test_the_url_is_readable():
    state = ViewState(
        leaders=("Xi Jinping",), decades=("2010s",), event="2013-03-22-xi-putin-moscow"
    )
    assert to_query(state) == "?leader=Xi+Jinping&decade=2010s&event=2013-03-22-xi-putin-moscow"
    assert to_query(ViewState()) == ""


@pytest.mark.parametrize(
    "query",
    [
        "?leader=Nobody&decade=1890s&kind=lunch&host=mars&tag=x",
        "?lanes=diagonal&color=plaid&abstract=maybe",
        "?leaders=some&leaders=all",
        "?leaders=ALL",
        "?from=2020-13-45&to=yesterday",
        "?from=2020&to=2010",
        "?event=does-not-exist",
        "?%%%&&&===",
        "?leader=" + "x" * 10000,
        "?q=" + "\x00",
    ],
)
def test_malformed_values_fall_back_to_defaults(query):
    state = from_query(query, VOCAB)
    assert state.leaders == state.decades == state.kinds == state.hosts == state.tags == ()
    assert (state.lanes, state.color, state.start, state.end, state.event) == (
        "kind",
        "pair",
        None,
        None,
        None,
    )
    assert state.leaders_combine == "any"


def test_repeated_and_partial_values():
    state = from_query(
        "?leader=Xi+Jinping&leader=Xi+Jinping&leader=Nobody&from=2010&to=2016-02", VOCAB
    )
    assert state.leaders == ("Xi Jinping",)
    assert (state.start, state.end) == ("2010-01-01", "2016-02-29")


@pytest.mark.parametrize(
    ("text", "last", "expected"),
    [
        ("2013", False, "2013-01-01"),
        ("2013", True, "2013-12-31"),
        ("2013-02", True, "2013-02-28"),
        ("2013-03-22", False, "2013-03-22"),
        ("0999", False, None),
        ("1815-06-18", False, "1815-06-18"),
        ("2035", True, "2035-12-31"),
        ("2013-02-30", False, None),
        ("", False, None),
        (None, False, None),
    ],
)
def test_parse_day(text, last, expected):
    assert parse_day(text, last=last) == expected


def test_reset_keeps_view_options_and_refits_the_window():
    state = ViewState(leaders=("Xi Jinping",), lanes="host", start="2010-01-01", end="2011-01-01")
    assert reset_filters(state) == ViewState(lanes="host")


@pytest.mark.parametrize(
    ("combine", "query"),
    [
        ("all", "?leader=Xi+Jinping&leader=Vladimir+Putin&leaders=all"),
        ("any", "?leader=Xi+Jinping&leader=Vladimir+Putin"),  # the default is left out
    ],
)
def test_how_leaders_combine_is_in_the_url(combine, query):
    state = ViewState(leaders=("Xi Jinping", "Vladimir Putin"), leaders_combine=combine)
    assert to_query(state) == query
    assert from_query(query, VOCAB) == state


def test_reset_forgets_how_leaders_combine():
    state = ViewState(leaders=("Xi Jinping", "Vladimir Putin"), leaders_combine="all")
    assert reset_filters(state).leaders_combine == "any"
