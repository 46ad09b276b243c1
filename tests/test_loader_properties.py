"""Property tests: broken data files end in DataError, and no events row is dropped unnamed."""

from __future__ import annotations

import operator
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.loader import DataError, load_dataset
from explorer.schema import resource
from tests.conftest import ERAS, EVENTS, LEADERS, write_csv

COLUMNS = resource("events").columns
STRINGS = [f.name for f in resource("events").fields if f.type == "string"]
LINE_BREAK = re.compile(r"\r\n|\r|\n")  # how the loader counts lines: Python's universal newlines
LOCATED = re.compile(r":(\d+): ")
# Problems with the file as a whole: its rows are not checked one by one.
NO_ROWS = ": no rows after the header (at least one is required)"
FILE_PROBLEM = re.compile(
    r": (file not found|empty file|no rows after the header)"
    r"|:\d+: (not UTF-8 text|malformed CSV)"
    r"|:1: (missing column|unknown column|column '.*' appears more than once)"
)

# Servers, subprocesses, wheels or many generated cases: in `make test`, not `make check`.
pytestmark = pytest.mark.integration
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])

TEXT = st.text(max_size=30)  # any unicode: quotes, commas, NUL, U+2028, a BOM...
TRICKY = st.text(alphabet='",;\n\r \t<&#x\x00\x85\u2028\ufeff', max_size=12)
DATES = st.one_of(
    st.sampled_from(
        [
            "1989-13-01",
            "1989-02-30",
            "0000-01-01",
            "16/05/1989",
            "1989-5-16",
            "19890516",
            "1989-05-16T10:00",
            " 1989-05-16 ",
            "١٩٨٩-٠٥-١٦",
            "+1989-05-16",
        ]
    ),
    st.dates().map(str),
    st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
)
HUGE = st.builds(operator.mul, st.sampled_from(["x", "é", '"', "\n", "字"]), st.just(100_000))
CELLS = st.one_of(TEXT, TRICKY, DATES, HUGE)


def fuzz(examples: int) -> settings:
    """Return hypothesis settings for `examples` runs: no deadline, no example database."""
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )


def quote(cell: str) -> str:
    """Return the cell quoted as RFC 4180 says (csv.writer leaves a lone CR unquoted)."""
    return f'"{cell.replace(chr(34), chr(34) * 2)}"' if re.search(r'[",\r\n]', cell) else cell


def render(records: list[list[str]], newline: str = "\n") -> tuple[str, list[int]]:
    """Return the records as CSV text and the line on which each record starts."""
    text, starts = "", []
    for cells in records:
        starts.append(len(LINE_BREAK.findall(text)) + 1)
        text += ",".join(map(quote, cells)) + newline
    return text, starts


def cells_of(rows: list[dict], header: Iterable[str] = COLUMNS) -> list[list[str]]:
    """Return the header and each row's cells in the header's order."""
    header = list(header)
    return [header, *([row.get(h.strip(), "extra") for h in header] for row in rows)]


def is_date(text: str, required: bool) -> bool:
    """Return whether a date cell is valid: an ASCII ISO date, or empty when optional."""
    text = text.strip()
    if not text:
        return not required
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


@contextmanager
def dataset(
    events: bytes | list[dict] = EVENTS, leaders: list[dict] = LEADERS, eras: list[dict] = ERAS
) -> Iterator[Path]:
    """Yield a fresh data folder: events.csv as raw bytes or rows, the fixture tables else."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if isinstance(events, bytes):
            (folder / "events.csv").write_bytes(events)
        else:
            write_csv(folder / "events.csv", "events", events)
        write_csv(folder / "leaders.csv", "leaders", leaders)
        write_csv(folder / "eras.csv", "eras", eras)
        yield folder


def load(folder: Path) -> tuple[pd.DataFrame | None, list[str]]:
    """Return the events frame, or None and the problems; any other exception fails the test."""
    try:
        return load_dataset(folder).events, []
    except DataError as err:
        assert err.problems, "DataError without problems"
        return None, err.problems


def assert_intact(
    frame: pd.DataFrame, header: list[str], rows: list[list[str]], texts: bool = True
) -> None:
    """Assert the frame holds exactly these rows' ids and, if `texts`, their text cells."""
    names = [h.strip() for h in header]
    by_id = {cells[names.index("id")].strip(): cells for cells in rows}
    assert sorted(frame["id"]) == sorted(by_id)
    for record in frame.to_dict("records") if texts else ():
        cells = by_id[record["id"]]
        assert {f: record[f] for f in STRINGS} == {
            f: cells[names.index(f)].strip() for f in STRINGS
        }


def assert_loaded_or_named(
    folder: Path, records: list[list[str]], starts: list[int], texts: bool = True
) -> None:
    """Assert every data row of events.csv is loaded, or named at its first line, or the file is."""
    path = str(folder / "events.csv")
    pairs = zip(starts, records, strict=True)
    body = [(line, cells) for line, cells in pairs if any(c.strip() for c in cells)]
    frame, problems = load(folder)
    if frame is not None:
        (_, header), rows = body[0], [cells for _, cells in body[1:]]
        assert_intact(frame, header, rows, texts)
        return
    # leaders.csv and eras.csv are valid: every problem is about events.csv, with a location.
    assert all(p.startswith(f"{path}:") for p in problems), problems
    rest = [p.removeprefix(path) for p in problems]
    assert all(FILE_PROBLEM.match(p) or LOCATED.match(p) for p in rest), problems
    if any(FILE_PROBLEM.match(p) for p in rest):
        return
    (_, header), rows = body[0], body[1:]
    named = {int(m[1]) for p in rest if (m := LOCATED.match(p))}
    assert named <= {line for line, _ in rows}, f"a problem names no row's first line: {problems}"
    # The rows not named must load on their own, or the loader refused them without a word.
    survivors = [cells for line, cells in rows if line not in named]
    Path(path).write_text(render([header, *survivors])[0], encoding="utf-8")
    frame, problems = load(folder)
    if not survivors:  # a header alone is refused, as serving it would show nothing
        assert [p.removeprefix(path) for p in problems] == [NO_ROWS], problems
        return
    assert frame is not None, f"rows refused but not named: {problems}"
    assert_intact(frame, header, survivors)


@st.composite
def event_records(draw: st.DrawFn) -> list[str]:
    """Return the cells of one events.csv record: a fixture row, maybe broken, maybe mis-sized."""
    row = dict(draw(st.sampled_from(EVENTS)))
    columns = draw(st.one_of(st.sets(st.sampled_from(COLUMNS), max_size=3), st.just(COLUMNS)))
    for column in sorted(columns):
        row[column] = draw(CELLS)
    cells = [row[c] for c in COLUMNS] + draw(st.lists(TEXT, min_size=5, max_size=5))
    width = len(COLUMNS)
    return cells[: draw(st.sampled_from([width] * 4 + [0, 1, width - 1, width + 1, width + 5]))]


@fuzz(150)
@given(rows=st.lists(event_records(), max_size=6), newline=NEWLINES, bom=st.booleans())
def test_every_row_is_loaded_or_named_at_its_first_line(rows, newline, bom):
    """Bad dates, any text, huge or multi-line cells, duplicates, wrong widths, BOM, CRLF, CR."""
    records = [list(COLUMNS), *rows]
    text, starts = render(records, newline)
    with dataset(("\ufeff" if bom else "").encode() + text.encode()) as folder:
        assert_loaded_or_named(folder, records, starts)


@st.composite
def headers(draw: st.DrawFn) -> list[str]:
    """Return the events header reordered, maybe with columns dropped, added or repeated."""
    header = list(draw(st.permutations(COLUMNS)))
    if draw(st.booleans()):
        return header
    for column in draw(st.sets(st.sampled_from(COLUMNS), max_size=2)):
        header.remove(column)
    extras = st.sampled_from(["", "Id", "comment", " notes ", "id", "\ufeffid", "start_date "])
    for name in draw(st.lists(extras, max_size=2)):
        header.insert(draw(st.integers(0, len(header))), name)
    return header


@fuzz(60)
@given(
    header=headers(),
    rows=st.lists(st.sampled_from(EVENTS), min_size=1, max_size=4, unique_by=lambda r: r["id"]),
)
def test_missing_extra_or_reordered_columns_are_named_or_read(header, rows):
    """A reordered header loads every row; a missing, unknown or repeated column names the file."""
    records = cells_of(rows, header)
    text, starts = render(records)
    with dataset(text.encode()) as folder:
        assert_loaded_or_named(folder, records, starts)


@fuzz(40)
@given(
    encoding=st.sampled_from(
        ["latin-1", "cp1251", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig", "utf-8"]
    ),
    summary=TEXT,
    newline=NEWLINES,
)
def test_other_encodings_are_refused_whole_or_read(encoding, summary, newline):
    """latin-1, UTF-16 or UTF-32 bytes are refused as a file, or (when also UTF-8) read."""
    records = cells_of([EVENTS[0] | {"summary": summary}, *EVENTS[1:]])
    text, starts = render(records, newline)
    with dataset(text.encode(encoding, errors="replace")) as folder:
        # latin-1 bytes can be valid UTF-8 (mojibake): the ids are kept, the text may differ.
        assert_loaded_or_named(folder, records, starts, texts=False)


VALID = render(cells_of(EVENTS))[0].encode()


@fuzz(150)
@given(
    start=st.integers(0, len(VALID)),
    length=st.integers(0, 8),
    junk=st.one_of(st.binary(max_size=8), st.sampled_from([b'"', b",", b"\n", b"\r", b"\xff"])),
)
def test_corrupted_bytes_end_in_data_error_or_load(start, length, junk):
    """Bytes replaced anywhere in a valid events.csv never crash the loader."""
    data = VALID[:start] + junk + VALID[start + length :]
    with dataset(data) as folder:
        path = str(folder / "events.csv")
        _, problems = load(folder)
    rest = [p.removeprefix(path) for p in problems]
    assert all(p.startswith(path) for p in problems), problems
    assert all(FILE_PROBLEM.match(p) or LOCATED.match(p) for p in rest), problems


@fuzz(40)
@given(picks=st.lists(st.sampled_from(range(len(EVENTS))), min_size=1, max_size=8))
def test_every_repeated_id_is_named_with_its_first_line(picks):
    """Each repeat of an id is named at its own line, pointing back at the first."""
    records = cells_of([EVENTS[i] for i in picks])
    text, starts = render(records)
    first: dict[int, int] = {}
    repeats = []
    for i, line in zip(picks, starts[1:], strict=True):
        if first.setdefault(i, line) != line:
            repeats.append(f":{line}: id: '{EVENTS[i]['id']}': duplicate of line {first[i]}")
    with dataset(text.encode()) as folder:
        path = str(folder / "events.csv")
        frame, problems = load(folder)
    assert problems == [path + r for r in repeats]
    if not repeats:
        assert sorted(frame["id"]) == sorted(EVENTS[i]["id"] for i in picks)


@fuzz(60)
@given(
    office_ends=st.lists(st.one_of(st.just(""), DATES), min_size=5, max_size=5),
    era_dates=st.lists(st.one_of(st.just(""), DATES), min_size=4, max_size=4),
)
def test_bad_dates_in_leaders_and_eras_are_named(office_ends, era_dates):
    """Bad office_end, start or end dates are named at their line, never a crash."""
    leaders = [row | {"office_end": end} for row, end in zip(LEADERS, office_ends, strict=True)]
    starts, ends = era_dates[:2], era_dates[2:]
    eras = [row | {"start": s, "end": e} for row, s, e in zip(ERAS, starts, ends, strict=True)]
    with dataset(EVENTS, leaders, eras) as folder:
        where = {name: str(folder / f"{name}.csv") for name in ("events", "leaders", "eras")}
        _, problems = load(folder)
    bad = [
        (where["leaders"], line, "office_end")
        for line, row in enumerate(leaders, 2)
        if not is_date(row["office_end"], required=False)
    ]
    bad += [
        (where["eras"], line, column)
        for line, row in enumerate(eras, 2)
        for column, required in (("start", True), ("end", False))
        if not is_date(row[column], required)
    ]
    for path, line, column in bad:
        assert any(p.startswith(f"{path}:{line}: {column}: ") for p in problems), problems
    rows = {"events": EVENTS, "leaders": leaders, "eras": eras}
    for problem in problems:
        name, line = re.match(r".*/(\w+)\.csv:(\d+): ", problem).groups()
        assert 2 <= int(line) <= len(rows[name]) + 1, problem


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize(
    ("column", "text", "line"),
    [
        ("notes", "first\nsecond", 4),
        ("notes", "one\r\ntwo\r\nthree", 5),
        ("summary", 'He said "yes",\nthen "no".', 4),
        ("notes", "\n" * 5, 8),
    ],
)
def test_a_row_after_a_multiline_field_is_named_at_its_first_line(newline, column, text, line):
    """The row after a quoted multi-line field is named at its own first line."""
    records = cells_of([EVENTS[0] | {column: text}, EVENTS[1] | {"start_date": "2013-02-30"}])
    with dataset(render(records, newline)[0].encode()) as folder:
        path = folder / "events.csv"
        _, problems = load(folder)
    assert problems == [f"{path}:{line}: start_date: '2013-02-30': not a date (YYYY-MM-DD)"]


@pytest.mark.parametrize("name", ["events", "leaders", "eras"])
@pytest.mark.parametrize(
    "content", [b"", b"\n\n", b"\r\n", b"\xef\xbb\xbf", b"  \n\t\n", b",,,\n", b'""\n']
)
def test_an_empty_file_is_named(name, content):
    """A file with no header row is named as empty."""
    with dataset() as folder:
        path = folder / f"{name}.csv"
        path.write_bytes(content)
        _, problems = load(folder)
    assert f"{path}: empty file: expected a header row" in problems


def test_a_field_over_the_csv_size_limit_is_named_at_its_row():
    """A cell past the csv module's 128 KiB field limit is named, not dropped."""
    rows = [EVENTS[0], EVENTS[1] | {"notes": "x" * 200_000}]
    with dataset(render(cells_of(rows))[0].encode()) as folder:
        path = folder / "events.csv"
        _, problems = load(folder)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:3: malformed CSV: "), problems


@pytest.mark.parametrize("office_start", ["", "1981-13-01", "soon"])
def test_a_bad_office_start_is_named_not_a_crash(office_start):
    """A leader's bad office_start is named in leaders.csv, even when an event names the leader."""
    leaders = [LEADERS[0] | {"office_start": office_start}, *LEADERS[1:]]
    with dataset(EVENTS, leaders) as folder:
        path = folder / "leaders.csv"
        _, problems = load(folder)
    assert any(p.startswith(f"{path}:2: office_start: ") for p in problems), problems


@pytest.mark.parametrize(
    ("name", "column", "value"),
    [
        ("events", "sources", "http://[oops"),
        ("events", "sources", "https://example.org/a;https://exa]mple.org"),
        ("events", "sources", "http://a\uff03b@example.org"),
        ("leaders", "source", "https://[::1"),
        ("eras", "source", "//[x"),
    ],
)
def test_a_url_that_urlsplit_rejects_is_named_not_a_crash(name, column, value):
    """A URL cell that urlsplit cannot split is named as not an http(s) URL."""
    tables = {"events": EVENTS, "leaders": LEADERS, "eras": ERAS}
    tables[name] = [tables[name][0] | {column: value}, *tables[name][1:]]
    with dataset(**tables) as folder:
        path = folder / f"{name}.csv"
        _, problems = load(folder)
    assert any(p.startswith(f"{path}:2: {column}: ") for p in problems), problems
