"""The offline copy: one ZIP archive per language, that works from file://.

A reader on a phone wants her own language, not four. So each language's pass writes its own
archive, download/defenders-hub-<language>.zip, while it builds: the files the pages use (styles,
the hub's script, images, read from their source, not from the site folder that other passes
are writing), then each page as the pass writes it, then the language's offline search data.
Nothing is read back from the site, and nothing is left to do once the passes are done.

What a copy holds: the language's pages, the files they use, and a search that works offline.
Not the 404 pages or the redirect pages of former addresses (for visitors of the web site), nor
the online search index, open data, feeds, sitemaps, source maps or the theme's unused scripts.

Links. Browsers open a folder's index.html only when a link names it, so every link to a folder
gets "index.html" added. The language switcher is left out: the other languages are not in the
copy, and a switcher leading out of it would take a reader who chose to read offline back
online without a word. Any other link to a page that is not in the copy (an untranslated page's
"read in English") goes to that page on the web site when site_url is known, and is left as
plain text otherwise. A copy of another language than the reference one gets an index.html at
its root that opens the language's home.

Search. Pagefind fetches its index, which browsers refuse from file://, so the copy searches
with lunr (the library Material ships language stemmers for, Arabic included) over a list of
the language's pages, loaded as a classic script.

Reproducible. The entries go in a fixed order (the files sorted, then the pages in the order
MkDocs builds them, which is the same in every process) with a fixed date; files that are
compressed already (images, fonts, archives) are stored as they are, the rest deflated.
"""
from __future__ import annotations

import html
import json
import posixpath
import re
import zipfile
from collections.abc import Iterable
from fnmatch import fnmatch
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[2] / "vendor"
SEARCH_DIR = "assets/offline"
LEFT_OUT_FILES = ("*.map", "sitemap.xml*")
# Of the theme's scripts, the pages use none; the offline search uses lunr's stemmer support and
# the stemmer of the copy's language (docs/assets/hub.js loads them).
THEME_SCRIPTS = "assets/javascripts/"
STEMMERS = ("assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/lunr/min/lunr.{language}.min.js")
STORED = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2", ".zip", ".gz", ".pdf"}
COMPRESS_LEVEL = 6
FIXED_DATE = (2020, 1, 1, 0, 0, 0)  # the archive's bytes depend on the content only
FILE_MODE = 0o644 << 16

LINK = re.compile(r'(\s)(href|src|action)="([^"]*)"')  # (not \b, four times slower on these pages)
SKIP = ("http:", "https:", "mailto:", "tel:", "data:", "#", "/", "javascript:")
DOWNLOAD_LINK = re.compile(r'<a [^>]*class="hub-offline-link"[^>]*>.*?</a>', re.DOTALL)
# Material's language switcher (partials/alternate.html), from its list's box to the list's end.
SWITCHER = re.compile(r'<div class="md-select">.*?</ul>\s*</div>\s*</div>', re.DOTALL)
ARTICLE = re.compile(r"<article[^>]*>(.*?)</article>", re.DOTALL)
TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")


def archive_path(language: str) -> str:
    """Where a language's archive is, under the site; its pages' footers link to it."""
    return f"download/defenders-hub-{language}.zip"


def archive_folder(language: str) -> str:
    """The folder the archive unpacks to."""
    return f"defenders-hub-{language}"


def wanted_asset(site_path: str, language: str) -> bool:
    """Whether a file of the theme or of docs/ (not a page) goes into a language's copy."""
    if any(fnmatch(posixpath.basename(site_path), pattern) for pattern in LEFT_OUT_FILES):
        return False
    if site_path.startswith(THEME_SCRIPTS):
        return site_path in {stemmer.format(language=language) for stemmer in STEMMERS}
    return True


class OfflineArchive:
    """One language's archive, written while its pass builds it (in whichever process that is)."""

    def __init__(self, site_dir: Path, language: str, pages: Iterable[str], assets: dict[str, Path],
                 site_url: str | None = None):
        """`pages`: the site paths of the language's pages (e.g. ar/tools/index.html);
        `assets`: the site path and source file of every other file the pass copies."""
        self.language = language
        self.site_url = (site_url or "").rstrip("/")
        self.path = site_dir / archive_path(language)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.zip = zipfile.ZipFile(self.path, "w")
        self.records: list[dict] = []
        self.links: dict = {}  # links rewritten, shared by pages with the same ancestor folder
        kept = {path: source for path, source in assets.items() if wanted_asset(path, language)}
        self.members = set(pages) | set(kept) | {self._search_data(), f"{SEARCH_DIR}/lunr.min.js"}
        for path in sorted(kept):
            self._add(path, kept[path].read_bytes())

    def add_page(self, site_path: str, text: str) -> None:
        """A finished page, as the site has it at `site_path`."""
        self._add(site_path, for_file_urls(text, site_path, self.members, self.site_url, self.links).encode("utf-8"))
        self.records.append(_record(site_path, text))

    def add_file(self, site_path: str, text: str) -> None:
        """A file of the copy only, not of the web site (the self-contained emergency card)."""
        self._add(site_path, text.encode("utf-8"))

    def finish(self, start_page: str | None = None) -> Path:
        """After the pass: the search data and library, and the start page if the language's
        home is not at the root; returns the archive's path."""
        pages = sorted((page for page in self.records if page["x"]), key=lambda page: page["u"])
        data = json.dumps(pages, ensure_ascii=False, separators=(",", ":"))
        self.records = []
        self._add(self._search_data(), f"window.hubOfflineSearch={data};\n".encode("utf-8"))
        self._add(f"{SEARCH_DIR}/lunr.min.js", (VENDOR / "lunr-2.3.9.min.js").read_bytes())
        self._add(f"{SEARCH_DIR}/lunr-LICENSE.txt", (VENDOR / "lunr-LICENSE.txt").read_bytes())
        if start_page is not None:
            self._add("index.html", start_page.encode("utf-8"))
        self.zip.close()
        return self.path

    def discard(self) -> None:
        self.zip.close()
        self.path.unlink(missing_ok=True)

    def _search_data(self) -> str:
        return f"{SEARCH_DIR}/search-{self.language}.js"

    def _add(self, site_path: str, data: bytes) -> None:
        info = zipfile.ZipInfo(f"{archive_folder(self.language)}/{site_path}", FIXED_DATE)
        info.external_attr = FILE_MODE
        stored = posixpath.splitext(site_path)[1].lower() in STORED
        info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        self.zip.writestr(info, data, compresslevel=None if stored else COMPRESS_LEVEL)


def for_file_urls(text: str, site_path: str, members: set[str], site_url: str = "", cache: dict | None = None) -> str:
    """A page as the copy has it: without the download link and the language switcher, its
    links to folders naming their index.html, its links out of the copy to the web site.
    `cache`: links already rewritten for other pages of the same copy."""
    text = SWITCHER.sub("", DOWNLOAD_LINK.sub("", text))
    folder = posixpath.dirname(site_path)
    cache = {} if cache is None else cache

    def rewrite(match: re.Match) -> str:
        space, attribute, value = match.groups()
        if not value or value.startswith(SKIP):
            return match.group()
        ups = 0
        while value.startswith("../", 3 * ups):
            ups += 1
        parts = folder.split("/") if folder else []
        base = "/".join(parts[: len(parts) - ups]) if ups <= len(parts) else None
        key = (base, ups, attribute, value[3 * ups:])  # the same for every page with that ancestor
        if key not in cache:
            cache[key] = _link_in_copy(attribute, value, folder, members, site_url)
        return space + cache[key]

    return LINK.sub(rewrite, text)


def _link_in_copy(attribute: str, value: str, folder: str, members: set[str], site_url: str) -> str:
    """href="../mechanisms/" -> href="../mechanisms/index.html" (anchors and queries kept);
    a page that is not in the copy -> its address on the web site, or no link."""
    unchanged = f'{attribute}="{value}"'
    cut = min((value.index(c) for c in "?#" if c in value), default=len(value))
    path, rest = value[:cut], value[cut:]
    if path in (".", ".."):
        path += "/"
    is_folder = path.endswith("/") or not path
    target = posixpath.normpath(posixpath.join(folder, path))
    if target.startswith("../"):  # above the site: not a page of it
        return unchanged
    if is_folder:
        target = "index.html" if target == "." else f"{target}/index.html"
    if target in members:
        return f'{attribute}="{path}index.html{rest}"' if is_folder and path else unchanged
    if attribute != "href":
        return unchanged
    if site_url:
        online = target[: -len("index.html")] if target.endswith("index.html") else target
        return f'{attribute}="{html.escape(site_url + "/" + online)}{rest}"'
    return ""


def _record(site_path: str, text: str) -> dict:
    """What the offline search knows of a page: its title, address and text."""
    article = ARTICLE.search(text)
    body = article.group(1) if article else ""
    title = TITLE.search(body)
    clean = lambda fragment: SPACE.sub(" ", html.unescape(TAG.sub(" ", fragment))).replace("¶", "").strip()
    return {"u": site_path, "t": clean(title.group(1)) if title else "", "x": clean(body)}
