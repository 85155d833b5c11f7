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


class SearchIndexing:
    """Pagefind running in its own process, so that the other publish steps go on meanwhile
    (they only replace pages whole, so Pagefind reads each page either before or after)."""

    def __init__(self, site_dir: Path):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", OUTPUT, "--quiet",
             "--exclude-selectors", ".headerlink"],  # the ¶ after each heading is not text
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def wait(self) -> None:
        output, _ = self.process.communicate()
        if self.process.returncode != 0:
            raise SearchIndexError(f"Pagefind could not index the site:\n{output}")
