"""One test per validation rule: a broken file gets a message naming the file, the line and
the field, a way to fix it, and a non-zero exit without a Python traceback."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import build, check

AR_ITEM = "content/ar/mechanisms/protectdefenders-eu.yaml"
EN_ITEM = "content/en/mechanisms/protectdefenders-eu.yaml"

VALID_AR = """\
id: protectdefenders-eu
title: آلية ProtectDefenders.eu
summary: آلية الاتحاد الأوروبي لحماية المدافعين عن حقوق الإنسان.
"""


def write(project: Path, rel: str, text: str) -> None:
    (project / rel).write_text(text, encoding="utf-8")


def edit(project: Path, rel: str, old: str, new: str) -> int:
    """Replace the line `old` of a file by `new` (one or more lines); the line number of `new`."""
    text = (project / rel).read_text(encoding="utf-8")
    lines = text.splitlines()
    number = lines.index(old)
    lines[number:number + 1] = new.splitlines()
    write(project, rel, "\n".join(lines) + "\n")
    return number + 1


def assert_reported(result, path: str, line: int, field: str, *words: str) -> str:
    """The run failed cleanly and printed `path:line:col: field: ...` (`path:line:col: ...` for
    a problem of the whole file, field "") containing the words."""
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    named = f" {re.escape(field)}:" if field else ""
    pattern = re.compile(rf"^{re.escape(path)}:{line}:\d+:{named} (.*)$", re.MULTILINE)
    found = [m.group(1) for m in pattern.finditer(output)]
    assert found, f"no problem reported at {path}:{line} for {field}:\n{output}"
    assert any(all(w in message for w in words) for message in found), found
    return found[0]


def test_valid_content_passes(project):
    result = check(project)
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout


def test_invalid_yaml_gives_the_parsers_line(project):
    write(project, AR_ITEM, VALID_AR + "what: [unclosed\nwho: x\n")
    assert_reported(check(project), AR_ITEM, 5, "", "invalid YAML")


def test_duplicate_key_is_caught(project):
    write(project, AR_ITEM, VALID_AR + "title: مرة ثانية\n")
    message = assert_reported(check(project), AR_ITEM, 4, "title", "duplicate key")
    assert "line 2" in message


def test_unknown_key_suggests_the_right_one(project):
    write(project, AR_ITEM, VALID_AR + "sumary: نص\n")
    assert_reported(check(project), AR_ITEM, 4, "sumary", "unknown field", "did you mean 'summary'")


def test_missing_required_field(project):
    write(project, AR_ITEM, "id: protectdefenders-eu\ntitle: عنوان\n")
    assert_reported(check(project), AR_ITEM, 1, "summary", "required field 'summary' is missing")


def test_wrong_type(project):
    line = edit(project, EN_ITEM, "region: global", "region: [global]")
    assert_reported(check(project), EN_ITEM, line, "region", "not a known value")
    line = edit(project, EN_ITEM, "region: [global]", "region: global\nformer_ids: protect-defenders")
    assert_reported(check(project), EN_ITEM, line + 1, "former_ids", "expected a list")


def test_unknown_taxonomy_value_suggests_one(project):
    line = edit(project, EN_ITEM, "region: global", "region: globl")
    assert_reported(check(project), EN_ITEM, line, "region", "not a known value", "did you mean 'global'")


def test_id_must_match_the_file_name(project):
    write(project, AR_ITEM, VALID_AR.replace("id: protectdefenders-eu", "id: protect-defenders"))
    assert_reported(check(project), AR_ITEM, 1, "id", "does not match the file name")


def test_reference_to_a_missing_id(project):
    line = edit(project, EN_ITEM, "  - nhris-as-defenders", "  - journalistes")
    assert_reported(check(project), EN_ITEM, line, "groups.0", "no item 'journalistes' in groups")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "www.example.org"])
def test_url_must_be_web_or_mail(project, url):
    text = (project / EN_ITEM).read_text(encoding="utf-8")
    text = re.sub(r"^website: .*$", f"website: '{url}'", text, flags=re.MULTILINE)
    write(project, EN_ITEM, text)
    line = [i for i, l in enumerate(text.splitlines(), 1) if l.startswith("website:")][0]
    assert_reported(check(project), EN_ITEM, line, "website", "not valid", "https://")


def test_script_link_inside_text(project):
    write(project, AR_ITEM, VALID_AR + "what: 'انظر [هنا](javascript:alert(1))'\n")
    assert_reported(check(project), AR_ITEM, 4, "what", "unsafe", "https://")


def test_raw_html_in_text(project):
    write(project, AR_ITEM, VALID_AR + "what: 'نص <script>alert(1)</script>'\n")
    assert_reported(check(project), AR_ITEM, 4, "what", "raw HTML")


@pytest.mark.parametrize("char", ["\u202e", "\u2067"])
def test_bidi_control_characters(project, char):
    write(project, AR_ITEM, VALID_AR.replace("summary: آلية", f"summary: {char}آلية"))
    assert_reported(check(project), AR_ITEM, 3, "summary", f"U+{ord(char):04X}", "invisible")


def test_neutral_field_in_a_translation(project):
    write(project, AR_ITEM, VALID_AR + "region: africa\n")
    assert_reported(check(project), AR_ITEM, 4, "region", "this field is set in the English file only")


def test_duplicate_id_across_types(project):
    source = project / EN_ITEM
    write(project, "content/en/tools/protectdefenders-eu.yaml", source.read_text(encoding="utf-8"))
    assert_reported(check(project), "content/en/tools/protectdefenders-eu.yaml", 1, "id", "also used by")


def test_translation_without_english_original(project):
    write(project, "content/ar/mechanisms/no-such-item.yaml", VALID_AR.replace("protectdefenders-eu", "no-such-item"))
    assert_reported(check(project), "content/ar/mechanisms/no-such-item.yaml", 1, "", "no English original")


def test_every_problem_is_reported_in_one_run(project):
    write(project, AR_ITEM, VALID_AR + "sumary: نص\nregion: africa\n")
    result = check(project)
    assert_reported(result, AR_ITEM, 4, "sumary", "unknown field")
    assert_reported(result, AR_ITEM, 5, "region", "English file only")
    assert "2 problems found" in result.stderr


def test_build_fails_cleanly_and_keeps_the_last_good_site(project):
    site = project / "site"
    assert build(project).returncode == 0
    good = (site / "index.html").read_bytes()
    write(project, AR_ITEM, VALID_AR + "sumary: نص\n")
    result = build(project)
    assert_reported(result, AR_ITEM, 4, "sumary", "did you mean 'summary'")
    assert (site / "index.html").read_bytes() == good
    assert not (project / "site.building").exists()


def test_a_former_id_is_never_the_items_own_id_nor_another_items(project):
    line = edit(project, EN_ITEM, "region: global", "region: global\nformer_ids:\n  - protectdefenders-eu\n  - ohchr")
    result = check(project)
    assert_reported(result, EN_ITEM, line + 2, "former_ids.0", "this item's own id")
    assert_reported(result, EN_ITEM, line + 3, "former_ids.1", "is used by content/en/mechanisms/ohchr.yaml")


def test_a_field_that_a_translation_does_not_have_gets_no_far_fetched_suggestion():
    """'kind' in a translated tool: tools have no kind; 'id' is not what the translator meant."""
    from hooks.pipeline.load import parse_document
    from hooks.pipeline.model import load_model
    from hooks.pipeline.validate import check_document
    from conftest import ROOT
    text = "id: advice-supporting-hrd-networks\ntitle: عنوان\nsummary: نص\nkind: un-body\n"
    document, _ = parse_document(text, "content/ar/tools/x.yaml", "ar", "tools", "advice-supporting-hrd-networks", 3)
    messages = [str(p) for p in check_document(load_model(ROOT), document)]
    assert any(":4:1: kind: unknown field 'kind' (allowed fields here:" in m for m in messages), messages
