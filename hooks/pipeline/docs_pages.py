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

# A page's settings, found as MkDocs finds them (mkdocs/utils/meta.py): YAML between --- lines.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
# Hand-written pages whose text is kept outside docs/: path under docs/ -> file in the project.
# The translators' guide is CONTRIBUTING.md, where GitHub shows it to every contributor; the
# hub gives its text to docs/translate.md, so that no Markdown extension ever reads files.
OUTSIDE_PAGES = {"translate.md": "CONTRIBUTING.md"}


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
        text = self.source.read_text(encoding="utf-8-sig")
        match = FRONT_MATTER.match(text)
        return (match.group(), text[match.end():]) if match else ("", text)


def missing_docs_pages(root: Path, docs_dir: Path, languages) -> list[MissingPage]:
    missing = []
    english = {source.relative_to(docs_dir).as_posix(): source for source in sorted(docs_dir.rglob("*.md"))
               if not (len(source.suffixes) >= 2 and source.suffixes[-2].lstrip(".") in languages)}
    english.update({uri: root / source for uri, source in OUTSIDE_PAGES.items()})
    for rel, source in sorted(english.items()):
        for language in languages:
            page = MissingPage(rel, language, source)
            if language != REFERENCE_LANGUAGE and not (docs_dir / page.path).exists():
                missing.append(page)
    return missing
