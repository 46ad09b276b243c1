"""The record cache: a sound cache is used, anything else is rebuilt, an unwritable one skipped."""

from __future__ import annotations

import gc
import hashlib
import os
from pathlib import Path

import pandas as pd
import pytest

from explorer import record_cache
from explorer.loader import load_dataset
from explorer.model import build_record


@pytest.fixture
def data(make_dataset) -> Path:
    return make_dataset()


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(record_cache.ENV, str(folder))
    return folder


def load(data: Path, built: list) -> object:
    def build():
        built.append(1)
        return build_record(load_dataset(data))

    return record_cache.cached_record(data, build)


def test_second_load_comes_from_the_cache(data, cache):
    built: list = []
    first, second = load(data, built), load(data, built)
    assert built == [1]
    pd.testing.assert_frame_equal(first.events, second.events)
    assert first.version == second.version
    assert oct(cache.stat().st_mode & 0o777) == "0o700"


def _only(cache: Path) -> Path:
    (path,) = cache.glob("record-*.pkl")
    return path


@pytest.mark.parametrize(
    "spoil",
    [
        lambda b: b[: len(b) // 2],  # cut short
        lambda b: b[:-10] + bytes(10),  # altered payload: its digest no longer matches
        lambda b: b"not a cache at all",
        lambda b: b"",
    ],
    ids=["truncated", "altered", "garbage", "empty"],
)
def test_a_spoilt_cache_is_rebuilt(data, cache, spoil):
    built: list = []
    load(data, built)
    path = _only(cache)
    path.write_bytes(spoil(path.read_bytes()))
    record = load(data, built)
    assert built == [1, 1] and record.total == len(load_dataset(data).events)
    assert load(data, built) is not None and built == [1, 1]  # rewritten, sound again


def _broken_pickle(_: bytes) -> bytes:
    payload = b"\x80\x05not a pickle"  # its digest is right: unpickling itself fails
    return record_cache.MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("spoil", [lambda b: b, _broken_pickle], ids=["sound", "broken"])
def test_reading_leaves_the_garbage_collector_as_it_was(data, cache, enabled, spoil):
    load(data, [])
    path = _only(cache)
    path.write_bytes(spoil(path.read_bytes()))
    (gc.enable if enabled else gc.disable)()
    try:
        record_cache.read(path, record_cache.cache_key(data))
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


def test_an_edited_data_file_is_not_served_from_the_cache(data, cache):
    built: list = []
    before = load(data, built)
    events = data / "events.csv"
    lines = events.read_text(encoding="utf-8").splitlines(keepends=True)
    events.write_text("".join(lines[:-1]), encoding="utf-8")  # one event fewer
    after = load(data, built)
    assert built == [1, 1] and after.total == before.total - 1


def test_a_record_filed_under_another_key_is_ignored(data, cache):
    built: list = []
    record = load(data, built)
    record_cache.write(cache, "another key", record)
    path = cache / f"record-{'another key'[:32]}.pkl"
    assert record_cache.read(path, record_cache.cache_key(data)) is None


def test_an_unwritable_cache_is_skipped(data, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv(record_cache.ENV, str(blocker / "cache"))  # cannot be created
    built: list = []
    assert load(data, built).total > 0 and load(data, built).total > 0
    assert built == [1, 1]


def test_a_folder_others_may_write_is_not_used(data, cache):
    built: list = []
    load(data, built)
    os.chmod(cache, 0o777)
    load(data, built)
    assert built == [1, 1]


def test_off_turns_the_cache_off(data, monkeypatch):
    monkeypatch.setenv(record_cache.ENV, "off")
    assert record_cache.cache_dir() is None
    built: list = []
    load(data, built)
    load(data, built)
    assert built == [1, 1]


def test_default_folder_follows_xdg():
    assert record_cache.cache_dir({"XDG_CACHE_HOME": "/x"}) == Path("/x/explorer")
    assert record_cache.cache_dir({record_cache.ENV: "/y"}) == Path("/y")
