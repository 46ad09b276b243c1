"""Insights beside the timeline, as plain tables: places, tempo, gaps, leader pairs, direction.

Every chart in the page is drawn from one of these frames, and the same frame is its text
alternative.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from explorer.model import HOST_GROUP_LABELS, KIND_LABELS, YEARS
from explorer.vocabulary import in_order, years

IN_PERSON = ("visit", "summit", "treaty", "declaration", "multilateral")
CAPITALS = {"China": "Beijing", "Russia": "Moscow"}  # where a visiting side sets out from
DIRECTIONS = {
    "ussr-russia": "To Moscow (USSR/Russia hosts)",
    "china": "To Beijing (China hosts)",
    "third-country": "Third places",
}


def in_person(events: pd.DataFrame) -> pd.DataFrame:
    """Return the events where the leaders met in person (no calls, nothing virtual)."""
    return events[_is_met(events)]


def _is_met(events: pd.DataFrame) -> pd.Series:
    """Return which events were in-person meetings, as a boolean mask."""
    return events["kind"].isin(IN_PERSON) & (events["host"] != "virtual")


def _met(events: pd.DataFrame) -> pd.DataFrame:
    """Return the in-person meetings with only the columns that gaps and direction read."""
    return events.loc[_is_met(events), ["start_date", "end_date", "title", "era", "host_group"]]


@dataclass(frozen=True)
class _Groups:
    """Rows grouped by a key: sorted distinct keys, each row's key code, rows in key order."""

    keys: pd.Index
    codes: np.ndarray
    order: np.ndarray  # row positions by key, stable: rows keep their order within a key
    ends: np.ndarray  # where each key's run ends in `order`

    def split(self, values: np.ndarray) -> list[np.ndarray]:
        """Return `values` cut into one array per key, in key order."""
        return np.split(values[self.order], self.ends[:-1])


def _groups(keys: pd.Series) -> _Groups:
    """Return the rows grouped by `keys` (sorted like a sorted groupby)."""
    codes, uniques = pd.factorize(keys, sort=True)
    ends = np.cumsum(np.bincount(codes, minlength=len(uniques)))
    return _Groups(uniques, codes, np.argsort(codes, kind="stable"), ends)


def places(events: pd.DataFrame) -> pd.DataFrame:
    """Return one row per city: point, host side, number of events and their titles."""
    columns = ["city", "country", "latitude", "longitude", "host_group", "title"]
    located = events.loc[events["city"] != "", columns]  # only the columns used: rows copy less
    if located.empty:
        return pd.DataFrame(
            columns=["city", "country", "latitude", "longitude", "side", "events", "titles"]
        )
    cities = _groups(located["city"])
    # Grouping by the integer codes skips a second pass over the city strings.
    out = located.drop(columns=["city", "title"]).groupby(cities.codes).first()
    out = out.rename(columns={"host_group": "side"})
    out["events"] = np.diff(cities.ends, prepend=0)
    out.insert(0, "city", cities.keys[out.index])
    out = out.reset_index(drop=True)
    # A list aggregation runs Python per group; one sort and split of the titles does not.
    out["titles"] = [t.tolist() for t in cities.split(located["title"].to_numpy(dtype=object))]
    out["side"] = out["side"].map(HOST_GROUP_LABELS)
    return out.sort_values(["events", "city"], ascending=[False, True]).reset_index(drop=True)


def capital_points(events: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Return each side's capital point, read from the record's own rows for that city."""
    points = {}
    for side, city in CAPITALS.items():
        rows = events[events["city"] == city]
        if not rows.empty:
            points[side] = (float(rows["latitude"].iloc[0]), float(rows["longitude"].iloc[0]))
    return points


def arcs(events: pd.DataFrame, capitals: dict[str, tuple[float, float]]) -> pd.DataFrame:
    """Return visit routes, capital of the visiting side → venue, with how many visits took each."""
    is_visit = (events["kind"] == "visit") & events["host_group"].isin(["china", "ussr-russia"])
    visits = events.loc[is_visit, ["host_group", "city", "latitude", "longitude"]]
    visitor = visits["host_group"].map({"china": "Russia", "ussr-russia": "China"})
    routes = pd.DataFrame(
        {
            "visitor": visitor,
            "from_lat": visitor.map({s: p[0] for s, p in capitals.items()}).astype(float),
            "from_lon": visitor.map({s: p[1] for s, p in capitals.items()}).astype(float),
            "city": visits["city"],
            "to_lat": visits["latitude"],
            "to_lon": visits["longitude"],
        }
    ).dropna()
    # Identical routes draw identical lines: one per route keeps the map light at any size.
    keys = ["visitor", "from_lat", "from_lon", "city", "to_lat", "to_lon"]
    return routes.groupby(keys, sort=True).size().rename("visits").reset_index()


def per_year(events: pd.DataFrame) -> pd.DataFrame:
    """Return events per year and kind (columns in kind order) with a cumulative total."""
    year = events["start_date"].dt.year.to_numpy()
    # The record's years (they travel in attrs to every view), so a filtered view keeps the axis.
    first, last = events.attrs.get(YEARS) or years(events["start_date"]) or (0, -1)
    last = max(last, int(year.max()) if len(year) else last)
    # Every kind the vocabulary knows, and any other in the view: none is dropped.
    kinds = pd.Index([*KIND_LABELS, *in_order("kind", events["kind"])], name="kind").unique()
    span = last + 1 - first
    kind = kinds.get_indexer(events["kind"])
    keep = year >= first
    cells = (year[keep] - first) * len(kinds) + kind[keep]
    counts = np.bincount(cells, minlength=span * len(kinds)).reshape(span, len(kinds))
    index = pd.RangeIndex(first, first + span, name="year")
    table = pd.DataFrame(counts.astype(np.int64), index=index, columns=kinds)
    table["total"] = table.sum(axis=1)
    table["cumulative"] = table["total"].cumsum()
    return table


def gaps(events: pd.DataFrame, top: int = 10) -> pd.DataFrame:
    """Return the longest gaps between in-person meetings, longest first."""
    return _gaps(_met(events), top)


def _gaps(met: pd.DataFrame, top: int = 10) -> pd.DataFrame:
    """Return the longest gaps between the meetings `met`, longest first."""
    met = met.sort_values("start_date").drop_duplicates("start_date")
    if len(met) < 2:
        return pd.DataFrame(
            columns=["days", "years", "after", "after_date", "before", "before_date"]
        )
    last = (met["end_date"].fillna(met["start_date"])).iloc[:-1].to_numpy()
    out = pd.DataFrame(
        {
            "after": met["title"].iloc[:-1].to_numpy(),
            "after_date": last,
            "before": met["title"].iloc[1:].to_numpy(),
            "before_date": met["start_date"].iloc[1:].to_numpy(),
        }
    )
    out["days"] = (out["before_date"] - out["after_date"]).dt.days
    out["years"] = (out["days"] / 365.25).round(1)
    out = out[["years", "days", "after", "after_date", "before", "before_date"]]
    return out.sort_values("days", ascending=False).head(top).reset_index(drop=True)


def _pair_dates(events: pd.DataFrame) -> dict[tuple[str, str], np.ndarray]:
    """Return each Chinese × Soviet/Russian leader pair's meeting dates, sorted."""
    if events.empty:
        return {}
    # Few distinct leader line-ups recur across many events: group by line-up, not by row.
    china, china_sets = pd.factorize(events["china_leaders"].to_numpy())  # tuples of names
    russia, russia_sets = pd.factorize(events["russia_leaders"].to_numpy())
    lineups = _groups(pd.Series(china * len(russia_sets) + russia))
    chunks = lineups.split(events["start_date"].to_numpy())
    found: dict[tuple[str, str], list[np.ndarray]] = {}
    for lineup, chunk in zip(lineups.keys, chunks, strict=True):
        for c in china_sets[lineup // len(russia_sets)]:
            for r in russia_sets[lineup % len(russia_sets)]:
                found.setdefault((c, r), []).append(chunk)
    return {pair: np.sort(np.concatenate(chunks)) for pair, chunks in found.items()}


def pair_table(events: pd.DataFrame) -> pd.DataFrame:
    """Return one row per Chinese × Soviet/Russian leader pair: count, first, last, mean gap."""
    pairs = _pair_dates(events)
    if not pairs:
        return pd.DataFrame(
            columns=["china", "russia", "meetings", "first", "last", "mean_interval_days"]
        )
    dtype = events["start_date"].dtype
    # Whole days between meetings, floored like Timedelta.days, averaged per pair.
    intervals = [np.diff(d) // np.timedelta64(1, "D") for d in pairs.values()]
    out = pd.DataFrame(
        {
            "china": [c for c, _ in pairs],
            "russia": [r for _, r in pairs],
            "meetings": np.array([len(d) for d in pairs.values()], dtype=np.int64),
            "first": np.array([d[0] for d in pairs.values()], dtype=dtype),
            "last": np.array([d[-1] for d in pairs.values()], dtype=dtype),
            "mean_interval_days": np.round([i.mean() if len(i) else np.nan for i in intervals]),
        }
    )
    return out.sort_values(["first", "china", "russia"]).reset_index(drop=True)


def pair_matrix(pairs: pd.DataFrame) -> pd.DataFrame:
    """Return meetings as a Chinese leader (rows) × Soviet/Russian leader (columns) matrix."""
    if pairs.empty:
        return pd.DataFrame()
    china = list(dict.fromkeys(pairs["china"]))
    russia = list(dict.fromkeys(pairs.sort_values("first")["russia"]))
    matrix = pairs.pivot(index="china", columns="russia", values="meetings")
    return matrix.reindex(index=china, columns=russia).fillna(0).astype(int)


def direction(events: pd.DataFrame) -> pd.DataFrame:
    """Return in-person meetings per era by destination (to Moscow, to Beijing, third places)."""
    return _direction(_met(events))


def _direction(met: pd.DataFrame) -> pd.DataFrame:
    """Return the meetings `met` per era by destination."""
    table = met.groupby(["era", "host_group"]).size().unstack(fill_value=0)
    eras = met.sort_values("start_date")["era"].unique().tolist()  # in order of first meeting
    table = table.reindex(index=eras, columns=list(DIRECTIONS), fill_value=0)
    table.columns = [DIRECTIONS[c] for c in table.columns]
    table.index.name = "era"
    return table


def direction_host(label: str) -> str | None:
    """Return the host-group filter value for a direction label, or None."""
    return next((k for k, v in DIRECTIONS.items() if v == label), None)


@dataclass(frozen=True)
class Tables:
    """Every insight table for one view."""

    places: pd.DataFrame
    arcs: pd.DataFrame
    per_year: pd.DataFrame
    gaps: pd.DataFrame
    pairs: pd.DataFrame
    matrix: pd.DataFrame
    direction: pd.DataFrame


def tables(events: pd.DataFrame, capitals: dict[str, tuple[float, float]]) -> Tables:
    """Return the insight tables of a view's events (visit arcs start at `capitals`)."""
    pairs = pair_table(events)
    met = _met(events)  # the in-person mask is costly on a big view: gaps and direction share it
    return Tables(
        places=places(events),
        arcs=arcs(events, capitals),
        per_year=per_year(events),
        gaps=_gaps(met),
        pairs=pairs,
        matrix=pair_matrix(pairs),
        direction=_direction(met),
    )


def table_frames(
    events: pd.DataFrame, capitals: dict[str, tuple[float, float]]
) -> list[tuple[pd.DataFrame, bool]]:
    """Return the charts' text alternatives as (frame, show its index): places, years with
    events, leader pairs and direction per era, in the order the page lists the charts."""
    t = tables(events, capitals)
    return [
        (t.places.drop(columns=["titles"]), False),
        (t.per_year[t.per_year["total"] > 0], True),
        (t.pairs, False),
        (t.direction, True),
    ]
