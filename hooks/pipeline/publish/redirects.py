"""Old addresses keep working: a redirect page at every former address of a renamed item.

An item lists its former ids; for each, in every language, the build writes a small page at the
old address that sends the reader on (meta refresh, and a plain link) and asks search engines
not to index it.
"""
from __future__ import annotations

from pathlib import Path

from ..model import page_url, relative_href
from ..render import Renderer
from .hardening import harden_page


def write_redirects(site_dir: Path, renderer: Renderer) -> list[str]:
    """Write the redirect pages; returns the old addresses, e.g. /ar/tools/old-id/."""
    written = []
    for (language, type_name, item_id), item in sorted(renderer.catalog.items.items()):
        for old in item["former_ids"] or []:
            old_url = page_url(type_name, old, language)
            html = renderer.redirect_page(item, relative_href(old_url, page_url(type_name, item_id, language)))
            target = site_dir / old_url.strip("/") / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(harden_page(html), encoding="utf-8")
            written.append(old_url)
    return written
