"""Shared fixtures: copies of the project to break on purpose, and real site builds."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, env=env)


def build(project: Path, site_dir: Path | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict`, exactly as a deploy would run it."""
    args = ["-m", "mkdocs", "build", "--strict"]
    if site_dir:
        args += ["--site-dir", str(site_dir)]
    return run(args, project)


def check(project: Path) -> subprocess.CompletedProcess:
    """The translators' command, `python -m hooks.check`, run in a project."""
    return run(["-m", "hooks.check"], project)


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real project, built once for the whole test session."""
    site_dir = tmp_path_factory.mktemp("site") / "site"
    result = build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


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
