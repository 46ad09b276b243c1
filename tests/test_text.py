"""Folding for search and slugs for file names, across scripts."""

from __future__ import annotations

import pytest

from explorer.text import fold, is_cjk, near, slug, spelling_key, terms, unique_words, within, words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Хрущёв", "хрущев"),
        ("Éé Zürich", "ee zurich"),
        ("毛泽东", "毛泽东"),
        ("ǅ", "dz"),
        ("Straße", "strasse"),
        ("", ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_terms_split_and_fold():
    assert terms("  Хрущёв  GAS ") == ["хрущев", "gas"]


@pytest.mark.parametrize(
    ("text", "slugged"),
    [("Xi Jinping", "xi-jinping"), ("Power of Siberia!", "power-of-siberia"), ("Хрущёв", "")],
)
def test_slug(text, slugged):
    assert slug(text) == slugged


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Moscow, 1989: SCO-summit", ["moscow", "1989", "sco", "summit"]),
        ("Хрущёв в Пекине", ["хрущев", "в", "пекине"]),
        ("习近平与普京会谈", ["习近平与普京会谈"]),  # no spaces in Chinese: one run
        ("Mao Tse-tung", ["mao", "tse", "tung"]),
        ("— ,", []),
    ],
)
def test_words(text, found):
    assert words(text) == found


def test_unique_words_keep_first_order():
    assert unique_words("Xi met Putin; Putin met Xi") == ["xi", "met", "putin"]


@pytest.mark.parametrize(
    ("word", "cjk"), [("赫鲁晓夫", True), ("хрущев", False), ("sco", False), ("ニ", True)]
)
def test_is_cjk(word, cjk):
    assert is_cjk(word) is cjk


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("khrushchev", "kruscev"),
        ("krushchev", "kruscev"),
        ("kruschev", "kruscev"),
        ("khrushchov", "kruscov"),
        ("aleksey", "alexei"),
        ("kossygin", "kosigin"),
        ("hu", "hu"),  # a first h stays: Hu is not U
        ("хрущев", "хрущев"),
    ],
)
def test_spelling_key(word, key):
    assert spelling_key(word) == key


@pytest.mark.parametrize(
    ("a", "b", "limit", "expected"),
    [
        ("abc", "abc", 0, True),
        ("abc", "acb", 1, True),  # a transposition is one edit
        ("kitten", "sitting", 2, False),
        ("kitten", "sitting", 3, True),
        ("", "ab", 1, False),
        ("ab", "", 2, True),
    ],
)
def test_within(a, b, limit, expected):
    assert within(a, b, limit) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("krushchev", "khrushchev", True),
        ("kruschev", "khrushchev", True),
        ("khrushchov", "khrushchev", True),
        ("chrushchev", "khrushchev", True),
        ("gorbatchev", "gorbachev", True),
        ("brejnev", "brezhnev", True),
        ("хрущов", "хрущев", True),
        ("qiang", "jiang", True),  # near as words; the search keeps them apart as names
        ("georgia", "georgy", False),  # a letter more needs seven letters of key
        ("zhang", "ziyang", False),
        ("liaoning", "xiaoping", False),
        ("peng", "pang", False),  # short words are never near
        ("sco", "sko", False),
    ],
)
def test_near(a, b, expected):
    assert near(a, b) is expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (" ".join(["a"] * 100), ["a"]),
        ("gas gas pipeline gas", ["gas", "pipeline"]),
        ("pipe pipeline", ["pipeline"]),  # a prefix of another term adds nothing
        ("sco moscow", ["sco", "moscow"]),  # inside another term is not implied: SCO is a tag
        ("普京 习近平与普京", ["习近平与普京"]),  # Chinese matches inside words
        (" ".join(f"w{i:02d}" for i in range(40)), [f"w{i:02d}" for i in range(12)]),
    ],
)
def test_terms_are_distinct_implied_ones_dropped_and_capped(query, expected):
    assert terms(query) == expected
