"""The checker's view of markup: each text rendered alone, walked against the allowlist.

Used by `python -m hooks.check` (and by the build, only to place a problem it found in a page):
every text of a content file and every hand-written page is rendered with the project's
Markdown, and whatever the allowlist refuses becomes a Problem on the line that wrote it.
"""
from __future__ import annotations

import re

from .html_check import Finding, findings
from .html_policy import CONTRIBUTION, CONTRIBUTION_WITH_CONTACTS, FOLLOWED, Policy, address_problem
from .limits import line_and_column
from .load import Document, FieldPath, dotted
from .markup import MarkdownRenderer
from .model import Model
from .problems import WHOLE_FILE, Problem

Render = MarkdownRenderer
# Without one of these characters no Markdown of mkdocs.yml's extensions makes anything the
# allowlist refuses (raw HTML and autolinks need <, links and images [, attribute lists {,
# entities &, admonitions !); such a text is not rendered. A test holds this to be true.
MARKUP_CHARACTERS = re.compile(r"[<\[{&!]")


def text_policy(model: Model, document: Document, path: FieldPath) -> Policy:
    """What a text at this place may become: contact addresses only in fields that allow them."""
    content_type = model.types.get(document.type_name)
    field = content_type.fields.get(path[0]) if content_type and path else None
    return CONTRIBUTION_WITH_CONTACTS if field is not None and field.contacts else CONTRIBUTION


def check_document_markup(model: Model, document: Document, render: Render) -> list[Problem]:
    """Every text of a content file rendered and walked."""
    problems = []
    for path, text in document.texts():
        if not MARKUP_CHARACTERS.search(text):
            continue
        policy = text_policy(model, document, path)
        for finding in checked(text, policy, render):
            offset = find_needle(text, finding.needles)
            line, column = document.position_in(path, offset or 0)
            problems.append(Problem(document.path, line, column, dotted(path), finding.message, finding.fix))
    return problems


def check_page_markup(rel: str, source: str, markdown_text: str, render: Render) -> list[Problem]:
    """A hand-written page rendered and walked; each problem on the source line that holds it."""
    return [page_problem(rel, source, finding) for finding in checked(markdown_text, CONTRIBUTION, render)]


def checked(text: str, policy: Policy, render: Render) -> list[Finding]:
    """What the allowlist refuses in the HTML of a text, and in its link definitions."""
    found = findings(render(text), policy)
    for address in render.defined_addresses():
        objection = address_problem(address, FOLLOWED, policy.contacts)
        if objection:
            found.append(Finding(objection.message, objection.fix, (address,)))
    return list({finding.message: finding for finding in reversed(found)}.values())[::-1]  # each once, first kept


def page_problem(rel: str, source: str, finding: Finding) -> Problem:
    """A finding of a hand-written page, placed where its text first appears in the source."""
    offset = find_needle(source, finding.needles)
    line, column = line_and_column(source, offset) if offset is not None else (1, 1)
    return Problem(rel, line, column, WHOLE_FILE, finding.message, finding.fix)


def find_needle(text: str, needles: tuple[str, ...]) -> int | None:
    """Where the first of the needles that occurs in the text starts (ignoring case)."""
    folded = text.casefold()
    for needle in needles:
        index = folded.find(needle.casefold())
        if index >= 0:
            return index
    return None
