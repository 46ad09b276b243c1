"""The page's language on the server (explorer.app.language) and in the URL (explorer.state)."""

from __future__ import annotations

import json
import re

import pytest

from explorer.app import create_app
from explorer.state import ViewState, Vocabulary, from_query, reset_filters, to_query

VOCAB = Vocabulary(decades=("2010s",))


@pytest.mark.parametrize(
    ("query", "lang"),
    [("?lang=zh", "zh"), ("?lang=ru", "ru"), ("?lang=en", "en"), ("?lang=xx", "")],
)
def test_lang_is_read_from_the_url_and_written_back(query, lang):
    state = from_query(query, VOCAB)
    assert state.lang == lang
    assert to_query(state) == (f"?lang={lang}" if lang else "")


def test_a_filter_and_a_reset_keep_the_language():
    state = from_query("?decade=2010s&lang=ru", VOCAB)
    assert to_query(state) == "?decade=2010s&lang=ru"
    assert to_query(reset_filters(state)) == "?lang=ru"
    assert ViewState().lang == ""


@pytest.fixture(scope="module")
def client(shipped):
    return create_app(record=shipped).server.test_client()


@pytest.mark.parametrize(
    ("header", "location"),
    [("zh-CN,zh;q=0.9", "?lang=zh"), ("ru", "?lang=ru"), ("en-GB,en", None), ("", None)],
)
def test_a_url_without_lang_follows_accept_language(client, header, location):
    response = client.get("/", headers={"Accept-Language": header})
    assert response.headers.get("Location") == location
    assert response.status_code == (302 if location else 200)


def test_the_redirect_keeps_the_view(client):
    response = client.get("/?decade=2010s&leader=Xi+Jinping", headers={"Accept-Language": "ru"})
    assert response.headers["Location"] == "?decade=2010s&leader=Xi+Jinping&lang=ru"


@pytest.mark.parametrize(
    ("lang", "tag", "title", "text"),
    [
        ("zh", "zh-Hans", "北京—莫斯科领导人外交浏览器", "筛选"),
        ("ru", "ru", "Дипломатия лидеров Пекина и Москвы", "Фильтры"),
        ("en", "en", "Beijing–Moscow leader diplomacy explorer", "Filters"),
    ],
)
def test_the_index_and_layout_are_in_the_urls_language(client, lang, tag, title, text):
    page = client.get(f"/?lang={lang}").get_data(as_text=True)
    assert f'<html lang="{tag}">' in page and title in page
    layout = json.dumps(client.get("/_dash-layout").get_json(), ensure_ascii=False)
    assert text in layout


def test_under_a_base_path_the_page_and_its_embed_are_localized(shipped):
    client = create_app(record=shipped, base_path="/explorer/").server.test_client()
    for path in ("/explorer/", "/explorer/embed"):
        page = client.get(f"{path}?lang=ru").get_data(as_text=True)
        # The embed's <html> carries its class too (explorer/app/first_view.py).
        assert re.search(r'<html[^>]* lang="ru">', page) and 'name="explorer-texts"' in page
    moved = client.get("/explorer/embed?decade=2010s", headers={"Accept-Language": "zh"})
    assert moved.status_code == 302 and moved.headers["Location"] == "?decade=2010s&lang=zh"
