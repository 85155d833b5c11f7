"""Accessibility in a real browser: axe-core finds no serious or critical problem; the page has
a skip link, landmarks and a visible focus."""
from __future__ import annotations

import pytest

from conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["/", "/mechanisms/", "/mechanisms/ohchr/", "/actions/o2-a3-compile-info-activating-support/", "/search/"]


@pytest.fixture(scope="module")
def context(chromium):
    # axe is injected as a script, which the pages' own policy rightly refuses: let it in here
    context = chromium.new_context(bypass_csp=True)
    yield context
    context.close()


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_serious_or_critical_violation(server, context, language, path):
    page = context.new_page()
    prefix = "" if language == "en" else f"/{language}"
    page.goto(f"{server}{prefix}{path}", wait_until="networkidle")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    page.close()
    serious = [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:3])
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, serious


@pytest.mark.parametrize("language", ["en", "ar"])
def test_skip_link_landmarks_and_visible_focus(server, context, language):
    page = context.new_page()
    prefix = "" if language == "en" else f"/{language}"
    page.goto(f"{server}{prefix}/mechanisms/ohchr/", wait_until="load")
    for landmark in ("header", "main", "nav", "footer"):
        assert page.locator(landmark).count() >= 1, landmark
    page.keyboard.press("Tab")
    skip = page.evaluate("() => document.activeElement.className")
    assert "md-skip" in skip
    assert page.locator(".md-skip").is_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("""() => {
        const style = getComputedStyle(document.activeElement);
        return [style.outlineStyle, style.outlineWidth, document.activeElement.tagName];
    }""")
    assert outline[0] != "none" and outline[1] != "0px", outline
    page.close()
