"""Screenshots of every kind of page in every language, at phone and desktop widths, for a
reviewer to look at the layout (right-to-left Arabic first of all) without building anything by
hand:

    .venv/bin/python tests/screenshots.py                  # builds the site, writes screenshots/
    .venv/bin/python tests/screenshots.py --site site --languages ar --out /tmp/shots

Writes <out>/<language>/<kind>-phone.png (360 x 740) and <kind>-desktop.png (1280 x 800): the
first screen of each page, or the whole page with --full-page.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import launch, serve  # noqa: E402
from conftest import LANGUAGES, ROOT  # noqa: E402
from page_kinds import PAGE_KINDS, address  # noqa: E402

SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}


def file_name(kind: str) -> str:
    return kind.replace(": ", "-").replace(" ", "-")


def take(site: Path, out: Path, languages, kinds, full_page: bool = False) -> list[Path]:
    from playwright.sync_api import sync_playwright
    written = []
    with serve(site) as origin, sync_playwright() as playwright:
        browser = launch(playwright)
        for size, viewport in SIZES.items():
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            for language in languages:
                (out / language).mkdir(parents=True, exist_ok=True)
                for kind in kinds:
                    page.goto(origin + address(PAGE_KINDS[kind], language), wait_until="load")
                    path = out / language / f"{file_name(kind)}-{size}.png"
                    page.screenshot(path=str(path), full_page=full_page)
                    written.append(path)
            context.close()
        browser.close()
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="where to write (default: screenshots/)")
    parser.add_argument("--languages", nargs="+", default=list(LANGUAGES), choices=LANGUAGES)
    parser.add_argument("--kinds", nargs="+", default=list(PAGE_KINDS), choices=list(PAGE_KINDS), metavar="KIND",
                        help="page kinds: " + ", ".join(PAGE_KINDS))
    parser.add_argument("--full-page", action="store_true", help="the whole page, not its first screen")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site
        if site is None:
            site = Path(scratch) / "site"
            built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], cwd=ROOT)
            if built.returncode:
                return built.returncode
        written = take(site, args.out, args.languages, args.kinds, args.full_page)
    print(f"{len(written)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
