"""One 404 page per language, and a root 404 page for readers of every language.

MkDocs writes 404.html at the site root on every language pass, so the last language built
wins (mkdocs-static-i18n #284), and with passes in parallel processes any language may. Each
pass's page is taken as it is rendered and put in its language's folder; the reference
language's goes back to the root once every pass is done.

GitHub Pages, most static hosts and `mkdocs serve` show only the root 404.html, whatever the
missing address. So every not-found page links to the others, each in its own language, and
a small script (docs/assets/not-found.js) sends a reader whose address is in a language's
folder (/ar/...) on to that language's page.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..catalog import Catalog
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


@dataclass(frozen=True)
class NotFoundLink:
    """A link from a not-found page to the not-found page of one language."""

    language: str
    label: str  # the page's title in its own language, and the language's own name
    path: str  # from the site root: /404.html, /ar/404.html


def not_found_links(catalog: Catalog, names: dict[str, str]) -> list[NotFoundLink]:
    """Every language's not-found page, labelled in that language (names: the languages' own names)."""
    return [NotFoundLink(language, f"{catalog.strings[language].get('notices', 'not_found_title')} ({names[language]})",
                         "/" + PAGE if language == REFERENCE_LANGUAGE else f"/{language}/{PAGE}")
            for language in catalog.model.languages]
