"""What a language's pass makes besides its pages: its offline archive and its search index.

Both are made by the process that builds the language (hooks/passes.py), while the other
languages are being built: the archive page by page as the pass writes them, the search index
once the pass has written its last page. So the build has nothing left to index or to zip once
the passes are done, and no process holds more than one language's pages, search records or
archive at a time.
"""
from __future__ import annotations

from pathlib import Path

from ..stopwatch import Stopwatch
from .offline import OfflineArchive
from .search_index import index_language

ARCHIVE_STAGE = "offline archives"
SEARCH_STAGE = "search indexes"


class PassOutputs:
    def __init__(self, site_dir: Path, language: str, pages: list[str], assets: dict[str, Path],
                 start_page: str | None, site_url: str | None, stopwatch: Stopwatch, archive: bool = True):
        """`pages`: the site paths of the language's pages; `assets`: the site path and source of
        every other file the pass copies; `start_page`: the archive's root page, when the
        language's home is not at the root; `archive`: False under `mkdocs serve`, whose
        rebuilds write only the pages that changed."""
        self.site_dir = site_dir
        self.language = language
        self.pages = pages
        self.start_page = start_page
        self.stopwatch = stopwatch
        self.archive = None
        if archive:
            with stopwatch.stage(ARCHIVE_STAGE):
                self.archive = OfflineArchive(site_dir, language, pages, assets, site_url)

    def add_page(self, site_path: str, html: str) -> None:
        if self.archive:
            with self.stopwatch.stage(ARCHIVE_STAGE):
                self.archive.add_page(site_path, html)

    def add_file(self, site_path: str, text: str) -> None:
        """A file of the language's offline copy only (its emergency card)."""
        if self.archive:
            with self.stopwatch.stage(ARCHIVE_STAGE):
                self.archive.add_file(site_path, text)

    def finish(self, index: bool = True) -> None:
        """After the pass's last page: the archive, and the search index unless it is left to
        the caller. Raises SearchIndexError when Pagefind fails."""
        if self.archive:
            with self.stopwatch.stage(ARCHIVE_STAGE):
                self.archive.finish(self.start_page)
        if index:
            self.stopwatch.record(SEARCH_STAGE, index_language(self.site_dir, self.language, self.pages))

    def discard(self) -> None:
        if self.archive:
            self.archive.discard()
