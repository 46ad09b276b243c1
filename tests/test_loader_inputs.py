"""Validate and serve agree on every input: control characters, blank lines, a header alone,
symlinks and a data folder's own datapackage.json (issue 13, finding 'Low' 4 and 'Medium' 2-3).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.loader import DataError, load_dataset
from explorer.schema import PACKAGE_FILE, package
from tests.conftest import EVENT, EVENTS

CONTROLS = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x85)]


def problems(folder: Path) -> list[str]:
    with pytest.raises(DataError) as err:
        load_dataset(folder)
    return err.value.problems


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "explorer", *args], capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("char", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
@pytest.mark.parametrize("field", ["title", "summary", "notes"])
def test_a_control_character_in_text_is_named_at_its_cell(make_dataset, field, char):
    folder = make_dataset(events=[EVENT | {field: f"before{char}after"}])
    found = problems(folder)
    assert len(found) == 1, found
    assert f"events.csv:2: {field}: " in found[0]
    assert f"control character U+{ord(char):04X} at position 7" in found[0]


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a\r\nBEGIN:VEVENT",
        "https://example.org/\ta",
        "https://example.org/\x00",
        "https://exa\nmple.org/",
        "https://example.org/ a",
    ],
)
def test_a_url_with_a_control_character_or_space_is_refused(make_dataset, url):
    found = problems(make_dataset(events=[EVENT | {"sources": url}]))
    assert len(found) == 1 and "events.csv:2: sources: " in found[0], found


@pytest.mark.parametrize("field", ["title", "summary"])
def test_line_breaks_and_tabs_in_text_are_kept(make_dataset, field):
    text = "one\r\ntwo\rthree\nfour\tfive"
    data = load_dataset(make_dataset(events=[EVENT | {field: text}]))
    assert data.events.loc[0, field] == text


@pytest.mark.integration  # slow (subprocess, large figure or many files): make test
def test_a_header_alone_is_refused_by_validate_and_serve(make_dataset):
    folder = make_dataset(events=[])
    assert problems(folder) == [
        f"{folder / 'events.csv'}: no rows after the header (at least one is required)"
    ]
    for command in (["validate", str(folder)], ["serve", "--data", str(folder), "--port", "0"]):
        done = cli(*command)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert "no rows after the header" in done.stderr


def test_blank_lines_are_skipped_and_counted_lines_stay_exact(make_dataset):
    folder = make_dataset()
    path = folder / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    bad = EVENT | {"id": "2000-01-01-bad", "start_date": "2000-13-01"}
    path.write_text(lines[0] + "\n" * 100_000 + "".join(lines[1:]), encoding="utf-8")
    assert len(load_dataset(folder).events) == len(EVENTS)
    with path.open("a", encoding="utf-8") as f:
        f.write("\n" * 3 + ",".join(bad.values()) + "\n")
    line = 1 + 100_000 + len(EVENTS) + 3 + 1
    assert any(p.startswith(f"{path}:{line}: start_date") for p in problems(folder))


def test_a_file_of_blank_lines_is_an_empty_file(make_dataset):
    folder = make_dataset()
    (folder / "events.csv").write_text("\n" * 1_000_000, encoding="utf-8")
    assert problems(folder) == [f"{folder / 'events.csv'}: empty file: expected a header row"]


def test_a_symlink_is_followed_and_a_loop_is_named(make_dataset):
    folder = make_dataset()
    real = folder / "real-events.csv"
    (folder / "events.csv").rename(real)
    (folder / "events.csv").symlink_to(real)
    assert len(load_dataset(folder).events) == len(EVENTS)
    (folder / "events.csv").unlink()
    (folder / "events.csv").symlink_to(folder / "events.csv")
    assert problems(folder) == [f"{folder / 'events.csv'}: cannot be read: a symlink loop"]
    done = cli("validate", str(folder))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "symlink loop" in done.stderr


def test_a_device_is_not_a_regular_file(make_dataset):
    folder = make_dataset()
    (folder / "events.csv").unlink()
    (folder / "events.csv").symlink_to("/dev/zero")
    assert problems(folder) == [f"{folder / 'events.csv'}: not a regular file"]


def test_a_folders_own_datapackage_is_used_when_it_matches_and_refused_otherwise(make_dataset):
    folder = make_dataset()
    own = folder / "datapackage.json"
    own.write_text(PACKAGE_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    assert len(load_dataset(folder).events) == len(EVENTS)
    changed = json.loads(json.dumps(package()))
    changed["resources"][0]["schema"]["fields"][0]["name"] = "identifier"
    own.write_text(json.dumps(changed), encoding="utf-8")
    found = problems(folder)
    assert len(found) == 1 and found[0].startswith(f"{own}: declares other resources")
    own.write_text("{not json", encoding="utf-8")
    assert problems(folder)[0].startswith(f"{own}: cannot be read as JSON")
