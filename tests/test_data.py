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


# --- sources.csv, the mirror list, the tally of source kinds -------------------------------

SOURCE_ROWS = list(csv.DictReader((DATA / "sources.csv").open(encoding="utf-8", newline="")))
SOURCE_KIND = {r["url"]: r["kind"] for r in SOURCE_ROWS}
CITED = [u for r in EVENTS for u in r["sources"].split(";")]


@pytest.mark.parametrize("row", EVENTS, ids=[r["id"] for r in EVENTS])
def test_every_url_an_event_cites_has_a_source_row(row):
    urls = row["sources"].split(";")
    assert [u for u in urls if u not in SOURCE_KIND] == []
    assert len(urls) == len(set(urls)), "a URL cited twice by one event"


@pytest.mark.parametrize("row", SOURCE_ROWS, ids=[r["url"][:80] for r in SOURCE_ROWS])
def test_every_source_row_is_cited_and_described(row):
    assert row["url"] in CITED
    assert row["kind"] in resource("sources").field("kind").enum
    assert row["publisher"].strip() == row["publisher"] != ""
    assert row["title"] == row["title"].strip()


def test_source_rows_are_unique():
    assert len(SOURCE_KIND) == len(SOURCE_ROWS)


def _readme_table(block: str) -> list[list[str]]:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    text = readme.split(f"<!-- {block}:start -->")[1].split(f"<!-- {block}:end -->")[0]
    return [
        [c.strip().strip("*") for c in line.strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith("| ") and "---" not in line
    ]


def test_readme_source_kind_tally_matches_the_data():
    rows = {r[0]: r[1:] for r in _readme_table("sourcekinds")[1:]}
    for kind in resource("sources").field("kind").enum:
        pages = sum(k == kind for k in SOURCE_KIND.values())
        citations = sum(SOURCE_KIND[u] == kind for u in CITED)
        events = sum(any(SOURCE_KIND[u] == kind for u in r["sources"].split(";")) for r in EVENTS)
        assert rows[kind] == [str(pages), str(citations), str(events)], kind
    assert rows["total"] == [str(len(SOURCE_ROWS)), str(len(CITED)), str(len(EVENTS))]


def test_readme_coverage_matches_the_data():
    header, *rows = _readme_table("coverage")
    for decade, *counts in rows:
        for kind, count in zip(header[1:-1], counts, strict=False):
            want = sum(
                r["kind"] == kind and (decade == "total" or r["start_date"][:3] == decade[:3])
                for r in EVENTS
            )
            assert count == str(want), (decade, kind)


def test_leads_are_listed_in_the_readme():
    leads = list(csv.DictReader((DATA / "leads.csv").open(encoding="utf-8", newline="")))
    listed = [r[1] for r in _readme_table("leads")[1:]]
    assert listed == [r["lead"] for r in leads]


def test_mirror_list_is_well_formed():
    from explorer.provenance import read_mirrors

    mirrors, problems = read_mirrors(DATA / "mirrors.txt", "mirrors.txt")
    assert problems == [] and mirrors


@pytest.mark.integration  # slow (subprocess, large figure or many files): make test
def test_the_data_package_passes_the_official_frictionless_validator():
    limit = csv.field_size_limit()  # frictionless raises the csv module's global limit
    try:
        from frictionless import Package, system

        with system.use_context(trusted=True):
            report = Package(str(DATA / "datapackage.json")).validate()
    finally:
        csv.field_size_limit(limit)
    errors = [e.message for task in report.tasks for e in task.errors] + [
        e.message for e in report.errors
    ]
    assert report.valid, errors[:10]
    assert {task.name for task in report.tasks} == {"events", "leaders", "eras", "sources"}


def test_every_source_language_has_a_name_for_citations():
    from explorer.citations import LANGUAGES

    assert {r["language"] for r in SOURCE_ROWS} <= {"", "en", *LANGUAGES}
