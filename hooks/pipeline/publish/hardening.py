"""A Content-Security-Policy on every page, computed from the page as it is written.

The policy lets a page load scripts, styles, images, fonts and data from the site itself only;
the few inline scripts of the theme's templates are allowed by their hash, so no injected script
can run and no page can send anything to another host. Only the templates' scripts: a script
inside the page's content (what its source became) is never allowed, though the gate
(page_gate.py) has already removed any. A `<meta>` policy travels with the files, so it holds
on any static host and in the offline copy.
"""
from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?![^>]*\bsrc=)[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
DATA_TYPES = re.compile(r"""\btype=["']?application/(ld\+)?json""")
CHARSET = re.compile(r"<meta charset=[^>]*>")

POLICY = (
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval' {hashes}",  # Pagefind's search runs as WebAssembly
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
)


def policy_for(html: str, content: str = "") -> str:
    """The page's policy: the site's own files, and the inline scripts that the templates wrote
    around the page's content (none from within it)."""
    start = html.find(content) if content else -1
    inside = range(start, start + len(content)) if start >= 0 else range(0)
    hashes = sorted({_hash(match.group("body")) for match in INLINE_SCRIPT.finditer(html)
                     if not DATA_TYPES.search(match.group("attrs")) and match.start() not in inside})
    return "; ".join(POLICY).format(hashes=" ".join(hashes)).replace("  ", " ")


def harden_page(html: str, content: str = "") -> str:
    """The page with its policy as the first thing after the charset, so it covers all that
    follows. `content` is the page's content as the theme placed it in the page."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html, content)}">'
    match = CHARSET.search(html)
    if not match:
        return html
    return html[: match.end()] + meta + html[match.end():]


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
