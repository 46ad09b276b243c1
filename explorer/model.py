"""Derived views of the dataset: decade, host group, leader pair, era, search index, offices."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import pandas as pd

from explorer.i18n import OTHER_LANGS
from explorer.labels import labels, ranks
from explorer.loader import Dataset, load_dataset
from explorer.paths import DATA_DIR
from explorer.search import NAME_SEPARATOR, SEARCH_INDEX, build_index
from explorer.text import WORD, unique_words, words
from explorer.vocabulary import HOST_GROUP_OTHER, HOST_GROUPS, HOSTS, SIDES, kind_labels, years

# Labels by value, from explorer.vocabulary (kept here for the modules that read them).
HOST_GROUP_LABELS = {k: t.label for k, t in HOSTS.items()}
KIND_LABELS = kind_labels()
SIDE_LABELS = {k: s.camp for k, s in SIDES.items()}
# events.attrs key: the record's first and last year, kept by every view sliced from it.
YEARS = "years"
# Searched word by word (the English text and the titles in every language, what each
# language shows); tags are matched as whole tags (explorer.search).
TITLES = tuple(f"title_{lang}" for lang in OTHER_LANGS)
TEXT_COLUMNS = ("title", "summary", "city", "country", "host", "outcomes", *TITLES)


@dataclass(frozen=True)
class Record:
    """The dataset with the derived columns that filters, figures and details read."""

    events: pd.DataFrame
    leaders: pd.DataFrame
    eras: pd.DataFrame
    version: str
    sources: pd.DataFrame = field(default_factory=pd.DataFrame)  # sources.csv, one row per URL

    @property
    def total(self) -> int:
        """Return the number of events in the record."""
        return len(self.events)


def load_record(data_dir: Path | str = DATA_DIR) -> Record:
    """Return the validated record in `data_dir` (raises loader.DataError when invalid)."""
    return build_record(load_dataset(data_dir))


def decade_of(dates: pd.Series) -> pd.Series:
    """Return the decade label ('1980s') of each date."""
    return (dates.dt.year // 10 * 10).astype(str) + "s"


def era_of(dates: pd.Series, eras: pd.DataFrame) -> pd.Series:
    """Return the name of the era each date falls in ('' outside every era)."""
    names = pd.Series("", index=dates.index, dtype=object)
    for name, start, end in zip(eras["name"], eras["start"], eras["end"], strict=True):
        names[(dates >= start) & ((dates <= end) if pd.notna(end) else True)] = name
    return names


def _name_words(leaders: pd.DataFrame) -> dict[str, list[str]]:
    """Return the folded words of each leader's name, native name and aliases."""
    parts: dict[str, set[str]] = {}
    for row in leaders.itertuples(index=False):
        parts.setdefault(row.name, {row.name}).update({row.native_name, *row.aliases})
    return {name: unique_words(" ".join(sorted(texts))) for name, texts in parts.items()}


def _search_columns(events: pd.DataFrame, leaders: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Return each event's words (text fields and people in every script) and people's words."""
    names = _name_words(leaders)
    columns = [
        [" ".join(v) if isinstance(v, tuple) else str(v) for v in events[c]] for c in TEXT_COLUMNS
    ]
    people = [
        NAME_SEPARATOR.join(" ".join(names.get(n) or words(n)) for n in (*china, *russia))
        for china, russia in zip(events["china_leaders"], events["russia_leaders"], strict=True)
    ]
    # Row by row over plain lists: DataFrame.apply(axis=1) builds a Series per row. Names are
    # folded once per leader above; only the text fields are folded here, each on its own:
    # an English field is ASCII, which folds fast (text.fold), beside a Chinese title.
    text = [
        " ".join(dict.fromkeys([*chain.from_iterable(map(words, parts)), *WORD.findall(names_of)]))
        for *parts, names_of in zip(*columns, people, strict=True)
    ]
    return (
        pd.Series(text, index=events.index, dtype=object),
        pd.Series(people, index=events.index, dtype=object),
    )


def build_record(dataset: Dataset) -> Record:
    """Return the dataset with derived columns added to its events."""
    events = dataset.events.copy()
    events["decade"] = decade_of(events["start_date"])
    events["host_group"] = events["host"].map(HOST_GROUPS).fillna(HOST_GROUP_OTHER)
    events["china_lead"] = events["china_leaders"].map(lambda names: names[0] if names else "")
    events["russia_lead"] = events["russia_leaders"].map(lambda names: names[0] if names else "")
    events["pair"] = events["china_lead"] + " – " + events["russia_lead"]
    events["era"] = era_of(events["start_date"], dataset.eras)
    events["label"] = labels(events, dataset.leaders)
    for lang in OTHER_LANGS:  # short labels per language; localize.py swaps them in
        events[f"label_{lang}"] = labels(events, dataset.leaders, lang)
    events["label_rank"] = ranks(events)
    events["search_words"], events["search_names"] = _search_columns(events, dataset.leaders)
    # Built once here, not per search; attrs travel with the events wherever they are passed.
    events.attrs[SEARCH_INDEX] = build_index(events)
    events.attrs[YEARS] = years(events["start_date"])
    return Record(events, dataset.leaders, dataset.eras, dataset.version, dataset.sources)


def offices_held(leaders: pd.DataFrame, name: str, day: pd.Timestamp) -> list[str]:
    """Return the offices `name` held on `day`, as listed in leaders.csv."""
    rows = leaders[leaders["name"] == name]
    current = rows["office_end"].isna() | (day <= rows["office_end"])
    return rows.loc[(rows["office_start"] <= day) & current, "office"].tolist()


def native_names(leaders: pd.DataFrame) -> dict[str, str]:
    """Return each leader's native-script name."""
    return dict(zip(leaders["name"], leaders["native_name"], strict=True))


def leader_sides(leaders: pd.DataFrame) -> dict[str, str]:
    """Return each leader's side label ('China' or 'USSR / Russia')."""
    return {n: SIDE_LABELS[s] for n, s in zip(leaders["name"], leaders["side"], strict=True)}
