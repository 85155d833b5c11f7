"""The translators' workflow: staleness per field, the status report and its --strict check,
marking up to date, the notices on the site, and the editor files."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator

from conftest import LANGUAGES, ROOT, build, copy_project, run
from hooks.pipeline.editor import editor_files
from hooks.pipeline.model import load_model

EN = "content/en/mechanisms/ohchr.yaml"
AR = "content/ar/mechanisms/ohchr.yaml"
FR = "content/fr/mechanisms/ohchr.yaml"


def git(project: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   cwd=project, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path) -> Path:
    """A copy of the project in its own git repository, every translation marked up to date."""
    project = copy_project(tmp_path / "project")
    for language in LANGUAGES[1:]:
        assert run(["-m", "hooks.stamp", "--all", language], project).returncode == 0
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "content")
    return project


def status(project: Path, *args: str):
    return run(["-m", "hooks.status", *args], project)


def edit_english_summary(project: Path) -> str:
    path = project / EN
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    new = data["summary"].rstrip() + " It has offices in many countries."
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    end = next(i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" "))
    lines[start:end] = ["summary: " + json.dumps(new, ensure_ascii=False)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return new


def test_everything_marked_up_to_date_passes_strict(repo):
    result = status(repo, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "100.0%" in result.stdout


def test_editing_english_makes_translations_stale_with_a_diff(repo):
    edit_english_summary(repo)
    result = status(repo, "--lang", "ar")
    assert f"stale    {AR}  fields: summary" in result.stdout
    assert "+" in result.stdout and "It has offices in many countries." in result.stdout
    strict = status(repo, "--lang", "ar", "--strict")
    assert strict.returncode == 1


def test_stale_notice_appears_in_arabic_and_clears_when_marked(repo, tmp_path):
    edit_english_summary(repo)
    notice_text = yaml.safe_load((ROOT / "content/ar/ui.yaml").read_text(encoding="utf-8"))["notices"]["stale_text"]
    site = tmp_path / "site"
    assert build(repo, site).returncode == 0
    page = BeautifulSoup((site / "ar/mechanisms/ohchr/index.html").read_text(encoding="utf-8"), "html.parser")
    notice = page.select_one(".hub-stale")
    assert notice is not None and notice_text in notice.get_text(" ", strip=True)
    assert page.html["lang"] == "ar"
    english = page.select_one(".hub-stale a[hreflang=en]")["href"]
    assert english == "../../../mechanisms/ohchr/"
    other = BeautifulSoup((site / "ar/mechanisms/un-women/index.html").read_text(encoding="utf-8"), "html.parser")
    assert other.select_one(".hub-stale") is None

    marked = run(["-m", "hooks.stamp", AR], repo)
    assert marked.returncode == 0, marked.stderr
    assert status(repo, "--lang", "ar", "--strict").returncode == 0
    assert status(repo, "--lang", "fr", "--strict").returncode == 1
    assert build(repo, site).returncode == 0
    page = BeautifulSoup((site / "ar/mechanisms/ohchr/index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one(".hub-stale") is None


def test_a_missing_translation_is_listed(repo):
    (repo / FR).unlink()
    result = status(repo, "--lang", "fr")
    assert f"missing  {FR}  (translate {EN})" in result.stdout
    assert status(repo, "--lang", "fr", "--strict").returncode == 1
    assert status(repo, "--lang", "ar", "--strict").returncode == 0


def test_missing_interface_strings_are_listed(repo):
    path = repo / "content/es/ui.yaml"
    path.write_text("\n".join(l for l in path.read_text(encoding="utf-8").splitlines()
                              if not l.startswith("  back_home:")) + "\n", encoding="utf-8")
    result = status(repo, "--lang", "es", "--strict")
    assert "content/es/ui.yaml: notices.back_home" in result.stdout
    assert result.returncode == 1


def test_json_report_has_the_documented_shape(repo):
    edit_english_summary(repo)
    (repo / FR).unlink()
    result = status(repo, "--format", "json")
    report = json.loads(result.stdout)
    schema = json.loads((ROOT / "schemas/reports/status-report.schema.json").read_text(encoding="utf-8"))
    errors = list(Draft202012Validator(schema).iter_errors(report))
    assert not errors, errors[0]
    by_language = {entry["language"]: entry for entry in report["languages"]}
    assert set(by_language) == set(LANGUAGES[1:])
    assert [item["id"] for item in by_language["fr"]["missing"]] == ["ohchr"]
    stale = by_language["ar"]["stale"][0]
    assert stale["id"] == "ohchr" and stale["fields"][0]["name"] == "summary"
    assert "It has offices in many countries." in stale["fields"][0]["diff"]


def test_marking_refuses_an_invalid_translation(repo):
    path = repo / AR
    path.write_text(path.read_text(encoding="utf-8") + "region: global\n", encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    result = run(["-m", "hooks.stamp", AR], repo)
    assert result.returncode == 1
    assert "refused" in result.stderr and f"{AR}:" in result.stderr
    assert path.read_text(encoding="utf-8") == before


def test_marking_keeps_the_translators_text(repo):
    path = repo / AR
    original = path.read_text(encoding="utf-8")
    path.write_text("# مراجعة\n" + original, encoding="utf-8")
    assert run(["-m", "hooks.stamp", AR], repo).returncode == 0
    after = path.read_text(encoding="utf-8")
    assert after.startswith("# مراجعة\n")
    assert after.count("translated_from:") == 1


def test_editor_files_are_up_to_date_and_cover_every_type():
    model = load_model(ROOT)
    for rel, text in editor_files(model).items():
        assert (ROOT / rel).read_text(encoding="utf-8") == text, f"{rel} is out of date: run python -m hooks.schemas"
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    patterns = {pattern for patterns in settings.values() for pattern in patterns}
    for name in model.types:
        assert f"content/en/{name}/*.yaml" in patterns
        for language in model.translations:
            assert f"content/{language}/{name}/*.yaml" in patterns


def test_every_schema_field_has_a_description():
    model = load_model(ROOT)
    for name, content_type in model.types.items():
        for field in content_type.fields.values():
            assert field.schema.get("description"), (name, field.name)
    common = json.loads((ROOT / "schemas/common.schema.json").read_text(encoding="utf-8"))
    for prop, spec in common["$defs"]["source"]["properties"].items():
        target = spec
        if "$ref" in spec:
            target = {**common["$defs"][spec["$ref"].split("/")[-1]], **spec}
        assert target.get("description"), ("source", prop)
