"""One 404 page per language.

MkDocs writes 404.html at the site root on every language pass, so the last language built
wins (mkdocs-static-i18n #284). Each pass's page is kept and put in its language's folder;
the reference language's goes back to the root at the end.
"""
from __future__ import annotations

from pathlib import Path

from ..model import REFERENCE_LANGUAGE

PAGE = "404.html"


class NotFoundPages:
    def __init__(self):
        self.pages: dict[str, bytes] = {}

    def keep(self, site_dir: Path, language: str) -> None:
        """After a language's pass: remember its 404 page and place it under /<language>/."""
        page = site_dir / PAGE
        if not page.exists():
            return
        self.pages[language] = page.read_bytes()
        if language != REFERENCE_LANGUAGE:
            (site_dir / language).mkdir(exist_ok=True)
            (site_dir / language / PAGE).write_bytes(self.pages[language])

    def finish(self, site_dir: Path) -> None:
        """After all passes: the root 404 page speaks the reference language."""
        if REFERENCE_LANGUAGE in self.pages:
            (site_dir / PAGE).write_bytes(self.pages[REFERENCE_LANGUAGE])
