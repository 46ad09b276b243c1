"""The page in Chinese and Russian, in headless Chromium: <html lang>, no English interface text
left, the language kept by filters, links and the share link, timeline labels in the language."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from explorer import i18n
from explorer.app.layout import page_title
from explorer.i18n import HTML_LANGS, catalogue, translate
from explorer.localize import localized
from tests.browser.conftest import QUIET_MS, TRACK_CALLBACKS, labels_drawn

pytestmark = pytest.mark.browser
LANGS = ("zh", "ru")
# conftest's SETTLED, with the count read in any language.
SETTLED = """([want, quiet]) => {
  const count = document.getElementById('event-count');
  const box = document.getElementById('timeline-box');
  const drawn = box && (box.hidden || box.hasAttribute('data-rendered-events'));
  return window.__dashPending === 0 && Date.now() - window.__dashIdleSince > quiet
    && count && count.textContent === want && drawn;
}"""


def wait_count(page: Page, lang: str, shown: int, total: int) -> None:
    """Wait until the page has settled with the count reading `shown` of `total` in `lang`."""
    want = translate("status.count", lang, shown=shown, total=total)
    page.wait_for_function(SETTLED, arg=[want, QUIET_MS])


# The page's visible text, less what it marks as English on purpose (the article's reference,
# the dataset citation, untranslated summaries) and the table's tags, which are the record's own
# English vocabulary like its ids: hidden for the read, then shown again.
VISIBLE_TEXT = """() => {
  const marked = Array.from(document.body.querySelectorAll('[lang="en"], .ag-cell[col-id="tags"]'));
  marked.forEach(e => { e.dataset.display = e.style.display; e.style.display = 'none'; });
  const text = document.body.innerText;
  marked.forEach(e => { e.style.display = e.dataset.display; });
  return text;
}"""


def english_left(text: str, lang: str) -> list[str]:
    """Return the English catalogue strings (those `lang` words differently) found in `text`."""
    english, other = catalogue("en"), catalogue(lang)
    found = []
    for key, phrase in english.items():
        fixed = re.split(r"\{[^}]*\}", phrase)  # the words around the placeholders
        for part in (p.strip(" :·,()") for p in fixed):
            if len(part) < 3 or other[key] == phrase or part in other[key]:
                continue
            # Whole words: tags such as 'state-visit' are data, not the word 'visit'.
            if re.search(rf"(?<![\w-]){re.escape(part)}(?![\w-])", text):
                found.append(f"{key}: {part!r}")
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_speaks_the_urls_language(page: Page, shipped, lang):
    page.goto(f"/?lang={lang}")
    wait_count(page, lang, shipped.total, shipped.total)
    assert page.evaluate("document.documentElement.lang") == HTML_LANGS[lang]
    assert page.title() == page_title(shipped, lang)  # the record's years filled in
    text = page.evaluate(VISIBLE_TEXT)
    assert english_left(text, lang) == []
    expect(page.locator(".lang-link.current")).to_have_attribute("lang", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_a_filter_keeps_the_language_in_the_url_share_link_and_exports(page, shipped, lang):
    page.goto(f"/?lang={lang}")
    wait_count(page, lang, shipped.total, shipped.total)
    page.locator("#filter-decades label", has_text="2010s").click()
    shown = int((shipped.events["decade"] == "2010s").sum())
    wait_count(page, lang, shown, shipped.total)
    expect(page).to_have_url(re.compile(rf"\?decade=2010s&lang={lang}$"))
    expect(page.locator("#permalink")).to_have_value(re.compile(rf"decade=2010s&lang={lang}$"))
    expect(page.locator("#export-csv")).to_have_attribute("href", re.compile(f"lang={lang}"))
    other = next(code for code in ("en", *LANGS) if code != lang)
    expect(page.locator(f".lang-link[lang={other}]")).to_have_attribute(
        "href", f"?decade=2010s&lang={other}"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_timeline_labels_and_details_are_in_the_language(page: Page, shipped, lang):
    page.goto(f"/?lang={lang}&decade=2010s")
    shown = int((shipped.events["decade"] == "2010s").sum())
    wait_count(page, lang, shown, shipped.total)
    wanted = localized(shipped.events, lang).set_index("id")["label"]
    marks = [b for b in labels_drawn(page) if b["event"]]
    assert marks, "no mark labels were placed"
    for mark in marks:  # a long label is cut to fit, with an ellipsis (assets/timeline.js)
        text, label = mark["text"], wanted[mark["event"]]
        assert text == label or (text.endswith("…") and label.startswith(text[:-1])), text
    event = marks[0]["event"]
    page.goto(f"/?lang={lang}&event={event}")
    title = shipped.events.set_index("id").loc[event, f"title_{lang}"]
    expect(page.locator("#detail-title")).to_have_text(title)
    page.locator(".english summary").click()
    english = shipped.events.set_index("id").loc[event, "title"]
    expect(page.locator(".english .title-en")).to_have_text(english)
    expect(page.locator(".english-only")).to_have_text(translate("detail.english_only", lang))


def test_switching_language_keeps_the_view(page: Page, shipped):
    page.goto("/?decade=1980s&lang=zh")
    shown = int((shipped.events["decade"] == "1980s").sum())
    wait_count(page, "zh", shown, shipped.total)
    page.locator(".lang-link[lang=ru]").click()
    wait_count(page, "ru", shown, shipped.total)
    expect(page).to_have_url(re.compile(r"\?decade=1980s&lang=ru$"))
    assert page.evaluate("document.documentElement.lang") == "ru"


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_each_language_name_is_on_one_line_on_a_phone(phone: Page, shipped, lang):
    phone.goto(f"/?lang={lang}")
    wait_count(phone, lang, shipped.total, shipped.total)
    # Lines each link's text is laid out on (a wrapped 中文 gives two rects).
    lines = phone.evaluate(
        "() => Array.from(document.querySelectorAll('.lang-link')).map(a => {"
        " const r = document.createRange(); r.selectNodeContents(a);"
        " return [a.textContent, new Set(Array.from(r.getClientRects()).map(x => x.top)).size]; })"
    )
    assert len(lines) == len(i18n.LANGS)
    assert all(n == 1 for _, n in lines), lines


@pytest.mark.parametrize(("locale", "lang"), [("ru-RU", "ru"), ("zh-CN", "zh")])
def test_the_browsers_language_is_the_default(browser, base_url, shipped, locale, lang):
    context = browser.new_context(base_url=base_url, locale=locale)
    context.add_init_script(TRACK_CALLBACKS)
    page = context.new_page()
    try:
        page.goto("/")
        wait_count(page, lang, shipped.total, shipped.total)
        expect(page).to_have_url(re.compile(rf"/\?lang={lang}$"))
        assert page.evaluate("document.documentElement.lang") == HTML_LANGS[lang]
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_insights_are_in_the_language(page: Page, shipped, lang):
    page.goto(f"/?lang={lang}")
    wait_count(page, lang, shipped.total, shipped.total)
    page.locator("#insights").scroll_into_view_if_needed()  # drawn once near the screen
    titles = {
        "#insight-map": "chart.map",
        "#insight-tempo": "chart.tempo",
        "#insight-pairs": "chart.pairs",
        "#insight-direction": "chart.direction",
    }
    for chart, key in titles.items():
        expect(page.locator(f"{chart} .gtitle")).to_have_text(translate(key, lang))
    gaps = page.locator("#insight-gaps-table th")
    expect(gaps.first).to_have_text(re.compile(r"\S"))
    assert english_left(page.evaluate(VISIBLE_TEXT), lang) == []
