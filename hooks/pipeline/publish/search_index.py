"""The search index: Pagefind, run over the built site once every language is rendered.

Pagefind writes one index per `<html lang>`, so a reader searches their own language only, and
splits it into small chunks that the browser fetches only when a search is typed. Its Arabic
stemming also matches words written with or without diacritics and with other alef forms.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

OUTPUT = "pagefind"


class SearchIndexError(Exception):
    pass


def build_search_index(site_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", OUTPUT, "--quiet",
         "--exclude-selectors", ".headerlink"],  # the ¶ after each heading is not text
        capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index the site:\n{result.stdout}{result.stderr}")
