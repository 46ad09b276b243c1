"""Where the shipped data and assets are: inside the installed package, or at the checkout's top.

A wheel carries `data/` and `assets/` as the package data `explorer/data` and `explorer/assets`
(pyproject.toml maps the top-level folders there). A checkout or an editable install has them
at the repository's top level, where the project keeps them.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = "datapackage.json"


def shipped(name: str) -> Path:
    """Return the folder `name` ('data' or 'assets') of the installed package or the checkout."""
    packaged = resources.files("explorer") / name
    if packaged.is_dir():  # an installed wheel: a real folder in site-packages
        return Path(str(packaged))
    return CHECKOUT / name


DATA_DIR = shipped("data")
ASSETS_DIR = shipped("assets")


def schema_file(data_dir: Path | str | None = None) -> Path:
    """Return the data package that describes `data_dir`: its own if it has one, else ours."""
    own = Path(data_dir) / SCHEMA_FILE if data_dir is not None else None
    return own if own is not None and own.is_file() else DATA_DIR / SCHEMA_FILE
