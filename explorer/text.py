"""Text normalisation for search across scripts (Latin, Cyrillic, Chinese)."""

from __future__ import annotations

import unicodedata
from functools import cache


@cache
def _combining() -> dict[int, None]:
    """Return a translate table that deletes every combining mark of the BMP."""
    return {cp: None for cp in range(0x10000) if unicodedata.combining(chr(cp))}


def fold(text: str) -> str:
    """Return `text` case-folded with diacritics removed (Хрущёв -> хрущев, é -> e)."""
    # str.translate runs in C: far faster than testing each character in Python.
    return unicodedata.normalize("NFKD", text.casefold()).translate(_combining())


def terms(query: str) -> list[str]:
    """Return the folded whitespace-separated terms of a search query."""
    return fold(query).split()


def slug(text: str) -> str:
    """Return a lowercase ASCII slug of `text` for file names (Xi Jinping -> xi-jinping)."""
    ascii_text = fold(text).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in ascii_text).split()
    return "-".join(words)
