"""The timeline exports loaded by the real tools they are for: TimelineJS and vis-timeline."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from explorer.filters import vocabulary
from explorer.view import open_view

pytestmark = pytest.mark.browser
NODE = Path(__file__).resolve().parents[1] / "js" / "node_modules"
TLJS = NODE / "@knight-lab" / "timelinejs" / "dist"
VIS = NODE / "vis-timeline" / "standalone" / "umd"
QUERIES = ["", "?leader=Nikita+Khrushchev", "?q=Хрущёв"]
# One element per vis-timeline item: points and ranges (boxes would add line and dot parts).
ITEMS = ".vis-itemset .vis-item.vis-point, .vis-itemset .vis-item.vis-range"


def fetch(base_url: str, fmt: str, query: str) -> dict:
    """Return the JSON export of a view, fetched from the app's export route."""
    url = f"{base_url}/export/events.{fmt}{urllib.parse.quote(query, safe='?=&+')}"
    with urllib.request.urlopen(url) as resp:
        return json.load(resp)


def inline(doc: dict) -> str:
    """Return JSON safe to place inside a <script> element."""
    return json.dumps(doc).replace("</", "<\\/")


def open_html(browser: Browser, tmp_path: Path, html: str):
    path = tmp_path / "consumer.html"
    path.write_text(html, encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    return context, page, errors


@pytest.mark.parametrize("query", QUERIES)
def test_timelinejs_shows_every_slide(browser, base_url, shipped, tmp_path, query):
    if not TLJS.exists():
        pytest.fail("tests/js/node_modules missing: run `make test` (npm ci in tests/js)")
    doc = fetch(base_url, "timelinejs.json", query)
    expected = open_view(shipped, vocabulary(shipped), query).events["id"].tolist()
    html = f"""<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{(TLJS / "css" / "timeline.css").as_uri()}">
<script src="{(TLJS / "js" / "timeline.js").as_uri()}"></script></head>
<body><div id="timeline-embed" style="width:100%;height:600px"></div>
<script>window.tl = new TL.Timeline('timeline-embed', {inline(doc)},
  {{script_path: "{(TLJS / "js").as_uri()}", font: null}});</script></body></html>"""
    context, page, errors = open_html(browser, tmp_path, html)
    page.wait_for_function("() => document.querySelectorAll('.tl-timemarker').length > 0")
    ids = page.evaluate("() => window.tl._storyslider._slides.map(s => s.data.unique_id)")
    assert ids[1:] == expected  # the first slide is the title slide for the source article
    assert page.locator(".tl-timemarker").count() == len(expected)
    assert page.locator(".tl-slide").count() == len(expected) + 1
    context.close()
    assert errors == []


@pytest.mark.parametrize("query", QUERIES)
def test_vis_timeline_draws_every_item(browser, base_url, shipped, tmp_path, query):
    doc = fetch(base_url, "vis.json", query)
    expected = open_view(shipped, vocabulary(shipped), query).events["id"].tolist()
    html = f"""<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{(VIS.parent / "styles" / "vis-timeline-graph2d.min.css").as_uri()}">
<script src="{(VIS / "vis-timeline-graph2d.min.js").as_uri()}"></script></head>
<body><div id="vis"></div><script>
const doc = {inline(doc)};
window.timeline = new vis.Timeline(document.getElementById('vis'), new vis.DataSet(doc.items),
  new vis.DataSet(doc.groups), {{stack: true}});
window.timeline.fit({{animation: false}});
</script></body></html>"""
    context, page, errors = open_html(browser, tmp_path, html)
    page.wait_for_function(
        "n => document.querySelectorAll(ITEMS).length >= n".replace("ITEMS", repr(ITEMS)),
        arg=len(expected),
    )
    drawn = page.evaluate(f"() => document.querySelectorAll({ITEMS!r}).length")
    assert drawn == len(expected)
    assert page.evaluate("() => window.timeline.itemsData.getIds()") == expected
    context.close()
    assert errors == []
