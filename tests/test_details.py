"""The event panel's data: dates at precision, offices held that day, sources."""

from __future__ import annotations

import pandas as pd
import pytest

from explorer.details import event_detail
from explorer.formatting import date_label


def test_detail_has_offices_on_the_day(mini):
    d = event_detail(mini, "2013-03-22-xi-putin-moscow")
    assert d.when == "22–24 Mar 2013"
    assert d.place == "Moscow, Russia"
    assert [(p.name, p.native_name, p.offices) for p in d.people] == [
        ("Xi Jinping", "习近平", ("President of the People's Republic of China",)),
        ("Vladimir Putin", "Владимир Путин", ("President of Russia",)),
    ]
    assert d.sources == ("http://en.kremlin.ru/events/president/news/17689",)
    assert d.in_abstract and d.era == "New era"


def test_unknown_event_has_no_detail(mini):
    assert event_detail(mini, "nope") is None
    assert event_detail(mini, None) is None


T = pd.Timestamp


@pytest.mark.parametrize(
    ("start", "end", "precision", "label"),
    [
        (T("1989-05-16"), pd.NaT, "day", "16 May 1989"),
        (T("1957-01-01"), pd.NaT, "month", "Jan 1957"),
        (T("1957-01-01"), pd.NaT, "year", "1957"),
        (T("1989-05-15"), T("1989-05-18"), "day", "15–18 May 1989"),
        (T("2003-05-26"), T("2003-06-01"), "day", "26 May – 1 Jun 2003"),
        (T("1949-12-16"), T("1950-02-17"), "day", "16 Dec 1949 – 17 Feb 1950"),
    ],
)
def test_date_label(start, end, precision, label):
    assert date_label(start, end, precision) == label


@pytest.mark.integration  # every shipped row: `make test`, not `make check`
def test_every_shipped_participant_held_an_office_that_day(shipped):
    for event_id in shipped.events["id"]:
        for person in event_detail(shipped, event_id).people:
            assert person.offices, (event_id, person.name)
