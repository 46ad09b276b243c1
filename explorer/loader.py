"""Load and validate the dataset: typed pandas frames, or every problem at once.

Each problem is one line, `data/events.csv:42: start_date: '1989-13-01': not a date (YYYY-MM-DD)`.
Rows are read with the csv module so that line numbers stay exact even for quoted newlines.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from explorer import provenance, rules
from explorer.schema import (
    DEFAULT_DATA_DIR,
    OPTIONAL_RESOURCES,
    RESOURCES,
    Field,
    dataset_version,
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


@dataclass(frozen=True)
class Row:
    """One parsed CSV row: where it starts in the file and its typed values."""

    line: int
    values: dict


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_raw(path: Path) -> tuple[list[str], list[tuple[int, list[str]]], list[str]]:
    """Return the header, (line, cells) per record, and problems reading the file itself."""
    where = _display(path)
    if not path.is_file():
        return [], [], [f"{where}: file not found"]
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
            records.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        return [], [], [f"{where}:{start}: malformed CSV: {exc}"]
    records = [(n, cells) for n, cells in records if any(c.strip() for c in cells)]
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


def parse_resource(path: Path, name: str) -> tuple[list[Row], list[str]]:
    """Return the typed rows of one CSV file and the problems found cell by cell."""
    where = _display(path)
    res = resource(name)
    header, records, problems = read_raw(path)
    if problems:
        return [], problems
    problems = _check_header(where, header, res.columns)
    if problems:
        return [], problems
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


def _frame(name: str, rows: list[Row]) -> pd.DataFrame:
    res = resource(name)
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


def _version(data_dir: Path) -> str:
    digest = hashlib.sha256()
    for name in (*RESOURCES, *OPTIONAL_RESOURCES):
        path = data_dir / resource(name).path
        if path.is_file():
            digest.update(path.read_bytes())
    return f"{dataset_version()}+{digest.hexdigest()[:8]}"


def load_dataset(data_dir: Path | str = DEFAULT_DATA_DIR) -> Dataset:
    """Return the validated dataset in `data_dir`, or raise DataError listing every problem."""
    data_dir = Path(data_dir)
    parsed: dict[str, list[Row]] = {}
    problems: list[str] = []
    for name in RESOURCES:
        path = data_dir / resource(name).path
        parsed[name], found = parse_resource(path, name)
        problems += found
    # Cross-file checks run even when cells failed, so one run reports everything it can.
    where = {n: _display(data_dir / resource(n).path) for n in RESOURCES}
    problems += rules.cross_checks(parsed, where)
    sources, sourcing, warnings = _sourcing(data_dir, parsed["events"], where["events"])
    problems += sourcing
    if problems:
        raise DataError(problems)
    events = _frame("events", parsed["events"]).sort_values(["start_date", "id"], kind="stable")
    return Dataset(
        events=events.reset_index(drop=True),
        leaders=_frame("leaders", parsed["leaders"]),
        eras=_frame("eras", parsed["eras"]).sort_values("start").reset_index(drop=True),
        version=_version(data_dir),
        sources=_frame("sources", sources or []),
        warnings=tuple(warnings),
    )


def _sourcing(data_dir: Path, events: list[Row], events_where: str) -> tuple:
    """Return sources.csv's rows (None if absent), the errors and the warnings about sourcing."""
    path = data_dir / resource("sources").path
    sources, problems = parse_resource(path, "sources") if path.is_file() else (None, [])
    where = {"sources": _display(path), "mirrors": _display(data_dir / provenance.MIRRORS_FILE)}
    mirrors, found = provenance.read_mirrors(data_dir / provenance.MIRRORS_FILE, where["mirrors"])
    ctx = provenance.context(sources, mirrors, where)
    problems += found + provenance.check(events, sources, ctx, events_where)
    return sources, problems, provenance.warnings(events, sources, ctx, events_where)
