"""The build's gate on every page: the HTML that MkDocs made of it, checked, then sanitized.

Nothing is rendered twice: MkDocs has just turned the page's Markdown into HTML, and the gate
walks that HTML against the allowlist (html_policy.py). A hand-written page answers to the
contributors' allowlist; a page the hub generates, to the page allowlist, which adds the markup
of the hub's own templates. Whatever is refused becomes a Problem placed on the source that
wrote it: the line of the hand-written page, or the content file and field whose text holds
it. Then the sanitizer, with the same allowlist, is the last filter on the page's content, so
that nothing outside the list is published even where a check could not see it. The problems
of a language pass are reported together at its end (the build fails, the last site stays).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .docs_check import PAGE_SETTINGS, HandWrittenPage
from .html_check import Finding, findings
from .html_policy import CONTRIBUTION, PAGE, sanitize
from .load import Document, dotted
from .markup_check import find_needle, page_problem
from .model import REFERENCE_LANGUAGE, path_language
from .problems import WHOLE_FILE, Problem


@dataclass
class PageGate:
    """Checks and cleans the content of each page of a build."""

    hand_written: dict[str, HandWrittenPage]  # path under docs/ -> page
    documents: list[Document]  # every content file, to place problems of generated pages
    languages: tuple[str, ...]
    problems: list[Problem] = field(default_factory=list)

    def content(self, uri: str, html: str, meta: dict) -> str:
        """The page's content as it may be published; its problems are kept for `take_problems`."""
        page = self.hand_written.get(uri)
        policy = CONTRIBUTION if page else PAGE
        clean = sanitize(html, policy)
        if not same_markup(html, clean):  # the sanitizer removed something: say what, and where
            for finding in findings(html, policy):
                self.problems.append(page_problem(page.source, page.text, finding) if page else self._placed(uri, finding))
        if page:
            self.problems += [Problem(page.source, 1, 1, WHOLE_FILE, f"the page setting '{key}' is not allowed",
                                      f"a page may set only: {', '.join(sorted(PAGE_SETTINGS))}")
                              for key in meta if key not in PAGE_SETTINGS]
        return clean

    def take_problems(self) -> list[Problem]:
        """The problems found since the last call (one language pass), each once."""
        found, self.problems = sorted(set(self.problems)), []
        return found

    def _placed(self, uri: str, finding: Finding) -> Problem:
        """A finding of a generated page, placed on the content text that holds it: a text of
        the page's language or of English, or an English page shown untranslated."""
        language = path_language(uri, self.languages)
        documents = [d for d in self.documents if d.language in (language, REFERENCE_LANGUAGE)]
        for needle in finding.needles:
            for document, path, offset in _occurrences(documents, needle):
                line, column = document.position_in(path, offset)
                return Problem(document.path, line, column, dotted(path), finding.message, finding.fix)
            for page in self.hand_written.values():
                if find_needle(page.text, (needle,)) is not None:
                    return page_problem(page.source, page.text, finding)
        return Problem(f"docs/{uri}", 1, 1, WHOLE_FILE, f"{finding.message}, in a page the hub generates",
                       "no content text holds it alone: if a template of hooks/templates/ writes it, "
                       "add it to hooks/pipeline/html_policy.py; otherwise look in the texts this page shows")


# How Python-Markdown and the sanitizer write the same thing differently.
SERIALISATIONS = (("&para;", "\u00b6"), ("&#x27;", "'"), ("&#39;", "'"), ("&quot;", '"'), (" />", ">"), ('=""', ""))


def same_markup(markdown_html: str, sanitized: str) -> bool:
    """Whether the sanitizer kept everything: the two texts are equal once their known
    differences of writing are evened out. Removing an element, an attribute or a class always
    leaves a difference, so equal texts prove that nothing was removed, and the page needs no
    walk (most pages); a page written differently in other ways is walked, and passes if the
    walk finds nothing."""
    for written, alike in SERIALISATIONS:
        markdown_html, sanitized = markdown_html.replace(written, alike), sanitized.replace(written, alike)
    return markdown_html == sanitized


def _occurrences(documents: Iterable[Document], needle: str):
    for document in documents:
        for path, text in document.texts():
            offset = find_needle(text, (needle,))
            if offset is not None:
                yield document, path, offset
