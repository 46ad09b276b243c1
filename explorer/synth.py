"""Synthetic datasets of any size in the project's schema, for benchmarks and load tests.

The shipped leaders.csv and eras.csv are copied unchanged; the events are drawn at random
(deterministically for a seed) so that every one passes the loader's checks: its leaders held an
office on its start date, calls are virtual, every other event has a shipped city and point.
Run `python -m explorer.synth --events 10000 --out /tmp/synth10k`.
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

from explorer.loader import parse_resource
from explorer.schema import DEFAULT_DATA_DIR, resource

FIRST_DAY = date(1949, 10, 1)
LAST_DAY = date(2025, 12, 31)
USSR_LAST_DAY = date(1991, 12, 25)  # the USSR hosts up to here, Russia from 26 December 1991
MAX_DRAWS = 10_000  # dates to try for one event before giving up (gaps are short)
# kind -> relative weight, close to the shipped record's mix.
KIND_WEIGHTS = {
    "multilateral": 44,
    "visit": 22,
    "summit": 17,
    "call": 13,
    "declaration": 3,
    "treaty": 1,
}
# kind -> weights of hosting by (China, USSR/Russia, a third country).
HOST_WEIGHTS = {"multilateral": (2, 2, 6)}
BILATERAL_HOSTS = (45, 45, 10)
# kind -> (chance of lasting several days, longest extra days).
SPANS = {"visit": (0.6, 6), "summit": (0.3, 2), "multilateral": (0.4, 2)}
OUTCOMES = ("Joint statement", "Agreement on trade", "Memorandum on energy cooperation")
SECOND_LEADER = 0.15  # chance of a second leader on a side, when another is in office
MONTH_PRECISION = 0.02  # chance an event is dated to the month only


class Tenure(NamedTuple):
    """One office held: who, on which side, and the first and last day as ordinals."""

    name: str
    china: bool
    start: int
    end: int


class Place(NamedTuple):
    """A host and city the shipped record uses, with the city's point from places.csv."""

    host: str
    city: str
    country: str
    latitude: str
    longitude: str


def _tenures(data_dir: Path) -> tuple[Tenure, ...]:
    """Return every office tenure in the shipped leaders.csv."""
    rows, _ = parse_resource(data_dir / resource("leaders").path, "leaders")
    return tuple(
        Tenure(
            v["name"],
            v["side"] == "China",
            v["office_start"].toordinal(),
            (v["office_end"] or date.max).toordinal(),
        )
        for v in (r.values for r in rows)
    )


def _places(data_dir: Path) -> dict[str, tuple[Place, ...]]:
    """Return the shipped places keyed by 'China', 'USSR', 'Russia' or 'third'."""
    with (data_dir / "places.csv").open(encoding="utf-8", newline="") as fh:
        points = {r["city"]: (r["latitude"], r["longitude"]) for r in csv.DictReader(fh)}
    with (data_dir / resource("events").path).open(encoding="utf-8", newline="") as fh:
        used = {(r["host"], r["city"], r["country"]) for r in csv.DictReader(fh)}
    # Sorted, so the pools (and so the output) do not depend on set order.
    places = sorted(Place(h, c, k, *points[c]) for h, c, k in used if c in points)
    groups: dict[str, tuple[Place, ...]] = {}
    for key in ("China", "USSR", "Russia"):
        groups[key] = tuple(p for p in places if p.host == key)
    groups["third"] = tuple(p for p in places if p.host not in ("China", "USSR", "Russia"))
    return groups


def _in_office(tenures: tuple[Tenure, ...], day: date, china: bool) -> list[str]:
    """Return the names on one side holding an office on `day`, each once, sorted."""
    n = day.toordinal()
    return sorted({t.name for t in tenures if t.china == china and t.start <= n <= t.end})


def _draw_day(rng: random.Random, tenures: tuple[Tenure, ...]) -> tuple[date, str, list, list]:
    """Return a start date, its precision and the leaders in office on both sides that day."""
    for _ in range(MAX_DRAWS):
        day = date.fromordinal(rng.randint(FIRST_DAY.toordinal(), LAST_DAY.toordinal()))
        precision = "month" if rng.random() < MONTH_PRECISION else "day"
        day = day.replace(day=1) if precision == "month" else day
        chinese, russians = _in_office(tenures, day, True), _in_office(tenures, day, False)
        if chinese and russians:
            return day, precision, chinese, russians
    raise RuntimeError(f"no date with leaders on both sides in {MAX_DRAWS} draws")


def _pick_leaders(rng: random.Random, names: list[str]) -> list[str]:
    """Return one leader in office, sometimes two."""
    return rng.sample(names, 2 if len(names) > 1 and rng.random() < SECOND_LEADER else 1)


def _place(rng: random.Random, kind: str, day: date, places: dict) -> Place | None:
    """Return where an event of `kind` on `day` takes place (None for a virtual call)."""
    if kind == "call":
        return None
    weights = HOST_WEIGHTS.get(kind, BILATERAL_HOSTS)
    home = "USSR" if day <= USSR_LAST_DAY else "Russia"
    group = rng.choices(("China", home, "third"), weights=weights)[0]
    return rng.choice(places[group])


def _end_day(rng: random.Random, kind: str, day: date) -> date | None:
    """Return the last day of a multi-day event, or None for a one-day event."""
    chance, longest = SPANS.get(kind, (0.0, 0))
    if rng.random() >= chance:
        return None
    end = day + timedelta(days=rng.randint(1, longest))
    return end if end <= LAST_DAY else None


def _event(rng: random.Random, tenures: tuple[Tenure, ...], places: dict) -> dict[str, str]:
    """Return one random event's cells, without its id and source (they need its rank)."""
    day, precision, in_china, in_russia = _draw_day(rng, tenures)
    chinese, russians = _pick_leaders(rng, in_china), _pick_leaders(rng, in_russia)
    kind = rng.choices(tuple(KIND_WEIGHTS), weights=tuple(KIND_WEIGHTS.values()))[0]
    place = _place(rng, kind, day, places)
    end = _end_day(rng, kind, day) if precision == "day" else None
    tags = rng.sample(resource("events").field("tags").enum, rng.choice((1, 1, 2, 3)))
    where = f"in {place.city}" if place else "by telephone"
    return {
        "start_date": day.isoformat(),
        "end_date": end.isoformat() if end else "",
        "date_precision": precision,
        "title": f"Synthetic {kind}: {chinese[0]} and {russians[0]} {where}",
        # Synthetic titles say so in every language the record carries.
        "title_zh": f"合成事件（{kind}）：{chinese[0]}、{russians[0]}",
        "title_ru": f"Синтетическое событие ({kind}): {chinese[0]}, {russians[0]}",
        "kind": kind,
        "china_leaders": ";".join(chinese),
        "russia_leaders": ";".join(russians),
        "host": place.host if place else "virtual",
        "city": place.city if place else "",
        "country": place.country if place else "",
        "latitude": place.latitude if place else "",
        "longitude": place.longitude if place else "",
        "summary": (
            f"A synthetic {kind} of {', '.join(chinese)} and {', '.join(russians)} {where},"
            " generated to exercise the explorer; it did not happen."
        ),
        "outcomes": rng.choice(OUTCOMES) if rng.random() < 0.25 else "",
        "tags": ";".join(tags),
        "in_abstract": "false",
        "notes": "synthetic",
    }


def event_rows(n: int, seed: int = 0, data_dir: Path = DEFAULT_DATA_DIR) -> list[dict[str, str]]:
    """Return n random valid event rows in time order, with ids and sources."""
    if n < 0:
        raise ValueError(f"n must be 0 or more, not {n}")
    rng = random.Random(seed)
    tenures, places = _tenures(data_dir), _places(data_dir)
    drawn = sorted((_event(rng, tenures, places) for _ in range(n)), key=lambda e: e["start_date"])
    rows = []
    for k, cells in enumerate(drawn):
        event_id = f"{cells['start_date']}-synthetic-{k}"
        rows.append(
            {"id": event_id, **cells, "sources": f"https://example.org/synthetic/{event_id}"}
        )
    return rows


def write_dataset(n: int, out_dir: Path, seed: int = 0) -> Path:
    """Return `out_dir` after writing n synthetic events and the shipped leaders and eras."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in ("leaders", "eras"):
        shutil.copyfile(DEFAULT_DATA_DIR / resource(name).path, out_dir / resource(name).path)
    res = resource("events")
    with (out_dir / res.path).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, res.columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(event_rows(n, seed))
    return out_dir


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m explorer.synth", description="Write a synthetic dataset of n events."
    )
    parser.add_argument("--events", type=int, required=True, metavar="N", help="number of events")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Return 0 after writing the dataset the arguments describe (argparse exits on bad ones)."""
    args = _parser().parse_args(argv)
    if args.events < 0:
        _parser().error("--events must be 0 or more")
    write_dataset(args.events, args.out, args.seed)
    print(f"wrote {args.events} events to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
