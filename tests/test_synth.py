"""Synthetic datasets: valid for the loader, exactly n events, deterministic for a seed."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from explorer import synth
from explorer.loader import load_dataset
from explorer.schema import DEFAULT_DATA_DIR, RESOURCES, resource

SIZES = (1, 50, 2000)


def _files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / resource(name).path).read_bytes() for name in RESOURCES}


@pytest.fixture(scope="module", params=SIZES)
def written(request, tmp_path_factory) -> tuple[int, Path, pd.DataFrame]:
    """Return n, a folder holding n synthetic events written with seed 0, and its events."""
    n = request.param
    folder = synth.write_dataset(n, tmp_path_factory.mktemp(f"synth{n}"))
    # Loading succeeds only if every leader held an office on the event's start date.
    return n, folder, load_dataset(folder).events


def test_output_loads_with_exactly_n_events(written):
    n, _, events = written
    assert len(events) == n
    assert events["id"].is_unique


def test_leaders_and_eras_are_the_shipped_tables(written):
    _, folder, _ = written
    for name in ("leaders", "eras"):
        path = resource(name).path
        assert (folder / path).read_bytes() == (DEFAULT_DATA_DIR / path).read_bytes()


def test_the_same_seed_gives_byte_identical_files(written, tmp_path):
    n, folder, _ = written
    assert _files(synth.write_dataset(n, tmp_path / "again")) == _files(folder)


def test_different_seeds_give_different_events(written, tmp_path):
    n, folder, _ = written
    other = synth.write_dataset(n, tmp_path / "other", seed=1)
    assert _files(other)["events"] != _files(folder)["events"]


def test_events_follow_the_record_conventions(written):
    _, _, ev = written
    day = ev["start_date"].dt.strftime("%Y-%m-%d")
    parts = ev["id"].str.rpartition("-synthetic-")  # columns: date, separator, rank
    assert (parts[0] == day).all()
    assert sorted(parts[2].astype(int)) == list(range(len(ev)))
    assert ev["start_date"].between("1949-10-01", "2025-12-31").all()
    assert (ev["sources"] == ev["id"].map(lambda i: (f"https://example.org/synthetic/{i}",))).all()
    assert (ev["notes"] == "synthetic").all() and not ev["in_abstract"].any()
    home = ev["host"].isin(["USSR", "Russia"])
    ussr_era = ev["start_date"] < pd.Timestamp("1991-12-26")
    assert (ev.loc[home & ussr_era, "host"] == "USSR").all()
    assert (ev.loc[home & ~ussr_era, "host"] == "Russia").all()
    assert ((ev["kind"] == "call") == (ev["host"] == "virtual")).all()
    assert ev.loc[ev["host"] != "virtual", "latitude"].notna().all()


def test_a_large_sample_covers_every_kind_host_and_spans(tmp_path):
    ev = load_dataset(synth.write_dataset(2000, tmp_path / "large")).events
    assert set(ev["kind"]) == set(resource("events").field("kind").enum)
    assert {"China", "USSR", "Russia", "virtual"} < set(ev["host"])
    assert ev["end_date"].notna().any() and (ev["date_precision"] == "month").any()
    assert (ev["china_leaders"].map(len) > 1).any() and (ev["russia_leaders"].map(len) > 1).any()


def test_main_writes_and_says_so(tmp_path, capsys):
    assert synth.main(["--events", "3", "--out", str(tmp_path / "d"), "--seed", "7"]) == 0
    assert capsys.readouterr().out == f"wrote 3 events to {tmp_path / 'd'}\n"
    assert len(load_dataset(tmp_path / "d").events) == 3


def test_a_negative_count_is_refused(tmp_path):
    with pytest.raises(ValueError):
        synth.write_dataset(-1, tmp_path)
    with pytest.raises(SystemExit):
        synth.main(["--events", "-1", "--out", str(tmp_path)])
