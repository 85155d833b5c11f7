"""Arabic pages mirrored, checked in the browser and kept as screenshots; printing."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

SHOTS = Path(os.environ.get("HUB_SCREENSHOTS", "/tmp/hub-screenshots"))


@pytest.fixture(scope="module")
def page(chromium):
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield page
    context.close()


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def box(page, selector: str) -> dict:
    found = page.locator(selector).first.bounding_box()
    assert found, selector
    return found


@pytest.mark.parametrize("path", ["/ar/", "/ar/mechanisms/", "/ar/mechanisms/ohchr/"])
def test_arabic_layout_is_mirrored(server, page, path):
    page.goto(server + path, wait_until="load")
    shoot(page, "ar" + path.replace("/", "-").rstrip("-"))
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    navigation, content = box(page, ".md-sidebar--primary"), box(page, ".md-content")
    assert navigation["x"] > content["x"], "the navigation is not on the right"
    if page.locator(".md-sidebar--secondary").first.is_visible():
        assert box(page, ".md-sidebar--secondary")["x"] < content["x"], "the table of contents is not on the left"
    logo, quick_exit = box(page, ".md-header__button.md-logo"), box(page, ".hub-quick-exit")
    assert logo["x"] > quick_exit["x"], "the header is not mirrored"
    item = page.locator("[data-pagefind-body] li").first
    lists = item.evaluate("""li => {
        const list = li.parentElement.getBoundingClientRect(), own = li.getBoundingClientRect();
        return [getComputedStyle(li).direction, getComputedStyle(li).textAlign,
                Math.round(list.right - own.right), Math.round(own.left - list.left)];
    }""")
    # right-aligned, with the bullets' indent on the right
    assert lists[0] == "rtl" and lists[1] in ("start", "right") and lists[2] > lists[3], lists


def test_arrows_point_the_way_of_reading(server, page):
    page.goto(server + "/ar/about/", wait_until="load")
    shoot(page, "ar-about-footer")
    arrows = page.evaluate("""() => [...document.querySelectorAll('.md-footer__link svg')].map(
        svg => [svg.closest('a').className, getComputedStyle(svg).transform])""")
    assert arrows, "no previous/next arrows"
    for cls, transform in arrows:
        assert transform.startswith("matrix(-1"), (cls, transform)
    page.goto(server + "/about/", wait_until="load")
    english = page.evaluate("""() => [...document.querySelectorAll('.md-footer__link svg')].map(
        svg => getComputedStyle(svg).transform)""")
    assert english and all(not t.startswith("matrix(-1") for t in english), english


def test_search_results_and_quick_exit_in_arabic(server, page):
    page.goto(server + "/ar/search/?q=" + "مراكش", wait_until="networkidle")
    page.wait_for_selector(".pagefind-ui__result-link")
    shoot(page, "ar-search-results")
    result = page.locator(".pagefind-ui__result").first
    assert result.evaluate("r => getComputedStyle(r).direction") == "rtl"
    button = page.locator(".hub-quick-exit")
    button.focus()
    shoot(page, "ar-quick-exit-focused")
    assert button.evaluate("b => getComputedStyle(b).outlineStyle") != "none"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_print_shows_the_text_alone_with_addresses(server, page, language):
    prefix = "" if language == "en" else f"/{language}"
    page.goto(f"{server}{prefix}/print/mechanisms/", wait_until="load")
    page.emulate_media(media="print")
    shoot(page, f"{language}-print-mechanisms")
    for hidden in (".md-header", ".md-sidebar--primary", ".hub-quick-exit", ".md-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    href, after = page.evaluate("""() => {
        const a = document.querySelector('article a[href^="http"]');
        return [a.getAttribute('href'), getComputedStyle(a, '::after').content];
    }""")
    assert after == f'" ({href})"', after
    assert page.evaluate("getComputedStyle(document.body).direction") == ("rtl" if language == "ar" else "ltr")
    headings = page.locator("article h2").count()
    assert headings >= 50, headings
    page.emulate_media(media="screen")


def test_arabic_tables_read_from_the_right(server, page):
    page.goto(server + "/ar/glossary/", wait_until="load")
    shoot(page, "ar-glossary-table")
    cells = page.evaluate("""() => {
        const row = document.querySelector('table.hub-glossary tbody tr');
        const cells = [...row.children].map(td => td.getBoundingClientRect().x);
        const th = document.querySelector('table.hub-glossary th');
        return [getComputedStyle(th.closest('table')).direction, cells];
    }""")
    direction, xs = cells
    assert direction == "rtl"
    assert xs == sorted(xs, reverse=True), "the first column is not on the right"
