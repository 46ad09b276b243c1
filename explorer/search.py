"""Search over the record: an index of each event's words (its English text, its titles in
every language, its leaders' names in every script), built once when the record loads.

A query's terms narrow together (AND). A term
- that names a tag as a whole (`SCO`, `state-visit`) means the events with that tag, not the
  words that contain it ("Moscow");
- otherwise matches when each of its words starts one of the event's words (`gorb` finds
  Gorbachev, `sco` does not find Moscow); in Chinese, written without spaces, it may match
  inside a word (`晓夫` finds 赫鲁晓夫);
- and a word of five letters or more also finds the names it may be a transliteration of
  (explorer.text.near): `Krushchev`, `Kruschev`, `Khrushchov` find Khrushchev. A word that
  starts a leader's name only finds other spellings of that leader's names (`Qiang` finds
  Li Qiang, not Jiang Zemin).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from itertools import chain

import numpy as np
import pandas as pd

from explorer.text import (
    MAX_TERMS,
    TOLERANT_FROM,
    WORD,
    fold,
    is_cjk,
    near_keys,
    spelling_key,
    terms,
)

SEARCH_INDEX = "search_index"  # key of the index in events.attrs
SEARCH_LIMIT = "search_limit"  # key in events.attrs: the most terms a search uses, if not MAX_TERMS
NAME_SEPARATOR = "|"  # between the leaders in `search_names`: each leader's words apart
LAST = "\U0010ffff"  # sorts after every character: word + LAST closes the run of its prefixes


@dataclass(frozen=True, eq=False)
class SearchIndex:
    """Which events hold each word, name word and tag (rows are positions in the events)."""

    labels: pd.Index
    vocab: tuple[str, ...]  # every word, sorted: the words starting with a prefix are a run
    starts: np.ndarray  # the events of vocab[i] are rows[starts[i] : starts[i + 1]]
    rows: np.ndarray
    names: dict[str, frozenset[int]]  # word of a leader's names -> the leaders it names
    name_keys: dict[str, str]  # word of a leader's names -> its spelling key
    cjk: tuple[int, ...]  # vocab positions of the words in Chinese characters
    tags: dict[str, np.ndarray]  # folded tag -> rows

    def __deepcopy__(self, memo: dict) -> SearchIndex:
        # Immutable, so shared: pandas deep-copies attrs into every slice of the events.
        return self

    def _mark(self, mask: np.ndarray, first: int, last: int) -> None:
        mask[self.rows[self.starts[first] : self.starts[last]]] = True

    def word_mask(self, word: str) -> np.ndarray:
        """Return which events hold a word starting with `word` (or a near spelling of a name)."""
        mask = np.zeros(len(self.labels), dtype=bool)
        if is_cjk(word):
            for i in (i for i in self.cjk if word in self.vocab[i]):
                self._mark(mask, i, i + 1)
            return mask
        self._mark(mask, bisect_left(self.vocab, word), bisect_left(self.vocab, word + LAST))
        for name in self.near_names(word):
            i = bisect_left(self.vocab, name)
            self._mark(mask, i, i + 1)
        return mask

    def near_names(self, word: str) -> list[str]:
        """Return the words of leaders' names that `word` may be another spelling of."""
        key = spelling_key(word)
        if len(key) < TOLERANT_FROM:
            return []
        own = frozenset().union(*(g for n, g in self.names.items() if n.startswith(word)))
        return [
            name
            for name, leaders in self.names.items()
            if near_keys(key, self.name_keys[name]) and (not own or own & leaders)
        ]

    def matches(self, query: str, limit: int = MAX_TERMS) -> np.ndarray:
        """Return which events match every term of `query` (its first `limit` terms)."""
        mask = np.ones(len(self.labels), dtype=bool)
        for term in terms(query, limit):
            if term in self.tags:
                tagged = np.zeros_like(mask)
                tagged[self.tags[term]] = True
                mask &= tagged
                continue
            for word in WORD.findall(term):
                mask &= self.word_mask(word)
        return mask


def build_index(events: pd.DataFrame) -> SearchIndex:
    """Return the index of the events' `search_words`, `search_names` and `tags` columns."""
    # Per event: its words, once each; the words of each leader's names, NAME_SEPARATOR apart.
    per_event = [text.split() for text in events["search_words"]]
    counts = np.fromiter(map(len, per_event), dtype=np.int64, count=len(per_event))
    # Number the words in C (factorize), then renumber them in sorted order.
    codes, found = pd.factorize(np.array(list(chain.from_iterable(per_event)), dtype=object))
    order = np.argsort(found, kind="stable")
    vocab = [str(w) for w in found[order]]
    position = np.empty(len(order), dtype=np.int64)
    position[order] = np.arange(len(order))
    flat = position[codes]
    by_word = np.argsort(flat, kind="stable")
    rows = np.repeat(np.arange(len(per_event), dtype=np.int32), counts)[by_word]
    starts = np.concatenate(([0], np.cumsum(np.bincount(flat, minlength=len(vocab)))))
    names: dict[str, set[int]] = defaultdict(set)
    leaders = {g for text in events["search_names"].unique() for g in text.split(NAME_SEPARATOR)}
    for number, group in enumerate(sorted(leaders)):
        for word in group.split():
            if not is_cjk(word):
                names[word].add(number)
    tagged: dict[str, list[int]] = defaultdict(list)
    for row, tags in enumerate(events["tags"]):
        for tag in tags:
            tagged[fold(tag)].append(row)
    return SearchIndex(
        labels=events.index,
        vocab=tuple(vocab),
        starts=starts,
        rows=rows,
        names={n: frozenset(g) for n, g in names.items()},
        name_keys={n: spelling_key(n) for n in names},
        cjk=tuple(i for i, w in enumerate(vocab) if is_cjk(w)),
        tags={t: np.array(r, dtype=np.int32) for t, r in tagged.items()},
    )


def index_of(events: pd.DataFrame) -> SearchIndex:
    """Return the index built when the record loaded, or a new one for other events."""
    index = events.attrs.get(SEARCH_INDEX)
    if isinstance(index, SearchIndex) and index.labels.equals(events.index):
        return index
    return build_index(events)  # a slice or a reordered copy: index exactly what was given


def search_mask(events: pd.DataFrame, query: str) -> pd.Series:
    """Return which events match `query`, as a boolean Series on the events' index."""
    limit = events.attrs.get(SEARCH_LIMIT, MAX_TERMS)
    return pd.Series(index_of(events).matches(query, limit), index=events.index)


def limit_terms(events: pd.DataFrame, limit: int) -> pd.DataFrame:
    """Return the events (not copied) with searches over them using at most `limit` terms."""
    limited = events.copy(deep=False)
    limited.attrs = {**events.attrs, SEARCH_LIMIT: limit}
    return limited
