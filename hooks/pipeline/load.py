"""Reading content files: YAML -> `Document`s that remember where every value was written.

The file's raw text is checked first (limits.py: size, encoding, control characters, links).
Then the fast C parser's events are turned into values here, one event at a time, so that what
YAML allows but content never needs is refused as soon as it appears, before it costs anything:
anchors and aliases (a few lines of nested aliases expand to billions of values), tags (which
ask the loader to build other kinds of objects), nesting deeper than the file's schema, and a
second document in one file. Duplicate keys, which PyYAML silently resolves to the last one,
are reported. Timestamps stay text, so a date is what the translator typed.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import (AliasEvent, DocumentStartEvent, MappingEndEvent, MappingStartEvent,
                         NodeEvent, ScalarEvent, SequenceEndEvent)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from .limits import line_and_column, read_text_file, refused_entry, refused_folder
from .problems import WHOLE_FILE, Problem

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
PLAIN_TEXT_TAGS = {TIMESTAMP_TAG, "tag:yaml.org,2002:str"}
BLOCK_STYLES = {"|", ">"}
DEFAULT_MAX_DEPTH = 8  # for a file whose schema is not known
FieldPath = tuple  # e.g. ("sources", 0, "url")
RESOLVER = Resolver()


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
    text_marks: dict = field(default_factory=dict)  # FieldPath -> (line, column, is_block) of a text's first character

    def position(self, path: FieldPath, of_key: bool = False) -> tuple[int, int]:
        """Where a field was written: its key, its value, or the nearest enclosing value."""
        marks = self.key_marks if of_key else self.value_marks
        while path not in marks and path:
            path = path[:-1]
        return marks.get(path, (1, 1))

    def position_in(self, path: FieldPath, offset: int) -> tuple[int, int]:
        """Where a character of a text value was written, as near as YAML allows: exact in
        text after |, the value's own line for text on one line."""
        if path not in self.text_marks:
            return self.position(path)
        line, column, is_block = self.text_marks[path]
        if is_block:  # every line of the text starts at the same column
            text_line, text_column = line_and_column(self.value_at(path), offset)
            return line + text_line - 1, column + text_column - 1
        return line, column + offset

    def texts(self) -> Iterator[tuple[FieldPath, str]]:
        """Every text in the data, with its path."""
        return _texts(self.data, ())

    def value_at(self, path: FieldPath):
        value = self.data
        for part in path:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value


def _texts(value, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _texts(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _texts(child, (*path, index))


class Refusal(Exception):
    """Raised inside the event loop: the file uses what content never may."""

    def __init__(self, problem: Problem):
        self.problem = problem


def load_document(root: Path, file: Path, language: str, type_name: str,
                  max_depth: int = DEFAULT_MAX_DEPTH) -> tuple[Document | None, list[Problem]]:
    """Parse one file; on failure return the problems that say why, and no document."""
    text, problems = read_text_file(root, file)
    if text is None:
        return None, problems
    return parse_document(text, file.relative_to(root).as_posix(), language, type_name, file.stem, max_depth)


def parse_document(text: str, rel: str, language: str, type_name: str, name: str,
                   max_depth: int = DEFAULT_MAX_DEPTH) -> tuple[Document | None, list[Problem]]:
    """A document from a file's text (already past limits.py)."""
    document = Document(rel, language, type_name, name, None)
    problems: list[Problem] = []
    loader = Loader(text)
    try:
        document.data = _Builder(document, problems, max_depth, text).run(loader)
    except Refusal as refusal:
        return None, [refusal.problem]
    except yaml.MarkedYAMLError as error:
        return None, [_yaml_problem(rel, error, text)]
    except yaml.YAMLError as error:
        return None, [Problem(rel, 1, 1, WHOLE_FILE, f"invalid YAML: {error}", "check the indentation and quotes")]
    finally:
        loader.dispose()
    if document.data is None and not document.value_marks:
        return None, [Problem(rel, 1, 1, WHOLE_FILE, "the file is empty", "write the item's fields, starting with id:")]
    return document, problems


class _Builder:
    """Values from parser events, with their positions; refuses what content may not use."""

    def __init__(self, document: Document, problems: list[Problem], max_depth: int, text: str):
        self.document = document
        self.text = text
        self.problems = problems
        self.max_depth = max_depth
        self.stack: list[_Collection] = []
        self.result = None
        self.documents = 0

    def run(self, loader):
        while (event := loader.get_event()) is not None:
            if isinstance(event, DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    self._refuse(event, "the file holds a second YAML document (after ---)",
                                 "keep one document per file: remove the --- line and what follows, or move it")
            elif isinstance(event, NodeEvent):
                self._node(event)
            elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                collection = self.stack.pop()
                self._add(collection.value, collection.mark, event)
        return self.result

    def _node(self, event) -> None:
        if isinstance(event, AliasEvent):
            self._refuse(event, f"a YAML alias (*{event.anchor}) is not allowed",
                         "write the value out in full: anchors (&) and aliases (*) are not used in content")
        if event.anchor is not None:
            self._refuse(event, f"a YAML anchor (&{event.anchor}) is not allowed",
                         "remove the &name: anchors (&) and aliases (*) are not used in content")
        if event.tag is not None:
            self._refuse(event, f"a YAML tag ({event.tag}) is not allowed",
                         "remove it; put the value in quotes if it should be read as text")
        mark = _mark(event)
        if isinstance(event, ScalarEvent):
            self._add(_scalar(event), mark, event)
            return
        if len(self.stack) >= self.max_depth:
            self._refuse(event, f"the values are nested deeper than this kind of file allows ({self.max_depth} levels)",
                         "check the indentation: a value is indented under another by mistake")
        self.stack.append(_Collection({} if isinstance(event, MappingStartEvent) else [], mark))

    def _add(self, value, mark, event) -> None:
        """A finished value goes into the collection around it (a key waits for its value)."""
        if not self.stack:
            self._place((), value, mark, event)
            self.result = value
            return
        parent = self.stack[-1]
        path = self._path()
        if isinstance(parent.value, list):
            child = (*path, len(parent.value))
            self._place(child, value, mark, event)
            parent.value.append(value)
        elif not parent.has_key:
            parent.has_key, parent.key, parent.key_mark = True, value, mark
            parent.discard = self._refused_key(parent, path)
        else:
            parent.has_key = False
            if parent.discard:
                return
            child = (*path, parent.key)
            self.document.key_marks[child] = parent.key_mark
            self._place(child, value, mark, event)
            parent.value[parent.key] = value

    def _refused_key(self, mapping: "_Collection", path: FieldPath) -> bool:
        """Whether a key just read cannot be used (not a word, or given twice); says why."""
        key = mapping.key
        if not isinstance(key, str):
            self.problems.append(Problem(self.document.path, *mapping.key_mark, dotted(path),
                                         f"a key must be a word, not {_shown(key)}",
                                         "write the field name followed by a colon"))
            return True
        child = (*path, key)
        if key in mapping.value:
            first_line = self.document.key_marks[child][0]
            self.problems.append(Problem(self.document.path, *mapping.key_mark, dotted(child),
                                         f"duplicate key: '{key}' is already set on line {first_line}",
                                         "keep one of the two and delete the other"))
            return True
        return False

    def _place(self, path: FieldPath, value, mark, event) -> None:
        if any(collection.has_key and collection.discard for collection in self.stack):
            return  # inside the value of a refused key: its positions would overwrite the kept one's
        self.document.value_marks[path] = mark
        if isinstance(event, ScalarEvent) and isinstance(value, str):
            self.document.text_marks[path] = self._text_mark(event, mark)

    def _text_mark(self, event: ScalarEvent, mark: tuple[int, int]) -> tuple[int, int, bool]:
        """Where a text's first character is: after the quote, or on the line after | or >."""
        if event.style in BLOCK_STYLES:
            start = self.text.find("\n", event.start_mark.index) + 1
            body = self.text[start:event.end_mark.index].lstrip("\r\n")  # blank lines before the text
            return mark[0] + 1, len(body) - len(body.lstrip(" ")) + 1, True
        return mark[0], mark[1] + (1 if event.style else 0), False

    def _path(self) -> FieldPath:
        """The path of the innermost open collection."""
        path: list = []
        for outer, inner in zip(self.stack, self.stack[1:]):
            path.append(len(outer.value) if isinstance(outer.value, list) else outer.key)
        return tuple(path)

    def _refuse(self, event, message: str, fix: str):
        raise Refusal(Problem(self.document.path, *_mark(event), WHOLE_FILE, message, fix))


@dataclass
class _Collection:
    """A mapping or sequence being read, and the key waiting for its value."""

    value: object
    mark: tuple
    has_key: bool = False
    key: object = None
    key_mark: tuple = (1, 1)
    discard: bool = False  # the key is refused: its value is read but not kept


def _scalar(event: ScalarEvent):
    """Text as written (a date stays text too); numbers, booleans and nulls as YAML reads them.
    Most values are text in quotes or blocks, which need no resolving at all."""
    if event.style:  # quoted or block: always text
        return event.value
    tag = RESOLVER.resolve(ScalarNode, event.value, (True, False))
    if tag in PLAIN_TEXT_TAGS:
        return event.value
    try:
        return SafeConstructor().construct_object(ScalarNode(tag, event.value, event.start_mark, event.end_mark))
    except ConstructorError:
        return event.value


def _shown(value) -> str:
    return JSON_KIND.get(type(value), repr(value)) if isinstance(value, (list, dict)) else repr(value)


JSON_KIND = {list: "a list", dict: "a group of fields"}


def _mark(event) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


def _yaml_problem(rel: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    indentation = source_line[: len(source_line) - len(source_line.lstrip(" \t"))]
    if "\t" in indentation or "tab" in (error.problem or ""):
        tab_column = indentation.find("\t") + 1 if "\t" in indentation else column
        return Problem(rel, line, tab_column, WHOLE_FILE,
                       "a tab character is used for indentation: YAML indents with spaces only",
                       "replace the tab at the start of the line with spaces (two per level, as on the lines above)")
    what = " ".join(part for part in (error.context, error.problem) if part)
    return Problem(rel, line, column, WHOLE_FILE, f"invalid YAML: {what}",
                   "check the indentation, the colon after each key, and that text with ': ' or '#' is in quotes")


def dotted(path: FieldPath) -> str:
    """A field path as printed in problems: sources.0.url (nothing for the whole file)."""
    return ".".join(str(part) for part in path) or WHOLE_FILE


def content_files(root: Path, languages, type_names, id_pattern) -> tuple[list[tuple[Path, str, str]], list[Problem]]:
    """Every content file to load as (path, language, type), and problems for entries that
    would otherwise be silently ignored (a .yml file, a folder that is not a type) or must not
    be read at all (a symbolic link, a name that is not an id)."""
    found, problems = [], []
    for folder in (root / "content", *(root / "content" / language for language in languages)):
        problem = refused_folder(folder.relative_to(root).as_posix(), folder)
        if problem:
            return [], [problem]
    for language in languages:
        language_dir = root / "content" / language
        expected = {"ui.yaml": "ui", **{name: name for name in type_names}}
        for entry in sorted(language_dir.iterdir()):
            kind = expected.get(entry.name)
            rel = entry.relative_to(root).as_posix()
            if kind == "ui":
                problem = refused_entry(rel, entry)
                if problem:
                    problems.append(problem)
                else:
                    found.append((entry, language, "ui"))
            elif kind and entry.is_dir() and not entry.is_symlink():
                for file in sorted(entry.iterdir()):
                    problem = _refused_item_file(root, file, id_pattern)
                    if problem:
                        problems.append(problem)
                    else:
                        found.append((file, language, kind))
            elif kind:
                problems.append(refused_folder(rel, entry) or
                                Problem(rel, 1, 1, WHOLE_FILE, "this should be a folder of items", "make it a folder"))
            else:
                problems.append(Problem(rel, 1, 1, WHOLE_FILE, "this is not read: not ui.yaml nor a content type folder",
                                        f"use one of: {', '.join(sorted(expected))}"))
        if not (language_dir / "ui.yaml").exists():
            problems.append(Problem(f"content/{language}/ui.yaml", 1, 1, WHOLE_FILE,
                                    "the interface strings file is missing", "copy content/en/ui.yaml and translate its values"))
    return found, problems


def _refused_item_file(root: Path, file: Path, id_pattern) -> Problem | None:
    rel = file.relative_to(root).as_posix()
    if file.suffix != ".yaml":
        return Problem(rel, 1, 1, WHOLE_FILE, "this file is not read: items are .yaml files",
                       "rename it to <id>.yaml or remove it")
    if not id_pattern.fullmatch(file.stem):
        return Problem(rel, 1, 1, WHOLE_FILE, f"'{file.name}' is not a valid item file name",
                       "name it <id>.yaml, the id in lowercase ASCII letters, digits and single hyphens")
    return refused_entry(rel, file)
