"""The offline copies: one archive per language, downloaded from that language's pages, unpacked
and opened from file:// in Chromium; it navigates and searches in its language, with no request
to any other host and no link that leads out of the copy."""
from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

import pytest

from browser import PageWatch
from conftest import LANGUAGES
from hooks.pipeline.publish.offline import for_file_urls

LINK = re.compile(r'\b(?:href|src|action)="([^"]*)"')
OUTSIDE = ("http:", "https:", "mailto:", "tel:", "data:", "#", "javascript:")


def unpack(site: Path, language: str, target: Path) -> Path:
    archive = site / "download" / f"defenders-hub-{language}.zip"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(target)
    return target / f"defenders-hub-{language}"


@pytest.fixture(scope="module")
def copies(site, tmp_path_factory) -> dict[str, Path]:
    """Each language's offline copy, unpacked: language -> its folder."""
    target = tmp_path_factory.mktemp("offline")
    return {language: unpack(site, language, target) for language in LANGUAGES}


def open_page(chromium, copy: Path, width: int = 1280):
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.watch = PageWatch(page, copy.as_uri())
    return context, page


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_languages_pages_link_to_that_languages_archive(site, language):
    prefix = "" if language == "en" else f"{language}/"
    for path in (f"{prefix}index.html", f"{prefix}mechanisms/ohchr/index.html"):
        html = (site / path).read_text(encoding="utf-8")
        link = re.search(r'<a class="hub-offline-link" href="([^"]*)"', html).group(1)
        assert link.endswith(f"download/defenders-hub-{language}.zip"), (path, link)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), link))
        assert (site / target).is_file()
    assert not (site / "download" / "defenders-hub.zip").exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_copy_holds_its_language_alone_and_nothing_leads_out_of_it(copies, language):
    copy = copies[language]
    pages = list(copy.rglob("*.html"))
    others = [other for other in LANGUAGES[1:] if other != language]
    assert not [other for other in others if (copy / other).exists()]
    assert language == "en" or {p.relative_to(copy).parts[0] for p in pages} == {language, "index.html"}
    assert len(pages) > 200
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "md-select" not in html, f"{page}: the language switcher leads out of the copy"
        assert "hub-offline-link" not in html
        for value in LINK.findall(html):
            path = value.split("#")[0].split("?")[0]
            if not path or value.startswith(OUTSIDE):
                continue
            assert (page.parent / path).resolve().is_file(), f"{page.relative_to(copy)}: {value}"


def test_what_compresses_is_compressed_and_the_rest_stored(site):
    with zipfile.ZipFile(site / "download" / "defenders-hub-ar.zip") as zipped:
        kinds = {info.filename.rsplit("/", 1)[-1]: info.compress_type for info in zipped.infolist()}
        names = zipped.namelist()
    assert kinds["favicon.png"] == zipfile.ZIP_STORED
    assert kinds["hub.css"] == zipfile.ZIP_DEFLATED and kinds["index.html"] == zipfile.ZIP_DEFLATED
    assert "defenders-hub-ar/assets/javascripts/lunr/min/lunr.ar.min.js" in names
    assert not [name for name in names if name.endswith(".map") or "lunr.fr." in name or "/pagefind/" in name]


def test_a_link_to_a_page_outside_the_copy_goes_to_the_web_site_or_is_plain_text():
    page = '<a href="../../benchmarks/" hreflang="en">English</a> <a href="../tools/">Tools</a>'
    members = {"ar/tools/index.html", "ar/benchmarks/index.html"}
    online = for_file_urls(page, "ar/benchmarks/index.html", members, "https://hub.example.org")
    assert 'href="https://hub.example.org/benchmarks/"' in online and 'href="../tools/index.html"' in online
    offline = for_file_urls(page, "ar/benchmarks/index.html", members)
    assert '<a  hreflang="en">English</a>' in offline


def test_the_arabic_copy_opens_on_its_home_at_phone_width_and_navigates(chromium, copies):
    from test_rtl_and_print import SHOTS
    copy = copies["ar"]
    context, page = open_page(chromium, copy, width=360)
    page.goto((copy / "index.html").as_uri())
    page.wait_for_url("**/ar/index.html")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.locator(".md-select").count() == 0
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "ar-offline-home-360.png"))
    page.goto((copy / "ar/mechanisms/index.html").as_uri(), wait_until="load")
    page.click("article a[href$='ohchr/index.html']")
    page.wait_for_load_state("load")
    assert page.url.endswith("/ar/mechanisms/ohchr/index.html")
    assert page.locator("h1").inner_text().strip()
    page.screenshot(path=str(SHOTS / "ar-offline-item-360.png"), full_page=False)
    assert page.watch.problems() == []
    context.close()


def test_navigation_works_from_file_urls_in_english(chromium, copies):
    copy = copies["en"]
    context, page = open_page(chromium, copy)
    page.goto((copy / "index.html").as_uri(), wait_until="load")
    page.click("a[href$='mechanisms/index.html']")
    page.wait_for_load_state("load")
    assert page.url.endswith("/mechanisms/index.html")
    page.click("article a[href$='ohchr/index.html']")
    page.wait_for_load_state("load")
    assert page.url.endswith("/mechanisms/ohchr/index.html")
    assert page.watch.problems() == []
    context.close()


@pytest.mark.parametrize("language,query,width", [("ar", "مراكش", 1280), ("ar", "اعلان", 360),
                                                  ("en", "Marrakech", 1280), ("fr", "Marrakech", 1280)])
def test_search_works_offline_in_the_copys_language(chromium, copies, language, query, width):
    """From the header's search form on a desktop; at phone width, from the search page's address."""
    copy = copies[language]
    prefix = "" if language == "en" else f"{language}/"
    context, page = open_page(chromium, copy, width)
    if width < 400:
        page.goto((copy / f"{prefix}search/index.html").as_uri() + "?q=" + query, wait_until="load")
    else:
        page.goto((copy / f"{prefix}index.html").as_uri(), wait_until="load")
        page.fill("input.hub-search-form__input", query)
        page.press("input.hub-search-form__input", "Enter")
    page.wait_for_selector(".hub-offline-results li a", timeout=15000)
    links = [a.get_attribute("href") for a in page.query_selector_all(".hub-offline-results a")]
    assert links
    root = copy.as_uri()
    for href in links:
        rest = href[len(root) + 1:]
        assert rest.startswith(prefix) if prefix else rest.split("/")[0] not in ("ar", "fr", "es"), href
    assert page.watch.problems() == []
    context.close()


def test_the_arabic_offline_copy_is_mirrored(chromium, copies):
    from test_rtl_and_print import SHOTS
    copy = copies["ar"]
    context, page = open_page(chromium, copy, width=1400)
    page.goto((copy / "ar/mechanisms/ohchr/index.html").as_uri(), wait_until="load")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "ar-offline-item.png"))
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    navigation = page.locator(".md-sidebar--primary").first.bounding_box()
    content = page.locator(".md-content").first.bounding_box()
    assert navigation["x"] > content["x"]
    assert page.watch.problems() == []
    context.close()


def test_an_arabic_page_on_a_phone_offers_the_arabic_copy(server, chromium):
    from test_rtl_and_print import SHOTS
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    watch = PageWatch(page, server)
    page.goto(f"{server}/ar/mechanisms/ohchr/", wait_until="load")
    link = page.locator("a.hub-offline-link")
    link.scroll_into_view_if_needed()
    assert link.is_visible()
    assert link.get_attribute("href").endswith("download/defenders-hub-ar.zip")
    assert "العربية" in link.inner_text()
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "ar-offline-link-360.png"))
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "defenders-hub-ar.zip"
    assert watch.problems() == []
    context.close()
