"""Shared fixtures: copies of the project to break on purpose, and real site builds."""
from __future__ import annotations

import os
import shutil
from datetime import timedelta
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
# The fuzz tests (test_fuzz.py): bounded in the suite; `--hypothesis-profile=long` for a long run.
# The limit per example is a guard against a hang, not a speed goal.
for name, examples in (("ci", 120), ("long", 5000)):
    settings.register_profile(name, max_examples=examples, deadline=timedelta(seconds=30),
                              suppress_health_check=[HealthCheck.too_slow], database=None)
settings.load_profile("ci")

PROJECT_PARTS = ("mkdocs.yml", "CONTRIBUTING.md", "content", "docs", "hooks", "schemas", "overrides")
LANGUAGES = ("en", "ar", "fr", "es")


def copy_project(target: Path, source: Path = ROOT) -> Path:
    """A copy of a project's sources (no site, no caches) that a test may change."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source / part, target / part)
    return target


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """A Python module run in a project; the site's address (HUB_SITE_URL) only when given."""
    environment = {key: value for key, value in os.environ.items() if key != "HUB_SITE_URL"}
    environment = {**environment, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, env=environment)


def build(project: Path, site_dir: Path | None = None, env: dict[str, str] | None = None,
          jobs: int | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict`, exactly as a deploy would run it (in `jobs` processes at most)."""
    args = ["-m", "mkdocs", "build", "--strict"]
    if site_dir:
        args += ["--site-dir", str(site_dir)]
    return run(args, project, {**(env or {}), **({"HUB_BUILD_JOBS": str(jobs)} if jobs else {})})


def check(project: Path) -> subprocess.CompletedProcess:
    """The translators' command, `python -m hooks.check`, run in a project."""
    return run(["-m", "hooks.check"], project)


def pytest_collection_modifyitems(items):
    """Every test that drives Chromium is marked `browser`, so `-m "not browser"` leaves them out."""
    for item in items:
        if "chromium" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real project, built once for the whole test session."""
    site_dir = tmp_path_factory.mktemp("site") / "site"
    result = build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    (site_dir.parent / "build.log").write_text(result.stderr, encoding="utf-8")  # what the build said
    return site_dir


@pytest.fixture(scope="session")
def offline(site, tmp_path_factory) -> Path:
    """The Arabic offline copy, downloaded from the built site and unpacked, to open from file://."""
    archive = site / "download" / "defenders-hub-ar.zip"
    assert archive.exists()
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(target)
    return target / "defenders-hub-ar"


@pytest.fixture(scope="session")
def server(site):
    """The built site on a local HTTP server."""
    from browser import serve
    with serve(site) as origin:
        yield origin


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright
    from browser import launch
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()
