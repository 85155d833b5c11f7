"""Limits on every contributed file, checked before any parser sees it.

A pull request can hold anything: a file of 100 MB, a named pipe that blocks whoever opens it, a
symbolic link to another file of the repository (whose text would then be published), bytes that
are not text, or control characters that editors do not show. Each is refused here from the
file's metadata or its raw text, quickly and with a message, so that no later stage spends time
on it or publishes it. SECURITY.md lists these limits for contributors.
"""
from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path

from .problems import WHOLE_FILE, Problem

MAX_FILE_BYTES = 256 * 1024  # an item is a few KB, the longest page about 12 KB
BYTE_ORDER_MARK = "\ufeff"
# C0 controls but tab, line feed and carriage return; DEL; C1 controls; the line and paragraph
# separators, which YAML reads as line breaks and old browsers' JavaScript refuses in strings.
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def read_text_file(root: Path, file: Path) -> tuple[str | None, list[Problem]]:
    """The text of a contributed file, or no text and the problems that say why not.

    A byte-order mark is dropped and line ends become \\n, as when MkDocs and Python read a
    text file (so CRLF files read the same as others). The file is never read past the limit."""
    rel = file.relative_to(root).as_posix()
    problem = refused_entry(rel, file)
    if problem:
        return None, [problem]
    with open(file, "rb") as stream:
        data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:  # grew since it was looked at
        return None, [_too_large(rel)]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - data.rfind(b"\n", 0, error.start)
        return None, [Problem(rel, line, column, WHOLE_FILE, f"the file is not UTF-8 text (byte {error.start + 1})",
                              "save it with the UTF-8 encoding")]
    if text.startswith(BYTE_ORDER_MARK):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    match = CONTROL_CHARACTER.search(text)
    if match:
        line, column = line_and_column(text, match.start())
        char = match.group()
        name = unicodedata.name(char, "control character")
        return None, [Problem(rel, line, column, WHOLE_FILE,
                              f"the file holds an invisible control character U+{ord(char):04X} ({name})",
                              "delete it; text may hold letters, spaces, tabs and line breaks only")]
    return text, []


def refused_entry(rel: str, path: Path, limit: int | None = MAX_FILE_BYTES) -> Problem | None:
    """A problem if the path is not a regular file (a link, a pipe, a device) or is larger than
    the limit (None: any size), from its metadata alone: nothing is opened."""
    try:
        info = os.lstat(path)
    except OSError as error:
        return Problem(rel, 1, 1, WHOLE_FILE, f"the file cannot be read ({error.strerror})", "check that it exists")
    if stat.S_ISLNK(info.st_mode):
        return Problem(rel, 1, 1, WHOLE_FILE, "this is a symbolic link, not a file",
                       "replace the link with a real file: a link could publish another file of the repository")
    if not stat.S_ISREG(info.st_mode):
        return Problem(rel, 1, 1, WHOLE_FILE, "this is not a regular file", "replace it with a plain text file")
    if limit is not None and info.st_size > limit:
        return _too_large(rel)
    return None


def refused_folder(rel: str, path: Path) -> Problem | None:
    """A problem if a folder the hub reads is a symbolic link (it could lead anywhere)."""
    if path.is_symlink():
        return Problem(rel, 1, 1, WHOLE_FILE, "this folder is a symbolic link",
                       "replace the link with a real folder: a link could publish other files of the repository")
    return None


def _too_large(rel: str) -> Problem:
    return Problem(rel, 1, 1, WHOLE_FILE, f"the file is larger than {MAX_FILE_BYTES // 1024} KB",
                   "split it, or check that it holds only what it should")


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in a text."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - text.rfind("\n", 0, offset)
