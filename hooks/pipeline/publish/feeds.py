"""Atom feeds per language: the positive narratives, and the items most recently changed.

Dates are the items' own `updated` dates, never the build's, so a feed changes only when the
content does. Addresses are absolute when site_url is set.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..catalog import Item
from ..model import page_url
from ..render import Renderer

FEEDS = "feeds"
RECENT = 50


def _feed_id(base: str, rel: str) -> str:
    """Atom ids must be absolute: the feed's address when site_url is known, else a URN."""
    return f"{base}/{rel}" if base else "urn:defenders-hub:" + rel.replace("/", ":")


@dataclass(frozen=True)
class Entry:
    item: Item
    url: str


def write_feeds(site_dir: Path, renderer: Renderer) -> list[Path]:
    catalog, base = renderer.catalog, renderer.site_url
    written = []
    for language in catalog.model.languages:
        strings = catalog.strings[language]
        narratives = catalog.items_of(language, "narratives")
        everything = [item for (lang, _, _), item in catalog.items.items() if lang == language]
        feeds = {
            "narratives": (strings.get("types", "narratives", "title"), narratives),
            "changes": (strings.get("labels", "changes_feed"), everything),
        }
        for name, (title, items) in feeds.items():
            recent = sorted(items, key=lambda item: (item["updated"], item.id), reverse=True)[:RECENT]
            rel = f"{FEEDS}/{language}/{name}.xml"
            entries = [Entry(item, base + page_url(item.type_name, item.id, language)) for item in recent]
            xml = renderer.feed(language, title, base + "/" + rel, _feed_id(base, rel), entries)
            path = site_dir / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(xml, encoding="utf-8")
            written.append(path)
    return written
