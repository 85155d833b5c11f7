"""Translation tools' files: `hub export` and `hub import` with PO and XLIFF 1.2, and the `hub`
command itself. The files are edited here with translate-toolkit, as a translation tool would."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from translate.storage import factory

from conftest import ROOT, copy_project, run

AR = "content/ar/mechanisms/ohchr.yaml"
EN = "content/en/mechanisms/ohchr.yaml"
SUMMARY = "mechanisms/ohchr:summary"


def hub(project: Path, *args: str):
    return run(["-m", "hooks.cli", *args], project)


def export(project: Path, language: str, name: str) -> Path:
    path = project.parent / name
    result = hub(project, "export", "--lang", language, "-o", str(path))
    assert result.returncode == 0, result.stderr
    return path


def units(path: Path) -> dict:
    """The file's units by context, as a translation tool reads them."""
    store = factory.getobject(str(path))
    found = {}
    for unit in store.units:
        if not unit.isheader():
            key = unit.getcontext() if path.suffix == ".po" else unit.getid().rsplit("\x04", 1)[-1]
            found[key] = unit
    return found


def translate(path: Path, key: str, target: str) -> None:
    """What a translator does in the tool: write the target, and mark it done (not fuzzy)."""
    store = factory.getobject(str(path))
    for unit in store.units:
        if key in (unit.getid(), unit.getcontext()) or unit.getid().endswith("\x04" + key):
            unit.target = target
            unit.markfuzzy(False)
    store.save()


def content_bytes(project: Path, language: str) -> dict[str, bytes]:
    folder = project / "content" / language
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.yaml"))}


def change_english(project: Path, field: str, addition: str) -> None:
    path = project / EN
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8").replace(data[field].strip(), data[field].strip() + addition, 1)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("name", ["ar.po", "ar.xlf"])
def test_a_round_trip_leaves_the_arabic_content_unchanged(project, name):
    before = content_bytes(project, "ar")
    path = export(project, "ar", name)
    exported = units(path)
    english = yaml.safe_load((ROOT / EN).read_text(encoding="utf-8"))
    arabic = yaml.safe_load((ROOT / AR).read_text(encoding="utf-8"))
    assert exported[SUMMARY].source == english["summary"] and exported[SUMMARY].target == arabic["summary"]
    assert "content/en/mechanisms/ohchr.yaml" in exported[SUMMARY].getnotes()
    assert factory.getobject(str(path)).gettargetlanguage() == "ar"
    result = hub(project, "import", str(path))
    assert result.returncode == 0, result.stderr
    assert content_bytes(project, "ar") == before


def test_the_xliff_file_is_xliff_1_2(project):
    text = export(project, "ar", "ar.xlf").read_text(encoding="utf-8")
    assert 'xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"' in text
    assert "document:1.1" not in text


@pytest.mark.parametrize("name", ["ar.po", "ar.xlf"])
def test_a_changed_translation_is_written_stamped_and_shown_up_to_date(project, name):
    assert run(["-m", "hooks.stamp", "--all", "ar"], project).returncode == 0
    change_english(project, "summary", " It has offices in many countries.")
    assert hub(project, "status", "--lang", "ar", "--strict").returncode == 1
    path = export(project, "ar", name)
    assert units(path)[SUMMARY].isfuzzy(), "a stale translation goes out as needing review"
    old = (project / AR).read_text(encoding="utf-8").splitlines()
    new_summary = "مكتب الأمم المتحدة لحقوق الإنسان، وله مكاتب في بلدان كثيرة."
    translate(path, SUMMARY, new_summary)
    result = hub(project, "import", str(path))
    assert result.returncode == 0, result.stderr
    assert f"written and marked up to date: {AR}" in result.stdout
    status = hub(project, "status", "--lang", "ar", "--strict")
    assert status.returncode == 0, status.stdout
    assert yaml.safe_load((project / AR).read_text(encoding="utf-8"))["summary"] == new_summary
    new = (project / AR).read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(old, new) if a != b]
    assert len(old) == len(new) and len(changed) == 2, changed  # the summary and its digest, nothing else
    assert changed[0][1] == f"summary: {new_summary}" and changed[1][0].startswith("  summary: ")


def test_a_file_exported_before_the_english_changed_is_refused_whole(project):
    path = export(project, "ar", "ar.po")
    translate(path, "mechanisms/ohchr:who", "نص جديد")
    change_english(project, "summary", " It has offices in many countries.")
    before = content_bytes(project, "ar")
    result = hub(project, "import", str(path))
    assert result.returncode == 1
    assert f":1: {SUMMARY}: the English text changed since this file was exported ({EN})" in result.stderr
    assert "export the language again" in result.stderr and "Traceback" not in result.stderr
    assert content_bytes(project, "ar") == before


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", "نص \u202e مقلوب", "[رابط](javascript:alert(1))"])
def test_a_translation_that_would_make_the_file_invalid_is_refused(project, hostile):
    path = export(project, "ar", "ar.po")
    translate(path, "mechanisms/ohchr:what", hostile)
    before = content_bytes(project, "ar")
    result = hub(project, "import", str(path))
    assert result.returncode == 1 and f"refused: {AR}:" in result.stderr, result.stderr
    assert content_bytes(project, "ar") == before


def test_text_that_yaml_reads_specially_is_written_so_that_it_reads_back_the_same(project):
    path = export(project, "ar", "ar.po")
    awkward = {"mechanisms/ohchr:who": "yes", "mechanisms/ohchr:how": "# ليس تعليقاً: بل نص\n\n  سطر مُزاح\n\n\n"}
    for key, value in awkward.items():
        translate(path, key, value)
    assert hub(project, "import", str(path)).returncode == 0
    data = yaml.safe_load((project / AR).read_text(encoding="utf-8"))
    assert data["who"] == "yes" and data["how"] == awkward["mechanisms/ohchr:how"]
    assert run(["-m", "hooks.check"], project).returncode == 0


def test_a_missing_translation_is_created_from_the_file(project):
    (project / "content/fr/mechanisms/ohchr.yaml").unlink()
    path = export(project, "fr", "fr.po")
    english = yaml.safe_load((project / EN).read_text(encoding="utf-8"))
    fields = ("title", "summary", "what", "who", "how")
    assert all(units(path)[f"mechanisms/ohchr:{name}"].target == "" for name in fields)
    for name in fields:
        translate(path, f"mechanisms/ohchr:{name}", f"[fr] {english[name]}")
    result = hub(project, "import", str(path))
    assert result.returncode == 0, result.stderr
    created = yaml.safe_load((project / "content/fr/mechanisms/ohchr.yaml").read_text(encoding="utf-8"))
    assert created["id"] == "ohchr" and created["title"] == f"[fr] {english['title']}"
    assert set(created["translated_from"]) == set(fields)
    report = json.loads(hub(project, "status", "--lang", "fr", "--format", "json").stdout)["languages"][0]
    assert "ohchr" not in [item["id"] for item in report["missing"] + report["stale"]]


def test_untranslated_and_fuzzy_units_are_left_out(project):
    (project / "content/fr/mechanisms/ohchr.yaml").unlink()
    path = export(project, "fr", "fr.po")
    result = hub(project, "import", str(path))
    assert result.returncode == 0 and not (project / "content/fr/mechanisms/ohchr.yaml").exists()
    assert "0 files changed, 5 units left out" in result.stdout


def test_hub_has_every_subcommand_with_help(project):
    listing = hub(project, "--help")
    assert listing.returncode == 0
    for command in ("check", "status", "stamp", "export", "import", "schemas"):
        assert command in listing.stdout
        helped = hub(project, command, "--help")
        assert helped.returncode == 0 and "Usage: hub " + command in helped.stdout, helped.stderr
    for module in ("check", "status", "stamp", "schemas"):  # the older names still work
        assert run(["-m", f"hooks.{module}", "--help"], project).returncode == 0


def test_status_writes_a_markdown_summary_for_pull_requests(project):
    (project / "content/es/mechanisms/ohchr.yaml").unlink()
    result = hub(project, "status", "--lang", "es", "--format", "markdown")
    assert result.stdout.startswith("| language | up to date |")
    assert "- missing: `content/es/mechanisms/ohchr.yaml`" in result.stdout


def test_a_field_made_of_several_texts_goes_out_as_one_unit_each_and_comes_back_whole(project):
    """reach_text: one unit per text (who, hours...), written back as one field, stamped."""
    path = export(project, "ar", "ar.po")
    key = "mechanisms/protectdefenders-eu:reach_text.hotline.hours"
    assert key in units(path) and "mechanisms/protectdefenders-eu:reach_text.hotline.who" in units(path)
    translate(path, key, "على مدار الساعة، كل يوم.")
    result = hub(project, "import", str(path))
    assert result.returncode == 0, result.stderr
    target = "content/ar/mechanisms/protectdefenders-eu.yaml"
    data = yaml.safe_load((project / target).read_text(encoding="utf-8"))
    assert data["reach_text"]["hotline"]["hours"] == "على مدار الساعة، كل يوم."
    assert data["reach_text"]["hotline"]["who"]  # the other text of the field kept
    assert hub(project, "status", "--lang", "ar", "--strict").returncode == 0
