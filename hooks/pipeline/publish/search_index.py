"""The search index: one Pagefind bundle per language, made by the pass that built the language.

Pagefind splits an index into small chunks that the browser fetches only when a search is typed,
and its Arabic stemming matches words written with or without diacritics and with other alef
forms. Each language's pass indexes its own pages as soon as they are written (Pagefind's Python
indexing API, which runs Pagefind's indexer in its own process), while the other passes go on
building; the bundle goes to pagefind/<language>/, and a language's search page loads its own
bundle (docs/assets/hub.js). Nothing is left to index once the passes are done.

Pages whose front matter says `search: {exclude: true}` (the search page, the printable
sections, which repeat every item, and the translation status) carry no `data-pagefind-body`
(overrides/main.html), so Pagefind leaves them out.
"""
from __future__ import annotations

import asyncio
import time
from pathlib import Path

from pagefind.index import PagefindIndex

OUTPUT = "pagefind"
IGNORED = [".headerlink"]  # the ¶ after each heading is not text


class SearchIndexError(Exception):
    pass


def bundle_path(language: str) -> str:
    """Where a language's bundle is, under the site: its search page loads it from there."""
    return f"{OUTPUT}/{language}"


def pages_glob(site_paths) -> str:
    """A glob that matches exactly the folders and files of a language's pages: the reference
    language's pages share the site root with the other languages' folders, so they are named
    by their top folders (e.g. {index.html,about/**/*.html,...}), and ar's are {ar/**/*.html}."""
    tops = sorted({path.split("/", 1)[0] + ("/**/*.html" if "/" in path else "") for path in site_paths})
    return "{" + ",".join(tops) + "}"


def index_language(site_dir: Path, language: str, site_paths) -> float:
    """Index a language's pages, already written under site_dir, into its own bundle; returns
    the seconds it took. Raises SearchIndexError when Pagefind fails."""
    start = time.perf_counter()
    try:
        asyncio.run(_index(site_dir, language, pages_glob(site_paths)))
    except Exception as error:  # Pagefind's service reports its failures as bare Exceptions
        raise SearchIndexError(f"Pagefind could not index the {language} pages: {error}") from None
    return time.perf_counter() - start


async def _index(site_dir: Path, language: str, glob: str) -> None:
    """The bundle is written when the `async with` block ends without an error."""
    config = {"exclude_selectors": IGNORED, "output_path": str(site_dir / bundle_path(language))}
    async with PagefindIndex(config) as index:
        indexed = await index.add_directory(str(site_dir), glob=glob)
        if not indexed.get("page_count"):
            raise SearchIndexError(f"no {language} page to index under {site_dir} ({glob})")
