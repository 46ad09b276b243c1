"""Search and leader filters as a user types and picks them, in headless Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from explorer.filters import vocabulary
from explorer.view import open_view
from tests.browser.conftest import drawn_ids, wait_ready

pytestmark = pytest.mark.browser
PAIR = "?leader=Xi+Jinping&leader=Vladimir+Putin"


def view_ids(shipped, query: str) -> list[str]:
    return open_view(shipped, vocabulary(shipped), query).events["id"].tolist()


def pick_leader(page: Page, name: str) -> None:
    page.click("#filter-leaders")
    page.keyboard.type(name.split()[0])
    page.locator(".dash-dropdown-option", has_text=name).first.click()
    page.keyboard.press("Escape")


def test_sco_means_the_tag_and_two_leaders_can_be_asked_together(page: Page, shipped):
    page.goto("/")
    wait_ready(page)
    page.fill("#filter-search", "SCO")
    tagged = int(shipped.events["tags"].map(lambda tags: "SCO" in tags).sum())
    wait_ready(page, f"{tagged} of {shipped.total} events")
    expect(page).to_have_url(re.compile(r"\?q=SCO$"))

    page.fill("#filter-search", "")
    wait_ready(page, f"{shipped.total} of {shipped.total} events")
    pick_leader(page, "Xi Jinping")
    pick_leader(page, "Vladimir Putin")
    either = view_ids(shipped, PAIR)
    wait_ready(page, f"{len(either)} of {shipped.total} events")
    expect(page.locator(".chip-note")).to_have_text("Leaders: any of")

    page.locator("#filter-leaders-combine label", has_text="all of").click()
    both = view_ids(shipped, PAIR + "&leaders=all")
    assert 0 < len(both) < len(either)
    wait_ready(page, f"{len(both)} of {shipped.total} events")
    expect(page).to_have_url(
        re.compile(r"\?leader=Xi\+Jinping&leader=Vladimir\+Putin&leaders=all$")
    )
    assert sorted(drawn_ids(page)) == sorted(both)
    expect(page.locator("#export-csv")).to_have_attribute("href", re.compile(r"leaders=all"))

    page.locator("button.chip", has_text="Leaders: all of").click()  # back to any of
    wait_ready(page, f"{len(either)} of {shipped.total} events")
    expect(page.locator("#filter-leaders-combine input:checked")).to_have_value("any")
