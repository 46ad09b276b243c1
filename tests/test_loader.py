"""Every validation rule: one bad row in, the exact message out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.loader import DataError, load_dataset
from explorer.paths import schema_file
from explorer.schema import dataset_version, resource
from tests.conftest import ERAS, EVENT, EVENTS, LEADERS

# (what changes in the first event row, the message after "<path>/events.csv:2: ")
EVENT_CASES = [
    ({"start_date": "1989-13-01"}, "start_date: '1989-13-01': not a date (YYYY-MM-DD)"),
    ({"start_date": "16/05/1989"}, "start_date: '16/05/1989': not a date (YYYY-MM-DD)"),
    ({"start_date": ""}, "start_date: required value is empty"),
    ({"title": ""}, "title: required value is empty"),
    ({"end_date": "1989-05-15"}, "end_date: '1989-05-15': before start_date '1989-05-16'"),
    ({"date_precision": "week"}, "date_precision: 'week': not one of: day, month, year"),
    (
        {"date_precision": "month"},
        "start_date: '1989-05-16': a month-precise date must use the 1st of the month",
    ),
    (
        {"kind": "lunch"},
        "kind: 'lunch': not one of: visit, summit, treaty, declaration, multilateral, call",
    ),
    ({"tags": "normalisation;gossip"}, "tags: 'gossip': not one of: "),
    (
        {"tags": "normalisation;;energy"},
        "tags: 'normalisation;;energy': empty item in a ';'-separated list",
    ),
    ({"id": "Deng Gorbachev"}, "id: 'Deng Gorbachev': does not match the pattern "),
    ({"in_abstract": "yes"}, "in_abstract: 'yes': not true or false"),
    ({"latitude": "95"}, "latitude: '95.0': out of range -90 to 90"),
    ({"longitude": "east"}, "longitude: 'east': not a number"),
    ({"sources": "javascript:alert(1)"}, "sources: 'javascript:alert(1)': not an http(s) URL"),
    ({"sources": "data:text/html,hi"}, "sources: 'data:text/html,hi': not an http(s) URL"),
    ({"sources": "/relative/page"}, "sources: '/relative/page': not an http(s) URL"),
    (
        {"summary": "Met <script>alert(1)</script>"},
        "summary: 'Met <script>alert(1)</script>': contains HTML markup "
        "(text fields are plain text)",
    ),
    (
        {"title": "<img src=x onerror=alert(1)>"},
        "title: '<img src=x onerror=alert(1)>': contains HTML markup (text fields are plain text)",
    ),
    ({"city": ""}, "city: required value is empty (host is 'China')"),
    ({"host": "virtual"}, "city: 'Beijing': must be empty for a virtual event"),
    ({"kind": "call"}, "host: 'China': a call's host must be 'virtual'"),
    ({"china_leaders": "Deng Xiaopin"}, "china_leaders: 'Deng Xiaopin': not a name in leaders.csv"),
    (
        {"china_leaders": "Mikhail Gorbachev"},
        "china_leaders: 'Mikhail Gorbachev': is on the USSR side in leaders.csv",
    ),
    (
        {"start_date": "1990-01-01"},
        "china_leaders: 'Deng Xiaoping': held no office listed in leaders.csv on 1990-01-01 "
        "(offices: Chairman of the Central Military Commission 1981-06-29 to 1989-11-09)",
    ),
]


def problems_for(make_dataset, **files) -> list[str]:
    with pytest.raises(DataError) as err:
        load_dataset(make_dataset(**files))
    return err.value.problems


def test_the_tiny_dataset_is_valid(make_dataset):
    data = load_dataset(make_dataset())
    assert len(data.events) == len(EVENTS)
    assert data.events["start_date"].dtype.kind == "M"
    assert data.events.loc[0, "tags"] == ("normalisation",)


@pytest.mark.parametrize(("change", "message"), EVENT_CASES)
def test_each_event_rule_names_file_line_field_and_reason(make_dataset, change, message):
    problems = problems_for(make_dataset, events=[EVENT | change, *EVENTS[1:]])
    path = make_dataset() / "events.csv"
    assert any(p.startswith(f"{path}:2: {message}") for p in problems), problems


def test_duplicate_ids_name_the_first_line(make_dataset):
    problems = problems_for(make_dataset, events=[EVENT, EVENT])
    assert problems == [
        f"{make_dataset() / 'events.csv'}:3: id: '{EVENT['id']}': duplicate of line 2"
    ]


def test_an_anachronism_names_person_date_and_offices(make_dataset):
    # Putin was Prime Minister, not President, in 2010: the fixture lists only his presidencies.
    row = EVENTS[1] | {"id": "2010-03-23-xi-putin", "start_date": "2010-03-23", "end_date": ""}
    problems = problems_for(make_dataset, events=[row])
    assert len(problems) == 2  # Xi too: the fixture lists him as President from 2013 only
    assert problems[1].endswith(
        "russia_leaders: 'Vladimir Putin': held no office listed in leaders.csv on 2010-03-23 "
        "(offices: President of Russia 2000-05-07 to 2008-05-07; President of Russia 2012-05-07 "
        "to present)"
    )


def test_every_problem_is_reported_at_once(make_dataset):
    bad = [EVENT | {"start_date": "x", "kind": "y"}, EVENTS[1] | {"sources": "ftp://a"}]
    problems = problems_for(make_dataset, events=bad)
    assert len(problems) == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", ": empty file: expected a header row"),
        (b"\xff\xfeid\n", ":1: not UTF-8 text (byte 0xff)"),
        (b"id,title\nx,y\n", ":1: missing column 'start_date'"),
        (b'id,"title\n', ":1: malformed CSV"),
    ],
)
def test_unreadable_files_are_named(make_dataset, content, message):
    folder = make_dataset()
    (folder / "events.csv").write_bytes(content)
    with pytest.raises(DataError) as err:
        load_dataset(folder)
    assert err.value.problems[0].startswith(f"{folder / 'events.csv'}{message}"), err.value.problems


def test_extra_and_short_rows_are_refused_not_dropped(make_dataset):
    folder = make_dataset()
    path = folder / "events.csv"
    path.write_text(path.read_text(encoding="utf-8") + "only,three,cells\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_dataset(folder)
    cells = len(resource("events").columns)
    assert err.value.problems == [f"{path}:{len(EVENTS) + 2}: expected {cells} cells, found 3"]


def test_bom_and_crlf_are_accepted(make_dataset):
    folder = make_dataset()
    path = folder / "events.csv"
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert len(load_dataset(folder).events) == len(EVENTS)


@pytest.mark.parametrize(
    ("leaders", "eras", "message"),
    [
        (
            [LEADERS[0] | {"office_end": "1980-01-01"}, *LEADERS[1:]],
            ERAS,
            "leaders.csv:2: office_end: '1980-01-01': before office_start '1981-06-29'",
        ),
        (
            [LEADERS[0] | {"side": "Mongolia"}, *LEADERS[1:]],
            ERAS,
            "leaders.csv:2: side: 'Mongolia': not one of: China, USSR, Russia",
        ),
        (
            LEADERS,
            [ERAS[0] | {"end": "2005-01-01"}, ERAS[1]],
            "eras.csv:3: start: '2001-07-16': overlaps era 'Normalisation' (line 2)",
        ),
        (
            LEADERS,
            [ERAS[0], ERAS[1] | {"source": "not a url"}],
            "eras.csv:3: source: 'not a url': not an http(s) URL",
        ),
    ],
)
def test_leader_and_era_rules(make_dataset, leaders, eras, message):
    problems = problems_for(make_dataset, leaders=leaders, eras=eras)
    assert any(p.endswith(message) for p in problems), problems


def _own_package(folder: Path, **changes) -> Path:
    package = json.loads(schema_file().read_text(encoding="utf-8")) | changes
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    return folder


def test_a_folder_without_its_own_schema_uses_the_shipped_one(make_dataset):
    assert load_dataset(make_dataset()).version.startswith(f"{dataset_version()}+")


def test_a_folder_with_its_own_datapackage_is_read_by_it(make_dataset):
    folder = _own_package(make_dataset(), version="9.9.9")
    assert load_dataset(folder).version.startswith("9.9.9+")
    # Its rules apply too: a narrower vocabulary of kinds rejects a shipped one.
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    events = next(r for r in package["resources"] if r["name"] == "events")
    kind = next(f for f in events["schema"]["fields"] if f["name"] == "kind")
    kind["constraints"]["enum"] = [k for k in kind["constraints"]["enum"] if k != "summit"]
    _own_package(folder, resources=package["resources"])
    with pytest.raises(DataError) as exc:
        load_dataset(folder)
    assert any("kind: 'summit': not one of" in p for p in exc.value.problems)
