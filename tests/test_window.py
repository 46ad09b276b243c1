"""The time window: fitted to the events, bounded by the record, moved to a chosen day."""

from __future__ import annotations

import pandas as pd
import pytest

from explorer import window
from explorer.filters import apply
from explorer.state import ViewState


def frame(*spans):
    return pd.DataFrame(
        {
            "start_date": [pd.Timestamp(a) for a, _ in spans],
            "end_date": [pd.Timestamp(b) if b else pd.NaT for _, b in spans],
        }
    )


LIMITS = ("1940-01-01", "2030-12-31")


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        # 40 years: 4% of the span (1.6 years) either side.
        ([("1960-01-01", None), ("2000-01-01", None)], ("1958-05-26", "2001-08-07")),
        # One day: a few months around it, not a day.
        ([("1989-05-16", None)], ("1989-03-17", "1989-07-15")),
        # The last day of a multi-day event counts, and the limits hold.
        ([("1941-01-01", "2030-12-01")], LIMITS),
    ],
)
def test_fit(spans, expected):
    assert window.fit(frame(*spans), LIMITS) == expected


def test_fit_of_nothing_is_the_limits():
    assert window.fit(frame(), LIMITS) == LIMITS


def test_bounds_are_the_record_and_a_year_either_side(shipped):
    first, last = window.bounds(shipped.events)
    assert first < shipped.events["start_date"].min().strftime("%Y-%m-%d")
    assert last > window.last_dates(shipped.events).max().strftime("%Y-%m-%d")


@pytest.mark.parametrize(
    ("win", "day", "expected"),
    [
        (("2000-01-01", "2001-01-01"), "2000-06-01", ("2000-01-01", "2001-01-01")),  # inside
        (("2000-01-01", "2000-01-11"), "2010-01-06", ("2010-01-01", "2010-01-11")),  # centred
        (("2000-01-01", "2000-01-11"), "1940-01-02", ("1940-01-01", "1940-01-11")),  # clamped
        (("2000-01-01", "2000-01-11"), "2030-12-30", ("2030-12-21", "2030-12-31")),
    ],
)
def test_containing_keeps_the_width_and_the_limits(win, day, expected):
    assert window.containing(win, pd.Timestamp(day), LIMITS) == expected


def test_the_window_filters_events_that_overlap_it(mini):
    # The 2013 visit spans 22-24 March: a window inside it or touching its last day keeps it.
    inside = apply(mini.events, ViewState(start="2013-03-23", end="2013-03-23"))
    assert inside["id"].tolist() == ["2013-03-22-xi-putin-moscow"]
    state = ViewState(start="2013-03-24", end="2013-09-04")
    assert apply(mini.events, state)["id"].tolist() == ["2013-03-22-xi-putin-moscow"]
