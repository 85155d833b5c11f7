"""Edit to reloaded page under `mkdocs serve`: `python -m benchmarks.serve [PROJECT]`.

Starts `mkdocs serve` on a copy of the project, opens an item page in Chromium (Playwright,
Debian's /usr/bin/chromium), then edits the item's title in a content file and times the span
from saving the file to the new title on the page, which the browser reloads by itself: for a
translation (Arabic: that language is rebuilt) and for the English file (every language shows
it). Prints the medians, with the time the server logged for each rebuild. Figures only.
"""
from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import copy_project  # noqa: E402

REBUILT = re.compile(r"rebuilt (\d+) pages of [a-z, ]+ in ([0-9.]+) s")
INDEXED = "search index of"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _up(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5):
            return True
    except OSError:
        return False


def _wait(predicate, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise RuntimeError(f"timed out waiting for {what}")


def measure(project: Path, item: tuple[str, str], edits: int = 3) -> dict:
    """item: (type, id) of an item that has an Arabic translation. Returns medians in seconds."""
    from playwright.sync_api import sync_playwright
    from browser import launch

    type_name, item_id = item
    port = _free_port()
    log_path = project.parent / "serve.log"
    log = open(log_path, "w")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("HUB_BUILD_JOBS", None)
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env)
    figures = {}
    try:
        _wait(lambda: _up(f"http://127.0.0.1:{port}/"), 1800, "the first build")
        figures["first build s"] = time.perf_counter() - started
        # the first build's search indexes are made in the background: let them finish
        _wait(lambda: log_path.read_text().count(INDEXED) >= 4, 600, "the first search indexes")
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page()
            for label, language in (("translation (ar)", "ar"), ("English", "en")):
                prefix = "" if language == "en" else f"{language}/"
                page.goto(f"http://127.0.0.1:{port}/{prefix}{type_name}/{item_id}/", wait_until="load")
                _wait(lambda: "Browser connected" in log_path.read_text(), 60, "the live reload")
                path = project / "content" / language / type_name / f"{item_id}.yaml"
                reloads, rebuilds = [], []
                for edit in range(edits):
                    marker = f"Edit{edit}x"
                    text = path.read_text(encoding="utf-8")
                    rebuilt_before = len(REBUILT.findall(log_path.read_text()))
                    saved = time.perf_counter()
                    path.write_text(text.replace("\ntitle: ", f"\ntitle: {marker} ", 1), encoding="utf-8")
                    _wait(lambda: marker in _heading(page), 600, "the reloaded page")
                    reloads.append(time.perf_counter() - saved)
                    _wait(lambda: len(REBUILT.findall(log_path.read_text())) > rebuilt_before, 60, "the log")
                    rebuilds.append(float(REBUILT.findall(log_path.read_text())[-1][1]))
                    time.sleep(1)
                figures[f"{label}: edit to reloaded page s"] = statistics.median(reloads)
                figures[f"{label}: rebuild s"] = statistics.median(rebuilds)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
    return figures


def _heading(page) -> str:
    try:
        found = page.locator("h1")
        return found.first.inner_text(timeout=1000) if found.count() else ""
    except Exception:  # the page is reloading
        return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", type=Path, default=ROOT)
    parser.add_argument("--item", default="mechanisms/ohchr", help="type/id of an item translated into Arabic")
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        project = copy_project(Path(temp) / "project", args.project)
        figures = measure(project, tuple(args.item.split("/", 1)), args.edits)
    for name, value in figures.items():
        print(f"{name}: {value:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
