"""The languages built in parallel processes (hooks/passes.py) give the same site as one process,
byte for byte, and a language that fails in a forked process fails the whole build."""
from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from conftest import ROOT, build, copy_project
from hooks.passes import JOBS, job_count, language_groups


def build_with_jobs(monkeypatch, project: Path, site_dir: Path, jobs: int):
    monkeypatch.setenv(JOBS, str(jobs))
    return build(project, site_dir)


def differences(left: Path, right: Path) -> list[str]:
    """Every file that is only on one side or whose bytes differ."""
    found = []
    comparison = filecmp.dircmp(left, right)
    stack = [(comparison, "")]
    while stack:
        current, prefix = stack.pop()
        found += [f"only in one: {prefix}{name}" for name in current.left_only + current.right_only]
        _, mismatch, errors = filecmp.cmpfiles(current.left, current.right, current.common_files, shallow=False)
        found += [f"differs: {prefix}{name}" for name in mismatch + errors]
        stack += [(sub, f"{prefix}{name}/") for name, sub in current.subdirs.items()]
    return found


def test_parallel_and_sequential_builds_write_the_same_files(monkeypatch, tmp_path):
    sequential = build_with_jobs(monkeypatch, ROOT, tmp_path / "one", 1)
    assert sequential.returncode == 0, sequential.stderr
    # three processes for four languages: this one builds two, each fork one
    parallel = build_with_jobs(monkeypatch, ROOT, tmp_path / "three", 3)
    assert parallel.returncode == 0, parallel.stderr
    pages = list((tmp_path / "one").rglob("index.html"))
    assert len(pages) > 900
    assert differences(tmp_path / "one", tmp_path / "three") == []


def test_a_language_failing_in_a_forked_process_fails_the_build_and_keeps_the_last_site(monkeypatch, tmp_path):
    project = copy_project(tmp_path / "project")
    site_dir = tmp_path / "site"
    first = build_with_jobs(monkeypatch, project, site_dir, 4)
    assert first.returncode == 0, first.stderr
    about = project / "docs" / "about.ar.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n\n[x](offline.md#no-such-heading)\n", encoding="utf-8")
    second = build_with_jobs(monkeypatch, project, site_dir, 4)  # Arabic is built by a forked process
    assert second.returncode != 0
    assert "no-such-heading" in second.stderr
    assert "the build of ar failed" in second.stderr
    assert "Traceback" not in second.stderr
    assert (site_dir / "ar" / "index.html").exists() and (site_dir / "index.html").exists()
    assert not (tmp_path / "site.building").exists()


def test_languages_are_dealt_to_processes_with_the_reference_language_first():
    assert language_groups(["en", "ar", "fr", "es"], 2) == [["en", "fr"], ["ar", "es"]]
    assert language_groups(["en", "ar", "fr", "es"], 1) == [["en", "ar", "fr", "es"]]
    assert language_groups(["en", "ar", "fr", "es"], 4) == [["en"], ["ar"], ["fr"], ["es"]]


def test_the_number_of_processes_can_be_set_and_is_checked(monkeypatch):
    monkeypatch.setenv(JOBS, "9")
    assert job_count(["en", "ar", "fr", "es"]) == 4
    monkeypatch.setenv(JOBS, "1")
    assert job_count(["en", "ar", "fr", "es"]) == 1
    monkeypatch.setenv(JOBS, "two")
    with pytest.raises(ValueError, match="whole number"):
        job_count(["en", "ar", "fr", "es"])
