"""The offline copy: the whole site in a ZIP archive that works from file://.

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
from pathlib import Path

from ..model import language_of

ARCHIVE = "download/defenders-hub.zip"
FOLDER = "defenders-hub"  # the folder the archive unpacks to
VENDOR = Path(__file__).resolve().parents[2] / "vendor"
LEFT_OUT = ("pagefind", "download", "data", "feeds", "*.map", "sitemap.xml*", "404.html")
LINK = re.compile(r'\b(href|src|action)="([^"]*)"')
SKIP = ("http:", "https:", "mailto:", "data:", "#", "/", "javascript:")
DOWNLOAD_LINK = re.compile(r'<a [^>]*class="hub-offline-link"[^>]*>.*?</a>', re.DOTALL)
ARTICLE = re.compile(r"<article[^>]*>(.*?)</article>", re.DOTALL)
TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")
FIXED_DATE = (2020, 1, 1, 0, 0, 0)  # the archive's bytes depend on the content only


def write_offline_copy(site_dir: Path, languages) -> Path:
    """Build the archive from a finished site and put it at <site>/download/defenders-hub.zip."""
    with tempfile.TemporaryDirectory() as temp:
        copy = Path(temp) / FOLDER
        shutil.copytree(site_dir, copy, ignore=shutil.ignore_patterns(*LEFT_OUT))
        records = {language: [] for language in languages}
        for page in sorted(copy.rglob("*.html")):
            text = page.read_text(encoding="utf-8")
            language = language_of(page.relative_to(copy).parts, languages)
            records[language].append(_record(page.relative_to(copy), text))
            page.write_text(for_file_urls(text), encoding="utf-8")
        search_dir = copy / "assets" / "offline"
        search_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy2(VENDOR / "lunr-2.3.9.min.js", search_dir / "lunr.min.js")
        shutil.copy2(VENDOR / "lunr-LICENSE.txt", search_dir / "lunr-LICENSE.txt")
        for language, pages in records.items():
            data = json.dumps([p for p in pages if p["x"]], ensure_ascii=False, separators=(",", ":"))
            (search_dir / f"search-{language}.js").write_text(f"window.hubOfflineSearch={data};\n", encoding="utf-8")
        archive = site_dir / ARCHIVE
        archive.parent.mkdir(parents=True, exist_ok=True)
        _zip(copy, archive)
    return archive


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


def _record(rel: Path, text: str) -> dict:
    """What the offline search knows of a page: its title, address and text."""
    article = ARTICLE.search(text)
    body = article.group(1) if article else ""
    title = TITLE.search(body)
    clean = lambda fragment: SPACE.sub(" ", html.unescape(TAG.sub(" ", fragment))).replace("¶", "").strip()
    return {"u": rel.as_posix(), "t": clean(title.group(1)) if title else "", "x": clean(body)}


def _zip(folder: Path, archive: Path) -> None:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zipped:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(folder).as_posix()}", FIXED_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                zipped.writestr(info, path.read_bytes())
