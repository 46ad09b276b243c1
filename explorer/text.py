"""Text for search across scripts (Latin, Cyrillic, Chinese): folding, words, spelling keys."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

WORD = re.compile(r"\w+")
# Chinese (and Japanese) write without spaces: a term in these scripts matches inside a word.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Transliterations of one name differ in a few habits: kh/k, zh/z, y/i, w/v, ks/x, doubled
# letters. Rewriting them alike (after the first letter) leaves at most a vowel to tolerate.
SPELLING_RULES = (
    (re.compile(r"(?<=.)h"), ""),
    (re.compile("y"), "i"),
    (re.compile("w"), "v"),
    (re.compile("ks"), "x"),
    (re.compile(r"(.)\1"), r"\1"),
)
# Spelling keys shorter than this get no tolerance: one edit joins unrelated short words. A
# letter more or less needs a longer key still (Georgia is not Georgy, Zhang is not Ziyang).
TOLERANT_FROM = 5
INDEL_FROM = 7


@cache
def _marks() -> re.Pattern:
    """Return a pattern matching runs of the BMP's combining marks (accents NFKD splits off)."""
    spans: list[list[int]] = []
    for cp in (cp for cp in range(0x10000) if unicodedata.combining(chr(cp))):
        if spans and cp == spans[-1][1] + 1:
            spans[-1][1] = cp
        else:
            spans.append([cp, cp])
    ranges = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in spans)
    return re.compile(f"[{ranges}]+")


def fold(text: str) -> str:
    """Return `text` case-folded with diacritics removed (Хрущёв -> хрущев, é -> e)."""
    if text.isascii():  # most of the record: no marks to strip, and lower() is casefold here
        return text.lower()
    # One regex over ranges of marks runs in C: twice as fast as str.translate with a table.
    return _marks().sub("", unicodedata.normalize("NFKD", text.casefold()))


# Each term is a scan of the view's text: bounded. The default; `explorer serve --max-terms`
# gives the app's record another (explorer.search.SEARCH_LIMIT).
MAX_TERMS = 12


def terms(query: str, limit: int = MAX_TERMS) -> list[str]:
    """Return the folded, distinct whitespace-separated terms of a search query, at most
    `limit`; a term that starts a longer one is dropped (Chinese: that the longer contains),
    as every match of the longer matches it too."""
    words = list(dict.fromkeys(fold(query).split()))
    kept = [w for w in words if not any(w != o and _implied(w, o) for o in words)]
    return kept[:limit]


def _implied(term: str, other: str) -> bool:
    # Words match by prefix; Chinese, which has no spaces, inside words.
    return term in other if is_cjk(term) else other.startswith(term)


def words(text: str) -> list[str]:
    """Return the folded words of `text` (runs of letters and digits; a Chinese run is one)."""
    return WORD.findall(fold(text))


def unique_words(text: str) -> list[str]:
    """Return the folded words of `text`, each once, in order of first appearance."""
    return list(dict.fromkeys(words(text)))


def is_cjk(word: str) -> bool:
    """Return whether `word` holds Chinese or Japanese characters."""
    return CJK.search(word) is not None


def spelling_key(word: str) -> str:
    """Return `word` with transliteration habits rewritten alike (khrushchov -> kruscov)."""
    for pattern, replacement in SPELLING_RULES:
        word = pattern.sub(replacement, word)
    return word


def near_keys(a: str, b: str) -> bool:
    """Return whether two spelling keys are one edit apart at most, and long enough to allow it."""
    shortest = min(len(a), len(b))
    if shortest < TOLERANT_FROM or (len(a) != len(b) and shortest < INDEL_FROM):
        return False
    return within(a, b, 1)


def near(a: str, b: str) -> bool:
    """Return whether words `a` and `b` could be spellings of one name (Krushchev, Khrushchev)."""
    return near_keys(spelling_key(a), spelling_key(b))


def within(a: str, b: str, limit: int) -> bool:
    """Return whether `a` becomes `b` in at most `limit` edits (insert, delete, swap, transpose)."""
    if abs(len(a) - len(b)) > limit:
        return False
    # Optimal string alignment distance, row by row, stopping once a row exceeds the limit.
    before, row = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(row[j] + 1, cur[j - 1] + 1, row[j - 1] + (ca != cb))
            if before and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], before[j - 2] + 1)
        if min(cur) > limit:
            return False
        before, row = row, cur
    return row[-1] <= limit


def slug(text: str) -> str:
    """Return a lowercase ASCII slug of `text` for file names (Xi Jinping -> xi-jinping)."""
    ascii_text = fold(text).encode("ascii", "ignore").decode()
    parts = "".join(c if c.isalnum() else " " for c in ascii_text).split()
    return "-".join(parts)
