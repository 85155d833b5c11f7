"""One 404 page per language.

MkDocs writes 404.html at the site root on every language pass, so the last language built
wins (mkdocs-static-i18n #284), and with passes in parallel processes any language may. Each
pass's page is taken as it is rendered and put in its language's folder; the reference
language's goes back to the root once every pass is done.
"""
from __future__ import annotations

from pathlib import Path

from ..model import REFERENCE_LANGUAGE

PAGE = "404.html"


class NotFoundPages:
    def __init__(self):
        self.reference: str | None = None

    def keep(self, site_dir: Path, language: str, html: str) -> None:
        """During a language's pass: place its 404 page under /<language>/ (or remember it)."""
        if language == REFERENCE_LANGUAGE:
            self.reference = html
            return
        (site_dir / language).mkdir(parents=True, exist_ok=True)
        (site_dir / language / PAGE).write_text(html, encoding="utf-8")

    def finish(self, site_dir: Path) -> None:
        """After all passes: the root 404 page speaks the reference language."""
        if self.reference is not None:
            (site_dir / PAGE).write_text(self.reference, encoding="utf-8")
