"""Sources as citations: the text the details panel shows, and the sources every export carries."""

from __future__ import annotations

import io
import json

import bibtexparser
import openpyxl
import pytest
import rispy

from explorer.citations import citation_text, cite, cited_records, lookup, published_label
from explorer.details import event_detail
from explorer.filters import vocabulary
from explorer.loader import load_dataset
from explorer.model import build_record
from explorer.view import export_view, open_view
from tests.conftest import EVENTS, SOURCES
from tests.test_provenance import SIGNING, VISIT

KREMLIN = SOURCES[0]


@pytest.mark.parametrize(
    ("meta", "text"),
    [
        (KREMLIN, "President of Russia — Talks with Xi Jinping, 22 Mar 2013"),
        (
            KREMLIN | {"published": "2013-03"},
            "President of Russia — Talks with Xi Jinping, Mar 2013",
        ),
        (KREMLIN | {"published": "2013", "title": ""}, "President of Russia, 2013"),
        (
            KREMLIN | {"language": "ru"},
            "President of Russia — Talks with Xi Jinping, 22 Mar 2013 (in Russian)",
        ),
        (
            KREMLIN | {"language": "kk", "published": ""},
            "President of Russia — Talks with Xi Jinping (in kk)",
        ),
        (KREMLIN | {"publisher": ""}, "en.kremlin.ru — Talks with Xi Jinping, 22 Mar 2013"),
        (None, "en.kremlin.ru"),
    ],
)
def test_citation_text(meta, text):
    assert citation_text(KREMLIN["url"], meta) == text


@pytest.mark.parametrize(
    ("published", "label"), [("2023-03-20", "20 Mar 2023"), ("2023-03", "Mar 2023"), ("", "")]
)
def test_published_label(published, label):
    assert published_label(published) == label


def test_a_url_without_a_row_is_cited_by_its_domain():
    [known, unknown] = cite(
        [KREMLIN["url"], "https://www.xinhuanet.com/x"], {KREMLIN["url"]: KREMLIN}
    )
    assert (known.kind, known.archived_url) == ("official", KREMLIN["archived_url"])
    assert (unknown.text, unknown.kind, unknown.archived_url) == ("xinhuanet.com", "", "")


@pytest.fixture
def sourced(make_dataset):
    """Return the tiny dataset with sources.csv and a signing row linked to its visit."""
    return build_record(load_dataset(make_dataset(events=[*EVENTS, SIGNING], sources=SOURCES)))


def test_details_show_citations_and_both_ends_of_part_of(sourced):
    visit, signing = event_detail(sourced, VISIT["id"]), event_detail(sourced, SIGNING["id"])
    assert [c.text for c in visit.citations] == [
        "President of Russia — Talks with Xi Jinping, 22 Mar 2013"
    ]
    assert [(r.id, r.when) for r in visit.signed] == [(SIGNING["id"], "23 Mar 2013")]
    assert visit.part_of == visit.during == ()
    assert [(r.id, r.title, r.when) for r in signing.part_of] == [
        (VISIT["id"], VISIT["title"], "22–24 Mar 2013")
    ]
    assert signing.signed == ()


def test_cited_records_list_each_page_once_with_the_events_citing_it(sourced):
    records = cited_records(sourced.events, lookup(sourced.sources))
    assert len(records) == len(SOURCES)
    kremlin = next(r for r in records if r["url"] == KREMLIN["url"])
    assert kremlin["cited_by"] == [VISIT["id"], SIGNING["id"]]
    assert kremlin["citation"] == "President of Russia — Talks with Xi Jinping, 22 Mar 2013"
    assert kremlin["kind"] == "official" and kremlin["publisher"] == "President of Russia"


def _export(record, fmt: str, query: str = "?leader=Xi+Jinping") -> bytes:
    view = open_view(record, vocabulary(record), query)
    return export_view(record, view, fmt, url=f"http://x/{query}").body


def test_json_export_carries_the_cited_pages(sourced):
    doc = json.loads(_export(sourced, "json"))
    cited = {u for e in doc["events"] for u in e["sources"]}
    assert {s["url"] for s in doc["sources"]} == cited
    kremlin = next(s for s in doc["sources"] if s["url"] == KREMLIN["url"])
    assert {k: kremlin[k] for k in KREMLIN} == KREMLIN


def test_xlsx_export_has_a_sources_sheet(sourced):
    book = openpyxl.load_workbook(io.BytesIO(_export(sourced, "xlsx")))
    rows = list(book["Sources"].values)
    assert rows[0][:3] == ("citation", "url", "title")
    by_url = {r[1]: r for r in rows[1:]}
    assert by_url[KREMLIN["url"]][0].startswith("President of Russia — Talks with Xi Jinping")
    assert by_url[KREMLIN["url"]][-1] == f"{VISIT['id']};{SIGNING['id']}"


def test_bibtex_and_ris_list_each_cited_page_with_its_kind_in_a_note(sourced):
    entries = bibtexparser.loads(_export(sourced, "bib").decode()).entries
    pages = [e for e in entries if e["ID"].startswith("src-")]
    kremlin = next(e for e in pages if e["url"] == KREMLIN["url"])
    assert kremlin["title"] == "Talks with Xi Jinping" and kremlin["date"] == "2013-03-22"
    assert kremlin["note"].startswith("Source kind: official. Cited by: ")
    records = rispy.loads(_export(sourced, "ris").decode())
    elec = [r for r in records if r["type_of_reference"] == "ELEC"]
    assert len(elec) == len(pages) == 4  # every page but the 1989 one, which no Xi event cites
    assert any("Archived copy: https://web.archive.org/" in n for r in elec for n in r["notes"])


def test_a_meeting_within_a_visit_is_not_called_a_signing(make_dataset):
    meeting = SIGNING | {"id": "2013-03-23-talks", "kind": "summit", "title": "Talks"}
    record = build_record(load_dataset(make_dataset(events=[*EVENTS, SIGNING, meeting])))
    visit = event_detail(record, VISIT["id"])
    assert [r.id for r in visit.signed] == [SIGNING["id"]]
    assert [r.id for r in visit.during] == [meeting["id"]]
