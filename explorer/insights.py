"""Insights beside the timeline, as plain tables: places, tempo, gaps, leader pairs, direction.

Every chart in the page is drawn from one of these frames, and the same frame is its text
alternative.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from explorer.model import HOST_GROUP_LABELS, KIND_LABELS

IN_PERSON = ("visit", "summit", "treaty", "declaration", "multilateral")
CAPITALS = {"China": "Beijing", "Russia": "Moscow"}  # where a visiting side sets out from
DIRECTIONS = {
    "ussr-russia": "To Moscow (USSR/Russia hosts)",
    "china": "To Beijing (China hosts)",
    "third-country": "Third places",
}


def in_person(events: pd.DataFrame) -> pd.DataFrame:
    """Return the events where the leaders met in person (no calls, nothing virtual)."""
    return events[events["kind"].isin(IN_PERSON) & (events["host"] != "virtual")]


def places(events: pd.DataFrame) -> pd.DataFrame:
    """Return one row per city: point, host side, number of events and their titles."""
    located = events[events["city"] != ""]
    if located.empty:
        return pd.DataFrame(
            columns=["city", "country", "latitude", "longitude", "side", "events", "titles"]
        )
    grouped = located.groupby("city", sort=True)
    out = grouped.agg(
        country=("country", "first"),
        latitude=("latitude", "first"),
        longitude=("longitude", "first"),
        side=("host_group", "first"),
        events=("id", "size"),
        titles=("title", list),
    ).reset_index()
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
    visits = events[
        (events["kind"] == "visit") & events["host_group"].isin(["china", "ussr-russia"])
    ]
    visitor = visits["host_group"].map({"china": "Russia", "ussr-russia": "China"})
    routes = pd.DataFrame(
        {
            "visitor": visitor,
            "from_lat": visitor.map(lambda s: capitals.get(s, (None, None))[0]),
            "from_lon": visitor.map(lambda s: capitals.get(s, (None, None))[1]),
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
    last = events["start_date"].dt.year.max() if len(events) else 2025
    years = range(1949, max(2025, int(last)) + 1)
    table = pd.crosstab(events["start_date"].dt.year, events["kind"])
    table = table.reindex(index=years, columns=list(KIND_LABELS), fill_value=0)
    table.index.name = "year"
    table["total"] = table.sum(axis=1)
    table["cumulative"] = table["total"].cumsum()
    return table


def gaps(events: pd.DataFrame, top: int = 10) -> pd.DataFrame:
    """Return the longest gaps between in-person meetings, longest first."""
    met = in_person(events).sort_values("start_date")
    met = met.drop_duplicates("start_date")
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


def pair_table(events: pd.DataFrame) -> pd.DataFrame:
    """Return one row per Chinese × Soviet/Russian leader pair: count, first, last, mean gap."""
    rows = [
        (c, r, start)
        for ch, ru, start in zip(
            events["china_leaders"], events["russia_leaders"], events["start_date"], strict=True
        )
        for c in ch
        for r in ru
    ]
    frame = pd.DataFrame(rows, columns=["china", "russia", "date"])
    if frame.empty:
        return pd.DataFrame(
            columns=["china", "russia", "meetings", "first", "last", "mean_interval_days"]
        )
    grouped = frame.sort_values("date").groupby(["china", "russia"])
    out = grouped["date"].agg(meetings="size", first="min", last="max").reset_index()
    mean_gap = grouped["date"].apply(lambda d: d.diff().dt.days.mean())
    out["mean_interval_days"] = mean_gap.round(0).to_numpy()
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
    met = in_person(events)
    table = pd.crosstab(met["era"], met["host_group"])
    eras = list(dict.fromkeys(met.sort_values("start_date")["era"]))
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
    return Tables(
        places=places(events),
        arcs=arcs(events, capitals),
        per_year=per_year(events),
        gaps=gaps(events),
        pairs=pairs,
        matrix=pair_matrix(pairs),
        direction=direction(events),
    )
