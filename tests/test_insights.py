"""Insight tables and figures: counts that add up, the long gap, pairs, direction, empty views."""

from __future__ import annotations

import pandas as pd
import pytest

from explorer import filters, insight_figures, insights
from explorer.state import ViewState, Vocabulary, from_query, to_query


def test_places_count_every_located_event(shipped):
    places = insights.places(shipped.events)
    assert places["events"].sum() == (shipped.events["city"] != "").sum()
    assert places.iloc[0]["city"] in ("Beijing", "Moscow")


def test_capitals_come_from_the_record(shipped):
    capitals = insights.capital_points(shipped.events)
    beijing = shipped.events[shipped.events["city"] == "Beijing"].iloc[0]
    assert capitals["China"] == (beijing["latitude"], beijing["longitude"])


def test_arcs_are_visits_between_the_two_sides(shipped):
    arcs = insights.arcs(shipped.events, insights.capital_points(shipped.events))
    visits = shipped.events[
        (shipped.events["kind"] == "visit")
        & shipped.events["host_group"].isin(["china", "ussr-russia"])
    ]
    assert arcs["visits"].sum() == len(visits)
    assert not arcs.duplicated(["visitor", "city"]).any()  # one line per route
    assert set(arcs["visitor"]) == {"China", "Russia"}


def test_per_year_adds_up(shipped):
    table = insights.per_year(shipped.events)
    assert table["total"].sum() == len(shipped.events)
    assert table["cumulative"].iloc[-1] == len(shipped.events)
    assert table.index[0] == 1949


def test_the_twenty_year_gap_stands_out(shipped):
    gaps = insights.gaps(shipped.events)
    longest = gaps.iloc[0]
    assert longest["after_date"].year == 1969 and longest["before_date"].year == 1989
    assert longest["years"] > 19 and gaps["days"].is_monotonic_decreasing


def test_pairs_and_matrix_agree(shipped):
    pairs = insights.pair_table(shipped.events)
    matrix = insights.pair_matrix(pairs)
    assert matrix.to_numpy().sum() == pairs["meetings"].sum()
    xi_putin = pairs[(pairs["china"] == "Xi Jinping") & (pairs["russia"] == "Vladimir Putin")]
    assert xi_putin["meetings"].item() == len(
        filters.apply(shipped.events, ViewState(pairs=("Xi Jinping,Vladimir Putin",)))
    )
    assert (pairs["first"] <= pairs["last"]).all()


def test_direction_counts_in_person_meetings(shipped):
    table = insights.direction(shipped.events)
    assert table.to_numpy().sum() == len(insights.in_person(shipped.events))
    assert table.index[0] == "Alliance"
    assert insights.direction_host(table.columns[0]) == "ussr-russia"
    assert insights.direction_host("nowhere") is None


@pytest.mark.parametrize("query", ["?q=nothing-matches", "?kind=call", "?decade=1940s"])
def test_every_table_and_figure_builds_for_small_views(shipped, query):
    vocab = filters.vocabulary(shipped)
    events = filters.apply(shipped.events, from_query(query, vocab))
    t = insights.tables(events, insights.capital_points(shipped.events))
    insight_figures.map_figure(t.places, t.arcs)
    insight_figures.tempo_figure(t.per_year, shipped.eras)
    insight_figures.pairs_figure(t.matrix)
    insight_figures.direction_figure(t.direction)
    assert isinstance(t.gaps, pd.DataFrame)


def test_pair_and_place_filters_round_trip_in_readable_urls():
    vocab = Vocabulary(places=("Moscow",), pairs=("Xi Jinping,Vladimir Putin",))
    state = ViewState(places=("Moscow",), pairs=("Xi Jinping,Vladimir Putin",))
    assert to_query(state) == "?place=Moscow&pair=Xi+Jinping,Vladimir+Putin"
    assert from_query(to_query(state), vocab) == state


def test_map_hover_text_is_escaped(shipped):
    events = shipped.events.head(3).assign(title="<b>x</b>")
    t = insights.tables(events, insights.capital_points(shipped.events))
    fig = insight_figures.map_figure(t.places, t.arcs)
    assert all("<b>x</b>" not in h for trace in fig["data"][1:] for h in trace["hovertext"])
