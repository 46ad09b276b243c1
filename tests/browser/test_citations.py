"""Sources as citations and the signing-day links in the details panel, in headless Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from explorer.citations import cite, lookup
from explorer.loader import load_dataset
from explorer.model import build_record
from tests.browser.conftest import open_page, serve, wait_ready
from tests.conftest import EVENTS, SOURCES
from tests.test_provenance import SIGNING, VISIT

pytestmark = pytest.mark.browser


def test_shipped_details_show_sources_as_citations(page: Page, shipped):
    event = shipped.events.iloc[len(shipped.events) // 2]
    page.goto(f"/?event={event['id']}")
    wait_ready(page)
    links = page.locator("#event-detail .sources a.source")
    want = cite(event["sources"], lookup(shipped.sources))
    expect(links).to_have_text([c.text for c in want])
    for link, citation in zip(links.all(), want, strict=True):
        assert link.get_attribute("href") == citation.url
        assert link.get_attribute("target") == "_blank"
        assert link.get_attribute("rel") == "noopener noreferrer"


def test_a_citation_and_the_link_between_a_visit_and_its_signing(browser: Browser, make_dataset):
    folder = make_dataset(events=[*EVENTS, SIGNING], sources=SOURCES)
    for base in serve(build_record(load_dataset(folder))):
        with open_page(browser, base) as page:
            page.goto(f"/?event={VISIT['id']}")
            wait_ready(page)
            source = page.locator("#event-detail .sources li").first
            expect(source.locator("a.source")).to_have_text(
                "President of Russia — Talks with Xi Jinping, 22 Mar 2013"
            )
            expect(source).to_contain_text("official")
            expect(source.locator("a", has_text="archived copy")).to_have_attribute(
                "href", SOURCES[0]["archived_url"]
            )
            facts = page.locator("#event-detail .facts")
            expect(facts).to_contain_text("Signed during this visit")
            facts.locator("a", has_text=SIGNING["title"]).click()
            expect(page).to_have_url(re.compile(f"event={SIGNING['id']}"))
            expect(page.locator("#detail-title")).to_have_text(SIGNING["title"])
            expect(facts).to_contain_text(f"Part of{VISIT['title']} (22–24 Mar 2013)")
