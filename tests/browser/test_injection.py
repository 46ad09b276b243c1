"""Hostile text in the data is shown as inert text: no script runs, whatever panel is open."""

from __future__ import annotations

import threading
from itertools import cycle

import pytest
from playwright.sync_api import Browser
from werkzeug.serving import make_server

from explorer.app import create_app
from explorer.loader import DataError, load_dataset
from explorer.model import build_record
from explorer.state import LANES
from tests.browser.conftest import TRACK_CALLBACKS, wait_ready
from tests.conftest import EVENTS, LEADERS

pytestmark = pytest.mark.browser
PWN = "window.__pwned=1"
# Payloads that contain no HTML markup, so validation accepts them: they must stay text.
INERT = [
    "javascript:" + PWN,
    f"[click me](javascript:{PWN})",
    f'" onmouseover="{PWN}" x="',
    f"{{{{constructor.constructor('{PWN}')()}}}}",
    f"'; {PWN}; //",
    f"%3Cscript%3E{PWN}%3C/script%3E",
    "${alert(1)}",
]
# Payloads with markup: validation must refuse them.
REFUSED = [
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=alert(1)>",
    "<a href='javascript:alert(1)'>x</a>",
    "&#60;script&#62;",
]


def hostile_events() -> list[dict]:
    rows = []
    for row, payload in zip(EVENTS, INERT, strict=False):
        rows.append(
            row
            | {
                "title": payload,
                "summary": payload,
                "outcomes": payload,
                "notes": payload,
                "city": row["city"] and payload,
                "sources": row["sources"] + f'?x="onmouseover="{PWN}',
            }
        )
    return rows


@pytest.mark.parametrize("payload", REFUSED)
def test_markup_is_refused_by_validation(make_dataset, payload):
    with pytest.raises(DataError) as err:
        load_dataset(make_dataset(events=[EVENTS[0] | {"summary": payload}]))
    assert "contains HTML markup" in err.value.problems[0]


def test_hostile_text_stays_inert_in_every_panel(browser: Browser, make_dataset):
    leaders = [r | {"aliases": "javascript:" + PWN} for r in LEADERS]
    record = build_record(load_dataset(make_dataset(events=hostile_events(), leaders=leaders)))
    server = make_server("127.0.0.1", 0, create_app(record=record).server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    context.add_init_script(TRACK_CALLBACKS)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        # Each event's panel once, cycling through every lane layout.
        for event_id, lanes in zip(record.events["id"], cycle(LANES), strict=False):
            page.goto(f"{base}/?lanes={lanes}&color=pair&event={event_id}")
            wait_ready(page)
            title = page.locator("#detail-title").inner_text()
            assert title == record.events.set_index("id").loc[event_id, "title"]
            for point in page.locator("#timeline .cartesianlayer .point").all()[:3]:
                box = point.bounding_box()  # plotly's drag layer sits above the marks
                page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
                page.wait_for_selector(".hoverlayer .hovertext")
            page.locator("#event-detail .sources a").first.hover()
        page.fill("#filter-search", "javascript")
        wait_ready(page)
        assert page.evaluate("() => window.__pwned") is None
    finally:
        context.close()
        server.shutdown()
    assert dialogs == []
