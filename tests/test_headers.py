"""HTTP security headers: the `_headers` file the build writes, read back, and the site served
with them, as Netlify or Cloudflare Pages would, still working in Chromium (pages, search and
the quick exit, at phone width and in Arabic); and the not-found pages for every language."""
from __future__ import annotations

import re

import pytest

from browser import PageWatch, read_headers_file, serve
from conftest import LANGUAGES, ROOT
from hooks.pipeline.publish.hardening import POLICY
from hooks.pipeline.publish.headers import LONG_CACHE, site_policy

PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def hosted(site):
    with serve(site, headers=True) as origin:
        yield origin


def test_the_headers_file_carries_the_security_headers_and_long_caching(site):
    rules = dict((pattern, dict(headers)) for pattern, headers in read_headers_file(site / "_headers"))
    everywhere = rules["/*"]
    policy = everywhere["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "default-src 'none'" in policy
    for directive in POLICY:  # the pages' own directives, but for the per-page script hashes
        if "{hashes}" not in directive:
            assert directive in policy.split("; ")
    assert everywhere["Referrer-Policy"] == "no-referrer"
    assert everywhere["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in everywhere["Permissions-Policy"] and "geolocation=()" in everywhere["Permissions-Policy"]
    cached = [pattern for pattern, headers in rules.items() if headers.get("Cache-Control") == LONG_CACHE]
    assert "/assets/stylesheets/*" in cached and "/pagefind/fragment/*" in cached
    assert all("Cache-Control" not in rules[p] for p in rules if p not in cached), "one rule per header"
    stylesheets = list((site / "assets/stylesheets").glob("main.*.min.css"))
    assert stylesheets and re.search(r"\.[0-9a-f]{8}\.", stylesheets[0].name), "long-cached files have hashed names"
    assert not (site / "ar/_headers").exists()


def test_the_offline_copy_leaves_the_headers_file_out(site):
    import zipfile
    for archive_path in (site / "download").glob("defenders-hub-*.zip"):
        with zipfile.ZipFile(archive_path) as archive:
            assert not [name for name in archive.namelist() if name.endswith("_headers")]


def test_the_deployers_page_shows_the_same_policy_for_nginx_and_apache():
    page = (ROOT / "docs/deploy.md").read_text(encoding="utf-8")
    assert page.count(site_policy()) >= 2, "docs/deploy.md must show the policy of headers.py (nginx and Apache)"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_pages_search_and_quick_exit_work_with_the_headers(hosted, chromium, language):
    context = chromium.new_context(viewport=PHONE)
    context.route("https://www.wikipedia.org/**", lambda route: route.fulfill(
        body="<!doctype html><title>Neutral</title>", content_type="text/html"))
    page = context.new_page()
    watch = PageWatch(page, hosted)
    prefix = "" if language == "en" else f"/{language}"
    for path in ("/", "/mechanisms/", "/mechanisms/ohchr/", "/about/"):
        response = page.goto(f"{hosted}{prefix}{path}", wait_until="networkidle")
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert page.locator("article h1").first.is_visible()
    query = {"en": "Marrakech Declaration", "ar": "إعلان مراكش"}[language]
    page.goto(f"{hosted}{prefix}/search/?q={query}", wait_until="networkidle")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    assert page.locator(".pagefind-ui__result-link").count() > 0
    assert watch.problems() == [], watch.problems()
    page.locator(".hub-quick-exit").click()
    page.wait_for_url("https://www.wikipedia.org/")
    context.close()


def test_another_site_cannot_frame_the_hub(site, hosted, chromium, tmp_path):
    (tmp_path / "index.html").write_text(f'<!doctype html><iframe src="{hosted}/ar/"></iframe>', encoding="utf-8")
    with serve(tmp_path) as other_site:
        context = chromium.new_context()
        page = context.new_page()
        page.goto(other_site + "/", wait_until="load")
        page.wait_for_timeout(500)
        framed = [frame for frame in page.frames if frame != page.main_frame]
        assert framed and not framed[0].url.startswith(hosted), framed[0].url
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_address_shows_the_not_found_page_of_its_language(hosted, chromium, language):
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    prefix = "" if language == "en" else f"/{language}"
    response = page.goto(f"{hosted}{prefix}/no-such/page/", wait_until="load")
    assert response.status == 404
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("article h1").first.inner_text().strip()
    context.close()


def test_without_script_the_root_not_found_page_links_to_every_language(hosted, chromium):
    context = chromium.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    response = page.goto(f"{hosted}/ar/no-such-page/", wait_until="load")
    assert response.status == 404 and page.locator("html").get_attribute("lang") == "en"
    links = page.locator("[data-hub-not-found] a")
    assert sorted(links.evaluate_all("links => links.map(a => a.hreflang)")) == ["ar", "es", "fr"]
    page.locator("[data-hub-not-found] a[hreflang=ar]").click()
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "ar" and page.url.endswith("/ar/404.html")
    context.close()
