"""Problems found in content, as values to collect and print together.

A translator fixing a pull request needs every mistake at once, each pointing at a file,
line and field with a way to fix it, in the `file:line:col: field: message (fix)` shape that
editors and CI logs turn into links.
"""
from __future__ import annotations

from dataclasses import dataclass

WHOLE_FILE = ""  # the field of a problem about a whole file (invalid YAML, a file too large)


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one content file."""

    path: str  # relative to the project root, e.g. content/ar/mechanisms/x.yaml
    line: int  # 1-based
    column: int  # 1-based
    field: str  # dotted path of the field, e.g. sources.0.url; WHOLE_FILE for the whole file
    message: str  # what is wrong
    fix: str = ""  # how to fix it

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        text = f"{self.path}:{self.line}:{self.column}:{field} {self.message}"
        return f"{text} ({self.fix})" if self.fix else text


class ContentError(Exception):
    """Raised once, at the edge of the pipeline, when content has problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(problem) for problem in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found: fix them and build again.")
        return "\n".join(lines)
