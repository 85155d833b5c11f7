"""The offline copy: the whole site in a ZIP archive that works from file://.

Every page goes in as its pass writes it (hooks/hub.py), so no page is read back from the site;
the 404 pages and the redirect pages of former addresses are for visitors of the web site only.

Browsers open a folder's index.html only when a link names it, so every link to a folder gets
"index.html" added. Pagefind fetches its index, which browsers refuse from file://, so the copy
searches with lunr instead (the library Material ships its language stemmers for, Arabic
included), over a per-language list of pages loaded as a classic script.
"""
from __future__ import annotations

import html
import json
import re
import shutil
import tempfile
import zipfile
from collections import defaultdict
from fnmatch import fnmatch
from pathlib import Path

ARCHIVE = "download/defenders-hub.zip"
FOLDER = "defenders-hub"  # the folder the archive unpacks to
VENDOR = Path(__file__).resolve().parents[2] / "vendor"
SEARCH_DIR = "assets/offline"
LEFT_OUT_FOLDERS = {"pagefind", "download", "data", "feeds"}
LEFT_OUT_FILES = ("*.map", "sitemap.xml*", "_headers")
LINK = re.compile(r'\b(href|src|action)="([^"]*)"')
SKIP = ("http:", "https:", "mailto:", "data:", "#", "/", "javascript:")
DOWNLOAD_LINK = re.compile(r'<a [^>]*class="hub-offline-link"[^>]*>.*?</a>', re.DOTALL)
ARTICLE = re.compile(r"<article[^>]*>(.*?)</article>", re.DOTALL)
TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")
FIXED_DATE = (2020, 1, 1, 0, 0, 0)  # the archive's bytes depend on the content only


class OfflineCopy:
    """The archive's folder, filled page by page as the language passes write the pages (in
    whichever process builds the language), then zipped with the site's other files."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="hub-offline-"))  # shared with forked passes
        self.tree = self.folder / FOLDER
        self.records: dict[str, list[dict]] = defaultdict(list)

    def add_page(self, site_path: str, html: str, language: str) -> None:
        """A finished page, as the site has it at `site_path` (e.g. ar/tools/index.html)."""
        target = self.tree / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(for_file_urls(html), encoding="utf-8")
        self.records[language].append(_record(site_path, html))

    def add_file(self, site_path: str, text: str) -> None:
        """A file of the offline copy only (not of the web site), e.g. ar/emergency-card.html."""
        target = self.tree / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def finish_language(self, language: str) -> None:
        """After a language's pass, which wrote all its pages: that language's search data."""
        pages = sorted((page for page in self.records.pop(language, []) if page["x"]), key=lambda page: page["u"])
        search_dir = self.tree / SEARCH_DIR
        search_dir.mkdir(parents=True, exist_ok=True)
        data = json.dumps(pages, ensure_ascii=False, separators=(",", ":"))
        (search_dir / f"search-{language}.js").write_text(f"window.hubOfflineSearch={data};\n", encoding="utf-8")

    def write_archive(self, site_dir: Path) -> Path:
        """Add the site's other files (styles, scripts, images) and the search library, and
        zip it all to <site>/download/defenders-hub.zip."""
        for path in site_dir.rglob("*"):
            relative = path.relative_to(site_dir)
            if path.is_file() and path.suffix != ".html" and not _left_out(relative):
                target = self.tree / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
        shutil.copyfile(VENDOR / "lunr-2.3.9.min.js", self.tree / SEARCH_DIR / "lunr.min.js")
        shutil.copyfile(VENDOR / "lunr-LICENSE.txt", self.tree / SEARCH_DIR / "lunr-LICENSE.txt")
        archive = site_dir / ARCHIVE
        archive.parent.mkdir(parents=True, exist_ok=True)
        _zip(self.tree, archive)
        return archive

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _left_out(relative: Path) -> bool:
    """Files the copy does without: the online search index, the archive itself, open data,
    feeds, source maps, sitemaps and the web host's headers."""
    return relative.parts[0] in LEFT_OUT_FOLDERS or any(fnmatch(relative.name, pattern) for pattern in LEFT_OUT_FILES)


def for_file_urls(text: str) -> str:
    """A page whose links to folders name their index.html, without the download link."""
    return LINK.sub(_link_to_file, DOWNLOAD_LINK.sub("", text))


def _link_to_file(match: re.Match) -> str:
    """href="../mechanisms/" -> href="../mechanisms/index.html" (anchors and queries kept)."""
    attribute, value = match.groups()
    if not value or value.startswith(SKIP):
        return match.group()
    cut = min((value.index(c) for c in "?#" if c in value), default=len(value))
    path, rest = value[:cut], value[cut:]
    if path in (".", ".."):
        path += "/"
    if not path.endswith("/"):
        return match.group()
    return f'{attribute}="{path}index.html{rest}"'


def _record(site_path: str, text: str) -> dict:
    """What the offline search knows of a page: its title, address and text."""
    article = ARTICLE.search(text)
    body = article.group(1) if article else ""
    title = TITLE.search(body)
    clean = lambda fragment: SPACE.sub(" ", html.unescape(TAG.sub(" ", fragment))).replace("¶", "").strip()
    return {"u": site_path, "t": clean(title.group(1)) if title else "", "x": clean(body)}


def _zip(folder: Path, archive: Path) -> None:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zipped:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(folder).as_posix()}", FIXED_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                zipped.writestr(info, path.read_bytes())
