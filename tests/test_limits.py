"""Every content file is refused before any work when it is too large, not a regular file, not
UTF-8 text, or uses what YAML allows but content never needs; and refused quickly. No timed
asserts: each test shows instead that the loader never gets as far as the costly part (it does
not open the file, or it stops at the first anchor)."""
from __future__ import annotations

import builtins
import os
import shutil
from pathlib import Path

import pytest

from hooks.pipeline.content import check_content
from hooks.pipeline.limits import MAX_FILE_BYTES, read_text_file
from hooks.pipeline.load import load_document, parse_document
from hooks.pipeline.model import load_model

from conftest import ROOT

MODEL = load_model(ROOT)
ITEM = "content/ar/mechanisms/ohchr.yaml"


def refused(text: str, depth: int = 3) -> str:
    document, problems = parse_document(text, ITEM, "ar", "mechanisms", "ohchr", depth)
    assert document is None, problems
    assert len(problems) == 1
    return str(problems[0])


def write(tmp_path: Path, rel: str, data: bytes) -> Path:
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def nested_aliases(levels: int = 9) -> str:
    """The "billion laughs": each line lists the one before it nine times."""
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels + 1):
        previous, this = chr(96 + level), chr(97 + level)
        lines.append(f"{this}: &{this} [" + ", ".join(["*" + previous] * 9) + "]")
    return "id: ohchr\n" + "\n".join(lines) + "\n"


def test_nested_aliases_are_refused_at_the_first_anchor():
    message = refused(nested_aliases())
    assert message.startswith(f"{ITEM}:2:4: a YAML anchor (&a) is not allowed")  # line 2: nothing after it was read


def test_aliases_and_tags_are_refused():
    assert "a YAML alias (*x) is not allowed" in refused("id: ohchr\ntitle: *x\n")
    assert "a YAML tag" in refused("id: ohchr\ntitle: !!binary aGk=\n")
    assert "a YAML tag" in refused("id: ohchr\ntitle: !!python/object/apply:os.system [ls]\n")


def test_nesting_deeper_than_the_schema_is_refused_at_once():
    assert MODEL.types["mechanisms"].nesting_limit == 4  # item -> reach -> channel -> languages
    message = refused("id: ohchr\ntitle: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert "nested deeper than this kind of file allows (3 levels)" in message  # a translation: item -> reach_text -> channel
    assert message.startswith(f"{ITEM}:2:")


def test_a_second_document_is_refused():
    assert "a second YAML document" in refused("id: ohchr\n---\nid: other\n")


def test_a_100_mb_file_is_refused_without_being_opened(tmp_path, monkeypatch):
    path = write(tmp_path, ITEM, b"")
    with open(path, "r+b") as stream:
        stream.truncate(100 * 1024 * 1024)  # sparse: 100 MB without writing them
    monkeypatch.setattr(builtins, "open", lambda *args, **kwargs: pytest.fail("the file was opened"))
    text, problems = read_text_file(tmp_path, path)
    assert text is None and f"larger than {MAX_FILE_BYTES // 1024} KB" in str(problems[0])


def test_a_symbolic_link_is_refused(tmp_path):
    target = write(tmp_path, "mkdocs.yml", b"site_name: x\n")
    link = tmp_path / ITEM
    link.parent.mkdir(parents=True)
    link.symlink_to(target)
    document, problems = load_document(tmp_path, link, "ar", "mechanisms")
    assert document is None and "symbolic link" in str(problems[0])


def test_a_named_pipe_is_refused_without_being_opened(tmp_path, monkeypatch):
    pipe = tmp_path / ITEM
    pipe.parent.mkdir(parents=True)
    os.mkfifo(pipe)  # opening it would wait for a writer for ever
    monkeypatch.setattr(builtins, "open", lambda *args, **kwargs: pytest.fail("the pipe was opened"))
    text, problems = read_text_file(tmp_path, pipe)
    assert text is None and "not a regular file" in str(problems[0])


@pytest.mark.parametrize("data,words", [
    (b"id: ohchr\ntitle: caf\xe9\n", ("not UTF-8 text", ":2:")),
    (b"id: ohchr\ntitle: a\x00b\n", ("U+0000", ":2:9:")),
    (b"id: ohchr\ntitle: a\x1bb\n", ("U+001B", "control character")),
    (b"id: ohchr\ntitle: a\xc2\x85b\n", ("U+0085",)),
])
def test_bytes_that_are_not_text_are_refused(tmp_path, data, words):
    text, problems = read_text_file(tmp_path, write(tmp_path, ITEM, data))
    assert text is None
    assert all(word in str(problems[0]) for word in words), problems


def test_byte_order_mark_crlf_and_tabs_in_text_read_the_same(tmp_path):
    plain = "id: ohchr\ntitle: نص\nsummary: |\n  a\tb\n\n  c\n"
    variants = [plain, "\ufeff" + plain, plain.replace("\n", "\r\n"), "\ufeff" + plain.replace("\n", "\r\n")]
    loaded = []
    for index, text in enumerate(variants):
        path = write(tmp_path, f"content/ar/mechanisms/v{index}.yaml", text.encode("utf-8"))
        document, problems = load_document(tmp_path, path, "ar", "mechanisms", 3)
        assert problems == [] and document is not None
        loaded.append((document.data, document.value_marks))
    assert all(entry == loaded[0] for entry in loaded)
    assert loaded[0][0]["summary"] == "a\tb\n\nc\n"


def test_a_tab_in_indentation_is_named():
    for text in ("id: ohchr\nwhat:\n\t- x\n", "id: ohchr\nwhat: |\n  ok\n\tbad: 1\n"):
        message = refused(text)
        assert "a tab character is used for indentation" in message and ": :" not in message
        assert "replace the tab" in message


def test_a_problem_of_the_whole_file_names_no_field():
    message = refused("id: ohchr\ntitle: [unclosed\n")
    assert message.startswith(f"{ITEM}:3:1: invalid YAML") and " -: " not in message


def test_positions_inside_text_point_at_the_character():
    text = "id: x\nwhat: |\n  first line\n  second <b> line\ntitle: 'a <i>'\n"
    document, _ = parse_document(text, ITEM, "en", "mechanisms", "x", 3)
    assert document.position_in(("what",), document.data["what"].index("<b>")) == (4, 10)
    assert document.position_in(("title",), document.data["title"].index("<i>")) == (5, 11)


def test_files_named_outside_the_pattern_and_links_are_listed_not_read(tmp_path):
    (tmp_path / "schemas").symlink_to(ROOT / "schemas")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    write(tmp_path, "content/en/tools/Bad Name.yaml", b"id: x\n")
    (tmp_path / "content/fr/tools/linked.yaml").symlink_to(ROOT / "mkdocs.yml")
    (tmp_path / "content/es/groups").rename(tmp_path / "content/es/groups-real")
    (tmp_path / "content/es/groups").symlink_to(tmp_path / "content/es/groups-real")
    _, _, problems = check_content(tmp_path)
    text = "\n".join(map(str, problems))
    assert "content/en/tools/Bad Name.yaml:1:1: 'Bad Name.yaml' is not a valid item file name" in text
    assert "content/fr/tools/linked.yaml:1:1: this is a symbolic link" in text
    assert "content/es/groups:1:1: this folder is a symbolic link" in text


def test_a_language_folder_that_is_a_link_is_not_read(tmp_path):
    (tmp_path / "schemas").symlink_to(ROOT / "schemas")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "content/fr").rename(tmp_path / "fr-elsewhere")
    (tmp_path / "content/fr").symlink_to(tmp_path / "fr-elsewhere")
    _, _, problems = check_content(tmp_path)
    assert [str(problem).split(": ", 1)[0] for problem in problems] == ["content/fr:1:1"]
    assert "this folder is a symbolic link" in str(problems[0])
