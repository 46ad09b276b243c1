"""Load and validate the dataset: typed pandas frames, or every problem at once.

Each problem is one line, `data/events.csv:42: start_date: '1989-13-01': not a date (YYYY-MM-DD)`.
Rows are read with the csv module so that line numbers stay exact even for quoted newlines.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from explorer import provenance, rules
from explorer.paths import schema_file
from explorer.schema import (
    DEFAULT_DATA_DIR,
    OPTIONAL_RESOURCES,
    PACKAGE_FILE,
    RESOURCES,
    Field,
    dataset_version,
    package,
    resource,
)


class DataError(Exception):
    """The dataset cannot be loaded; `problems` lists every reason, one line each."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Dataset:
    """The typed tables, the dataset's version string and its sourcing warnings."""

    events: pd.DataFrame
    leaders: pd.DataFrame
    eras: pd.DataFrame
    version: str
    sources: pd.DataFrame = dataclasses.field(default_factory=lambda: _frame("sources", []))
    warnings: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    """One parsed CSV row: where it starts in the file and its typed values."""

    line: int
    values: dict


def _display(path: Path) -> str:
    # abspath, not resolve: a name is shown as given, and a symlink loop cannot raise here.
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _unreadable(path: Path) -> str | None:
    """Return why `path` is not a regular file to read (a symlink is followed, a loop is not)."""
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return "file not found" + (" (a broken symlink)" if path.is_symlink() else "")
    except (OSError, RuntimeError):  # Python 3.11 raises RuntimeError on a symlink loop
        return "cannot be read: a symlink loop"
    if not target.is_file():
        return "not a regular file"
    return None


def read_raw(path: Path) -> tuple[list[str], list[tuple[int, list[str]]], list[str]]:
    """Return the header, (line, cells) per record, and problems reading the file itself."""
    where = _display(path)
    problem = _unreadable(path)
    if problem:
        return [], [], [f"{where}: {problem}"]
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [], [], [f"{where}:{line}: not UTF-8 text (byte {data[exc.start]:#04x})"]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):  # blank lines are skipped as they are read
                records.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        return [], [], [f"{where}:{start}: malformed CSV: {exc}"]
    if not records:
        return [], [], [f"{where}: empty file: expected a header row"]
    (_, header), rows = records[0], records[1:]
    return [h.strip() for h in header], rows, []


def _check_header(where: str, header: list[str], columns: tuple[str, ...]) -> list[str]:
    missing = [c for c in columns if c not in header]
    extra = [h for h in header if h not in columns]
    dupes = sorted({h for h in header if header.count(h) > 1})
    problems = [f"{where}:1: missing column '{c}'" for c in missing]
    problems += [f"{where}:1: unknown column '{h}'" for h in extra]
    problems += [f"{where}:1: column '{h}' appears more than once" for h in dupes]
    return problems


def _parse_cell(field: Field, raw: str) -> tuple[object, str | None]:
    """Return (value, problem) for one cell, checking the field's declared constraints."""
    text = raw.strip()
    if not text:
        return (() if field.type == "list" else None), (
            "required value is empty" if field.required else None
        )
    try:
        value = rules.PARSERS[field.type](text, field)
    except ValueError as exc:
        return None, f"{raw!r}: {exc}"
    for check in rules.CELL_CHECKS:
        problem = check(field, value)
        if problem:
            return value, problem
    return value, None


def parse_resource(
    path: Path, name: str, schema: Path = PACKAGE_FILE
) -> tuple[list[Row], list[str]]:
    """Return the typed rows of one CSV file and the problems found cell by cell."""
    where = _display(path)
    res = resource(name, schema)
    header, records, problems = read_raw(path)
    if problems:
        return [], problems
    problems = _check_header(where, header, res.columns)
    if problems:
        return [], problems
    if not records:  # the explorer has nothing to show, so validate says so too
        return [], [f"{where}: no rows after the header (at least one is required)"]
    rows: list[Row] = []
    seen: dict[str, dict[object, int]] = {f.name: {} for f in res.fields if f.unique}
    for line, cells in records:
        if len(cells) != len(header):
            problems.append(f"{where}:{line}: expected {len(header)} cells, found {len(cells)}")
            continue
        raw = dict(zip(header, cells, strict=True))
        values = {}
        for field in res.fields:
            value, problem = _parse_cell(field, raw[field.name])
            values[field.name] = value
            if problem:
                problems.append(f"{where}:{line}: {field.name}: {problem}")
            if field.name in seen and value is not None:
                first = seen[field.name].setdefault(value, line)
                if first != line:
                    problems.append(
                        f"{where}:{line}: {field.name}: {value!r}: duplicate of line {first}"
                    )
        rows.append(Row(line, values))
    return rows, problems


def _frame(name: str, rows: list[Row], schema: Path) -> pd.DataFrame:
    res = resource(name, schema)
    frame = pd.DataFrame([r.values for r in rows], columns=list(res.columns))
    for field in res.fields:
        if field.type == "date":
            frame[field.name] = pd.to_datetime(frame[field.name])
        elif field.type == "number":
            frame[field.name] = pd.to_numeric(frame[field.name]).astype("float64")
        elif field.type == "boolean":
            frame[field.name] = frame[field.name].astype(bool)
        elif field.type == "string":
            frame[field.name] = frame[field.name].fillna("").astype(str)
    return frame


def _version(data_dir: Path, schema: Path) -> str:
    digest = hashlib.sha256()
    for name in (*RESOURCES, *OPTIONAL_RESOURCES):
        path = data_dir / resource(name, schema).path
        if _unreadable(path) is None:
            digest.update(path.read_bytes())
    return f"{dataset_version(schema)}+{digest.hexdigest()[:8]}"


def _schemas(package: object) -> object:
    resources = package.get("resources") if isinstance(package, dict) else None
    if not isinstance(resources, list) or not all(isinstance(r, dict) for r in resources):
        return None
    # Its rules may differ (a narrower vocabulary, say); its files and columns may not.
    return [(r.get("name"), r.get("path"), _field_names(r.get("schema"))) for r in resources]


def _field_names(schema: object) -> object:
    fields = schema.get("fields") if isinstance(schema, dict) else None
    if not isinstance(fields, list):
        return None
    return [f.get("name") if isinstance(f, dict) else None for f in fields]


def own_package_problems(data_dir: Path) -> list[str]:
    """Return why a data folder's own datapackage.json cannot be used (none when it declares
    the same files and columns as the explorer's, or when there is none)."""
    path = data_dir / PACKAGE_FILE.name
    if not path.exists() or os.path.realpath(path) == os.path.realpath(PACKAGE_FILE):
        return []
    where = _display(path)
    try:
        theirs = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, RuntimeError, UnicodeDecodeError, ValueError) as exc:
        return [f"{where}: cannot be read as JSON ({exc})"]
    if _schemas(theirs) != _schemas(package()):
        return [
            f"{where}: declares other resources or columns than the explorer's"
            f" {_display(PACKAGE_FILE)}; the explorer validates and shows only that schema."
            " Remove this file or make its resources match."
        ]
    return []


def load_dataset(data_dir: Path | str = DEFAULT_DATA_DIR) -> Dataset:
    """Return the validated dataset in `data_dir`, or raise DataError listing every problem."""
    data_dir = Path(data_dir)
    problems: list[str] = own_package_problems(data_dir)
    if problems:  # a folder's own package that does not match is refused before it is read
        raise DataError(problems)
    schema = schema_file(data_dir)  # the folder's own datapackage.json, else the shipped one
    parsed: dict[str, list[Row]] = {}
    for name in RESOURCES:
        path = data_dir / resource(name, schema).path
        parsed[name], found = parse_resource(path, name, schema)
        problems += found
    # Cross-file checks run even when cells failed, so one run reports everything it can.
    where = {n: _display(data_dir / resource(n, schema).path) for n in RESOURCES}
    problems += rules.cross_checks(parsed, where)
    sources, sourcing, warnings, notices = _sourcing(
        data_dir, parsed["events"], where["events"], schema
    )
    problems += sourcing
    if problems:
        raise DataError(problems)
    events = _frame("events", parsed["events"], schema).sort_values(
        ["start_date", "id"], kind="stable"
    )
    return Dataset(
        events=events.reset_index(drop=True),
        leaders=_frame("leaders", parsed["leaders"], schema),
        eras=_frame("eras", parsed["eras"], schema).sort_values("start").reset_index(drop=True),
        version=_version(data_dir, schema),
        sources=_frame("sources", sources or [], schema),
        warnings=tuple(warnings),
        notices=tuple(notices),
    )


def _sourcing(data_dir: Path, events: list[Row], events_where: str, schema: Path) -> tuple:
    """Return sources.csv's rows (None if absent), and the errors, warnings and notices about
    sourcing."""
    path = data_dir / resource("sources", schema).path
    sources, problems = parse_resource(path, "sources", schema) if path.is_file() else (None, [])
    where = {"sources": _display(path), "mirrors": _display(data_dir / provenance.MIRRORS_FILE)}
    mirrors, found = provenance.read_mirrors(data_dir / provenance.MIRRORS_FILE, where["mirrors"])
    ctx = provenance.context(sources, mirrors, where)
    problems += found + provenance.check(events, sources, ctx, events_where)
    warnings = provenance.warnings(events, sources, ctx, events_where)
    return sources, problems, warnings, provenance.notices(events, ctx, events_where)
