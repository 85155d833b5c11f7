"""The built site in a real browser: no request to any other host, no failed request, no
console error on any kind of page in four languages; search per language; the quick exit; nothing kept about the visit."""
from __future__ import annotations

import json

import pytest
import yaml

from browser import PageWatch
from conftest import LANGUAGES, ROOT
from page_kinds import PAGE_KINDS, address


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_of_any_kind_contacts_another_host_fails_a_request_or_logs_an_error(server, chromium, language):
    """Every kind of page runs in the browser; every built file is read for addresses on other
    hosts without a browser (test_site.py), and the gate keeps script out of content, so the
    pages of one kind differ only in text."""
    context = chromium.new_context()
    page = context.new_page()
    watch = PageWatch(page, server)
    problems = {}
    for path in PAGE_KINDS.values():
        watch.reset()
        # the search page loads Pagefind: let it finish, or the next page sees it aborted
        page.goto(server + address(path, language), wait_until="networkidle" if path.endswith("/search/") else "load")
        if watch.problems():
            problems[path] = watch.problems()
    context.close()
    assert not problems, dict(list(problems.items())[:5])


@pytest.mark.parametrize("language", LANGUAGES)
def test_404_pages_load_cleanly(server, chromium, language):
    context = chromium.new_context()
    page = context.new_page()
    watch = PageWatch(page, server)
    prefix = "" if language == "en" else f"/{language}"
    page.goto(f"{server}{prefix}/404.html", wait_until="load")
    assert watch.problems() == []
    assert page.locator("html").get_attribute("lang") == language
    context.close()


def search(page, server: str, language: str, query: str) -> list[str]:
    """Type a query in the header's search form and return the result links."""
    prefix = "" if language == "en" else f"/{language}"
    page.goto(f"{server}{prefix}/", wait_until="load")
    page.fill("input.hub-search-form__input", query)
    page.press("input.hub-search-form__input", "Enter")
    page.wait_for_selector(".pagefind-ui__result-link, .pagefind-ui__message", timeout=15000)
    page.wait_for_timeout(300)
    return [a.get_attribute("href") for a in page.query_selector_all(".pagefind-ui__result-link")]


def test_nothing_of_the_search_is_loaded_before_the_reader_searches(server, chromium):
    context = chromium.new_context()
    page = context.new_page()
    watch = PageWatch(page, server)
    for path in ("/", "/ar/", "/ar/mechanisms/", "/ar/mechanisms/ohchr/"):
        page.goto(server + path, wait_until="networkidle")
    assert not [r.url for r in watch.requests if "/pagefind/" in r.url]
    search(page, server, "ar", "مراكش")
    assert [r.url for r in watch.requests if "/pagefind/" in r.url]
    assert watch.problems() == []
    context.close()


@pytest.mark.parametrize("language,query", [("ar", "إعلان مراكش"), ("en", "Marrakech Declaration"),
                                            ("fr", "Déclaration de Marrakech"), ("es", "Declaración de Marrakech")])
def test_search_returns_pages_of_the_readers_language_only(server, chromium, language, query):
    context = chromium.new_context()
    page = context.new_page()
    results = search(page, server, language, query)
    context.close()
    assert results, f"no result for {query!r} in {language}"
    for href in results:
        path = href.split("//", 1)[-1].split("/", 1)[-1] if "//" in href else href.lstrip("/")
        first = path.split("/")[0]
        if language == "en":
            assert first not in LANGUAGES[1:], href
        else:
            assert first == language, href


@pytest.mark.parametrize("written,typed", [
    ("إعلان", "اعلان"),      # hamza below the alef left out
    ("إعلان", "إِعْلَان"),    # with diacritics
    ("الأمم", "الامم"),      # hamza above the alef left out
    ("أداة", "اداة"),
])
def test_arabic_search_finds_variant_spellings(server, chromium, written, typed):
    context = chromium.new_context()
    page = context.new_page()
    expected = set(search(page, server, "ar", written))
    found = set(search(page, server, "ar", typed))
    context.close()
    assert expected, written
    assert found & expected, (typed, sorted(found)[:3], sorted(expected)[:3])


NEUTRAL = "https://www.wikipedia.org/"


def neutral_page(context):
    """The neutral page the quick exit leads to, answered locally: the test never goes out."""
    context.route(NEUTRAL + "**", lambda route: route.fulfill(
        body="<!doctype html><title>Neutral</title><p>neutral", content_type="text/html"))


@pytest.mark.parametrize("how", ["button", "keyboard"])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_quick_exit_replaces_the_page_and_back_does_not_return(server, chromium, how, language):
    context = chromium.new_context()
    neutral_page(context)
    page = context.new_page()
    prefix = "" if language == "en" else f"/{language}"
    page.goto(f"{server}{prefix}/mechanisms/ohchr/", wait_until="load")
    button = page.locator(".hub-quick-exit")
    assert button.is_visible()
    label = yaml.safe_load((ROOT / f"content/{language}/ui.yaml").read_text(encoding="utf-8"))["labels"]["quick_exit"]
    assert button.inner_text().strip().endswith(label)
    if how == "button":
        button.click()
    else:
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL)
    page.go_back()
    page.wait_for_timeout(300)
    assert not page.url.startswith(server), page.url
    context.close()


def test_no_cookie_and_nothing_of_the_visit_in_storage(server, chromium):
    context = chromium.new_context()
    page = context.new_page()
    for path in ("/", "/ar/", "/ar/mechanisms/ohchr/", "/fr/tools/"):
        page.goto(server + path, wait_until="load")
    search(page, server, "ar", "مراكش")
    storage = page.evaluate("""() => ({
        cookie: document.cookie,
        local: Object.fromEntries(Object.entries(localStorage)),
        session: Object.fromEntries(Object.entries(sessionStorage)),
    })""")
    assert context.cookies() == [] and storage["cookie"] == ""
    kept = json.dumps(storage, ensure_ascii=False)
    for visited in ("ohchr", "tools", "مراكش", "mechanisms"):
        assert visited not in kept, (visited, storage)
    context.close()


def test_the_policy_blocks_a_script_that_is_not_the_sites(server, chromium):
    context = chromium.new_context()
    page = context.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(f"{server}/ar/", wait_until="load")
    page.evaluate("""() => {
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true';
        document.body.appendChild(s);
    }""")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__injected") is None
    assert any("Content Security Policy" in e for e in errors)
    context.close()
