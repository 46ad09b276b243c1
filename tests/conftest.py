"""Shared fixtures: a tiny valid dataset written on demand, and the shipped record."""

from __future__ import annotations

import atexit
import csv
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from explorer.loader import load_dataset
from explorer.model import Record, build_record, load_record
from explorer.schema import resource

# The record cache (explorer.record_cache) of a test run lives in a folder of its own, removed
# when the run ends.
if "EXPLORER_CACHE_DIR" not in os.environ:
    os.environ["EXPLORER_CACHE_DIR"] = tempfile.mkdtemp(prefix="explorer-test-cache-")
    atexit.register(shutil.rmtree, os.environ["EXPLORER_CACHE_DIR"], ignore_errors=True)

EVENT = {
    "id": "1989-05-16-deng-gorbachev",
    "start_date": "1989-05-16",
    "end_date": "",
    "date_precision": "day",
    "title": "Deng Xiaoping meets Mikhail Gorbachev",
    "title_zh": "邓小平会见戈尔巴乔夫",
    "title_ru": "Встреча Дэн Сяопина и Михаила Горбачёва",
    "kind": "summit",
    "china_leaders": "Deng Xiaoping",
    "russia_leaders": "Mikhail Gorbachev",
    "host": "China",
    "city": "Beijing",
    "country": "China",
    "latitude": "39.9042",
    "longitude": "116.4074",
    "summary": "The two leaders declared relations normalised.",
    "outcomes": "",
    "tags": "normalisation",
    "in_abstract": "true",
    "sources": "https://example.org/1989",
    "notes": "",
    "part_of": "",
}
EVENTS = [
    EVENT,
    EVENT
    | {
        "id": "2013-03-22-xi-putin-moscow",
        "start_date": "2013-03-22",
        "end_date": "2013-03-24",
        "title": "Xi Jinping's state visit to Russia",
        "title_zh": "习近平对俄罗斯进行国事访问",
        "title_ru": "Государственный визит Си Цзиньпина в Россию",
        "kind": "visit",
        "china_leaders": "Xi Jinping",
        "russia_leaders": "Vladimir Putin",
        "host": "Russia",
        "city": "Moscow",
        "country": "Russia",
        "latitude": "55.7558",
        "longitude": "37.6173",
        "summary": "Xi's first trip abroad as President.",
        "tags": "state-visit;energy",
        "sources": "http://en.kremlin.ru/events/president/news/17689",
    },
    EVENT
    | {
        "id": "2013-09-05-putin-xi-g20",
        "start_date": "2013-09-05",
        "title": "G20 meeting",
        "title_zh": "二十国集团峰会期间会晤",
        "title_ru": "Встреча на саммите G20",
        "kind": "multilateral",
        "china_leaders": "Xi Jinping",
        "russia_leaders": "Vladimir Putin",
        "host": "Russia",
        "city": "Saint Petersburg",
        "country": "Russia",
        "latitude": "59.95",
        "longitude": "30.3167",
        "summary": "They met at the G20.",
        "tags": "G20",
        "in_abstract": "false",
        "sources": "https://example.org/g20",
    },
    EVENT
    | {
        "id": "2013-09-05-xi-putin-second",
        "start_date": "2013-09-05",
        "title": "Same-day talk",
        "title_zh": "同日再次会谈",
        "title_ru": "Вторая беседа в тот же день",
        "kind": "multilateral",
        "china_leaders": "Xi Jinping",
        "russia_leaders": "Vladimir Putin",
        "host": "Russia",
        "city": "Saint Petersburg",
        "country": "Russia",
        "latitude": "59.95",
        "longitude": "30.3167",
        "summary": "A second meeting the same day.",
        "tags": "G20",
        "in_abstract": "false",
        "sources": "https://example.org/g20b",
    },
    EVENT
    | {
        "id": "2020-03-19-xi-putin-call",
        "start_date": "2020-03-19",
        "title": "Phone call",
        "title_zh": "通电话",
        "title_ru": "Телефонный разговор",
        "kind": "call",
        "china_leaders": "Xi Jinping",
        "russia_leaders": "Vladimir Putin",
        "host": "virtual",
        "city": "",
        "country": "",
        "latitude": "",
        "longitude": "",
        "summary": "A call about the pandemic.",
        "tags": "pandemic",
        "in_abstract": "false",
        "sources": "https://example.org/call",
    },
]
LEADERS = [
    {
        "name": "Deng Xiaoping",
        "native_name": "邓小平",
        "aliases": "Дэн Сяопин",
        "side": "China",
        "office": "Chairman of the Central Military Commission",
        "office_start": "1981-06-29",
        "office_end": "1989-11-09",
        "source": "https://example.org/deng",
    },
    {
        "name": "Xi Jinping",
        "native_name": "习近平",
        "aliases": "Си Цзиньпин",
        "side": "China",
        "office": "President of the People's Republic of China",
        "office_start": "2013-03-14",
        "office_end": "",
        "source": "https://example.org/xi",
    },
    {
        "name": "Mikhail Gorbachev",
        "native_name": "Михаил Горбачёв",
        "aliases": "戈尔巴乔夫",
        "side": "USSR",
        "office": "General Secretary of the CPSU",
        "office_start": "1985-03-11",
        "office_end": "1991-08-24",
        "source": "https://example.org/gorbachev",
    },
    {
        "name": "Vladimir Putin",
        "native_name": "Владимир Путин",
        "aliases": "普京",
        "side": "Russia",
        "office": "President of Russia",
        "office_start": "2000-05-07",
        "office_end": "2008-05-07",
        "source": "https://example.org/putin",
    },
    {
        "name": "Vladimir Putin",
        "native_name": "Владимир Путин",
        "aliases": "普京",
        "side": "Russia",
        "office": "President of Russia",
        "office_start": "2012-05-07",
        "office_end": "",
        "source": "https://example.org/putin",
    },
]
ERAS = [
    {
        "name": "Normalisation",
        "start": "1989-05-16",
        "end": "2001-07-15",
        "description": "From the 1989 summit.",
        "source": "https://example.org/era1",
    },
    {
        "name": "New era",
        "start": "2001-07-16",
        "end": "",
        "description": "Since 2001.",
        "source": "https://example.org/era2",
    },
]

# sources.csv for EVENTS: one row per cited URL (a dataset may also omit the file).
SOURCES = [
    {
        "url": "http://en.kremlin.ru/events/president/news/17689",
        "title": "Talks with Xi Jinping",
        "publisher": "President of Russia",
        "published": "2013-03-22",
        "language": "en",
        "kind": "official",
        "archived_url": "https://web.archive.org/web/2013/http://en.kremlin.ru/events/president/news/17689",
    },
    *(
        {
            "url": url,
            "title": "",
            "publisher": "Example",
            "published": "",
            "language": "",
            "kind": kind,
        }
        | {"archived_url": ""}
        for url, kind in (
            ("https://example.org/1989", "press"),
            ("https://example.org/g20", "scholarly"),
            ("https://example.org/g20b", "archival"),
            ("https://example.org/call", "press"),
        )
    ),
]
Writer = Callable[..., Path]


def write_csv(path: Path, name: str, rows: list[dict]) -> None:
    """Write rows under the schema's header for resource `name`."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, resource(name).columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def make_dataset(tmp_path: Path) -> Writer:
    """Return a function that writes a dataset folder (defaults: the tiny valid one)."""

    def write(events=None, leaders=None, eras=None, sources=None, mirrors=None) -> Path:
        folder = tmp_path / "data"
        folder.mkdir(exist_ok=True)
        write_csv(folder / "events.csv", "events", EVENTS if events is None else events)
        write_csv(folder / "leaders.csv", "leaders", LEADERS if leaders is None else leaders)
        write_csv(folder / "eras.csv", "eras", ERAS if eras is None else eras)
        if sources is not None:  # sources.csv and mirrors.txt are optional
            write_csv(folder / "sources.csv", "sources", sources)
        if mirrors is not None:
            (folder / "mirrors.txt").write_text("\n".join(mirrors) + "\n", encoding="utf-8")
        return folder

    return write


@pytest.fixture
def mini(make_dataset: Writer) -> Record:
    """Return the tiny valid dataset as a record."""
    return build_record(load_dataset(make_dataset()))


@pytest.fixture(scope="session")
def shipped() -> Record:
    """Return the shipped record in data/."""
    return load_record()
