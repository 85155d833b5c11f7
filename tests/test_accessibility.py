"""Accessibility in a real browser, on every kind of page in four languages, at phone and desktop
widths: axe-core finds no serious or critical problem (WCAG 2.2's target size included); pages
have a skip link, landmarks and a visible focus; motion stops for readers who ask for less."""
from __future__ import annotations

import pytest

from conftest import LANGUAGES, ROOT
from page_kinds import PAGE_KINDS, address

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = """() => axe.run(document, {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}})"""


def serious_violations(page) -> list:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(AXE_RUN)
    return [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_serious_or_critical_violation(server, chromium, language, width):
    # axe is injected as a script, which the pages' own policy rightly refuses: let it in here
    context = chromium.new_context(bypass_csp=True, viewport={"width": width, "height": 800})
    page = context.new_page()
    found = {}
    for kind, path in PAGE_KINDS.items():
        page.goto(server + address(path, language), wait_until="load")
        violations = serious_violations(page)
        if violations:
            found[kind] = violations
    context.close()
    assert not found, found


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_skip_link_landmarks_and_visible_focus(server, chromium, language, width):
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(server + address("/mechanisms/ohchr/", language), wait_until="load")
    for landmark in ("header", "main", "nav", "footer"):
        assert page.locator(landmark).count() >= 1, landmark
    page.keyboard.press("Tab")
    assert "md-skip" in page.evaluate("() => document.activeElement.className")
    assert page.locator(".md-skip").is_visible()
    for _ in range(3):
        page.keyboard.press("Tab")
        outline = page.evaluate("""() => {
            const style = getComputedStyle(document.activeElement);
            return [style.outlineStyle, style.outlineWidth, document.activeElement.tagName];
        }""")
        assert outline[0] != "none" and outline[1] != "0px", outline
    context.close()


def test_header_controls_and_filters_are_large_enough_to_tap(server, chromium):
    """WCAG 2.2 target size (2.5.8): at least 24 x 24 px; the quick exit 44 x 44 px."""
    context = chromium.new_context(viewport={"width": 320, "height": 740})
    page = context.new_page()
    page.goto(server + "/ar/actions/", wait_until="load")
    sizes = page.evaluate("""() => [...document.querySelectorAll(
            '.md-header__button:not(.md-logo), .hub-quick-exit, .hub-filters select')]
        .map(e => [e.className || e.tagName, e.getBoundingClientRect().width, e.getBoundingClientRect().height])""")
    context.close()
    assert len(sizes) >= 5, sizes
    assert all(width >= 24 and height >= 24 for _, width, height in sizes), sizes


def test_motion_stops_for_readers_who_ask_for_less(server, chromium):
    context = chromium.new_context(viewport={"width": 360, "height": 740}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(server + "/ar/", wait_until="load")
    durations = page.evaluate("""() => [...document.querySelectorAll('.md-sidebar, .md-select__inner, a')]
        .map(e => parseFloat(getComputedStyle(e).transitionDuration) || 0)""")
    context.close()
    assert durations and max(durations) < 0.001, max(durations)
