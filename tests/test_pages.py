"""The page per request (explorer.app.pages): the layout of a known URL shows its view."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from plotly.utils import PlotlyJSONEncoder

from explorer.app import callbacks as callbacks_module
from explorer.app import create_app, ids
from explorer.app import first_view as first_view_module
from explorer.app.actions import control_values
from explorer.app.callbacks import VIEW_OUTPUTS
from explorer.app.layout import with_props
from explorer.app.pages import Pages
from explorer.filters import vocabulary
from explorer.state import from_query
from explorer.view import open_view


@pytest.fixture(scope="module")
def client(shipped):
    return create_app(record=shipped).server.test_client()


def _props(layout: dict) -> dict[str, dict]:
    """Return every component's props in a layout as JSON, by string id."""
    found, stack = {}, [layout]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict) and "props" in node:
            if isinstance(node["props"].get("id"), str):
                found[node["props"]["id"]] = node["props"]
            stack.append(node["props"].get("children"))
    return found


def _json(component: object) -> dict:
    return json.loads(json.dumps(component, cls=PlotlyJSONEncoder))


def _layout(client, page: str | None) -> dict[str, dict]:
    suffix = "" if page is None else f"?page={quote(page)}"
    return _props(client.get(f"/_dash-layout{suffix}").get_json())


QUERIES = ["", "?decade=1990s&leader=Vladimir+Putin", "?q=visit&kind=call&lanes=china", "?lang=ru"]


@pytest.mark.parametrize("page", QUERIES)
def test_the_layout_of_a_known_url_shows_its_view(client, shipped, page):
    props = _layout(client, page)
    vocab = vocabulary(shipped)
    assert props[ids.URL]["search"] == page  # dcc.Location finds it as it is: no change at mount
    for control, value in zip(ids.CONTROLS, control_values(from_query(page, vocab)), strict=True):
        assert props[control]["value"] == value
    view = open_view(shipped, vocab, page)
    assert props[ids.COUNT]["children"] == view.count_text(shipped.total)
    twin = props[ids.TWIN_DATA]["data"]
    assert len(twin["rows"]) + twin.get("more", 0) == len(view.events)
    assert props[ids.TIMELINE]["figure"]["layout"]["meta"]  # the figure plotly draws at once
    for target, prop in VIEW_OUTPUTS.values():
        assert prop in props[target], f"{target}.{prop} not set"


def test_without_the_page_query_the_layout_leaves_the_view_to_the_callbacks(client):
    props = _layout(client, None)
    assert "search" not in props[ids.URL]  # dcc.Location fills it in, and that draws the view
    assert "figure" not in props[ids.TIMELINE] and not props[ids.COUNT].get("children")


@pytest.mark.parametrize(("page", "word"), [("?lang=ru", "Фильтры"), ("?lang=zh", "筛选")])
def test_the_layout_is_in_the_language_of_the_page_query(client, page, word):
    # The language comes with the request, not from a cookie another tab may have changed.
    client.set_cookie("explorer-lang", "en")
    layout = client.get(f"/_dash-layout?page={quote(page)}").get_json()
    assert word in json.dumps(layout, ensure_ascii=False)


def test_layouts_are_built_once_per_language_and_query(shipped):
    pages = Pages(shipped, vocabulary(shipped))
    assert pages.layout("en", "decade=1990s") is pages.layout("en", "decade=1990s")
    assert pages.page("en") is pages.page("en") is pages.layout("en", None)
    assert pages.with_controls("en", "decade=1990s") is not pages.page("en")  # a copy


def test_with_props_copies_and_leaves_the_shared_page_alone(shipped):
    page = Pages(shipped, vocabulary(shipped)).page("en")
    changed = _props(_json(with_props(page, {ids.DECADES: {"value": ["1990s"]}})))
    assert changed[ids.DECADES]["value"] == ["1990s"]
    assert _props(_json(page))[ids.DECADES].get("value") != ["1990s"]


def test_the_index_and_the_layout_request_build_a_view_once(shipped, monkeypatch):
    built: list[int] = []
    for module in (callbacks_module, first_view_module):  # every caller of timeline_figure
        real = module.timeline_figure

        def counted(*args, real=real, **kwargs):
            built.append(1)
            return real(*args, **kwargs)

        monkeypatch.setattr(module, "timeline_figure", counted)
    client = create_app(record=shipped).server.test_client()
    built.clear()  # the app's own warm-up request
    index = client.get("/?decade=1990s").get_data(as_text=True)
    layout = _props(client.get(f"/_dash-layout?page={quote('?decade=1990s')}").get_json())
    assert len(built) == 1  # the first view's SVG is drawn from the layout's figure
    assert f'id="fv-{ids.COUNT}"' in index and layout[ids.COUNT]["children"] in index
