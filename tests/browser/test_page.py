"""The page as a user finds it, in headless Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from explorer.exports import FORMATS
from explorer.filters import vocabulary
from explorer.view import open_view
from tests.browser.conftest import TRACK_CALLBACKS, drawn_ids, show_table, wait_ready

pytestmark = pytest.mark.browser


def click_until_url(page: Page, target, url: re.Pattern, tries: int = 3) -> None:
    """Click until the URL matches: AG Grid may redraw a row just as a busy machine clicks it."""
    for attempt in range(tries):
        target.click()
        try:
            expect(page).to_have_url(url, timeout=5_000)
            return
        except AssertionError:
            if attempt == tries - 1:
                raise


def expected_ids(shipped, query: str) -> list[str]:
    return open_view(shipped, vocabulary(shipped), query).events["id"].tolist()


def test_every_event_is_drawn(page: Page, shipped):
    page.goto("/")
    wait_ready(page, f"{shipped.total} of {shipped.total} events")
    assert sorted(drawn_ids(page)) == sorted(shipped.events["id"])
    assert page.locator("#timeline .cartesianlayer .subplot.xy .point").count() == shipped.total


def test_choosing_a_leader_narrows_count_marks_and_url(page: Page, shipped):
    page.goto("/")
    wait_ready(page)
    page.click("#filter-leaders")
    page.keyboard.type("Deng")
    page.locator(".dash-dropdown-option", has_text="Deng Xiaoping").first.click()
    want = expected_ids(shipped, "?leader=Deng+Xiaoping")
    wait_ready(page, f"{len(want)} of {shipped.total} events")
    assert sorted(drawn_ids(page)) == sorted(want)
    expect(page).to_have_url(re.compile(r"\?leader=Deng\+Xiaoping$"))
    expect(page.locator(".chip")).to_have_text(["Deng Xiaoping ×"])


def test_choosing_a_decade_then_removing_its_chip(page: Page, shipped):
    page.goto("/")
    wait_ready(page)
    page.locator("#filter-decades label", has_text="1950s").click()
    want = expected_ids(shipped, "?decade=1950s")
    wait_ready(page, f"{len(want)} of {shipped.total} events")
    assert sorted(drawn_ids(page)) == sorted(want)
    page.locator(".chip", has_text="1950s").click()
    wait_ready(page, f"{shipped.total} of {shipped.total} events")
    expect(page.locator("#filter-decades input:checked")).to_have_count(0)


def test_clicking_a_mark_opens_its_details_with_sources(page: Page, shipped):
    page.goto("/?decade=1960s&lanes=kind")
    wait_ready(page)
    point = page.locator("#timeline .cartesianlayer .subplot.xy .point").first
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    # Plotly resolves clicks through its hover state: click once the hover label is up.
    page.wait_for_selector("#timeline .hoverlayer .hovertext")
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page).to_have_url(re.compile(r"event="))
    event_id = re.search(r"event=([^&]+)", page.url)[1]
    row = shipped.events.set_index("id").loc[event_id]
    expect(page.locator("#detail-title")).to_have_text(row["title"])
    links = page.locator("#event-detail .sources a.source")
    expect(links).to_have_count(len(row["sources"]))
    assert links.first.get_attribute("rel") == "noopener noreferrer"
    assert links.first.get_attribute("target") == "_blank"
    expect(page.locator("#event-detail .cite a")).to_have_attribute(
        "href", "https://doi.org/10.30574/wjarr.2025.27.2.2937"
    )


def test_details_show_the_office_held_that_day(page: Page):
    page.goto("/?event=1989-05-16-deng-gorbachev-meeting")
    wait_ready(page)
    people = page.locator("#event-detail .people li")
    expect(people.first).to_contain_text(
        "Deng Xiaoping (邓小平) — Chairman of the Central Military Commission"
    )
    expect(page.locator("#event-detail .badge")).to_have_text("Named in the article's abstract")


def test_previous_and_next_step_through_the_filtered_events(page: Page, shipped):
    ids = expected_ids(shipped, "?decade=1980s")
    page.goto(f"/?decade=1980s&event={ids[0]}")
    wait_ready(page)
    page.click("#event-next")
    expect(page).to_have_url(re.compile(f"event={ids[1]}"))
    page.click("#event-prev")
    expect(page).to_have_url(re.compile(f"event={ids[0]}"))


def test_a_table_row_selects_the_event(page: Page, shipped):
    page.goto("/?decade=1990s")
    wait_ready(page)
    show_table(page)
    first = expected_ids(shipped, "?decade=1990s")[0]
    cell = page.locator(f"#events-grid .ag-row[row-id='{first}'] .ag-cell").nth(1)
    click_until_url(page, cell, re.compile(f"event={first}"))
    expect(page.locator("#detail-title")).to_have_text(
        shipped.events.set_index("id").loc[first, "title"]
    )
    expect(page.locator(f"#events-grid .ag-row[row-id='{first}'].ag-row-selected")).to_have_count(1)


def test_a_url_restores_the_view_and_history_works(page: Page, shipped):
    page.goto("/?leader=Xi+Jinping&decade=2010s&lanes=host")
    want = expected_ids(shipped, "?leader=Xi+Jinping&decade=2010s")
    wait_ready(page, f"{len(want)} of {shipped.total} events")
    expect(page.locator("#filter-decades input:checked")).to_have_count(1)
    expect(page.locator("#view-lanes input:checked")).to_have_value("host")
    page.locator("#filter-kinds label", has_text="Visit").click()
    narrower = expected_ids(shipped, "?leader=Xi+Jinping&decade=2010s&kind=visit")
    wait_ready(page, f"{len(narrower)} of {shipped.total} events")
    page.go_back()
    wait_ready(page, f"{len(want)} of {shipped.total} events")
    expect(page.locator("#filter-kinds input:checked")).to_have_count(0)
    page.go_forward()
    wait_ready(page, f"{len(narrower)} of {shipped.total} events")


def test_malformed_url_falls_back_to_defaults(page: Page, shipped):
    page.goto("/?leader=Nobody&decade=1890s&from=zzz&event=%3Cscript%3E&lanes=up")
    wait_ready(page, f"{shipped.total} of {shipped.total} events")


def test_an_empty_result_says_so(page: Page, shipped):
    page.goto("/?q=zzzznothing")
    wait_ready(page, f"0 of {shipped.total} events")
    expect(page.locator("#empty-message")).to_be_visible()
    expect(page.locator("#timeline-box")).to_be_hidden()


@pytest.mark.parametrize("query", ["?leader=Vladimir+Putin&kind=call", "?q=Хрущёв"])
def test_export_downloads_exactly_the_filtered_rows(page: Page, shipped, query, tmp_path):
    page.goto("/" + query)
    wait_ready(page)
    with page.expect_download() as info:
        page.click("#export-csv")
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert pd.read_csv(path)["id"].tolist() == expected_ids(shipped, query)


def test_search_in_other_scripts(page: Page, shipped):
    page.goto("/")
    wait_ready(page)
    page.fill("#filter-search", "赫鲁晓夫")
    want = expected_ids(shipped, "?q=赫鲁晓夫")
    wait_ready(page, f"{len(want)} of {shipped.total} events")
    assert len(want) > 0


def test_reset_clears_filters(page: Page, shipped):
    page.goto("/?leader=Xi+Jinping&abstract=1")
    wait_ready(page)
    page.click("#filter-reset")
    wait_ready(page, f"{shipped.total} of {shipped.total} events")
    expect(page.locator(".chip")).to_have_count(0)


def test_permalink_shows_the_current_url(page: Page):
    page.goto("/?decade=2020s")
    wait_ready(page)
    expect(page.locator("#permalink")).to_have_value(re.compile(r"/\?decade=2020s$"))


def test_phone_width_has_a_filter_drawer(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 800}, base_url=base_url)
    context.add_init_script(TRACK_CALLBACKS)
    page = context.new_page()
    page.goto("/")
    wait_ready(page)
    expect(page.locator("#filters-drawer")).to_be_hidden()
    page.click("#filters-toggle")
    expect(page.locator("#filters-drawer")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375 + 1
    context.close()


def test_a_selected_event_is_scrolled_into_the_table(page: Page, shipped):
    last = shipped.events["id"].iloc[-1]
    page.goto(f"/?event={last}")
    wait_ready(page)
    page.locator(".grid-box").scroll_into_view_if_needed()  # the grid comes, on the chosen row
    expect(page.locator(f"#events-grid .ag-row[row-id='{last}'].ag-row-selected")).to_be_visible()


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_export_button_downloads_the_view(page: Page, fmt):
    page.goto("/?leader=Xi+Jinping&decade=2010s")
    wait_ready(page)
    with page.expect_download() as info:
        page.click(f"#export-{fmt.replace('.', '-')}")
    assert info.value.suggested_filename == f"china-russia-events_xi-jinping_2010s.{fmt}"
    assert Path(info.value.path()).stat().st_size > 0


def test_the_timeline_reports_how_many_events_it_drew(page: Page, shipped):
    page.goto("/")
    wait_ready(page)
    expect(page.locator("#timeline-box")).to_have_attribute(
        "data-rendered-events", str(shipped.total)
    )
    page.locator("#filter-decades label", has_text="1980s").click()
    want = expected_ids(shipped, "?decade=1980s")
    expect(page.locator("#timeline-box")).to_have_attribute("data-rendered-events", str(len(want)))
