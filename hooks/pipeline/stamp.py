"""Marking a reviewed translation up to date: writing its `translated_from` record.

The record is rewritten in place as the file's last block, leaving everything the translator
wrote (comments, order, line breaks) untouched.
"""
from __future__ import annotations

from pathlib import Path

from .content import check_content
from .model import REFERENCE_LANGUAGE
from .problems import WHOLE_FILE, Problem
from .translation import RECORD_FIELD, record
from .yaml_text import field_span, without_trailing_blank_lines


def stamp_files(root: Path, paths: list[str]) -> tuple[list[str], list[Problem]]:
    """Record the current English text in each translation file; refuse any file that (or
    whose English original) has a problem, and say why."""
    model, documents, problems = check_content(root)
    by_path = {d.path: d for d in documents}
    english = {(d.type_name, d.name): d for d in documents if d.language == REFERENCE_LANGUAGE}
    written, refused = [], []
    for rel in paths:
        document = by_path.get(rel)
        if document is None or document.type_name == "ui" or document.language == REFERENCE_LANGUAGE:
            refused.append(Problem(rel, 1, 1, WHOLE_FILE, "not a translation file that could be read",
                                   "give a path like content/ar/mechanisms/<id>.yaml"))
            continue
        original = english.get((document.type_name, document.name))
        own = [p for p in problems if p.path in (rel, original.path if original else None)]
        if own or original is None:
            refused += own or [Problem(rel, 1, 1, WHOLE_FILE, "there is no English original", "")]
            continue
        translatable = [f.name for f in model.types[document.type_name].translatable_fields()]
        fields = [name for name in translatable if name in document.data]
        path = root / rel
        path.write_text(with_record(path.read_text(encoding="utf-8"), record(original.data, fields)), encoding="utf-8")
        written.append(rel)
    return written, refused


def with_record(text: str, digests: dict[str, str]) -> str:
    """A translation file's text with its `translated_from` record replaced by `digests`."""
    lines = text.splitlines()
    span = field_span(lines, RECORD_FIELD)
    if span:
        del lines[span[0]:span[1]]
    lines = without_trailing_blank_lines(lines)
    lines.append(f"{RECORD_FIELD}:")
    lines.extend(f"  {name}: \"{value}\"" for name, value in digests.items())  # quoted: digits alone would read as a number
    return "\n".join(lines) + "\n"
