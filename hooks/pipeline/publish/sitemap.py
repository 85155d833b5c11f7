"""The sitemaps: one for the whole site, one per language folder.

Each page is listed with its versions in the other languages (hreflang) and an x-default (the
reference language). Material's language switcher also fetches `sitemap.xml` next to each
language's home; a sitemap in every language folder answers it instead of a 404. Addresses are
absolute when mkdocs.yml sets site_url, root-relative otherwise.
"""
from __future__ import annotations

import gzip
from collections import defaultdict
from pathlib import Path
from xml.sax.saxutils import quoteattr, escape

from ..model import REFERENCE_LANGUAGE, language_of

NOT_LISTED = {"assets", "pagefind", "search", "download"}  # folders that are not pages to find
NAMESPACES = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml"'


def site_pages(site_dir: Path, languages) -> dict[str, dict[str, str]]:
    """Every page of the site: its path without language prefix -> {language: address path}."""
    pages: dict[str, dict[str, str]] = defaultdict(dict)
    for index in sorted(site_dir.rglob("index.html")):
        parts = index.parent.relative_to(site_dir).parts
        language = language_of(parts, languages)
        key = "/".join(parts[1:] if language != REFERENCE_LANGUAGE else parts)
        if key.split("/")[0] in NOT_LISTED:
            continue
        pages[key][language] = "/" + "/".join(parts) + ("/" if parts else "")
    return pages


def write_sitemaps(site_dir: Path, languages, site_url: str | None) -> None:
    pages = site_pages(site_dir, languages)
    base = (site_url or "").rstrip("/")
    for language in languages:
        if language != REFERENCE_LANGUAGE:
            entries = [_entry(versions[language], versions, base) for versions in pages.values() if language in versions]
            _write(site_dir / language, entries)
    all_entries = [_entry(path, versions, base) for versions in pages.values() for path in versions.values()]
    _write(site_dir, all_entries)


def _entry(path: str, versions: dict[str, str], base: str) -> str:
    links = "".join(f"\n    <xhtml:link rel=\"alternate\" hreflang={quoteattr(lang)} href={quoteattr(base + href)}/>"
                    for lang, href in sorted(versions.items()))
    if REFERENCE_LANGUAGE in versions:
        links += f"\n    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href={quoteattr(base + versions[REFERENCE_LANGUAGE])}/>"
    return f"  <url>\n    <loc>{escape(base + path)}</loc>{links}\n  </url>"


def _write(folder: Path, entries: list[str]) -> None:
    text = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {NAMESPACES}>\n' + "\n".join(entries) + "\n</urlset>\n"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitemap.xml").write_text(text, encoding="utf-8")
    (folder / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
