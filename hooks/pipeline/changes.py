"""What an edit changes, so that `mkdocs serve` rebuilds no more than that (hooks/preview.py).

Two levels. From the files that changed since the last build, `plan_rebuild` says which
languages to build again: an item or interface file of one translation touches that language,
the English one touches every language (its facts and its fallback text are in all of them), a
hand-written page touches its language (English, and the English pages kept outside docs/ such
as CONTRIBUTING.md: all); anything else (configuration, theme, hooks, schemas, assets, a file
added or removed) asks for a whole build. (What a translation's file changes in the other
languages, its line on their translation-status pages and its words on their not-found pages,
waits for the next whole build: the preview stays fast for the translator, whose own language
shows every change.) Then, inside each language to build, `PageDigests` compares every page's
Markdown with the last build's: only the pages whose Markdown changed are rendered and written
again, with the navigation's pages, which every page shows the titles of (when one of those
titles changed, the whole language is).
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from .docs_pages import FRONT_MATTER, OUTSIDE_PAGES
from .model import path_language

WATCHED = ("content", "docs", "overrides", "hooks", "schemas")
OUTSIDE_SOURCES = frozenset(OUTSIDE_PAGES.values())  # English pages kept in the project's root


def snapshot(root: Path, config_file: Path) -> dict[str, tuple[int, int]]:
    """Every watched file under the project, as its path (relative, POSIX) -> (mtime, size)."""
    found = {}
    for folder in WATCHED:
        for directory, folders, files in os.walk(root / folder):
            folders[:] = [name for name in folders if name != "__pycache__"]
            for name in files:
                path = Path(directory, name)
                stat = path.stat()
                found[path.relative_to(root).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    for path in (config_file, *(root / name for name in sorted(OUTSIDE_SOURCES))):
        stat = path.stat()
        found[path.name] = (stat.st_mtime_ns, stat.st_size)
    return found


def changed_files(before: dict, after: dict) -> tuple[set[str], bool]:
    """The files whose signature changed, and whether any file was added or removed."""
    return {path for path in after if path in before and before[path] != after[path]}, set(before) != set(after)


@dataclass(frozen=True)
class Plan:
    """A rebuild: every language and page (`whole_site`), or `languages` to build again, of which
    `whole_languages` have every page rendered again."""

    whole_site: bool
    languages: frozenset[str] = frozenset()
    whole_languages: frozenset[str] = frozenset()


WHOLE_SITE = Plan(whole_site=True)


def plan_rebuild(changed: set[str], added_or_removed: bool, languages, reference: str) -> Plan:
    if added_or_removed:
        return WHOLE_SITE
    touched, whole = set(), set()
    for path in changed:
        parts = path.split("/")
        if parts[0] == "content" and len(parts) >= 3 and parts[1] in languages and path.endswith(".yaml"):
            language = parts[1]
            affected = set(languages) if language == reference else {language}
            touched |= affected
            if len(parts) == 3:  # content/<language>/ui.yaml: every page's labels
                whole |= affected
        elif parts[0] == "docs" and len(parts) == 2 and path.endswith(".md"):
            language = path_language(parts[1], languages)
            touched |= set(languages) if language == reference else {language}
        elif path in OUTSIDE_SOURCES:
            touched |= set(languages)
        else:
            return WHOLE_SITE
    return Plan(False, frozenset(touched), frozenset(whole))


def page_title(markdown: str) -> str:
    """A page's title as MkDocs takes it for the navigation: its first level-one heading."""
    for line in FRONT_MATTER.sub("", markdown, count=1).splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""


@dataclass
class PageDigests:
    """The pages of the last build that succeeded: (language, path) -> the digest of the page's
    Markdown, the title read from the Markdown (to notice a change before rendering), and the
    title MkDocs gave the page once rendered (which the navigation shows; a page's Markdown may
    take its heading from an included file)."""

    pages: dict[tuple[str, str], tuple[bytes, str, str]] = field(default_factory=dict)
    building: dict[tuple[str, str], tuple[bytes, str, str]] = field(default_factory=dict)

    def remember(self, language: str, path: str, markdown: str) -> None:
        """A page as this build reads it; kept once the build succeeds."""
        self.building[(language, path)] = (_digest(markdown), page_title(markdown), "")

    def remember_title(self, language: str, path: str, title: str) -> None:
        """The page's title, once rendered."""
        digest, markdown_title, _ = self.building[(language, path)]
        self.building[(language, path)] = (digest, markdown_title, title)

    def changed(self, language: str, markdown: dict[str, str], navigation: set[str]) -> set[str]:
        """The pages of a language (path -> Markdown) to render again: those whose Markdown
        changed, or all when the title of a page of the navigation changed (every page shows
        them; otherwise `title` gives the navigation's titles without rendering their pages)."""
        changed = set()
        for path, text in markdown.items():
            now = (_digest(text), page_title(text))
            before = self.pages.get((language, path))
            if before is None or before[:2] != now:
                changed.add(path)
                if path in navigation and (before is None or before[1] != now[1]):
                    return set(markdown)
        return changed

    def title(self, language: str, path: str) -> str:
        return self.pages[(language, path)][2]

    def succeeded(self) -> None:
        self.pages.update(self.building)
        self.building = {}

    def failed(self) -> None:
        self.building = {}


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
