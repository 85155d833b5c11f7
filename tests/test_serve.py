"""`mkdocs serve` shows an edited YAML file on the next rebuild, without a restart."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from conftest import copy_project

ITEM = "content/en/mechanisms/protectdefenders-eu.yaml"


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
        time.sleep(0.5)
    return None


@contextmanager
def mkdocs_serve(project: Path, log_path: Path):
    """`mkdocs serve` on a free port; yields its address once the site answers."""
    port = free_port()
    log = open(log_path, "w")  # a file: a full pipe would block the server
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    origin = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(lambda: fetch(origin + "/"), 90), "mkdocs serve did not start"
        yield origin
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def test_serve_picks_up_an_edited_yaml_file(tmp_path):
    project = copy_project(tmp_path / "project")
    with mkdocs_serve(project, tmp_path / "serve.log") as origin:
        url = f"{origin}/mechanisms/protectdefenders-eu/"
        path = project / ITEM
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\ntitle: ", "\ntitle: Edited while serving ", 1), encoding="utf-8")
        page = wait_for(lambda: (fetch(url) or "") if "Edited while serving" in (fetch(url) or "") else None, 90)
        assert page, "the edited title never appeared:\n" + (tmp_path / "serve.log").read_text()[-3000:]


def test_serve_shows_a_missing_arabic_page_the_arabic_not_found_page(tmp_path, chromium):
    project = copy_project(tmp_path / "project")
    with mkdocs_serve(project, tmp_path / "serve.log") as origin:
        context = chromium.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        response = page.goto(f"{origin}/ar/no-such-page/", wait_until="load")
        assert response.status == 404
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == "ar"
        assert page.locator("body").get_attribute("dir") == "rtl"
        context.close()
