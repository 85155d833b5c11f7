"""Links between hand-written pages (docs/), checked with the file, line and column that wrote them.

MkDocs reports a broken link with its file only; a translator needs the line. A link to another
page is right when the page exists in docs/ (in any language: the site picks the reader's) or is
one the hub generates. Anchors are left to MkDocs' own check.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

from .problems import Problem

LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)")
FENCE = re.compile(r"^(```|~~~)", re.MULTILINE)


def check_docs_links(docs_dir: Path, generated: set[str], languages) -> list[Problem]:
    """Every link of docs/*.md to a .md page that neither exists nor is generated."""
    existing = {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")} | set(generated)
    problems = []
    for page in sorted(docs_dir.rglob("*.md")):
        rel = page.relative_to(docs_dir).as_posix()
        text = page.read_text(encoding="utf-8")
        for match in LINK.finditer(_without_code(text)):
            target = match.group(1).split("#", 1)[0]
            if not target.endswith(".md") or "://" in target or target.startswith(("/", "mailto:")):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(rel), target))
            stem = resolved[: -len(".md")]
            if not ({resolved} | {f"{stem}.{language}.md" for language in languages}) & existing:
                line = text.count("\n", 0, match.start(1)) + 1
                column = match.start(1) - text.rfind("\n", 0, match.start(1))
                problems.append(Problem(f"docs/{rel}", line, column, "link",
                                        f"the link to '{match.group(1)}' leads to no page",
                                        "check the file name, relative to this page (e.g. ../mechanisms/index.md)"))
    return problems


def _without_code(text: str) -> str:
    """The text with fenced code blocks blanked (same length, so positions stay right)."""
    parts = FENCE.split(text)
    out, inside = [], False
    for part in parts:
        if FENCE.fullmatch(part):
            inside = not inside
            out.append(part)
        else:
            out.append(re.sub(r"[^\n]", " ", part) if inside else part)
    return "".join(out)
