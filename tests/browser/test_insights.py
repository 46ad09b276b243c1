"""The insights and the accessible twin list in Chromium: they follow the filters, and a click
in any of them filters or selects; axe-core finds no serious or critical violation.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from explorer.filters import vocabulary
from explorer.view import open_view
from tests.browser.conftest import TRACK_CALLBACKS, show_insights, wait_ready

pytestmark = pytest.mark.browser
AXE = Path(__file__).resolve().parents[1] / "js" / "node_modules" / "axe-core" / "axe.min.js"


def expected_ids(shipped, query: str) -> list[str]:
    return open_view(shipped, vocabulary(shipped), query).events["id"].tolist()


def click_center(page: Page, selector: str) -> None:
    """Click the middle of an SVG mark (plotly's drag layer sits above it)."""
    mark = page.locator(selector).first
    mark.scroll_into_view_if_needed()
    box = mark.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    # Plotly resolves clicks through its hover state: click once the hover label is up.
    page.wait_for_selector(".hoverlayer .hovertext")
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def click_category_cell(page: Page, graph: str, x: str, y: str) -> None:
    """Click the heatmap cell at categories (x, y), located through plotly's own axes."""
    page.locator(f"#{graph}").scroll_into_view_if_needed()
    point = page.evaluate(
        """([graph, x, y]) => {
          const gd = document.querySelector(`#${graph} .js-plotly-plot`);
          const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
          const area = gd.querySelector('.nsewdrag').getBoundingClientRect();
          return [area.left + xa.l2p(xa._categories.indexOf(x)),
                  area.top + ya.l2p(ya._categories.indexOf(y))];
        }""",
        [graph, x, y],
    )
    page.mouse.move(*point)
    page.wait_for_selector(f"#{graph} .hoverlayer .hovertext")
    page.mouse.click(*point)


def test_every_view_follows_the_filters(page: Page, shipped):
    # plotly's later part (bars, heatmaps, the map) is fetched by the insights, once.
    later = []
    page.on("request", lambda r: later.append(r.url) if ".later.min.js" in r.url else None)
    page.goto("/?decade=1950s")
    want = expected_ids(shipped, "?decade=1950s")
    wait_ready(page, f"{len(want)} of {shipped.total} events")
    assert later == []  # the timeline drew without it
    # No chart is put in the page (to draw empty axes) before the section nears the screen.
    expect(page.locator("#insights .js-plotly-plot")).to_have_count(0)
    show_insights(page)
    expect(page.locator("#twin-list [role='option']")).to_have_count(len(want))
    located = open_view(shipped, vocabulary(shipped), "?decade=1950s").events
    cities = located.loc[located["city"] != "", "city"].nunique()
    expect(page.locator("#insight-map .scattergeo .point")).to_have_count(cities)
    expect(page.locator("#insight-tempo .bars .point path")).not_to_have_count(0)
    assert len(later) == 1, later
    # A chart's table is drawn only once its <details> is opened (and dropped when closed).
    expect(page.locator("#insight-map-table tbody tr")).to_have_count(0)
    page.locator("summary", has_text="Meeting places: as a table").click()
    expect(page.locator("#insight-map-table tbody tr")).to_have_count(cities)
    page.locator("summary", has_text="Leader pairs: as a table").click()
    expect(page.locator("#insight-pairs-table tbody tr")).not_to_have_count(0)
    page.locator("summary", has_text="Meeting places: as a table").click()
    expect(page.locator("#insight-map-table tbody tr")).to_have_count(0)


def test_a_map_click_filters_to_that_place(page: Page, shipped):
    page.goto("/?decade=1990s")
    wait_ready(page)
    show_insights(page)
    click_center(page, "#insight-map .scattergeo .point")
    expect(page).to_have_url(re.compile(r"place=[^&]+"))
    place = re.search(r"place=([^&]+)", page.url)[1].replace("+", " ")
    want = expected_ids(shipped, f"?decade=1990s&place={place}")
    wait_ready(page, f"{len(want)} of {shipped.total} events")
    expect(page.locator(".chip", has_text=f"Place: {place}")).to_have_count(1)


def test_a_pair_cell_filters_to_that_pair(page: Page, shipped):
    page.goto("/?decade=2010s")
    wait_ready(page)
    show_insights(page)
    click_category_cell(page, "insight-pairs", "Vladimir Putin", "Xi Jinping")
    expect(page).to_have_url(re.compile(r"pair=Xi\+Jinping,Vladimir\+Putin"))
    want = expected_ids(shipped, "?decade=2010s&pair=Xi+Jinping,Vladimir+Putin")
    wait_ready(page, f"{len(want)} of {shipped.total} events")


def test_a_direction_bar_filters_by_host(page: Page):
    page.goto("/?decade=2000s")
    wait_ready(page)
    show_insights(page)
    click_center(page, "#insight-direction .bars .point path")
    expect(page).to_have_url(re.compile(r"host=(ussr-russia|china|third-country)"))


def test_a_tempo_bar_zooms_the_timeline_to_its_year(page: Page):
    page.goto("/?decade=1980s")
    wait_ready(page)
    show_insights(page)
    click_center(page, "#insight-tempo .bars .point path")
    expect(page).to_have_url(re.compile(r"from=\d{4}-01-01&to=\d{4}-12-31"))


def test_the_twin_list_is_keyboard_navigable_and_announced(page: Page, shipped):
    page.goto("/?decade=1960s")
    want = expected_ids(shipped, "?decade=1960s")
    wait_ready(page, f"{len(want)} of {shipped.total} events")
    page.focus("#twin-list")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#twin-status")).to_have_text(re.compile(rf"^2 of {len(want)}: "))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"event={want[1]}"))
    wait_ready(page)
    expect(page.locator(f"#twin-{want[1]}")).to_have_attribute("aria-selected", "true")
    title = shipped.events.set_index("id").loc[want[1], "title"]
    expect(page.locator("#detail-title")).to_have_text(title)


def test_a_timeline_selection_shows_in_the_twin_list(page: Page, shipped):
    event = expected_ids(shipped, "?decade=1980s")[0]
    page.goto(f"/?decade=1980s&event={event}")
    wait_ready(page)
    expect(page.locator(f"#twin-{event}")).to_have_attribute("aria-selected", "true")


@pytest.mark.parametrize("query", ["", "?event=2013-03-22-xi-putin-moscow&lanes=host"])
def test_axe_finds_no_serious_or_critical_violations(browser: Browser, base_url, query):
    if not AXE.exists():
        pytest.fail("tests/js/node_modules missing: run `make test` (npm ci in tests/js)")
    # axe is injected as a script of its own: the page's CSP rightly refuses that, so bypass it.
    context = browser.new_context(
        base_url=base_url, bypass_csp=True, viewport={"width": 1400, "height": 1000}
    )
    context.add_init_script(TRACK_CALLBACKS)
    page = context.new_page()
    page.goto("/" + query)
    wait_ready(page)
    show_insights(page)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => (await axe.run(document)).violations
             .filter(v => ['serious', 'critical'].includes(v.impact))
             .map(v => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target}`)"""
    )
    context.close()
    assert violations == []
