"""The timeline as a user scrolls it, in headless Chromium: labels, fitting, zoom in the browser,
the window as a filter, the share link, the phone drawer and the layout."""

from __future__ import annotations

import csv
import io
import re
from itertools import combinations

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from explorer.filters import vocabulary
from explorer.view import open_view
from explorer.window import last_dates
from tests.browser.conftest import axis_range, labels_drawn, open_page, wait_ready

pytestmark = pytest.mark.browser


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    def hit(a, b):
        return (
            a["x"] < b["x"] + b["w"]
            and b["x"] < a["x"] + a["w"]
            and (a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"])
        )

    return [(a["text"], b["text"]) for a, b in combinations(boxes, 2) if hit(a, b)]


def choose_leader(page: Page, typed: str, name: str) -> None:
    page.click("#filter-leaders")
    page.keyboard.type(typed)
    page.locator(".dash-dropdown-option", has_text=name).first.click()
    page.keyboard.press("Escape")


def test_labels_are_placed_without_overlap_and_milestones_always_labelled(page: Page, shipped):
    page.goto("/")
    wait_ready(page, f"{shipped.total} of {shipped.total} events")
    boxes = labels_drawn(page)
    marks = [b for b in boxes if b["event"]]
    assert len(marks) >= 20, "the zoomed-out record shows a good number of labels"
    assert overlapping(boxes) == []
    milestones = set(shipped.events.loc[shipped.events["in_abstract"], "id"])
    assert milestones <= {b["event"] for b in marks}
    # Zooming into the Alliance era labels nearly all of its events, none overlapping.
    page.locator(".era-buttons button", has_text="Alliance").click()
    wait_ready(page)
    boxes = labels_drawn(page)
    alliance = set(shipped.events.loc[shipped.events["era"] == "Alliance", "id"])
    labelled = alliance & {b["event"] for b in boxes if b["event"]}
    # Crowded corners may leave one or two out rather than overlap: nearly all, milestones all.
    assert len(labelled) >= 0.9 * len(alliance) and milestones & alliance <= labelled
    assert overlapping(boxes) == []


def test_a_filter_fits_the_axis_to_the_events_in_view(page: Page, shipped):
    page.goto("/")
    wait_ready(page)
    choose_leader(page, "Xi", "Xi Jinping")
    page.locator("#filter-decades label", has_text="2010s").click()
    view = open_view(shipped, vocabulary(shipped), "?leader=Xi+Jinping&decade=2010s").events
    wait_ready(page, f"{len(view)} of {shipped.total} events")
    first, last = view["start_date"].min(), last_dates(view).max()
    margin = (last - first) * 0.1
    start, end = (pd.Timestamp(v[:10]) for v in axis_range(page))
    assert first - margin <= start <= first and last <= end <= last + margin


# Six wheel notches 80 ms apart, dispatched in the page so that they are a gesture whatever the
# machine's load (Playwright's mouse.wheel waits on each notch); the page records how many
# server requests went out while it lasted.
WHEEL_GESTURE = """async () => {
  const el = document.querySelector('#timeline .nsewdrag');
  const r = el.getBoundingClientRect();
  const sent = window.__dashPending + (window.__dashRequests || 0);
  const before = document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis.range;
  for (let i = 0; i < 6; i++) {
    el.dispatchEvent(new WheelEvent('wheel', {deltaY: -120, bubbles: true, cancelable: true,
      clientX: r.left + r.width * 0.7, clientY: r.top + r.height / 2}));
    await new Promise((done) => setTimeout(done, 80));
  }
  const after = document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis.range;
  return {during: window.__dashPending + (window.__dashRequests || 0) - sent,
          zoomed: String(before) !== String(after)};
}"""
COUNT_REQUESTS = (
    "() => { window.__dashRequests = 0; const f = window.fetch; window.fetch = function (...a) {"
    " if (String(a[0] && a[0].url || a[0]).includes('_dash-update')) window.__dashRequests++;"
    " return f.apply(this, a); }; }"
)


def test_wheel_zoom_stays_in_the_browser_until_the_gesture_ends(page: Page, shipped):
    page.goto("/")
    wait_ready(page)
    page.evaluate(COUNT_REQUESTS)
    gesture = page.evaluate(WHEEL_GESTURE)
    assert gesture == {"during": 0, "zoomed": True}
    expect(page).to_have_url(re.compile(r"\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d$"))
    wait_ready(page)
    assert page.evaluate("() => window.__dashRequests") >= 1
    start, end = re.search(r"from=([\d-]+)&to=([\d-]+)", page.url).groups()
    want = open_view(shipped, vocabulary(shipped), f"?from={start}&to={end}").events
    expect(page.locator("#event-count")).to_have_text(
        f"{len(want)} of {shipped.total} events in this window"
    )
    expect(page.locator(".chip", has_text="Window:")).to_have_count(1)


def test_the_window_filters_the_count_and_the_exports(page: Page, shipped):
    page.goto("/")
    wait_ready(page)
    page.locator(".era-buttons button", has_text="Split").click()
    era = shipped.eras.set_index("name").loc["Split"]
    query = f"?from={era['start']:%Y-%m-%d}&to={era['end']:%Y-%m-%d}"
    want = open_view(shipped, vocabulary(shipped), query).events
    wait_ready(page, f"{len(want)} of {shipped.total} events in this window")
    expect(page).to_have_url(re.compile(re.escape(query) + "$"))
    href = page.locator("#export-csv").get_attribute("href")
    assert href.endswith(query)
    body = page.request.get(href).text()
    assert [r["id"] for r in csv.DictReader(io.StringIO(body))] == want["id"].tolist()
    # The window's chip, like any filter's, removes it: back to every event.
    page.locator(".chip", has_text="Window:").click()
    wait_ready(page, f"{shipped.total} of {shipped.total} events")


def test_dates_typed_in_set_the_window(page: Page, shipped):
    page.goto("/")
    wait_ready(page)
    # A year stands for its first day in "From" and its last in "To".
    page.fill("#window-from", "1989")
    page.locator("#window-from").press("Enter")
    page.fill("#window-to", "1991")
    page.locator("#window-to").press("Enter")
    query = "?from=1989-01-01&to=1991-12-31"
    want = open_view(shipped, vocabulary(shipped), query).events
    wait_ready(page, f"{len(want)} of {shipped.total} events in this window")
    start, end = axis_range(page)
    assert (start[:10], end[:10]) == ("1989-01-01", "1991-12-31")


def test_the_copied_link_follows_every_change_and_reopens_the_view(page: Page, browser, base_url):
    page.goto("/")
    wait_ready(page)
    choose_leader(page, "Putin", "Vladimir Putin")
    page.locator("#filter-decades label", has_text="2010s").click()
    expect(page).to_have_url(re.compile(r"leader=Vladimir\+Putin&decade=2010s$"))
    wait_ready(page)
    link = page.locator("#permalink").input_value()
    assert link == page.url
    count = page.locator("#event-count").inner_text()
    page.locator(".era-buttons button", has_text="New era").click()
    expect(page).to_have_url(re.compile(r"from="))
    wait_ready(page)
    expect(page.locator("#permalink")).to_have_value(page.url)
    page.go_back()
    expect(page).to_have_url(link)
    expect(page.locator("#permalink")).to_have_value(link)
    with open_page(browser, base_url) as other:
        other.goto(link)
        wait_ready(other, count)
        expect(other.locator(".chip")).to_have_text(["Vladimir Putin ×", "2010s ×"])


def test_details_sit_beside_the_timeline_at_desktop_size(browser, base_url, shipped):
    with open_page(browser, base_url, {"width": 1440, "height": 900}) as page:
        page.goto("/?event=2013-03-22-xi-putin-moscow")
        wait_ready(page)
        timeline = page.locator("#timeline-box").bounding_box()
        detail = page.locator("#detail-title").bounding_box()
        assert detail["x"] > timeline["x"] + timeline["width"]
        assert detail["y"] + detail["height"] < 900


def test_the_phone_drawer_closes_with_its_button_escape_and_a_tap_outside(phone: Page):
    phone.goto("/")
    wait_ready(phone)
    drawer, toggle = phone.locator("#filters-drawer"), phone.locator("#filters-toggle")
    for close in ("button", "escape", "outside"):
        toggle.click()
        expect(drawer).to_be_visible()
        expect(toggle).to_have_attribute("aria-expanded", "true")
        if close == "button":
            phone.locator("#filters-close").click()
        elif close == "escape":
            phone.keyboard.press("Escape")
        else:
            box = drawer.bounding_box()
            phone.mouse.click(box["x"] + box["width"] + 20, 400)
        expect(drawer).to_be_hidden()
        expect(toggle).to_have_attribute("aria-expanded", "false")


def test_on_a_phone_era_buttons_fit_labels_do_not_overlap_and_a_tap_opens_its_mark(phone, shipped):
    phone.goto("/?leader=Xi+Jinping&decade=2010s")
    wait_ready(phone)
    width = phone.viewport_size["width"]
    for button in phone.locator(".era-buttons button").all():
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
    boxes = labels_drawn(phone)
    assert overlapping(boxes) == [] and any(b["event"] for b in boxes)
    # Tap a labelled mark: its own event opens.
    event = next(b["event"] for b in boxes if b["event"])
    x, y = phone.evaluate(
        """(id) => { const gd = document.querySelector('#timeline .js-plotly-plot');
        const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
        for (const t of gd.data) { const i = (t.customdata || []).findIndex(c => c[0] === id);
          if (i >= 0 && t.legendgroup === 'colour') { const r = gd.getBoundingClientRect();
            return [r.left + xa._offset + xa.l2p(xa.d2l(t.x[i])),
                    r.top + ya._offset + ya.l2p(t.y[i])]; } } }""",
        event,
    )
    phone.mouse.move(x, y)
    phone.wait_for_selector("#timeline .hoverlayer .hovertext")
    phone.mouse.click(x, y)
    expect(phone).to_have_url(re.compile(f"event={re.escape(event)}"))
