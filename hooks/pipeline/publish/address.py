"""The site's public address: where it comes from, and what a build without it leaves out.

Linking NHRIs and search engines rely on absolute addresses; a placeholder default would
publish wrong ones, so the address comes only from the deployer's environment.
"""
from __future__ import annotations

VARIABLE = "HUB_SITE_URL"  # read by mkdocs.yml: site_url: !ENV [HUB_SITE_URL, null]

NEEDS_THE_ADDRESS = (
    "canonical links",
    "language alternates (hreflang)",
    "absolute addresses in the sitemaps, feeds, citations and open data",
)


def without_address_notice() -> str:
    """The one line a build without an address logs (information: a warning would fail --strict)."""
    return (f"{VARIABLE} is not set: this build leaves out {', '.join(NEEDS_THE_ADDRESS)}. "
            f"Set it to the site's public address to include them, e.g. {VARIABLE}=https://hub.example.org/")
