"""The shipped data, row by row, and the data README kept in step with it."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from explorer import docs
from explorer.loader import load_dataset
from explorer.model import build_record
from explorer.schema import DEFAULT_DATA_DIR, RESOURCES, resource

DATA = DEFAULT_DATA_DIR
EVENTS = list(csv.DictReader((DATA / "events.csv").open(encoding="utf-8", newline="")))
LEADERS = list(csv.DictReader((DATA / "leaders.csv").open(encoding="utf-8", newline="")))
PLACES = {r["city"]: r for r in csv.DictReader((DATA / "places.csv").open(encoding="utf-8"))}
ARTICLE_END = "2025-06-30"
# The milestones the article's abstract names, each expected as an `in_abstract` row.
MILESTONES = {
    "1949-12-16-mao-stalin-moscow",
    "1950-02-14-sino-soviet-treaty",
    "1989-05-16-deng-gorbachev-meeting",
    "1996-04-25-strategic-partnership-statement",
    "2001-07-16-treaty-good-neighbourliness",
    "2013-03-22-xi-putin-moscow",
    "2022-02-04-xi-putin-beijing-olympics",
    "2022-02-04-joint-statement-new-era",
    "2025-05-07-xi-state-visit-moscow-victory-day",
}


def test_shipped_data_validates():
    data = load_dataset(DATA)
    assert len(data.events) == len(EVENTS) >= 120


@pytest.mark.parametrize("row", EVENTS, ids=[r["id"] for r in EVENTS])
def test_event_row(row):
    assert row["id"].startswith(row["start_date"]), "the id starts with the start date"
    assert all(u.startswith(("http://", "https://")) for u in row["sources"].split(";"))
    assert (row["in_abstract"] == "true") == (row["id"] in MILESTONES)
    late = row["start_date"] > ARTICLE_END
    assert late == ("after-article" in row["tags"].split(";")), (
        "after-article tag iff after June 2025"
    )
    if row["host"] == "virtual":
        assert not (row["city"] or row["latitude"])
    else:
        place = PLACES[row["city"]]
        assert (row["latitude"], row["longitude"]) == (place["latitude"], place["longitude"])
    assert row["summary"] == row["summary"].strip() and len(row["summary"]) >= 20


@pytest.mark.parametrize(
    "row", LEADERS, ids=[f"{r['name']}|{r['office']}|{r['office_start']}" for r in LEADERS]
)
def test_leader_row(row):
    assert row["native_name"] and row["native_name"] != row["name"]
    assert row["aliases"], "a name in the other side's script, for search"
    assert all(u.startswith(("http://", "https://")) for u in row["source"].split(";"))


def test_every_leader_named_in_events_is_listed_and_every_listed_leader_appears():
    named = {
        n
        for r in EVENTS
        for c in ("china_leaders", "russia_leaders")
        for n in c and r[c].split(";")
    }
    assert named <= {r["name"] for r in LEADERS}


def test_places_cite_where_they_were_read():
    used = {r["city"] for r in EVENTS if r["city"]}
    assert used == set(PLACES)
    assert all(p["source"].startswith(("http://", "https://")) for p in PLACES.values())


def test_eras_are_contiguous():
    eras = load_dataset(DATA).eras
    gaps = eras["start"].iloc[1:].to_numpy() - eras["end"].iloc[:-1].to_numpy()
    assert (gaps == pd.Timedelta(days=1)).all()
    assert pd.isna(eras["end"].iloc[-1])


def test_readme_generated_blocks_are_in_step():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert docs.render(readme, build_record(load_dataset(DATA))) == readme, (
        "run `python -m explorer docs` to refresh data/README.md"
    )


@pytest.mark.parametrize("name", RESOURCES)
def test_readme_documents_every_column(name):
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for column in resource(name).columns:
        assert f"| `{column}` |" in readme


def test_readme_defines_every_kind_and_tag():
    readme = Path(DATA / "README.md").read_text(encoding="utf-8")
    for value in (*resource("events").field("kind").enum, *resource("events").field("tags").enum):
        assert f"`{value}`" in readme
