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
import os
import shutil
import time
from pathlib import Path

from pagefind.service import PagefindService

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
    the seconds it took. Raises SearchIndexError when Pagefind fails. The bundle is written
    beside the last one and then replaces it (under `mkdocs serve`, a language is indexed
    again after each edit, while the site is being served)."""
    start = time.perf_counter()
    bundle = site_dir / bundle_path(language)
    written = bundle.with_name(f".{language}.building")
    shutil.rmtree(written, ignore_errors=True)
    try:
        asyncio.run(_index(site_dir, language, pages_glob(site_paths), written))
    except Exception as error:  # Pagefind's service reports its failures as bare Exceptions
        shutil.rmtree(written, ignore_errors=True)
        raise SearchIndexError(f"Pagefind could not index the {language} pages: {error}") from None
    shutil.rmtree(bundle, ignore_errors=True)
    os.replace(written, bundle)
    return time.perf_counter() - start


async def _index(site_dir: Path, language: str, glob: str, output: Path) -> None:
    service = await _Service(output).launch()
    try:
        index = await service.create_index({"exclude_selectors": IGNORED, "output_path": str(output)})
        indexed = await index.add_directory(str(site_dir), glob=glob)
        if not indexed.get("page_count"):
            raise SearchIndexError(f"no {language} page to index under {site_dir} ({glob})")
        await index.write_files()
        await service.writes_done()
    finally:
        await service.close()


class _Service(PagefindService):
    """Pagefind's indexing service, ended only once its files are on disk. Pagefind 1.5.2
    answers that the files are written while the last writes are still under way (fixed after
    that release, Pagefind #1272), and the library's `close` then ends it: a file of the bundle
    came out truncated now and then (about one run in six on a busy machine). So the hub waits
    until the process holds no file of the bundle open any more (Linux: /proc/<pid>/fd)."""

    def __init__(self, output: Path):
        super().__init__()
        self.output = str(output)

    async def writes_done(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        descriptors = Path(f"/proc/{self._backend.pid}/fd")
        if not descriptors.is_dir():  # not Linux: a pause that covers the writes seen here
            await asyncio.sleep(1)
            return
        while any(_target(fd).startswith(self.output) for fd in _listing(descriptors)):
            if time.monotonic() > deadline:
                raise SearchIndexError(f"Pagefind did not finish writing {self.output} in {timeout:.0f} s")
            await asyncio.sleep(0.01)


def _listing(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _target(link: Path) -> str:
    try:
        return os.readlink(link)
    except OSError:  # closed meanwhile
        return ""
