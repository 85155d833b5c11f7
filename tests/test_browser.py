"""The built site in a real browser: no request to any other host, no failed request, no
console error on any page; search per language; the quick exit; nothing kept about the visit."""
from __future__ import annotations

from pathlib import Path

import pytest

from browser import PageWatch
from conftest import LANGUAGES


def all_pages(site: Path) -> list[str]:
    paths = []
    for index in site.rglob("index.html"):
        folder = index.parent.relative_to(site).as_posix()
        paths.append("/" if folder == "." else f"/{folder}/")
    return sorted(paths)


def test_no_page_contacts_another_host_fails_a_request_or_logs_an_error(site, server, chromium):
    pages = all_pages(site)
    assert len(pages) > 100
    context = chromium.new_context()
    page = context.new_page()
    watch = PageWatch(page, server)
    problems = {}
    for path in pages:
        watch.reset()
        # the search page loads Pagefind: let it finish, or the next page sees it aborted
        page.goto(server + path, wait_until="networkidle" if path.endswith("/search/") else "load")
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
