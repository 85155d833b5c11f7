"""The reader the hub exists for: on a phone, often in Arabic, sometimes in danger. At 320, 360
and 412 px, in four languages, on every kind of page: nothing scrolls sideways or sticks out
of the screen, and the quick exit is whole, on screen, tappable and at least 44 x 44 px, also
while scrolled. After three pages read and a quick exit, Back never returns to the hub."""
from __future__ import annotations

import pytest

from conftest import LANGUAGES
from page_kinds import PAGE_KINDS, address

WIDTHS = (320, 360, 412)
NEUTRAL_PAGE = "<!doctype html><title>Neutral</title><p>neutral"

# What sticks out of the screen: the document's own sideways scroll, and any visible element
# beyond the screen's edges (Material hides the root's horizontal overflow, which would
# otherwise cut the start of right-to-left lines without any scroll bar). Allowed: what
# scrolls inside its own box, the header's ellipsis, and the closed navigation drawer.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  if (document.documentElement.scrollWidth > width) found.push('page ' + document.documentElement.scrollWidth + ' px wide');
  const offCanvas = (element) => {
    for (let a = element; a; a = a.parentElement) {
      if (getComputedStyle(a).position === 'fixed') {
        const box = a.getBoundingClientRect();
        return box.right <= 0 || box.left >= width;
      }
    }
    return false;
  };
  const contained = (element) => {
    for (let a = element.parentElement; a && a !== document.body; a = a.parentElement) {
      const overflow = getComputedStyle(a).overflowX;
      if (overflow === 'auto' || overflow === 'scroll' || a.classList.contains('md-ellipsis')) return true;
    }
    return false;
  };
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (!box.width || !box.height || (box.left >= -1 && box.right <= width + 1)) continue;
    if (!element.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    if (contained(element) || offCanvas(element)) continue;
    found.push(element.tagName.toLowerCase() + '.' + String(element.className).split(' ')[0]
               + ' ' + Math.round(box.left) + '..' + Math.round(box.right));
  }
  return found.slice(0, 5);
}"""

# The quick exit: whole on screen, at least 44 x 44 px, and what a tap at its centre reaches;
# "Get help now" beside it, whole too, and the header no taller than one row.
QUICK_EXIT = """() => {
  const link = document.querySelector('.hub-quick-exit');
  const box = link.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  const help = document.querySelector('.hub-help-link').getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect();
  return {left: box.left, right: box.right, top: box.top, bottom: box.bottom, width: box.width,
          height: box.height, reached: !!hit && link.contains(hit), fixed: getComputedStyle(link.closest('header')).position,
          help_whole: help.left >= 0 && help.right <= innerWidth && help.width > 0, header_height: header.height};
}"""

# The page's title ends where its text ends: its permalink mark, unseen, wraps onto no line of its own.
TITLE_GAP = """() => {
  const title = document.querySelector('article h1');
  if (!title) return 0;
  const range = document.createRange();
  range.selectNodeContents(title);
  const mark = title.querySelector('.headerlink');
  if (mark) range.setEndBefore(mark);
  const lines = [...range.getClientRects()].filter(rect => rect.width > 0);
  return title.getBoundingClientRect().bottom - Math.max(...lines.map(rect => rect.bottom));
}"""


def answer_neutral_page(context) -> None:
    """The quick exit's neutral page (another site), answered locally: tests never go out."""
    context.route("https://**/*", lambda route: route.fulfill(body=NEUTRAL_PAGE, content_type="text/html"))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_is_wider_than_a_phone_and_the_quick_exit_is_whole(server, chromium, language, width):
    context = chromium.new_context(viewport={"width": width, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    problems = {}
    for kind, path in PAGE_KINDS.items():
        page.goto(server + address(path, language), wait_until="load")
        found = page.evaluate(OVERFLOW)
        title_gap = page.evaluate(TITLE_GAP)
        if title_gap > 8:
            found.append(f"an empty line under the title: {title_gap} px")
        for scrolled in (False, True):
            if scrolled:
                page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            exit_box = page.evaluate(QUICK_EXIT)
            if not (exit_box["left"] >= 0 and exit_box["right"] <= width and exit_box["top"] >= 0
                    and exit_box["bottom"] <= 740 and exit_box["reached"] and exit_box["fixed"] == "fixed"):
                found.append(f"quick exit {'scrolled ' if scrolled else ''}{exit_box}")
            if exit_box["width"] < 44 or exit_box["height"] < 44:
                found.append(f"quick exit smaller than 44 x 44 px: {exit_box}")
            if not exit_box["help_whole"] or exit_box["header_height"] > 49:
                found.append(f"'Get help now' cut off or the header on two rows: {exit_box}")
        if found:
            problems[kind] = found
    context.close()
    assert not problems, problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_tap_on_the_quick_exit_leaves_from_every_kind_of_page(server, chromium, language):
    context = chromium.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    answer_neutral_page(context)
    page = context.new_page()
    stayed = []
    for kind, path in PAGE_KINDS.items():
        page.goto(server + address(path, language), wait_until="load")
        with page.expect_navigation():
            page.tap(".hub-quick-exit")
        if page.url.startswith(server) or page.title() != "Neutral":
            stayed.append(kind)
    context.close()
    assert not stayed, stayed


READING = ("article a[href*='mechanisms']", "article li a[href*='mechanisms/']", ".hub-breadcrumbs a")


def read_three_pages_then_leave(page, start: str) -> list[str]:
    """From a page outside the hub, open the hub, follow three links, press the quick exit, then
    press Back five times: the addresses Back showed."""
    page.goto("https://before.test/", wait_until="load")
    page.goto(start, wait_until="load")
    for selector in READING:
        with page.expect_navigation():
            page.locator(selector).first.click()
    with page.expect_navigation():
        page.locator(".hub-quick-exit").click()
    assert page.title() == "Neutral"
    seen = []
    for _ in range(5):
        page.go_back(wait_until="load")  # None once there is nothing left to go back to
        seen.append(page.url)
    return seen


def test_after_a_quick_exit_back_never_returns_to_the_hub(server, chromium):
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    answer_neutral_page(context)
    page = context.new_page()
    seen = read_three_pages_then_leave(page, server + "/ar/")
    context.close()
    assert "https://before.test/" in seen
    assert not [url for url in seen if url.startswith(server)], seen


def test_after_a_quick_exit_from_the_offline_copy_back_never_returns_to_it(offline, chromium):
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    answer_neutral_page(context)
    page = context.new_page()
    seen = read_three_pages_then_leave(page, (offline / "ar" / "index.html").as_uri())
    context.close()
    assert "https://before.test/" in seen
    assert not [url for url in seen if url.startswith("file:")], seen


def labels(language: str) -> dict:
    import yaml
    from conftest import ROOT
    return yaml.safe_load((ROOT / f"content/{language}/ui.yaml").read_text(encoding="utf-8"))["labels"]


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_shift_three_times_leaves_and_each_press_is_announced(server, chromium, language):
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    answer_neutral_page(context)
    page = context.new_page()
    page.goto(server + address("/mechanisms/", language), wait_until="load")
    for _ in range(3):  # capitals, or letters of the Arabic layout typed with Shift, do not count
        page.keyboard.press("Shift+KeyA")
    page.wait_for_timeout(100)
    assert page.url.startswith(server)
    page.keyboard.press("Shift")
    status = page.locator("[data-hub-quick-exit-status]")
    assert status.inner_text() == labels(language)["quick_exit_shift_two"]
    page.keyboard.press("Shift")
    assert status.inner_text() == labels(language)["quick_exit_shift_one"]
    with page.expect_navigation():
        page.keyboard.press("Shift")
    assert page.title() == "Neutral"
    context.close()


def test_the_page_is_blanked_at_once_while_leaving(server, chromium):
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    answer_neutral_page(context)
    page = context.new_page()
    page.goto(server + "/ar/mechanisms/ohchr/", wait_until="load")
    with page.expect_navigation():
        state = page.evaluate("""() => {
            document.querySelector('.hub-quick-exit').click();
            return [document.documentElement.classList.contains('hub-leaving'), document.title,
                    getComputedStyle(document.querySelector('.md-container')).visibility,
                    getComputedStyle(document.querySelector('.md-header')).visibility];
        }""")
    assert state == [True, "", "hidden", "hidden"]
    context.close()


def test_without_javascript_the_quick_exit_still_leaves(server, chromium):
    context = chromium.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    answer_neutral_page(context)
    page = context.new_page()
    page.goto(server + "/ar/mechanisms/ohchr/", wait_until="load")
    link = page.locator("a.hub-quick-exit")
    assert {"nofollow", "noreferrer"} <= set(link.get_attribute("rel").split())
    assert labels("ar")["quick_exit_hidden"] in link.inner_text()
    with page.expect_navigation():
        link.click()
    assert page.title() == "Neutral"
    context.close()


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_quick_exit_stays_on_top_of_the_open_menu(server, chromium, language):
    context = chromium.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    answer_neutral_page(context)
    page = context.new_page()
    page.goto(server + address("/mechanisms/ohchr/", language), wait_until="load")
    page.tap(".md-header label[for=__drawer]")
    page.wait_for_timeout(400)  # the drawer slides in
    drawer = page.locator(".md-sidebar--primary").bounding_box()
    assert drawer["x"] >= 0 and drawer["x"] + drawer["width"] <= 360, drawer  # open, on screen
    assert page.evaluate(QUICK_EXIT)["reached"]
    with page.expect_navigation():
        page.tap(".hub-quick-exit")
    assert page.title() == "Neutral"
    context.close()
