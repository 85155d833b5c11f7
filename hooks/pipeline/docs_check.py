"""Checks of the hand-written pages (docs/ and the pages kept outside it) before MkDocs reads them.

MkDocs copies every file of docs/ into the site and reads each page's settings (its front
matter) with a YAML parser of its own: a link placed in docs/ would publish the file it points
to, a file that is not a page would be published as it is, and a front matter of nested aliases
would hang the build. So, before any page is read: docs/ may hold pages (`<name>.md`,
`<name>.<lang>.md`) and, under assets/, the project's own files; no link, no other kind of file;
each page within the size and text limits; its front matter, if any, a plain `description`; and
no inclusion marker (`--8<--`), since no contribution may include a file.

The markup of each page is checked later, on the HTML that Markdown made of it (page_gate.py
in a build, markup_check.py in `python -m hooks.check`).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .docs_pages import FRONT_MATTER, OUTSIDE_PAGES
from .html_policy import INCLUSION_MARKER
from .limits import MAX_FILE_BYTES, line_and_column, read_text_file, refused_entry, refused_folder
from .load import parse_document
from .problems import WHOLE_FILE, Problem

ASSETS = "assets"  # the site's own styles and script: project code, reviewed as such
PAGE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z]{2,3})?\.md$")
# Without front matter, MkDocs reads "key: value" lines at the top of a page as its settings
# (MultiMarkdown style, mkdocs/utils/meta.py).
SETTINGS_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
PAGE_SETTINGS = {"description"}  # shown escaped in the page's <meta name="description">


@dataclass(frozen=True)
class HandWrittenPage:
    """A page's text, and where it was written."""

    uri: str  # its path under docs/, as MkDocs knows it
    source: str  # the file it comes from, relative to the project root
    text: str

    @property
    def body(self) -> str:
        """The Markdown after the front matter."""
        match = FRONT_MATTER.match(self.text)
        return self.text[match.end():] if match else self.text


def read_hand_written_pages(root: Path, docs_dir: Path) -> tuple[list[HandWrittenPage], list[Problem]]:
    """Every hand-written page that passes the checks above, and problems for the rest."""
    pages, problems = [], []
    for rel, path in _docs_entries(root, docs_dir, problems):
        page, found = _read_page(root, path, rel)
        problems += found
        if page:
            pages.append(page)
    for uri, source in OUTSIDE_PAGES.items():
        page, found = _read_page(root, root / source, uri)
        problems += found
        if page:
            pages.append(page)
    return pages, problems


def _docs_entries(root: Path, docs_dir: Path, problems: list[Problem]):
    """(path under docs/, path) of every page file; problems for every other entry."""
    for folder, folders, files in os.walk(docs_dir):
        here = Path(folder)
        in_assets = here.relative_to(docs_dir).parts[:1] == (ASSETS,)
        for name in sorted(folders):
            problem = refused_folder((here / name).relative_to(root).as_posix(), here / name)
            if problem:
                problems.append(problem)
        for name in sorted(files):
            path = here / name
            rel_root = path.relative_to(root).as_posix()
            problem = refused_entry(rel_root, path, None if in_assets else MAX_FILE_BYTES)
            if problem:
                problems.append(problem)
            elif in_assets:  # the project's own files: any size, but real files
                continue
            elif not PAGE_NAME.match(name):
                problems.append(Problem(rel_root, 1, 1, WHOLE_FILE, f"'{name}' is not a page docs/ may hold",
                                        "name a page <name>.md or <name>.<language>.md in lowercase; "
                                        "only the project's own files go in docs/assets/"))
            else:
                yield path.relative_to(docs_dir).as_posix(), path


def _read_page(root: Path, path: Path, uri: str) -> tuple[HandWrittenPage | None, list[Problem]]:
    text, problems = read_text_file(root, path)
    if text is None:
        return None, problems
    page = HandWrittenPage(uri, path.relative_to(root).as_posix(), text)
    problems = check_page_text(page)
    return (None if problems else page), problems


def check_page_text(page: HandWrittenPage) -> list[Problem]:
    """A page's settings and inclusion markers (the text itself: limits.py)."""
    problems = _settings_problems(page)
    index = page.text.find(INCLUSION_MARKER)
    if index >= 0:
        line, column = line_and_column(page.text, index)
        problems.append(Problem(page.source, line, column, WHOLE_FILE,
                                f"'{INCLUSION_MARKER}' would include another file: no page may include files",
                                "copy the text you need into the page, or link to the page that has it"))
    return problems


def _settings_problems(page: HandWrittenPage) -> list[Problem]:
    match = FRONT_MATTER.match(page.text)
    if not match:
        first = page.text.split("\n", 1)[0]
        setting = SETTINGS_LINE.match(first)
        if setting:
            return [Problem(page.source, 1, 1, WHOLE_FILE,
                            f"the first line '{first[:40]}' would be read as a page setting ({setting.group('key')})",
                            "start the page with its heading, e.g. '# Title'")]
        return []
    document, problems = parse_document(match.group(1), page.source, "", "page", page.uri, max_depth=1)
    problems = [Problem(p.path, p.line + 1, p.column, p.field, p.message, p.fix) for p in problems]  # after ---
    if document is None:
        return problems
    if not isinstance(document.data, dict):
        return [Problem(page.source, 2, 1, WHOLE_FILE, "the page settings between the --- lines are not key: value lines",
                        "write 'description: one sentence', or remove the --- lines")]
    for key, value in document.data.items():
        line, column = document.position((key,), of_key=True)
        if key not in PAGE_SETTINGS:
            problems.append(Problem(page.source, line + 1, column, str(key), f"the page setting '{key}' is not allowed",
                                    f"a page may set only: {', '.join(sorted(PAGE_SETTINGS))}"))
        elif not isinstance(value, str):
            problems.append(Problem(page.source, line + 1, column, str(key), "the description must be text",
                                    "write one sentence after 'description: '"))
    return problems
