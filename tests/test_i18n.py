"""Interface languages (explorer.i18n): catalogues complete and without stale keys, language
negotiation, dates per language, and the record shown in one language (explorer.localize)."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pandas as pd
import pytest

from explorer import i18n
from explorer.app.components import LABEL_KEYS, RELATED_ROWS
from explorer.details import event_detail
from explorer.exports.tabular import ABOUT_FIELDS
from explorer.figure_counts import BINS
from explorer.filter_table import FILTERS
from explorer.i18n import catalogue, date_text, negotiate, term, translate
from explorer.insights import table_frames, tables
from explorer.labels import FORUMS, labels
from explorer.localize import ENGLISH_TITLE, localized, localized_titles
from explorer.model import HOST_GROUP_LABELS, KIND_LABELS
from explorer.state import COLOR_LABELS, COMBINE_LABELS, LANE_LABELS
from explorer.table import COLUMN_DEFS, GRID_LOCALE_KEYS
from explorer.vocabulary import decades

SOURCE = Path(i18n.__file__).parent
# translate("key", ...) and translate(f"prefix.{...}", ...): the keys the code spells out.
CALL = re.compile(r"""translate\(\s*(f?)["']([^"']+)["']""")


def _spelled() -> tuple[set[str], set[str]]:
    """Return the keys passed to translate() literally, and the prefixes of f-string keys."""
    keys, prefixes = set(), set()
    for path in SOURCE.rglob("*.py"):
        for is_f, key in CALL.findall(path.read_text(encoding="utf-8")):
            (prefixes if is_f and "{" in key else keys).add(key.split("{")[0] if is_f else key)
    keys |= {f.label for f in FILTERS} | {f.hint for f in FILTERS if f.hint}
    return keys | set(LABEL_KEYS.values()) | set(RELATED_ROWS.values()), prefixes


def _dynamic(record) -> set[str]:
    """Return the keys built from vocabularies: the code's tables and the shipped record."""
    events = record.events
    capitals = __import__("explorer.insights", fromlist=["capital_points"]).capital_points(events)
    columns = {str(c) for frame, _ in table_frames(events, capitals) for c in frame.columns}
    columns |= {str(f.index.name) for f, index in table_frames(events, capitals) if index}
    columns |= {str(c) for c in tables(events, capitals).gaps.columns}
    families = {
        "kind": KIND_LABELS,
        "host": HOST_GROUP_LABELS,
        "lane": LANE_LABELS,
        "color": COLOR_LABELS,
        "filters.combine": COMBINE_LABELS,
        "chip.combine": COMBINE_LABELS,
        "side": ("China", "USSR", "Russia"),
        "era": record.eras["name"],
        "city": [c for c in events["city"].unique() if c],
        "city_in": [c for c in events["city"].unique() if c],
        "country": [c for c in events["country"].unique() if c],
        "forum": FORUMS,
        "grid": [c["field"] for c in COLUMN_DEFS] + ["yes"],
        "grid.locale": GRID_LOCALE_KEYS,
        "column": columns,
        "detail": ("previous", "next", "close"),
        "label": ("in", "virtual", "call", "video_call"),
        "export.precision": ("month", "year"),
        "counts.per": [name for _, _, name, _ in BINS],
        "about_sheet": tuple(ABOUT_FIELDS),
    }
    return {f"{prefix}.{value}" for prefix, values in families.items() for value in values}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", ["zh", "ru"])
def test_every_language_has_every_key_with_the_same_placeholders(lang):
    english, other = catalogue("en"), catalogue(lang)
    assert set(other) == set(english)
    for key, text in english.items():
        assert other[key].strip(), f"{lang}: {key} is empty"
        assert _fields(other[key]) == _fields(text), f"{lang}: {key} placeholders differ"


def test_every_key_the_code_uses_exists(shipped):
    keys, prefixes = _spelled()
    assert prefixes, "the scan found no f-string keys: is the pattern still right?"
    missing = sorted((keys | _dynamic(shipped)) - set(catalogue("en")))
    assert not missing, f"keys used but missing from explorer/locales/en.po: {missing}"
    families = {k.rsplit(".", 1)[0] + "." for k in _dynamic(shipped)}
    assert prefixes <= families, f"f-string keys with no known vocabulary: {prefixes - families}"


def test_no_catalogue_has_stale_keys(shipped):
    keys, _ = _spelled()
    stale = sorted(set(catalogue("en")) - keys - _dynamic(shipped))
    assert not stale, f"keys in the catalogues that nothing uses: {stale}"


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh"),
        ("ru-RU,ru;q=0.9", "ru"),
        ("en-US,en;q=0.9", "en"),
        ("de-DE,ru;q=0.5,zh;q=0.7", "zh"),
        ("fr", "en"),
        ("", "en"),
        (None, "en"),
        ("zh;q=0,ru;q=0.1", "ru"),
        ("zh;q=abc", "en"),
    ],
)
def test_accept_language_picks_the_best_known_language(header, lang):
    assert negotiate(header) == lang


@pytest.mark.parametrize(
    ("start", "end", "precision", "lang", "text"),
    [
        ("2013-03-22", None, "day", "zh", "2013年3月22日"),
        ("2013-03-22", None, "day", "ru", "22 марта 2013 г."),
        ("2013-03-22", None, "day", "en", "22 March 2013"),
        ("2013-03-22", "2013-03-24", "day", "zh", "2013年3月22日至24日"),
        ("2013-03-22", "2013-03-24", "day", "ru", "22–24 мар. 2013 г."),
        ("1949-12-16", "1950-02-17", "day", "zh", "1949年12月16日至1950年2月17日"),
        ("1989-05-01", None, "month", "ru", "май 1989 г."),
        ("1989-01-01", None, "year", "zh", "1989年"),
    ],
)
def test_dates_are_written_as_each_language_writes_them(start, end, precision, lang, text):
    given = date_text(pd.Timestamp(start), end and pd.Timestamp(end), precision, lang)
    # CLDR keeps "2013 г." together with a no-break space; the page shows it as a space.
    assert re.sub(r"[\u00a0\u202f]", " ", given) == text


def test_an_unknown_language_falls_back_to_english():
    assert translate("filters.reset", "xx") == "Reset"
    assert term("kind", "no-such-kind", "zh") == "no-such-kind"


@pytest.mark.parametrize("lang", ["zh", "ru"])
def test_localized_titles_and_labels_keep_english_one_click_away(shipped, lang):
    shown = localized(shipped.events, lang)
    assert (shown["title"] == shipped.events[f"title_{lang}"]).all()
    assert (shown[ENGLISH_TITLE] == shipped.events["title"]).all()
    assert (shown["label"] == shipped.events[f"label_{lang}"]).all()
    assert (shown["id"] == shipped.events["id"]).all()  # filters and links read the record
    assert localized(shipped.events, "en") is shipped.events


@pytest.mark.parametrize(
    ("kind", "city", "tags", "lang", "label"),
    [
        ("visit", "Moscow", (), "en", "Xi in Moscow"),
        ("visit", "Moscow", (), "zh", "习近平在莫斯科"),
        ("visit", "Moscow", (), "ru", "Си Цзиньпин в Москве"),
        ("summit", "Bali", ("G20",), "ru", "G20 · Бали"),
        ("summit", "Moscow", ("SCO",), "zh", "上合组织 · 莫斯科"),
        ("call", "", ("video",), "ru", "Си Цзиньпин–Путин: видеосвязь"),
        ("treaty", "Moscow", (), "zh", "条约 · 习近平–普京"),
    ],
)
def test_short_labels_follow_each_language(shipped, kind, city, tags, lang, label):
    host = "Russia" if kind == "visit" else ("virtual" if not city else "Indonesia")
    event = {
        "kind": kind,
        "title": "t",
        "host": host,
        "city": city,
        "tags": tags,
        "china_leaders": ("Xi Jinping",),
        "russia_leaders": ("Vladimir Putin",),
    }
    assert labels(pd.DataFrame([event]), shipped.leaders, lang).iloc[0] == label


def test_an_island_takes_na_in_russian():
    assert term("city_in", "Bali", "ru") == "на Бали"
    assert term("city_in", "Moscow", "ru") == "в Москве"


def test_decades_need_no_translation(shipped):
    assert all(re.fullmatch(r"\d{4}s", d) for d in decades(shipped.events["start_date"]))


def test_titles_only_keep_the_places_that_filters_read(shipped):
    shown = localized_titles(shipped.events, "zh")
    assert (shown["title"] == shipped.events["title_zh"]).all()
    assert (shown["city"] == shipped.events["city"]).all()
    assert (localized(shipped.events, "zh")["city"] != shipped.events["city"]).any()


@pytest.mark.parametrize(
    ("lang", "names"),
    [("en", ["", ""]), ("zh", ["习近平", "普京"]), ("ru", ["Си Цзиньпин", "Владимир Путин"])],
)
def test_details_name_people_as_the_language_writes_them(shipped, lang, names):
    detail = event_detail(shipped, "2013-03-22-xi-putin-moscow", lang)
    assert [p.local_name for p in detail.people] == names
    assert [p.name for p in detail.people] == ["Xi Jinping", "Vladimir Putin"]


@pytest.mark.parametrize(
    ("lang", "xi", "putin"), [("zh", "习近平", "普京"), ("ru", "Си Цзиньпин", "Путин")]
)
def test_the_table_writes_leaders_names_as_each_language_does(shipped, lang, xi, putin):
    shown = localized(shipped.events, lang, leaders=shipped.leaders)
    first = shipped.events["china_leaders"].map(lambda names: "Xi Jinping" in names)
    assert shown.loc[first, "china_leaders"].map(lambda names: xi in names).all()
    assert shown["russia_leaders"].map(lambda names: any(putin in n for n in names)).any()
    assert (shipped.events["china_leaders"] != shown["china_leaders"]).any()
    assert shipped.events.loc[first, "china_leaders"].map(lambda n: "Xi Jinping" in n).all()
    english = localized(shipped.events, "en", leaders=shipped.leaders)
    assert english is shipped.events  # the record itself: filters and exports read it
