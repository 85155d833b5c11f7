"""Steps that make files from the content and the built pages.

Per language, inside the language's pass (language_pass.py): the offline archive and the search
index. For the whole site, once every pass is done (`publish`): sitemaps, redirects, open data
and feeds.
"""
from __future__ import annotations

from pathlib import Path

from ..render import Renderer
from ..stopwatch import Stopwatch
from .feeds import write_feeds
from .headers import write_headers
from .language_pass import PassOutputs
from .open_data import write_open_data
from .redirects import write_redirects
from .search_index import SearchIndexError
from .sitemap import write_sitemaps

__all__ = ["publish", "PassOutputs", "SearchIndexError"]

SITE_STAGE = "publish: sitemaps, redirects, data, feeds"


def publish(site_dir: Path, renderer: Renderer, site_url: str | None, stopwatch: Stopwatch,
            same_pages: bool = False) -> None:
    """Everything made for the whole site once every language's pages are written, with the
    build's renderer; `same_pages`: the site has the same pages as before (a rebuild of some
    pages under `mkdocs serve`), so its sitemaps stay as they are."""
    catalog = renderer.catalog
    with stopwatch.stage(SITE_STAGE):
        if not same_pages:
            write_sitemaps(site_dir, catalog.model.languages, site_url)
        write_headers(site_dir)
        write_redirects(site_dir, renderer)
        write_open_data(site_dir, catalog, site_url)
        write_feeds(site_dir, renderer)
