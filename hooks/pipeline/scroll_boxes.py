"""Boxes that may scroll sideways on a phone can be reached from the keyboard.

On a narrow screen a wide table or a long line of code scrolls inside its own box (hub.css)
rather than widening the page. A reader without a pointer scrolls such a box with the arrow
keys once it has focus, so tables and code blocks take part in the tab order (WCAG 2.1.1).
Material's own script does this in the browser; the hub does not load it, so the pages carry
it from the build. A postprocessor, because fenced code blocks and tables written as HTML
reach the page as raw HTML, outside Markdown's element tree.
"""
from __future__ import annotations

import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

SCROLL_BOX = re.compile(r"<(table|pre>\s*<code)\b(?![^>]*\btabindex=)")


class FocusableScrollBoxes(Postprocessor):
    def run(self, text: str) -> str:
        return SCROLL_BOX.sub(lambda match: f'<{match.group(1)} tabindex="0"', text)


class ScrollBoxes(Extension):
    def extendMarkdown(self, md) -> None:
        # after the raw HTML (priority 30) is back in the page
        md.postprocessors.register(FocusableScrollBoxes(md), "hub_scroll_boxes", 25)
