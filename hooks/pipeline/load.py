"""Reading content files: YAML -> `Document`s that remember where every value was written.

PyYAML alone loses positions and silently keeps the last of two equal keys; composing the node
tree first (with the fast C parser) keeps both the positions and the duplicates in view.
Timestamps stay text, so a date is what the translator typed, not a Python object.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .problems import Problem

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
PLAIN_TEXT_TAGS = {TIMESTAMP_TAG, "tag:yaml.org,2002:str"}
FieldPath = tuple  # e.g. ("sources", 0, "url")


@dataclass
class Document:
    """One parsed YAML file with the position of each of its values."""

    path: str  # relative to the project root, with forward slashes
    language: str
    type_name: str  # a content type, or "ui" for interface strings
    name: str  # the file name without .yaml: the item id it must carry
    data: object
    value_marks: dict = field(default_factory=dict)  # FieldPath -> (line, column), 1-based
    key_marks: dict = field(default_factory=dict)  # FieldPath -> (line, column) of the key

    def position(self, path: FieldPath, of_key: bool = False) -> tuple[int, int]:
        """Where a field was written: its key, its value, or the nearest enclosing value."""
        marks = self.key_marks if of_key else self.value_marks
        while path not in marks and path:
            path = path[:-1]
        return marks.get(path, (1, 1))


def load_document(root: Path, file: Path, language: str, type_name: str) -> tuple[Document | None, list[Problem]]:
    """Parse one file; on failure return the problems that say why, and no document."""
    rel = file.relative_to(root).as_posix()
    try:
        text = file.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(rel, 1, 1, "-", f"the file is not UTF-8 text (byte {error.start})", "save it as UTF-8")]
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        return None, [_yaml_problem(rel, error)]
    except yaml.YAMLError as error:
        return None, [Problem(rel, 1, 1, "-", f"invalid YAML: {error}", "check the indentation and quotes")]
    document = Document(rel, language, type_name, file.stem, None)
    if node is None:
        return None, [Problem(rel, 1, 1, "-", "the file is empty", "write the item's fields, starting with id:")]
    problems: list[Problem] = []
    try:
        document.data = _build(node, (), document, problems)
    except ConstructorError as error:
        return None, [_yaml_problem(rel, error)]
    return document, problems


def _yaml_problem(rel: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = " ".join(part for part in (error.context, error.problem) if part)
    return Problem(rel, line, column, "-", f"invalid YAML: {what}",
                   "check the indentation, the colon after each key, and that text with ': ' or '#' is in quotes")


def _mark(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(node, path: FieldPath, document: Document, problems: list[Problem]):
    document.value_marks[path] = _mark(node)
    if isinstance(node, MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = _build_scalar(key_node) if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                line, column = _mark(key_node)
                problems.append(Problem(document.path, line, column, dotted(path),
                                        f"a key must be a word, not {key!r}", "write the field name followed by a colon"))
                continue
            child = (*path, key)
            if key in result:
                line, column = _mark(key_node)
                first_line = document.key_marks[child][0]
                problems.append(Problem(document.path, line, column, dotted(child),
                                        f"duplicate key: '{key}' is already set on line {first_line}",
                                        "keep one of the two and delete the other"))
                continue
            document.key_marks[child] = _mark(key_node)
            result[key] = _build(value_node, child, document, problems)
        return result
    if isinstance(node, SequenceNode):
        return [_build(item, (*path, index), document, problems) for index, item in enumerate(node.value)]
    return _build_scalar(node)


def _build_scalar(node: ScalarNode):
    """Text as written (a date stays text too); numbers, booleans and nulls as YAML reads them.
    Most values are text, so they skip the constructor, which ran for 100,000 values at scale."""
    if node.tag in PLAIN_TEXT_TAGS:
        return node.value
    return SafeConstructor().construct_object(node)


def dotted(path: FieldPath) -> str:
    """A field path as printed in problems: sources.0.url ("-" for the whole file)."""
    return ".".join(str(part) for part in path) or "-"


def content_files(root: Path, languages, type_names) -> tuple[list[tuple[Path, str, str]], list[Problem]]:
    """Every content file to load as (path, language, type), and problems for files that
    would otherwise be silently ignored (a .yml file, a folder that is not a type)."""
    found, problems = [], []
    for language in languages:
        language_dir = root / "content" / language
        expected = {"ui.yaml": "ui", **{name: name for name in type_names}}
        for entry in sorted(language_dir.iterdir()):
            kind = expected.get(entry.name)
            rel = entry.relative_to(root).as_posix()
            if kind == "ui" and entry.is_file():
                found.append((entry, language, "ui"))
            elif kind and entry.is_dir():
                for file in sorted(entry.iterdir()):
                    if file.suffix == ".yaml" and file.is_file():
                        found.append((file, language, kind))
                    else:
                        problems.append(Problem(file.relative_to(root).as_posix(), 1, 1, "-",
                                                "this file is not read: items are .yaml files",
                                                "rename it to <id>.yaml or remove it"))
            else:
                problems.append(Problem(rel, 1, 1, "-", "this is not read: not ui.yaml nor a content type folder",
                                        f"use one of: {', '.join(sorted(expected))}"))
        if not (language_dir / "ui.yaml").is_file():
            problems.append(Problem(f"content/{language}/ui.yaml", 1, 1, "-", "the interface strings file is missing",
                                    "copy content/en/ui.yaml and translate its values"))
    return found, problems
