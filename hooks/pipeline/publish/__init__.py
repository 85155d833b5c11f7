"""Steps that run on the built site, after every language has been rendered."""
from __future__ import annotations

from pathlib import Path

from ..catalog import Catalog
from ..render import Renderer
from ..stopwatch import Stopwatch
from .feeds import write_feeds
from .headers import write_headers
from .offline import OfflineCopy
from .open_data import write_open_data
from .redirects import write_redirects
from .search_index import SearchIndexError, SearchIndexing
from .sitemap import write_sitemaps

__all__ = ["publish", "SearchIndexError"]


def publish(site_dir: Path, catalog: Catalog, site_url: str | None, offline: OfflineCopy,
            stopwatch: Stopwatch) -> None:
    """Everything made from the finished pages: sitemaps, redirects, data, feeds, HTTP headers, the search
    index (in its own process) and, meanwhile, the offline copy, whose pages the passes
    gathered. Raises SearchIndexError when the search index cannot be built."""
    renderer = Renderer(catalog, site_url)
    with stopwatch.stage("publish: sitemaps, redirects, data, feeds"):
        write_sitemaps(site_dir, catalog.model.languages, site_url)
        write_headers(site_dir)
        write_redirects(site_dir, renderer)
        write_open_data(site_dir, catalog, site_url)
        write_feeds(site_dir, renderer)
    indexing = SearchIndexing(site_dir)
    with stopwatch.stage("offline archive"):
        offline.write_archive(site_dir)
    with stopwatch.stage("waiting for the search index"):
        stopwatch.record("search indexing (alongside the archive)", indexing.wait())
