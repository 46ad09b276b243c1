"""Publishing in headless Chromium: the app under a base path, its embed view framed by an
allowed origin and refused by another, printing, the timeline saved as SVG and PNG, the embed
code and one event's citation."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from urllib.parse import parse_qs, quote

import pytest
from playwright.sync_api import Browser, Frame, Page, expect

from tests.browser.conftest import (
    QUIET_MS,
    SETTLED,
    open_page,
    serve,
    serve_wsgi,
    show_insights,
    wait_ready,
)
from tests.browser.test_page import expected_ids

pytestmark = pytest.mark.browser

BASE = "/explorer/"
EVENT = "1989-05-15-gorbachev-beijing-visit"
LOOPBACK = "http://127.0.0.1"  # every server of these tests; nothing else may be requested


def article_page(environ, start_response) -> list[bytes]:
    """A news article on another origin that frames the explorer URL given as ?src=."""
    src = parse_qs(environ.get("QUERY_STRING", "")).get("src", [""])[0]
    body = (
        "<!doctype html><html lang='en'><title>An article</title><p>The timeline:</p>"
        f"<iframe src='{html.escape(src)}' title='timeline' width='1100' height='900'></iframe>"
    )
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
    return [body.encode()]


@pytest.fixture(scope="module")
def allowed_origin() -> Iterator[str]:
    yield from serve_wsgi(article_page)


@pytest.fixture(scope="module")
def other_origin() -> Iterator[str]:
    yield from serve_wsgi(article_page)


@pytest.fixture(scope="module")
def app_url(shipped, allowed_origin) -> Iterator[str]:
    """The shipped record under /explorer/, its embed view framable by `allowed_origin`."""
    yield from serve(shipped, base_path=BASE, frame_ancestors=(allowed_origin,))


def test_the_page_works_under_a_base_path(browser: Browser, app_url: str, shipped, tmp_path):
    with open_page(browser, app_url) as page:
        requested: list[str] = []
        page.on("request", lambda r: requested.append(r.url))
        outline = []
        page.on("response", lambda r: outline.append(r) if "world_110m" in r.url else None)
        page.goto(f"{BASE}?decade=2010s&event={EVENT}")
        wait_ready(page)
        csv = page.locator("#export-csv")
        expect(csv).to_have_attribute("href", "export/events.csv?decade=2010s&event=" + EVENT)
        response = page.request.get(csv.evaluate("a => a.href"))
        assert response.ok and response.text().startswith("id,")
        with page.expect_download() as info:
            page.locator("#event-cite a", has_text="BibTeX").click()
        info.value.save_as(tmp_path / "event.bib")
        assert f"?event={EVENT}" in (tmp_path / "event.bib").read_text(encoding="utf-8")
        show_insights(page)  # the map draws the offline outline, fetched under the base path
        assert [(r.url, r.status) for r in outline] == [
            (f"{app_url}{BASE}assets/topojson/world_110m.json", 200)
        ]
        assert [u for u in requested if not u.startswith(app_url + BASE)] == []


def embedded_frame(page: Page) -> Frame:
    return next(f for f in page.frames if f.url.split("?")[0].endswith(f"{BASE}embed"))


def test_the_embed_view_in_an_iframe_of_an_allowed_origin(
    browser: Browser, app_url: str, allowed_origin: str
):
    src = f"{app_url}{BASE}embed?decade=1980s&event={EVENT}"
    with open_page(browser, LOOPBACK) as page:
        page.goto(f"{allowed_origin}/?src={quote(src)}")
        frame = embedded_frame(page)
        frame.wait_for_function(SETTLED, arg=[None, QUIET_MS])
        expect(frame.locator("#timeline-box")).to_be_visible()
        expect(frame.locator("#event-detail h2")).to_have_text(re.compile("Gorbachev"))
        for chrome in (".drawer", ".top", ".publish", ".table", "#insights", ".chips"):
            expect(frame.locator(chrome)).to_be_hidden()
        expect(frame.locator(".embed-open")).to_be_visible()
        # The reader can still step through the events inside the frame.
        title = frame.locator("#event-detail h2").inner_text()
        frame.locator("#event-next").click()
        expect(frame.locator("#event-detail h2")).not_to_have_text(title)


def test_the_embed_view_is_refused_to_another_origin(
    browser: Browser, app_url: str, allowed_origin: str, other_origin: str
):
    context = browser.new_context()
    page = context.new_page()
    src = f"{app_url}{BASE}embed"
    with page.expect_console_message(lambda m: "frame-ancestors" in m.text) as refused:
        page.goto(f"{other_origin}/?src={quote(src)}")
    assert f'"frame-ancestors {allowed_origin}"' in refused.value.text  # Chromium's reason
    child = page.frames[1]
    assert child.locator("#timeline-box").count() == 0
    context.close()


def test_print_shows_the_timeline_and_every_filtered_event(page: Page, shipped):
    page.goto("/")
    wait_ready(page, f"{shipped.total} of {shipped.total} events")
    page.emulate_media(media="print")
    for hidden in (".drawer", ".top-actions", ".publish", ".table", "#insights", "#filter-reset"):
        expect(page.locator(hidden)).to_be_hidden()
    expect(page.locator("#timeline-box")).to_be_visible()
    twin = page.locator("#twin-list")
    expect(twin.locator("[role=option]")).to_have_count(shipped.total)
    assert twin.evaluate("el => el.scrollHeight <= el.clientHeight + 1")  # nothing cut off


def test_print_this_view_prints_the_whole_filtered_table(page: Page, shipped):
    page.goto("/?kind=visit")
    want = expected_ids(shipped, "?kind=visit")
    wait_ready(page, f"{len(want)} of {shipped.total} events")
    page.evaluate("window.print = () => { window.__printed = true; }")  # no dialog in a test
    page.click("#print-page")
    page.wait_for_function("window.__printed === true")
    table = page.locator(".print-table")
    expect(table).to_be_hidden()  # on screen
    page.emulate_media(media="print")
    expect(table).to_be_visible()
    expect(page.locator(".twin")).to_be_hidden()
    dates = [d.split(" – ")[0] for d in table.locator("tbody td:first-child").all_inner_texts()]
    assert dates == [shipped.events.set_index("id").loc[i, "start_date"].strftime("%Y-%m-%d")
                     for i in want]  # fmt: skip


@pytest.mark.parametrize(("button", "start"), [("#save-svg", b"<svg"), ("#save-png", b"\x89PNG")])
def test_the_timeline_saves_as_an_image(page: Page, tmp_path, button, start):
    page.goto("/?decade=1950s")
    wait_ready(page)
    with page.expect_download() as info:
        page.click(button)
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.name.startswith("china-russia-timeline") and path.read_bytes().startswith(start)


def test_the_embed_button_gives_the_iframe_code(page: Page, base_url: str):
    page.goto("/?decade=2010s")
    wait_ready(page)
    page.locator("#embed-box summary").click()
    code = page.locator("#embed-code")
    expect(code).to_be_visible()
    expect(code).to_have_value(
        re.compile(rf'^<iframe src="{re.escape(base_url)}/embed\?decade=2010s"')
    )
