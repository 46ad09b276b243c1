"""The explorer's features at 10,000 synthetic events (explorer.synth), in Chromium.

The same page as on the real record, at the size where it switches to WebGL marks, counts per
period, a table paged on the server and insights drawn on demand: each still works.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd
import pytest
from playwright.sync_api import Browser, Page, expect

from explorer.figure import WEBGL_THRESHOLD
from explorer.figure_counts import AGGREGATE_ABOVE
from explorer.filters import vocabulary
from explorer.loader import load_dataset
from explorer.model import Record, build_record
from explorer.synth import write_dataset
from explorer.view import open_view
from tests.browser.conftest import open_page, serve, show_insights, show_table, wait_ready

pytestmark = pytest.mark.browser
N = 10_000


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Record:
    return build_record(load_dataset(write_dataset(N, tmp_path_factory.mktemp("synth"))))


@pytest.fixture(scope="module")
def large_url(large) -> Iterator[str]:
    yield from serve(large)


@pytest.fixture
def page(browser: Browser, large_url: str) -> Iterator[Page]:
    with open_page(browser, large_url) as page:
        yield page


def view_ids(large: Record, query: str) -> list[str]:
    return open_view(large, vocabulary(large), query).events["id"].tolist()


def rendered(page: Page) -> int:
    return int(page.locator("#timeline-box").get_attribute("data-rendered-events"))


def test_all_events_are_drawn_as_counts(page: Page, large):
    page.goto("/")
    wait_ready(page, f"{N} of {N} events")
    assert rendered(page) == N
    kinds = page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot').data.map(t => t.type)"
    )
    assert "heatmap" in kinds


def test_a_view_of_a_few_thousand_events_is_drawn_with_webgl(page: Page, large):
    want = view_ids(large, "?kind=visit")
    assert WEBGL_THRESHOLD < len(want) <= AGGREGATE_ABOVE  # the synthetic mix guarantees it
    page.goto("/?kind=visit")
    wait_ready(page, f"{len(want)} of {N} events")
    assert rendered(page) == len(want)
    kinds = page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot').data.map(t => t.type)"
    )
    assert "scattergl" in kinds  # and no console error: WebGL runs under the app's CSP


def test_a_decade_filter_redraws_every_event_of_the_decade(page: Page, large):
    page.goto("/")
    wait_ready(page)
    page.locator("#filter-decades label", has_text="1990s").click()
    want = view_ids(large, "?decade=1990s")
    wait_ready(page, f"{len(want)} of {N} events")
    expect(page).to_have_url(re.compile(r"decade=1990s"))
    assert rendered(page) == len(want)


def test_a_counts_cell_zooms_in_and_the_marks_come_back(page: Page, large):
    page.goto("/")
    wait_ready(page)
    cell = page.evaluate(
        """() => {
          const gd = document.querySelector('#timeline .js-plotly-plot');
          const t = gd._fullData.find(d => d.type === 'heatmap');
          const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
          const area = gd.querySelector('.nsewdrag').getBoundingClientRect();
          const col = t.x.findIndex(x => x.startsWith('1990'));
          return [area.left + xa.d2p(t.x[col]), area.top + ya.d2p(0)];
        }"""
    )
    page.mouse.move(*cell)
    page.wait_for_selector("#timeline .hoverlayer .hovertext")
    page.mouse.click(*cell)
    expect(page).to_have_url(re.compile(r"from=1990-01-01&to=1990-12-31"))
    wait_ready(page)
    ids = page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot').data"
        ".filter(t => t.legendgroup === 'colour').flatMap(t => t.customdata.map(c => c[0]))"
    )
    in_1990 = set(large.events.loc[large.events["start_date"].dt.year == 1990, "id"])
    assert in_1990 <= set(ids) and len(ids) < N


def test_the_table_pages_sorts_and_selects_on_the_server(page: Page, large):
    page.goto("/")
    wait_ready(page)
    show_table(page)
    first = large.events["id"].iloc[0]
    expect(page.locator(f"#events-grid .ag-row[row-id='{first}']")).to_be_visible()
    page.locator("#events-grid .ag-header-cell", has_text="Title").click()  # sort by title
    top = sorted(large.events["title"].str.lower())[0]
    expect(page.locator("#events-grid .ag-row[row-index='0'] [col-id='title']")).to_have_text(
        re.compile(re.escape(top), re.I)
    )
    wait_ready(page)
    row = page.locator("#events-grid .ag-row[row-index='1']")
    event = row.get_attribute("row-id")
    row.locator("[col-id='title']").click()
    expect(page).to_have_url(re.compile(f"event={event}"))
    wait_ready(page)
    expect(page.locator("#detail-title")).to_have_text(
        large.events.set_index("id").loc[event, "title"]
    )


def test_a_chosen_event_far_down_is_scrolled_to_and_selected(page: Page, large):
    event = large.events["id"].iloc[N - 20]
    page.goto(f"/?event={event}")
    wait_ready(page)
    expect(page.locator("#detail-title")).to_be_visible()
    page.locator(".grid-box").scroll_into_view_if_needed()  # the grid comes, on the chosen row
    expect(page.locator(f"#events-grid .ag-row[row-id='{event}'].ag-row-selected")).to_be_visible()


def test_the_twin_list_opens_an_event(page: Page, large):
    page.goto("/?decade=1960s")
    wait_ready(page)
    option = page.locator("#twin-list [role='option']").nth(3)
    event = option.get_attribute("data-event")
    option.click()
    expect(page).to_have_url(re.compile(f"event={event}"))
    wait_ready(page)
    expect(page.locator("#detail-title")).to_have_text(
        large.events.set_index("id").loc[event, "title"]
    )


def test_insights_are_drawn_when_scrolled_to(page: Page):
    page.goto("/")
    wait_ready(page)
    show_insights(page)
    bars = page.evaluate(
        "() => document.querySelector('#insight-tempo .js-plotly-plot').data"
        ".reduce((n, t) => n + (t.type === 'bar' ? t.y.reduce((a, b) => a + b, 0) : 0), 0)"
    )
    assert bars == N


def test_the_export_holds_every_row_of_the_view(page: Page, large, tmp_path):
    page.goto("/?decade=2000s")
    wait_ready(page)
    with page.expect_download() as info:
        page.click("#export-csv")
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert pd.read_csv(path)["id"].tolist() == view_ids(large, "?decade=2000s")
