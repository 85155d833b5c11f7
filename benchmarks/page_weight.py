"""Page weight on first view, measured in a real browser: `python -m benchmarks.page_weight`.

Builds the site (or measures --site DIR), then opens a home, an index and an item page in
English and Arabic, each in a fresh browser with an empty cache, and prints a table: requests,
bytes transferred raw and gzipped (what a server sending gzip would transfer), and whether any
search data was fetched. The budget (70 KB gzipped per first view, no search data) is checked
by tests/test_page_weight.py on the same figures.
"""
from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import launch, serve  # noqa: E402

BUDGET_GZIP = 70 * 1024
PAGES = [("home", ""), ("index", "mechanisms/"), ("item", "mechanisms/ohchr/")]
LANGUAGES = ("en", "ar")


@dataclass
class Weight:
    language: str
    kind: str
    path: str
    requests: int
    raw: int
    gzipped: int
    search_requests: int


def measure(site: Path, browser) -> list[Weight]:
    """First-view weights of the sample pages, in a running browser."""
    rows = []
    with serve(site) as origin:
        for language in LANGUAGES:
            for kind, path in PAGES:
                url_path = ("" if language == "en" else f"{language}/") + path
                rows.append(_first_view(browser, origin, language, kind, "/" + url_path))
    return rows


def _first_view(browser, origin: str, language: str, kind: str, path: str) -> Weight:
    context = browser.new_context()  # empty cache: a first view
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(origin + path, wait_until="networkidle")
    bodies = []
    for response in responses:
        try:
            bodies.append((response.url, response.body()))
        except Exception:  # a redirect or an aborted request has no body
            bodies.append((response.url, b""))
    context.close()
    return Weight(language, kind, path, len(bodies), sum(len(b) for _, b in bodies),
                  sum(len(gzip.compress(b, 6)) for _, b in bodies),
                  sum(1 for url, _ in bodies if "/pagefind/" in url))


def build(site: Path) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=ROOT,
                   check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def table(rows: list[Weight]) -> str:
    lines = ["| language | page | requests | raw KB | gzipped KB | search requests | within budget |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        ok = r.gzipped <= BUDGET_GZIP and r.search_requests == 0
        lines.append(f"| {r.language} | {r.kind} `{r.path}` | {r.requests} | {r.raw / 1024:.1f} | "
                     f"{r.gzipped / 1024:.1f} | {r.search_requests} | {'yes' if ok else 'NO'} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site to measure (default: build one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        site = args.site or Path(temp) / "site"
        if not args.site:
            build(site)
        from playwright.sync_api import sync_playwright
        with sync_playwright() as playwright:
            browser = launch(playwright)
            print(table(measure(site, browser)))
            browser.close()
        print(f"\nBudget: at most {BUDGET_GZIP // 1024} KB gzipped per first view, no search data.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
