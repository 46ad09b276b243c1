"""A validated cache of the loaded record: a second start skips parsing and checking the CSVs.

The cache is keyed by the bytes of every file in the data folder (and the data package that
describes it) and by the code that reads them, so an edited file or a new version of the
explorer builds the record afresh. A file that is unreadable, cut short, altered or for another
key is ignored and rebuilt, never trusted; a folder that cannot be written is skipped (a
read-only install still starts, only without the cache). Files are pickles: only a folder owned
by this user and closed to others is used, and each file carries the SHA-256 of its payload.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from explorer.model import Record
from explorer.paths import schema_file

ENV = "EXPLORER_CACHE_DIR"  # where the cache lives; "off" turns it off
MAGIC = b"explorer-record-cache 1\n"
DIGEST_CHARS = 64  # a SHA-256 in hex
KEEP = 3  # cached records kept per folder (the newest), so edits do not fill the disk
CODE = Path(__file__).resolve().parent


def cache_dir(environ: dict | None = None) -> Path | None:
    """Return the cache folder: EXPLORER_CACHE_DIR, else $XDG_CACHE_HOME or ~/.cache/explorer
    (None when turned off)."""
    environ = os.environ if environ is None else environ
    chosen = environ.get(ENV, "")
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "explorer"


def _digest(paths: list[Path]) -> hashlib._Hash:
    h = hashlib.sha256()
    for path in paths:
        h.update(str(path.name).encode() + b"\0")
        with path.open("rb") as f:
            h.update(hashlib.file_digest(f, "sha256").digest())
    return h


def cache_key(data_dir: Path | str) -> str:
    """Return the key of a data folder's record: its files' bytes, the code that reads them and
    the Python and pandas versions that pickle them."""
    data_dir = Path(data_dir)
    files = sorted(p for p in data_dir.iterdir() if p.is_file())
    files.append(schema_file(data_dir))
    code = sorted(CODE.rglob("*.py"))
    h = _digest(files)
    h.update(_digest(code).digest())
    h.update(f"{sys.version}|{pd.__version__}".encode())
    return h.hexdigest()


def _safe(folder: Path) -> bool:
    """Return True when the folder is this user's and closed to others (no one else can plant
    a file in it)."""
    info = folder.stat()
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


@contextmanager
def _no_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector: unpickling a record creates millions of objects, none
    of them garbage, and the collector would walk them all (0.18 s of 0.78 s at 100,000 events)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def read(path: Path, key: str) -> Record | None:
    """Return the record cached in `path` under `key`, or None when it is absent or not sound."""
    try:
        if not _safe(path.parent):
            return None
        blob = path.read_bytes()
        digest = blob[len(MAGIC) : len(MAGIC) + DIGEST_CHARS]
        payload = memoryview(blob)[len(MAGIC) + DIGEST_CHARS + 1 :]  # no copy of 100 MB
        if not blob.startswith(MAGIC) or digest.decode() != hashlib.sha256(payload).hexdigest():
            return None
        with _no_collection():
            stored_key, record = pickle.loads(payload)
    except Exception:  # unreadable, cut short, or failing in any way while unpickling: rebuild
        return None
    return record if stored_key == key and isinstance(record, Record) else None


def write(folder: Path, key: str, record: Record) -> Path | None:
    """Write the record under `key` atomically; return its path, or None when the folder
    cannot be written or is not this user's alone."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _safe(folder):
            return None
        payload = pickle.dumps((key, record), protocol=pickle.HIGHEST_PROTOCOL)
        digest = hashlib.sha256(payload).hexdigest().encode()
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".record-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(MAGIC + digest + b"\n" + payload)
        path = folder / f"record-{key[:32]}.pkl"
        os.replace(tmp, path)
    except OSError:
        return None
    _prune(folder)
    return path


def _prune(folder: Path) -> None:
    """Remove all but the KEEP newest cached records."""
    try:
        old = sorted(folder.glob("record-*.pkl"), key=lambda p: p.stat().st_mtime, reverse=True)
        for path in old[KEEP:]:
            path.unlink(missing_ok=True)
    except OSError:
        pass


def cached_record(data_dir: Path | str, build: Callable[[], Record]) -> Record:
    """Return the data folder's record from the cache when sound, else `build()` it and cache it."""
    folder = cache_dir()
    if folder is None:
        return build()
    key = cache_key(data_dir)
    record = read(folder / f"record-{key[:32]}.pkl", key)
    if record is None:
        record = build()
        write(folder, key, record)
    return record
