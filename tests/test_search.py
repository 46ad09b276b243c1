"""Search over the shipped record and the tiny dataset: whole tags, word prefixes, scripts,
tolerant spelling of leaders' names, and the index built once at load."""

from __future__ import annotations

import pandas as pd
import pytest

from explorer import search, text
from explorer.filters import apply
from explorer.search import limit_terms, search_mask
from explorer.state import ViewState


def found(record, query: str) -> set[str]:
    return set(apply(record.events, ViewState(q=query))["id"])


def with_leader(record, name: str) -> set[str]:
    return set(apply(record.events, ViewState(leaders=(name,)))["id"])


def tagged(record, tag: str) -> set[str]:
    return set(record.events.loc[record.events["tags"].map(lambda t: tag in t), "id"])


@pytest.mark.parametrize(("query", "tag"), [("SCO", "SCO"), ("sco", "SCO"), ("g20", "G20")])
def test_a_term_naming_a_tag_means_the_tag(shipped, query, tag):
    assert found(shipped, query) == tagged(shipped, tag)
    assert len(found(shipped, query)) < len(found(shipped, "Moscow"))


@pytest.mark.parametrize(
    ("prefix", "word"),
    [("Gorb", "Gorbachev"), ("mosc", "Moscow"), ("Пут", "Путин"), ("赫鲁", "赫鲁晓夫")],
)
def test_a_term_matches_words_it_starts(shipped, prefix, word):
    assert found(shipped, word) and found(shipped, prefix) >= found(shipped, word)


@pytest.mark.parametrize("inside", ["osco", "rbachev", "inping"])
def test_a_latin_or_cyrillic_term_does_not_match_inside_a_word(shipped, inside):
    assert found(shipped, inside) == set()


def test_xi_is_a_word_not_part_of_zhaoxing(shipped):
    # 2004: Putin and Hu Jintao; Li Zhaoxing signed. Xi took no part and is not named.
    assert "2004-10-14-putin-state-visit-beijing" not in found(shipped, "Xi")


@pytest.mark.parametrize(
    "spelling",
    ["Khrushchev", "Krushchev", "Kruschev", "Khrushchov", "Chrushchev", "Хрущёв", "хрущов"],
)
def test_spellings_of_khrushchev_find_his_events(shipped, spelling):
    assert with_leader(shipped, "Nikita Khrushchev") <= found(shipped, spelling)


@pytest.mark.parametrize(
    ("spelling", "title"),
    [
        ("Хрущёв", "title_ru"),
        ("хрущев", "title_ru"),
        ("赫鲁晓夫", "title_zh"),
        ("晓夫", "title_zh"),
    ],
)
def test_other_scripts_find_his_events_and_titles_naming_him(shipped, spelling, title):
    # His events by his names in every script; beyond them, the events whose title in that
    # language names him (Zhou Enlai's talks with "Khrushchev's successors").
    his = with_leader(shipped, "Nikita Khrushchev")
    hits = found(shipped, spelling)
    named = shipped.events.set_index("id")[title].str.contains("Хрущёв|赫鲁晓夫")
    assert his <= hits and hits - his == set(named[named].index) - his
    assert hits - his == {"1964-11-05-zhou-moscow-brezhnev-kosygin"}


@pytest.mark.parametrize(
    ("query", "event"),
    [
        ("杭州", "2025-11-03-mishustin-li-qiang-hangzhou"),
        ("Ханчжоу", "2025-11-03-mishustin-li-qiang-hangzhou"),
    ],
)
def test_titles_in_every_language_are_searched(shipped, query, event):
    assert event in found(shipped, query)


@pytest.mark.parametrize(
    ("query", "leader", "not_leader"),
    [
        ("Qiang", "Li Qiang", "Jiang Zemin"),  # one edit apart, but each names a leader
        ("Georgia", None, "Georgy Malenkov"),
        ("Liaoning", None, "Deng Xiaoping"),
    ],
)
def test_tolerance_adds_no_other_leaders(shipped, query, leader, not_leader):
    hits = found(shipped, query)
    if leader:
        assert with_leader(shipped, leader) <= hits
    assert not (with_leader(shipped, not_leader) - with_leader(shipped, leader or "")) & hits


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("energy", ["2013-03-22-xi-putin-moscow"]),  # a tag, as a whole
        ("ener", []),  # tags are not prefixes: no text says "energy"
        ("Mosc", ["2013-03-22-xi-putin-moscow"]),
        ("osc", []),
        ("Gorbachov", ["1989-05-16-deng-gorbachev"]),
        ("戈尔巴", ["1989-05-16-deng-gorbachev"]),
        ("горбачев deng", ["1989-05-16-deng-gorbachev"]),
        ("— ,", 5),  # nothing to look for: no filter
    ],
)
def test_mini(mini, query, ids):
    got = apply(mini.events, ViewState(q=query))["id"].tolist()
    assert (len(got) if isinstance(ids, int) else got) == ids


def test_the_index_is_built_at_load_and_travels_with_the_events(mini):
    index = mini.events.attrs[search.SEARCH_INDEX]
    assert search.index_of(mini.events) is index
    assert search.index_of(mini.events.copy()) is index


def test_a_slice_or_reordering_gets_its_own_index(mini):
    part = mini.events.iloc[::-1].iloc[:3]
    assert search.index_of(part) is not mini.events.attrs[search.SEARCH_INDEX]
    mask = search.search_mask(part, "Putin")
    expected = part["china_leaders"] + part["russia_leaders"]
    pd.testing.assert_series_equal(
        mask, expected.map(lambda who: "Vladimir Putin" in who), check_names=False
    )


def test_an_empty_view(mini):
    none = mini.events.iloc[0:0]
    assert search.search_mask(none, "Putin").empty


def test_a_term_limit_travels_with_the_events_not_a_global(shipped):
    query = "gas zzzzqx"  # the second term matches nothing
    assert not search_mask(shipped.events, query).any()
    limited = limit_terms(shipped.events, 1)
    assert search_mask(limited, query).sum() == search_mask(shipped.events, "gas").sum() > 0
    assert search_mask(limited.iloc[::2], query).any()  # a slice keeps the limit
    assert text.MAX_TERMS == 12 and not search_mask(shipped.events, query).any()
