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


MAX_TERMS = 12  # each term is a scan of the view's text: bounded (`explorer serve --max-terms`)


def terms(query: str) -> list[str]:
    """Return the folded, distinct whitespace-separated terms of a search query, at most
    MAX_TERMS; a term inside a longer one is dropped, as every match of the longer has it."""
    words = list(dict.fromkeys(fold(query).split()))
    kept = [w for w in words if not any(w != o and w in o for o in words)]
    return kept[:MAX_TERMS]


def slug(text: str) -> str:
    """Return a lowercase ASCII slug of `text` for file names (Xi Jinping -> xi-jinping)."""
    ascii_text = fold(text).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in ascii_text).split()
    return "-".join(words)
