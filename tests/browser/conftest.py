"""Real-browser fixtures: the app on a loopback port, Debian's Chromium driven by Playwright."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from werkzeug.serving import make_server

from explorer.app import create_app

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Counts Dash callback requests in flight, so tests act only once the page has settled
# (Dash 4 marks nothing in the DOM while a callback is pending).
TRACK_CALLBACKS = """
window.__dashPending = 0; window.__dashIdleSince = Date.now();
const realFetch = window.fetch;
window.fetch = function (...args) {
  const url = String(args[0] && args[0].url || args[0]);
  if (!url.includes('_dash-update-component')) { return realFetch.apply(this, args); }
  window.__dashPending += 1;
  const done = () => { window.__dashPending -= 1;
    if (window.__dashPending === 0) { window.__dashIdleSince = Date.now(); } };
  return realFetch.apply(this, args).then(r => { r.clone().text().finally(done); return r; },
                                         e => { done(); throw e; });
};
"""
QUIET_MS = 300
# Shared, noisy 2-core machines: give assertions time rather than fail on a slow frame.
expect.set_options(timeout=15_000)
# Offline and container-friendly: no background fetches, no sandbox (tests run as root).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def base_url(shipped) -> Iterator[str]:
    """Serve the shipped record from a thread on an ephemeral loopback port."""
    yield from serve(shipped)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Launch Debian's Chromium headless (never a downloaded browser)."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} not found: run `make test`, which installs Debian's chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}


@contextmanager
def open_page(browser: Browser, base_url: str, viewport: dict | None = None) -> Iterator[Page]:
    """Yield a fresh page; fail if the console logs an error, a script throws or a request
    leaves the app (the explorer runs offline)."""
    context = browser.new_context(
        viewport=viewport or DESKTOP,
        accept_downloads=True,
        base_url=base_url,
        has_touch=viewport == PHONE,
    )
    context.add_init_script(TRACK_CALLBACKS)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    elsewhere: list[str] = []
    page.on(
        "request",
        lambda r: (
            None if r.url.startswith((base_url, "data:", "blob:")) else elsewhere.append(r.url)
        ),
    )
    yield page
    context.close()
    assert errors == [], errors
    assert elsewhere == [], elsewhere


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh page on the shipped record (see open_page for what fails the test)."""
    with open_page(browser, base_url) as page:
        yield page


@pytest.fixture
def phone(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh page on the shipped record, phone-sized and touch-enabled."""
    with open_page(browser, base_url, PHONE) as page:
        yield page


def labels_drawn(page: Page) -> list[dict]:
    """Wait until the browser has placed the timeline's labels; return their boxes and ids."""
    page.wait_for_function(
        "() => { const l = document.querySelector('.timeline-labels');"
        " const gd = document.querySelector('#timeline .js-plotly-plot');"
        " return l && gd && gd._fullLayout && gd._fullLayout.xaxis"
        " && l.dataset.range === gd._fullLayout.xaxis.range.join(','); }"
    )
    return page.evaluate(
        "() => Array.from(document.querySelectorAll('.mark-label, .era-label')).map(e => {"
        " const r = e.getBoundingClientRect();"
        " return {x: r.x, y: r.y, w: r.width, h: r.height, event: e.dataset.event || null,"
        " text: e.textContent}; })"
    )


def axis_range(page: Page) -> list[str]:
    """Return the timeline's x range as plotly drew it (dates, 'YYYY-MM-DD…')."""
    return page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis.range"
    )


def serve(record, **options) -> Iterator[str]:
    """Serve `record` (create_app's `options`, e.g. base_path) from a thread on an ephemeral
    loopback port; yield its base URL."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request is noise
    app = create_app(record=record, **options)
    yield from serve_wsgi(app.server)


def serve_wsgi(wsgi_app) -> Iterator[str]:
    """Serve any WSGI app from a thread on an ephemeral loopback port; yield its base URL."""
    server = make_server("127.0.0.1", 0, wsgi_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


SETTLED = """([want, quiet]) => {
  const count = document.getElementById('event-count');
  const box = document.getElementById('timeline-box');
  // Set on plotly_afterplot (assets/app.js), whether marks, WebGL or counts were drawn.
  const drawn = box && (box.hidden || box.hasAttribute('data-rendered-events'));
  // The table's grid, once asked for (assets/app.js), has drawn its first rows.
  const grid = document.querySelector('#react-entry-point .grid-box');
  const table = !grid || !grid.dataset.grid || grid.dataset.grid === 'ready';
  return window.__dashPending === 0 && table && Date.now() - window.__dashIdleSince > quiet
    // Any language: the count is written by the render callback (empty until then).
    && count && count.textContent.trim() !== '' && (!want || count.textContent === want) && drawn;
}"""


def wait_ready(page: Page, count: str | None = None) -> None:
    """Wait until no callback is pending, the count reads `count` and plotly has drawn."""
    page.wait_for_function(SETTLED, arg=[count, QUIET_MS])


def show_table(page: Page) -> None:
    """Scroll the table's box into view (its grid comes only then) and wait for its rows."""
    page.locator(".grid-box").scroll_into_view_if_needed()
    expect(page.locator("#events-grid .ag-row").first).to_be_visible()
    wait_ready(page)


def drawn_ids(page: Page) -> list[str]:
    """Return the event ids of the marks plotly has drawn."""
    return page.evaluate(
        "() => { const gd = document.querySelector('#timeline .js-plotly-plot');"
        " return gd.data.flatMap(t => (t.customdata || []).map(c => c[0])); }"
    )


def show_insights(page: Page) -> None:
    """Scroll the insights near the screen (they are drawn only then) and wait for them."""
    page.locator("#insights").scroll_into_view_if_needed()
    page.wait_for_function(
        "() => (document.querySelector('#insight-map .js-plotly-plot') || {}).data?.length > 0"
    )
    wait_ready(page)
