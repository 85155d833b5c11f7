"""`mkdocs serve` with a real server: an edited YAML file shows on the next rebuild, the open page
reloads by itself, a broken edit shows the checker's messages in the page until it is fixed,
and a rebuild of the pages an edit touches gives the pages a whole build gives."""
from __future__ import annotations

import filecmp
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from conftest import build, copy_project

ITEM = "content/en/mechanisms/protectdefenders-eu.yaml"
ARABIC_ITEM = "content/ar/mechanisms/protectdefenders-eu.yaml"
SERVED_DIR = re.compile(r"documentation to directory: (\S+?)(?:\.building)?(?:/[a-z]{2})?$", re.MULTILINE)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return None


@contextmanager
def served(project: Path, port: int):
    """`mkdocs serve` on the project, once its first build is served; yields its log file."""
    log_path = project.parent / "serve.log"
    log = open(log_path, "w")  # a file: a full pipe would block the server
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        assert wait_for(lambda: fetch(f"http://127.0.0.1:{port}/"), 120), "mkdocs serve did not start:\n" + log_path.read_text()[-3000:]
        yield log_path
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def edit(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text


def test_serve_picks_up_an_edited_yaml_file(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    url = f"http://127.0.0.1:{port}/mechanisms/protectdefenders-eu/"
    with served(project, port) as log:
        edit(project / ITEM, "\ntitle: ", "\ntitle: Edited while serving ")
        page = wait_for(lambda: (fetch(url) or "") if "Edited while serving" in (fetch(url) or "") else None, 90)
        assert page, "the edited title never appeared:\n" + log.read_text()[-3000:]
        assert "rebuilt" in log.read_text()  # only what the edit touched


def heading(page) -> str:
    found = page.locator("h1")
    return found.first.inner_text() if found.count() else ""


def test_the_open_page_reloads_by_itself_and_a_broken_edit_says_why_in_the_page(tmp_path, chromium):
    """In Arabic, at phone width: the page follows each edit; while the file is broken, the page
    lists the checker's message (file, line, field) instead of hanging; fixed, the page returns."""
    from test_rtl_and_print import SHOTS
    project = copy_project(tmp_path / "project")
    port = free_port()
    with served(project, port) as log:
        context = chromium.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        errors = []
        page.on("console", lambda message: message.type == "error" and "500" not in message.text and errors.append(message.text))
        page.goto(f"http://127.0.0.1:{port}/ar/mechanisms/protectdefenders-eu/", wait_until="load")
        assert wait_for(lambda: "Browser connected" in log.read_text(), 30), "the live reload did not connect"
        good = edit(project / ARABIC_ITEM, "\ntitle: ", "\ntitle: تعديل ")
        assert wait_for(lambda: "تعديل" in heading(page), 60), "the page did not reload:\n" + log.read_text()[-3000:]

        (project / ARABIC_ITEM).write_text(good.replace("\ntitle: ", "\ntitle: [", 1), encoding="utf-8")
        assert wait_for(lambda: page.locator(".hub-preview-problems").count(), 60), log.read_text()[-3000:]
        problems = page.locator(".hub-preview-problems").inner_text()
        assert f"{ARABIC_ITEM}:3:" in problems and "invalid YAML" in problems, problems
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "serve-broken-edit-360.png"))

        (project / ARABIC_ITEM).write_text(good, encoding="utf-8")
        assert wait_for(lambda: page.locator("article h1").count(), 60), "the page did not come back"
        assert "تعديل" not in heading(page)
        assert errors == [], errors  # no script blocked by the pages' Content-Security-Policy
        context.close()


def test_a_rebuild_under_serve_writes_what_a_whole_build_writes(tmp_path):
    """An English edit (every language shows the change, and the translations become out of
    date) and an Arabic hand-written page, rebuilt under serve page by page, against a whole
    `mkdocs build` of the edited project with the same site address."""
    project = copy_project(tmp_path / "project")
    port = free_port()  # `mkdocs serve` sets the site's address to its own; the whole build is given the same
    with served(project, port) as log:
        served_dir = Path(SERVED_DIR.search(log.read_text()).group(1))
        edit(project / ITEM, "\ntitle: ", "\ntitle: Edited ")
        edit(project / "docs/about.ar.md", "\n\n", "\n\nفقرة جديدة.\n\n")
        url = f"http://127.0.0.1:{port}/ar/about/"
        assert wait_for(lambda: "فقرة جديدة" in (fetch(url) or ""), 90), log.read_text()[-3000:]
        assert wait_for(lambda: "Edited" in (fetch(f"http://127.0.0.1:{port}/mechanisms/") or ""), 60)
        rebuilt = log.read_text()
        whole = build(project, tmp_path / "whole", env={"HUB_SITE_URL": f"http://127.0.0.1:{port}/"})
        assert whole.returncode == 0, whole.stderr
        mismatches = differences(served_dir, tmp_path / "whole", skip={"pagefind", "download"})
    assert "rebuilt" in rebuilt
    assert mismatches == []


def differences(left: Path, right: Path, skip: set[str]) -> list[str]:
    found = []
    stack = [filecmp.dircmp(left, right, ignore=list(skip))]
    while stack:
        current = stack.pop()
        found += [f"only in one: {current.left}/{name}" for name in current.left_only + current.right_only]
        _, mismatch, errors = filecmp.cmpfiles(current.left, current.right, current.common_files, shallow=False)
        found += [f"differs: {current.left}/{name}" for name in mismatch + errors]
        stack += list(current.subdirs.values())
    return found


def test_the_problems_page_shows_hostile_text_as_text():
    from hooks.preview import problems_page
    page = problems_page(['content/ar/x.yaml:2:8: title: <script>alert(1)</script> "</pre><img src=x onerror=alert(1)>'])
    assert "<script>alert" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_serve_shows_a_missing_arabic_page_the_arabic_not_found_page(tmp_path, chromium):
    project = copy_project(tmp_path / "project")
    port = free_port()
    with served(project, port):
        context = chromium.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        response = page.goto(f"http://127.0.0.1:{port}/ar/no-such-page/", wait_until="load")
        assert response.status == 404
        # the root not-found page sends the reader on to her language's (live reload keeps the network busy)
        assert wait_for(lambda: page.locator("html").get_attribute("lang") == "ar", 30)
        assert page.locator("body").get_attribute("dir") == "rtl"
        context.close()
