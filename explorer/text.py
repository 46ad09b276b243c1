"""Text normalisation for search across scripts (Latin, Cyrillic, Chinese)."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Return `text` case-folded with diacritics removed (Хрущёв -> хрущев, é -> e)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def terms(query: str) -> list[str]:
    """Return the folded whitespace-separated terms of a search query."""
    return fold(query).split()


def slug(text: str) -> str:
    """Return a lowercase ASCII slug of `text` for file names (Xi Jinping -> xi-jinping)."""
    ascii_text = fold(text).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in ascii_text).split()
    return "-".join(words)
