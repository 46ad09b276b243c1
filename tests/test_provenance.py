"""Sourcing rules: sources.csv against the events, mirror domains, reference-only rows, part_of."""

from __future__ import annotations

import pytest

from explorer.cli import main
from explorer.loader import DataError, load_dataset
from explorer.provenance import NO_STRONG_NOTE, domain, mirror_of, read_mirrors
from tests.conftest import EVENT, EVENTS, SOURCES

VISIT = EVENTS[1]  # 2013-03-22-xi-putin-moscow, 22-24 Mar 2013
SIGNING = VISIT | {
    "id": "2013-03-23-joint-statement",
    "start_date": "2013-03-23",
    "end_date": "",
    "title": "Joint statement",
    "kind": "declaration",
    "in_abstract": "false",
    "part_of": VISIT["id"],
}


@pytest.mark.parametrize(
    ("url", "want"),
    [
        ("https://www.fmprc.gov.cn/eng/x.html", "fmprc.gov.cn"),
        ("http://en.kremlin.ru/events/1", "en.kremlin.ru"),
        ("https://hotbot.com./answers/where-is-auckland", "hotbot.com"),
        ("https://EXAMPLE.org:8080/a", "example.org"),
        ("http://[oops", ""),
    ],
)
def test_domain(url, want):
    assert domain(url) == want


@pytest.mark.parametrize(
    ("url", "listed"),
    [
        ("https://wikimili.com/en/Antalya", "wikimili.com"),
        ("https://en.wikimili.com/x", "wikimili.com"),
        ("https://hotbot.com./answers/x", "hotbot.com"),
        ("https://notwikimili.com/x", None),
        ("https://wikimili.com.example.org/x", None),
    ],
)
def test_mirror_of_matches_the_domain_and_its_subdomains(url, listed):
    assert mirror_of(url, frozenset({"wikimili.com", "hotbot.com"})) == listed


def test_mirror_list_skips_comments_and_names_bad_lines(tmp_path):
    path = tmp_path / "mirrors.txt"
    path.write_text("# copies\nWikiMili.com\n\nhotbot.com.  # trailing dot\nnot a domain\n")
    assert read_mirrors(path, "m.txt") == (
        frozenset({"wikimili.com", "hotbot.com"}),
        ["m.txt:5: 'not a domain': not a domain name"],
    )
    assert read_mirrors(tmp_path / "absent.txt", "x") == (frozenset(), [])


def test_a_sourced_dataset_loads_without_warnings(make_dataset):
    data = load_dataset(make_dataset(sources=SOURCES, mirrors=["wikimili.com"]))
    assert data.warnings == ()
    assert list(data.sources["url"]) == [s["url"] for s in SOURCES]


def test_without_sources_csv_the_only_warning_says_so(make_dataset):
    folder = make_dataset()
    assert load_dataset(folder).warnings == (
        f"{folder / 'sources.csv'}: file not found: source kinds unknown",
    )


def test_every_cited_url_needs_a_row_and_every_row_a_citation(make_dataset):
    extra = SOURCES[1] | {"url": "https://example.org/never-cited"}
    folder = make_dataset(sources=[*SOURCES[1:], extra])
    with pytest.raises(DataError) as err:
        load_dataset(folder)
    assert err.value.problems == [
        f"{folder / 'events.csv'}:3: sources: "
        f"'http://en.kremlin.ru/events/president/news/17689': no row in {folder / 'sources.csv'}",
        f"{folder / 'sources.csv'}:6: url: 'https://example.org/never-cited': cited by no event",
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "blog"}, "kind: 'blog': not one of: official, archival, scholarly, press"),
        ({"published": "20 March 2013"}, "published: '20 March 2013': does not match"),
        ({"language": "English"}, "language: 'English': does not match"),
        ({"archived_url": "web.archive.org/x"}, "archived_url: 'web.archive.org/x': not an http"),
        ({"publisher": ""}, "publisher: required value is empty"),
    ],
)
def test_bad_source_cells_are_named(make_dataset, change, message):
    folder = make_dataset(sources=[SOURCES[0] | change, *SOURCES[1:]])
    with pytest.raises(DataError) as err:
        load_dataset(folder)
    assert err.value.problems[0].startswith(f"{folder / 'sources.csv'}:2: {message}")


def _reference(url: str) -> dict:
    return next(s for s in SOURCES if s["url"] == url) | {"kind": "reference"}


@pytest.mark.parametrize(
    ("notes", "warned"), [("", True), (f"{NO_STRONG_NOTE.capitalize()} was found: 1950s.", False)]
)
def test_a_row_citing_only_reference_works_is_warned_unless_its_notes_say_why(
    make_dataset, notes, warned
):
    sources = [_reference(s["url"]) if s["url"] == EVENT["sources"] else s for s in SOURCES]
    events = [EVENT | {"notes": notes}, *EVENTS[1:]]
    folder = make_dataset(events=events, sources=sources)
    warnings = load_dataset(folder).warnings
    assert [w.split(": ", 2)[:2] for w in warnings] == (
        [[f"{folder / 'events.csv'}:2", "sources"]] if warned else []
    )
    assert all("every source is of kind reference" in w for w in warnings)


def test_rows_on_mirrors_alone_fail_strict_and_a_mirror_beside_others_is_a_notice(
    make_dataset, capsys
):
    events = [
        *EVENTS[:-1],
        EVENTS[-1] | {"sources": f"{EVENTS[-1]['sources']};{EVENTS[1]['sources']}"},
    ]
    folder = make_dataset(events=events, sources=SOURCES, mirrors=["example.org"])
    data = load_dataset(folder)
    alone = [e for e in events if all("example.org" in u for u in e["sources"].split(";"))]
    assert len(data.warnings) == len(alone) == len(events) - 2
    assert all("on a listed mirror" in w for w in data.warnings)
    assert len(data.notices) == len(events) - 1  # the one row citing only Kremlin has none
    assert all("a mirror listed in" in n for n in data.notices)
    assert main(["validate", str(folder)]) == 0
    assert main(["validate", "--strict", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "note: " in err and f"{len(alone)} sourcing warning(s); --strict fails." in err


def test_strict_passes_a_clean_dataset(make_dataset, capsys):
    assert main(["validate", "--strict", str(make_dataset(sources=SOURCES))]) == 0
    assert capsys.readouterr().err == ""


def test_a_signing_row_inside_its_visit_loads(make_dataset):
    events = load_dataset(make_dataset(events=[*EVENTS, SIGNING])).events
    assert events.set_index("id").loc[SIGNING["id"], "part_of"] == VISIT["id"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"part_of": "2013-03-21-no-such-visit"}, "part_of: '2013-03-21-no-such-visit': no event"),
        ({"part_of": EVENTS[4]["id"]}, f"part_of: '{EVENTS[4]['id']}': is a call, not one of"),
        (
            {"id": "2013-03-25-late", "start_date": "2013-03-25"},
            "start_date: '2013-03-25': outside the visit '2013-03-22-xi-putin-moscow'"
            " (2013-03-22 to 2013-03-24)",
        ),
        ({"part_of": SIGNING["id"]}, f"part_of: '{SIGNING['id']}': names the row itself"),
        ({"part_of": "Xi visit"}, "part_of: 'Xi visit': does not match the pattern"),
    ],
)
def test_a_bad_part_of_is_named(make_dataset, change, message):
    folder = make_dataset(events=[*EVENTS, SIGNING | change])
    with pytest.raises(DataError) as err:
        load_dataset(folder)
    problem = err.value.problems[0]  # a malformed id is also no event's id: reported twice
    assert problem.startswith(f"{folder / 'events.csv'}:{len(EVENTS) + 2}: {message}")
