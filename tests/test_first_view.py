"""The server-rendered first view: the index page shows the view its query names."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import escape

import pytest
from dash import dcc, html

from explorer.app import create_app, ids
from explorer.app.first_view import ID_PREFIX, later
from explorer.app.static_html import static_html
from explorer.filters import vocabulary
from explorer.table import PREVIEW_ROWS
from explorer.view import open_view


@pytest.fixture(scope="module")
def apps(shipped):
    return {
        "/": create_app(record=shipped),
        "/explorer/": create_app(record=shipped, base_path="/explorer/"),
    }


def test_static_html_keeps_structure_ids_and_fills():
    layout = html.Div(
        id="a",
        className="box",
        style={"height": "470px", "--swatch": "#fff"},
        children=[
            html.Label("Name", htmlFor="b"),
            dcc.Input(id="b", type="text", placeholder="YYYY", className="c"),
            dcc.Store(id="s"),
            html.P(id="e", hidden=True, children="<none>"),
            dcc.Graph(id="g", className="timeline", style={"height": "100%"}),
        ],
    )
    out = static_html(layout, {"a": "<b>filled</b>"}, {"e": {"hidden": False}}, "p-")
    assert out.startswith('<div id="p-a" class="box" style="height:470px;--swatch:#fff">')
    assert '<label for="p-b">Name</label>' in out
    assert (
        'class="dash-input-container dash-input c"><input id="p-b" class="dash-input-element"'
        in out
    )
    assert "p-s" not in out and "hidden" not in out and "&lt;none&gt;" in out
    assert '<div id="p-g" class="timeline" style="height:100%"></div>' in out
    assert out.endswith("<b>filled</b></div>")


@pytest.mark.parametrize("base", ["/", "/explorer/"])
@pytest.mark.parametrize("query", ["", "lanes=china&decade=1990s", "kind=call&color=era"])
def test_index_shows_the_view_of_its_query(apps, shipped, base, query):
    page = apps[base].server.test_client().get(f"{base}?{query}").get_data(as_text=True)
    view = open_view(shipped, vocabulary(shipped), query)
    count = re.search(rf'id="{ID_PREFIX}{ids.COUNT}"[^>]*>([^<]*)<', page)
    assert count and count[1] == view.count_text(shipped.total)
    svg = re.search(r'<svg class="fv-svg".*?</svg>', page, re.S)[0]
    assert ET.fromstring(svg).get("data-events") == str(len(view.timeline))
    first = view.events["title"].head(3).tolist()
    positions = [page.index(t.replace("'", "&#x27;")) for t in first]
    assert positions == sorted(positions)  # the first events, in order
    assert page.index('id="first-view"') < page.index('id="react-entry-point"')


def test_no_events_shows_the_empty_message_and_no_timeline(apps):
    page = apps["/"].server.test_client().get("/?q=zzzzqqqq").get_data(as_text=True)
    assert "fv-svg" not in page
    assert re.search(rf'<p id="{ID_PREFIX}{ids.EMPTY}" class="empty">', page)


@pytest.mark.parametrize("base", ["/", "/explorer/"])
def test_timeline_svg_download(apps, shipped, base):
    resp = apps[base].server.test_client().get(f"{base}export/timeline.svg?decade=1990s")
    assert resp.status_code == 200 and resp.mimetype == "image/svg+xml"
    assert "attachment" in resp.headers["Content-Disposition"]
    root = ET.fromstring(resp.get_data())
    view = open_view(shipped, vocabulary(shipped), "decade=1990s")
    assert root.get("data-events") == str(len(view.timeline))


def test_hostile_query_is_escaped(apps):
    page = apps["/"].server.test_client().get("/?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert page.status_code == 200 and "<script>alert(1)" not in page.get_data(as_text=True)


def test_scripts_wait_for_the_first_paint_in_order(apps):
    page = apps["/"].server.test_client().get("/").get_data(as_text=True)
    later = re.findall(r'<link class="fv-script" data-src="([^"]+)">', page)
    assert later and 'rel="preload"' not in page  # nothing is fetched before the first paint
    loader = re.findall(r'<script async src="([^"]+)"></script>', page)
    assert len(loader) == 1 and "first_view.js" in loader[0]
    # The loader and the links are in the head: the loader runs before the page is all parsed.
    head = page.split("</head>")[0]
    assert loader[0] in head and all(src in head for src in later)
    assert 'id="_dash-config"' in head  # read by the loader, before the page is all parsed
    assert "<script src=" not in page  # nothing runs before the first view is painted
    names = [s.split("/")[-1] for s in later]
    # The grid's script waits until the table is wanted (assets/app.js), DataTable's for ever.
    assert not any("dash_ag_grid" in s for s in later)
    assert re.search(r'<link class="fv-grid" data-src="[^"]+/dash_ag_grid\.[^"]+\.js">', page)
    assert not any("dash_table" in s for s in later)  # registered by Dash, unused here
    assert names.index(next(n for n in names if n.startswith("react@"))) < names.index(
        next(n for n in names if n.startswith("dash_renderer"))
    )
    # plotly's later part is fetched by the first when a figure needs it (js/plotly/later.js).
    assert not any(".later." in n for n in names) and ".later." not in page
    assert (
        apps["/"]
        .server.test_client()
        .get("/assets/vendor/plotly-explorer.later.min.js")
        .status_code
        == 200
    )
    # babel-polyfill gives way to the one part of it Dash's async code needs, before Dash's.
    assert not any(n.startswith("polyfill@") for n in names)
    assert names.index(next(n for n in names if n.startswith("regenerator-runtime.js"))) < (
        names.index(next(n for n in names if n.startswith("dash_renderer")))
    )
    assert "new DashRenderer" not in page.split('id="_dash-renderer"')[1].split("</script>")[0]


@pytest.mark.parametrize("base", ["/", "/explorer/"])
def test_embed_view_has_its_look_from_the_first_paint(apps, base):
    client = apps[base].server.test_client()
    assert '<html class="embed"' in client.get(f"{base}embed?decade=1990s").get_data(as_text=True)
    assert '<html class="embed"' not in client.get(base).get_data(as_text=True)


def test_the_table_box_shows_the_views_first_rows(apps, shipped):
    page = apps["/"].server.test_client().get("/?decade=1990s").get_data(as_text=True)
    box = re.search(rf'id="{ID_PREFIX}{ids.TABLE_PREVIEW}".*?</table>', page, re.S)
    assert box, "no preview in the first view"
    first = open_view(shipped, vocabulary(shipped), "decade=1990s").events.iloc[0]
    assert escape(first["title"]) in box[0] and box[0].count("<tr") == 1 + PREVIEW_ROWS


@pytest.mark.parametrize(
    ("types", "fetched"),
    [(["scatter", "scatter"], False), (["scatter", "scattergl"], True), (["heatmap"], True)],
)
def test_a_figure_of_the_later_part_fetches_it_with_the_first(types, fetched):
    scripts = (
        '<script src="/a/vendor/plotly-explorer.min.js?m=1"></script>'
        '<script src="/a/dash_renderer.js"></script>'
    )
    links = re.findall(
        r'data-src="([^"]+)"', later(scripts, {"data": [{"type": t} for t in types]})
    )
    want = ["/a/vendor/plotly-explorer.min.js?m=1", "/a/dash_renderer.js"]
    if fetched:  # right after the first part, which then finds its trace types registered
        want.insert(1, "/a/vendor/plotly-explorer.later.min.js?m=1")
    assert links == want
