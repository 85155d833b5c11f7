"""The offline copy: downloaded, unpacked and opened from file:// in Chromium, it navigates,
switches language and searches, with no request to any other host."""
from __future__ import annotations

import pytest

from browser import PageWatch


@pytest.fixture
def page(chromium, offline):
    context = chromium.new_context()
    page = context.new_page()
    page.watch = PageWatch(page, offline.as_uri())
    yield page
    context.close()


def test_every_page_links_to_the_archive(site):
    for path in (site / "index.html", site / "ar/mechanisms/ohchr/index.html"):
        assert 'class="hub-offline-link"' in path.read_text(encoding="utf-8")


def test_navigation_and_language_switcher_work_from_file_urls(page, offline):
    page.goto((offline / "index.html").as_uri(), wait_until="load")
    page.click("a[href$='mechanisms/index.html']")
    page.wait_for_load_state("load")
    assert page.url.endswith("/mechanisms/index.html")
    page.click("article a[href$='ohchr/index.html']")
    page.wait_for_load_state("load")
    assert page.url.endswith("/mechanisms/ohchr/index.html")
    arabic = page.locator("a.md-select__link[hreflang=ar]").get_attribute("href")
    page.goto(page.url.rsplit("/", 1)[0] + "/" + arabic, wait_until="load")
    assert page.url.endswith("/ar/mechanisms/ohchr/index.html")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("h1").inner_text().strip()
    assert page.watch.problems() == []


@pytest.mark.parametrize("language,query", [("ar", "مراكش"), ("ar", "اعلان"), ("en", "Marrakech"), ("fr", "Marrakech")])
def test_search_works_offline_in_the_readers_language(page, offline, language, query):
    prefix = "" if language == "en" else f"{language}/"
    page.goto((offline / f"{prefix}index.html").as_uri(), wait_until="load")
    page.fill("input.hub-search-form__input", query)
    page.press("input.hub-search-form__input", "Enter")
    page.wait_for_selector(".hub-offline-results li a", timeout=15000)
    links = [a.get_attribute("href") for a in page.query_selector_all(".hub-offline-results a")]
    assert links
    root = offline.as_uri()
    for href in links:
        rest = href[len(root) + 1:]
        assert rest.startswith(prefix) if prefix else rest.split("/")[0] not in ("ar", "fr", "es"), href
    assert page.watch.problems() == []


def test_the_arabic_offline_copy_is_mirrored(page, offline):
    from test_rtl_and_print import SHOTS
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto((offline / "ar/mechanisms/ohchr/index.html").as_uri(), wait_until="load")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "ar-offline-item.png"))
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    navigation = page.locator(".md-sidebar--primary").first.bounding_box()
    content = page.locator(".md-content").first.bounding_box()
    assert navigation["x"] > content["x"]
    assert page.watch.problems() == []
