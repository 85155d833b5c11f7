"""Changing one top-level field of a YAML file as text, leaving every other line as it was.

Translators' files carry their own comments, order and line breaks; a YAML library that loads
and dumps the whole file would rewrite them all. Only the lines of the field that changes are
replaced, and PyYAML's emitter writes the new value (a `|` block for text of several lines,
with the chomping and indentation indicators YAML needs), checked by reading it back.
"""
from __future__ import annotations

import re

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TOP_LEVEL_KEY = re.compile(r"^[^\s#-][^:]*:")
KEEPS_TRAILING_LINES = re.compile(r"[|>][1-9]?\+[1-9]?\s*$")  # a block scalar with "keep" chomping


class _FieldDumper(yaml.SafeDumper):
    """Text of several lines as a literal block, as translators write it; the rest as PyYAML chooses."""


def _text(dumper, value: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_FieldDumper.add_representer(str, _text)


def field_lines(name: str, value) -> list[str]:
    """`name: value` as YAML lines, never folded (a long line stays one line), without the
    document end marker PyYAML adds after a block that keeps its trailing blank lines."""
    lines = yaml.dump({name: value}, Dumper=_FieldDumper, allow_unicode=True, width=float("inf"),
                      sort_keys=False).splitlines()
    return lines[:-1] if lines[-1] == "..." else lines


def field_span(lines: list[str], name: str) -> tuple[int, int] | None:
    """The lines [start, end) of a top-level field, without the blank lines and comments after it."""
    key = re.compile(rf"^{re.escape(name)}\s*:")
    start = next((i for i, line in enumerate(lines) if key.match(line)), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if TOP_LEVEL_KEY.match(lines[i])), len(lines))
    if KEEPS_TRAILING_LINES.search(lines[start]):
        return start, end  # its blank lines at the end are part of its text
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    return start, end


def without_trailing_blank_lines(lines: list[str]) -> list[str]:
    """The lines without the blank lines at the end, unless they are text (a `|+` block keeps them)."""
    trimmed = list(lines)
    while trimmed and not trimmed[-1].strip():
        trimmed.pop()
    if len(trimmed) == len(lines) or _read(trimmed) == _read(lines):
        return trimmed
    return list(lines)


def _read(lines: list[str]):
    return yaml.load("\n".join(lines) + "\n", Loader=Loader)


def with_field(text: str, name: str, value, before: str | None = None) -> str:
    """The file's text with `name` set to `value`: its lines replaced where it is, or added
    before the field `before` (or at the end) when it is not there yet."""
    lines = text.splitlines()
    new = field_lines(name, value)
    span = field_span(lines, name)
    if span is None:
        following = field_span(lines, before) if before else None
        at = following[0] if following else len(lines)
        if following is None:
            lines = without_trailing_blank_lines(lines)
            at = len(lines)
        lines[at:at] = new
    else:
        lines[span[0]:span[1]] = new
    result = "\n".join(lines) + "\n"
    if (yaml.load(result, Loader=Loader) or {}).get(name) != value:  # never write a file that reads otherwise
        raise ValueError(f"{name}: the value could not be written back as YAML exactly")
    return result
