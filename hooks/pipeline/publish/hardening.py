"""A Content-Security-Policy on every page, computed from the page as it is written.

The policy lets a page load scripts, styles, images, fonts and data from the site itself only;
the theme's few inline scripts are allowed by their hash, so no injected script can run and no
page can send anything to another host. A `<meta>` policy travels with the files, so it holds
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


def policy_for(html: str) -> str:
    """The page's policy: the site's own files, and exactly the inline scripts it contains."""
    hashes = sorted({_hash(match.group("body")) for match in INLINE_SCRIPT.finditer(html)
                     if not DATA_TYPES.search(match.group("attrs"))})
    return "; ".join(POLICY).format(hashes=" ".join(hashes)).replace("  ", " ")


def harden_page(html: str) -> str:
    """The page with its policy as the first thing after the charset, so it covers all that follows."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    match = CHARSET.search(html)
    if not match:
        return html
    return html[: match.end()] + meta + html[match.end():]


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
