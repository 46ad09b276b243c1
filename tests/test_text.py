"""Folding for search and slugs for file names, across scripts."""

from __future__ import annotations

import pytest

from explorer.text import fold, slug, terms


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
    ("query", "expected"),
    [
        (" ".join(["a"] * 100), ["a"]),
        ("gas gas pipeline gas", ["gas", "pipeline"]),
        ("pipe pipeline", ["pipeline"]),
        (" ".join(f"w{i:02d}" for i in range(40)), [f"w{i:02d}" for i in range(12)]),
    ],
)
def test_terms_are_distinct_implied_ones_dropped_and_capped(query, expected):
    assert terms(query) == expected
