"""The server-rendered first view matches the interactive one, and hands over without a shift."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from explorer.app import create_app
from tests.browser.conftest import DESKTOP, open_page, serve_wsgi, show_table, wait_ready

pytestmark = pytest.mark.browser

URLS = [
    "/",
    "/?lanes=china",
    "/?decade=1990s&lanes=host&color=era",
    "/?from=1989-01-01&to=1999-12-31",
    # In another language the lanes, count and labels are that language's on both sides.
    "/?lang=zh&lanes=china",
    "/?lang=ru&decade=2000s&lanes=host",
]

# Layout shifts as the page loads (CLS: the sum of shifts not caused by input).
CLS = """window.__cls = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) {
  if (!e.hadRecentInput) window.__cls += e.value; } })
  .observe({ type: 'layout-shift', buffered: true });"""

STATIC = """() => ({
  count: document.getElementById('fv-event-count').textContent,
  lanes: Array.from(document.querySelectorAll('#first-view .fv-lane')).map(e => e.textContent),
  marks: Array.from(document.querySelectorAll('#first-view .fv-mark')).map(e => e.dataset.lane),
  events: document.querySelector('#first-view .fv-svg').dataset.events,
  twin: document.querySelectorAll('#fv-twin-list .twin-item').length,
})"""

# Plotly's view: marks inside the window per lane, the lanes' names, the events drawn.
INTERACTIVE = """() => {
  const gd = document.querySelector('#timeline .js-plotly-plot');
  const xa = gd._fullLayout.xaxis, [lo, hi] = xa.range.map(xa.r2l);
  const marks = [];
  gd.data.filter(t => t.legendgroup === 'colour').forEach(t => t.x.forEach((x, i) => {
    const l = xa.d2l(x); if (l >= lo && l <= hi) marks.push(String(Math.round(t.y[i]))); }));
  return { count: document.getElementById('event-count').textContent,
    twin: document.querySelectorAll('#twin-list .twin-item').length,
    lanes: gd.layout.yaxis.ticktext, marks: marks,
    events: document.getElementById('timeline-box').dataset.renderedEvents };
}"""

# Each SVG mark's centre beside plotly's pixel for the same event and day.
OFFSETS = """() => {
  const gd = document.querySelector('#timeline .js-plotly-plot');
  const svg = document.getElementById('first-view-timeline'); svg.hidden = false;
  const box = gd.getBoundingClientRect(), xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  const where = {};
  gd.data.filter(t => t.legendgroup === 'colour').forEach(t => t.x.forEach((x, i) => {
    where[t.customdata[i][0] + '|' + t.y[i].toFixed(3)] =
      [box.x + xa._offset + xa.l2p(xa.d2l(x)), box.y + ya._offset + ya.l2p(t.y[i])]; }));
  const out = Array.from(svg.querySelectorAll('.fv-mark')).slice(0, 60).map(m => {
    const r = m.getBoundingClientRect(), c = [r.x + r.width / 2, r.y + r.height / 2];
    const y = (parseFloat(m.getAttribute('y')) / 100 * ya._length);
    const match = Object.entries(where).find(([k, p]) => k.startsWith(m.dataset.event + '|')
      && Math.abs(p[1] - box.y - ya._offset - y) < 1.5);
    return match ? Math.max(Math.abs(match[1][0] - c[0]), Math.abs(match[1][1] - c[1])) : 999; });
  svg.hidden = true;
  return out;
}"""


@pytest.mark.parametrize("url", URLS)
def test_server_view_matches_the_interactive_one(browser: Browser, base_url: str, url: str):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + url)
    static = page.evaluate(STATIC)  # what a reader without JavaScript sees, and sees first
    context.close()
    with open_page(browser, base_url) as page:
        page.context.add_init_script(CLS)
        page.goto(url)
        wait_ready(page)
        live = page.evaluate(INTERACTIVE)
        assert static["count"] == live["count"]
        assert static["lanes"] == live["lanes"]
        assert Counter(static["marks"]) == Counter(live["marks"])
        assert static["events"] == live["events"]
        assert static["twin"] == live["twin"] > 0  # the list without JavaScript, in a <noscript>
        # Handed over: the static page is gone, the SVG sits hidden in Dash's timeline box.
        assert page.evaluate("() => document.getElementById('first-view')") is None
        handed = "() => { const s = document.getElementById('first-view-timeline');"
        handed += " return [s.parentElement.id, s.hidden]; }"
        assert page.evaluate(handed) == ["timeline-box", True]
        offsets = page.evaluate(OFFSETS)

        assert offsets and max(offsets) <= 2, offsets  # same pixel as plotly's mark, ±2 px
        assert page.evaluate("window.__cls") <= 0.1


TABLE = """() => ({
  script: !!window.dash_ag_grid, grid: !!document.getElementById('events-grid'),
  preview: Array.from(document.querySelectorAll('#table-preview tbody tr'))
    .map(r => r.cells[1].textContent),
})"""
GRID_TITLES = """() => Array.from(document.querySelectorAll('#events-grid .ag-row[row-index]'))
  .filter(r => r.querySelector('[col-id=title]'))
  .sort((a, b) => a.getAttribute('row-index') - b.getAttribute('row-index'))
  .map(r => r.querySelector('[col-id=title]').textContent)"""


@pytest.mark.parametrize("url", ["/?decade=1990s", "/?lang=ru&kind=call"])
def test_the_grid_comes_when_the_table_is_wanted(browser: Browser, base_url: str, url: str):
    with open_page(browser, base_url) as page:
        page.goto(url)
        wait_ready(page)
        # Drawn and idle, the table's box shows the view's first rows; the grid's script waits.
        before = page.evaluate(TABLE)
        assert before["script"] is False and before["grid"] is False and before["preview"]
        show_table(page)
        expect(page.locator("#table-preview")).to_be_hidden()
        titles = page.evaluate(GRID_TITLES)
        assert titles[: len(before["preview"])] == before["preview"]


def test_the_export_buttons_do_not_bring_the_grid(browser: Browser, base_url: str):
    # A pointer on the table's rows asks for the grid (at once: the handler adds its script);
    # one on the export buttons beside it does not, nor does the focus there.
    state = "() => document.querySelector('#react-entry-point .grid-box').dataset.grid || null"
    with open_page(browser, base_url) as page:
        page.goto("/?decade=1990s")
        wait_ready(page)
        for event in ("pointerover", "focusin", "touchstart"):
            page.locator("#exports a").first.dispatch_event(event)
        assert page.evaluate(state) is None
        page.locator("#table-preview td").first.dispatch_event("pointerover")
        assert page.evaluate(state) in ("loading", "ready")
        expect(page.locator("#events-grid .ag-row").first).to_be_visible()


def slow_index(wsgi_app, pause_s: float):
    """Return `wsgi_app` sending the index page in two parts, `pause_s` apart: up to the end
    of the first view's timeline, then the rest (a slow network, or a large page)."""

    def app(environ, start_response):
        if environ["PATH_INFO"] == "/":
            environ = environ | {"HTTP_ACCEPT_ENCODING": "identity"}  # to cut it in plain text
        body = b"".join(wsgi_app(environ, start_response))
        cut = body.find(b"</svg>")
        if environ["PATH_INFO"] != "/" or cut < 0:
            return [body]

        def parts():
            yield body[: cut + 6]
            time.sleep(pause_s)
            yield body[cut + 6 :]

        return parts()

    return app


@pytest.fixture(scope="module")
def slow_url(shipped) -> Iterator[str]:
    yield from serve_wsgi(slow_index(create_app(record=shipped).server, 1.5))


# The whole page parsed (before any listener of the page's own): what the static list holds.
PARSED = """document.addEventListener('DOMContentLoaded', () => { window.__parsed = {
  items: document.querySelectorAll('#first-view li.twin-item').length,
  text: (document.querySelector('#fv-twin-list noscript') || {}).textContent || '' }; });"""
DASH_HIDDEN = """() => !document.getElementById('first-view') ||
  getComputedStyle(document.getElementById('react-entry-point')).display === 'none'"""


def test_dash_starts_while_the_page_is_still_coming(browser: Browser, slow_url: str):
    # The loader starts once the timeline is parsed: Dash's scripts load, in the head, while the
    # rest of the page arrives; Dash's page stays hidden until it replaces the static one.
    with open_page(browser, slow_url) as page:
        page.context.add_init_script(CLS)
        page.context.add_init_script(PARSED)
        page.goto("/?lanes=china", wait_until="commit")
        page.wait_for_function(
            "() => document.querySelectorAll('script[src*=_dash-component-suites]').length > 3"
        )
        assert page.evaluate("() => document.readyState") == "loading"
        page.wait_for_selector("#react-entry-point", state="attached")
        assert page.evaluate(DASH_HIDDEN)  # until it replaces the static page
        wait_ready(page)
        assert page.evaluate("() => document.getElementById('first-view')") is None
        assert page.evaluate("window.__cls") <= 0.1
        # With scripts, the static list of every event stays text in its <noscript>.
        parsed = page.evaluate("window.__parsed")
        assert parsed["items"] == 0 and "twin-item" in parsed["text"]
