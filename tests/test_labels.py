"""Short labels for the timeline's marks and their rank (explorer.labels)."""

from __future__ import annotations

import pytest

from explorer.labels import MILESTONE, labels, ranks, short_names


def test_short_names_are_family_names_unless_shared(shipped):
    names = short_names(shipped.leaders)
    assert (names["Xi Jinping"], names["Vladimir Putin"], names["Mao Zedong"]) == (
        "Xi",
        "Putin",
        "Mao",
    )
    assert names["Li Keqiang"] == "Li Keqiang" and names["Li Qiang"] == "Li Qiang"  # two Lis


@pytest.mark.parametrize(
    ("event_id", "label"),
    [
        ("1949-12-16-mao-stalin-moscow", "Mao in Moscow"),
        ("2013-03-22-xi-putin-moscow", "Xi in Moscow"),
        ("1989-05-16-deng-gorbachev-meeting", "Deng–Gorbachev · Beijing"),
        ("1950-02-14-sino-soviet-treaty", "Treaty · Mao–Stalin"),
        ("2000-03-27-jiang-putin-phone-call-election", "Jiang–Putin call"),
    ],
)
def test_labels_of_the_record(shipped, event_id, label):
    assert shipped.events.set_index("id").loc[event_id, "label"] == label


def test_every_event_gets_a_label_and_milestones_rank_highest(shipped):
    assert shipped.events["label"].str.len().gt(0).all()
    assert (shipped.events["label_rank"] == MILESTONE).sum() == shipped.events["in_abstract"].sum()


def test_forum_labels_and_unknown_kinds(mini):
    events = mini.events.assign(
        kind=["summit", "visit", "multilateral", "multilateral", "lunch"][: len(mini.events)]
    )
    got = labels(events, mini.leaders)
    assert got.iloc[2] == "G20 · Saint Petersburg"
    assert got.iloc[-1]  # a kind with no rule still gets the leader pair
    assert ranks(events).between(0, MILESTONE).all()
