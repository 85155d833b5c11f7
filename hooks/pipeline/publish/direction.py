"""The text direction on the document itself.

Material writes `dir` on `<body>` only, so the document's own direction (the `<html>`
element's) stays left-to-right on Arabic pages: assistive technology, form controls and CSS
logical properties read that one. The page keeps the body's attribute and gets the same on
`<html>`.
"""
from __future__ import annotations

import re

BODY_DIRECTION = re.compile(r'<body\b[^>]*\bdir="(ltr|rtl)"')
HTML_TAG = re.compile(r"<html\b(?![^>]*\bdir=)")


def with_document_direction(html: str) -> str:
    """The page with its body's direction on <html> too (unchanged if either is missing)."""
    body = BODY_DIRECTION.search(html)
    if not body:
        return html
    return HTML_TAG.sub(f'<html dir="{body.group(1)}"', html, count=1)
