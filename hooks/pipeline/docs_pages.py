"""Hand-written pages (docs/) that a language lacks.

mkdocs-static-i18n can copy an untranslated page silently; readers should instead be told,
in their own language, that they are reading the English text. This module finds those pages;
`render` writes them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .model import REFERENCE_LANGUAGE

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


@dataclass(frozen=True)
class MissingPage:
    """An English page of docs/ with no translation in one language."""

    english: str  # path under docs/, e.g. about.md
    language: str
    source: Path

    @property
    def path(self) -> str:
        """Where the fallback page goes under docs/ (suffix style): about.ar.md."""
        return f"{self.english[: -len('.md')]}.{self.language}.md"

    def parts(self) -> tuple[str, str]:
        """The English page split into its front matter (which must stay on top) and its text."""
        text = self.source.read_text(encoding="utf-8")
        match = FRONT_MATTER.match(text)
        return (match.group(), text[match.end():]) if match else ("", text)


def missing_docs_pages(docs_dir: Path, languages) -> list[MissingPage]:
    missing = []
    for source in sorted(docs_dir.rglob("*.md")):
        rel = source.relative_to(docs_dir).as_posix()
        suffixes = source.suffixes
        if len(suffixes) >= 2 and suffixes[-2].lstrip(".") in languages:
            continue  # a translation
        for language in languages:
            page = MissingPage(rel, language, source)
            if language != REFERENCE_LANGUAGE and not (docs_dir / page.path).exists():
                missing.append(page)
    return missing
