"""The dataset's schema, read from data/datapackage.json: the single source of truth.

Column names, types, vocabularies and docs all come from the Frictionless data package;
nothing else in the code base spells a column's rules out again. A dataset folder given with
`--data` may carry its own datapackage.json (same columns); the loader validates it by that one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from explorer.paths import DATA_DIR, schema_file

DEFAULT_DATA_DIR = DATA_DIR
PACKAGE_FILE = schema_file()
RESOURCES = ("events", "leaders", "eras")
# Resources a dataset may omit: without sources.csv, citations fall back to the URL's domain
# and `validate --strict` fails (source kinds unknown).
OPTIONAL_RESOURCES = ("sources",)
# Rules Frictionless cannot express (an enum over list items) live under this custom key.
ITEM_ENUM = "x-itemEnum"


@dataclass(frozen=True)
class Field:
    """One column of one resource, as the data package declares it."""

    name: str
    type: str
    description: str
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    delimiter: str = ";"
    is_url: bool = False


@dataclass(frozen=True)
class Resource:
    """A CSV file of the dataset and its fields in order."""

    name: str
    path: str
    fields: tuple[Field, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        """Return the column names in schema order."""
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field:
        """Return the field called `name`."""
        return next(f for f in self.fields if f.name == name)


def _field(spec: dict) -> Field:
    c = spec.get("constraints", {})
    return Field(
        name=spec["name"],
        type=spec["type"],
        description=spec["description"],
        required=bool(c.get("required", False)),
        unique=bool(c.get("unique", False)),
        enum=tuple(c.get("enum", spec.get(ITEM_ENUM, ()))),
        pattern=c.get("pattern"),
        max_length=c.get("maxLength"),
        minimum=c.get("minimum"),
        maximum=c.get("maximum"),
        delimiter=spec.get("delimiter", ";"),
        is_url=spec.get("format") == "uri",
    )


def _stamp(path: Path) -> tuple[Path, int, int]:
    # Read once per version of the file: a dataset folder's own descriptor may be rewritten.
    stat = Path(path).stat()
    return Path(path), stat.st_mtime_ns, stat.st_size


@cache
def _package(stamp: tuple[Path, int, int]) -> dict:
    return json.loads(stamp[0].read_text(encoding="utf-8"))


@cache
def _resource(name: str, stamp: tuple[Path, int, int]) -> Resource:
    spec = next(r for r in _package(stamp)["resources"] if r["name"] == name)
    return Resource(spec["name"], spec["path"], tuple(_field(f) for f in spec["schema"]["fields"]))


def package(path: Path = PACKAGE_FILE) -> dict:
    """Return the parsed data package descriptor at `path` (default: the shipped one)."""
    return _package(_stamp(path))


def resource(name: str, path: Path = PACKAGE_FILE) -> Resource:
    """Return the resource `name` (events, leaders, eras or sources) with its fields."""
    return _resource(name, _stamp(path))


def list_columns(name: str) -> tuple[str, ...]:
    """Return the names of the `;`-separated list columns of resource `name`."""
    return tuple(f.name for f in resource(name).fields if f.type == "list")


def dataset_version(path: Path = PACKAGE_FILE) -> str:
    """Return the data package's declared version."""
    return package(path)["version"]
