"""HTTP security headers for the hosts that read them from the site: `_headers` (Netlify,
Cloudflare Pages and others of that syntax); the deployers' page shows the same for nginx and
Apache, and a test keeps it equal to what is here.

Each page already carries its own policy in a `<meta>` tag (hardening.py), with the hashes of
exactly the inline scripts it holds. A header can add what a `<meta>` policy cannot
(`frame-ancestors`: no other site may frame the hub) but cannot carry per-page hashes: hosts
limit the number of rules, and one rule serves every page. Browsers enforce both policies, so
a script runs only if both allow it; the header's script-src is therefore as wide as the pages'
own policies together ('self', WebAssembly, inline) and the `<meta>` policy narrows inline
scripts to the page's hashes. Every other directive is the page policy's own, read from
hardening.POLICY, so the two never drift apart.
"""
from __future__ import annotations

from pathlib import Path

from .hardening import POLICY

FILE = "_headers"
LONG_CACHE = "public, max-age=31536000, immutable"

# Files whose names change whenever their content does (Material's and Pagefind's hashed
# names): kept by browsers for a year. Everything else is revalidated as the host decides.
HASHED = (
    "/assets/stylesheets/*",
    "/assets/javascripts/bundle.*",
    "/assets/javascripts/workers/*",
    "/pagefind/fragment/*",
    "/pagefind/index/*",
    "/pagefind/filter/*",
)

PERMISSIONS = ("accelerometer=()", "browsing-topics=()", "camera=()", "display-capture=()", "geolocation=()",
               "gyroscope=()", "magnetometer=()", "microphone=()", "payment=()", "usb=()")


def site_policy() -> str:
    """The site-wide Content-Security-Policy: the pages' directives, with inline scripts left
    to each page's own policy, and framing refused."""
    directives = [directive.replace("{hashes}", "'unsafe-inline'") for directive in POLICY]
    return "; ".join(directives + ["frame-ancestors 'none'"])


def security_headers() -> dict[str, str]:
    """The headers every response carries."""
    return {
        "Content-Security-Policy": site_policy(),
        "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "Permissions-Policy": ", ".join(PERMISSIONS),
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def rules() -> list[tuple[str, dict[str, str]]]:
    """(path pattern, headers) in order. A response gets the headers of every rule it matches,
    so each header is set by one rule only (hosts join repeated ones with commas)."""
    return [("/*", security_headers())] + [(pattern, {"Cache-Control": LONG_CACHE}) for pattern in HASHED]


def headers_file() -> str:
    blocks = ["# HTTP headers for Netlify, Cloudflare Pages and hosts that read this syntax.\n"
              "# Written by the build (hooks/pipeline/publish/headers.py): edit that, not this file."]
    for pattern, headers in rules():
        blocks.append("\n".join([pattern] + [f"  {name}: {value}" for name, value in headers.items()]))
    return "\n\n".join(blocks) + "\n"


def write_headers(site_dir: Path) -> Path:
    path = site_dir / FILE
    path.write_text(headers_file(), encoding="utf-8")
    return path
