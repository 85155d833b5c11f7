"""The search index: Pagefind, run over the built site once every language is rendered.

Pagefind writes one index per `<html lang>`, so a reader searches their own language only, and
splits it into small chunks that the browser fetches only when a search is typed. Its Arabic
stemming also matches words written with or without diacritics and with other alef forms.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

OUTPUT = "pagefind"
ENTRY = "pagefind-entry.json"


class SearchIndexError(Exception):
    pass


class SearchIndexing:
    """Pagefind running in its own process, so that the offline archive is zipped meanwhile
    (the archive step only reads the site and adds the archive, which Pagefind ignores)."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self.output = tempfile.TemporaryFile()  # a file: a full pipe would stall Pagefind
        self.started = time.perf_counter()
        self.seconds = 0.0
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", OUTPUT, "--quiet",
             "--exclude-selectors", ".headerlink"],  # the ¶ after each heading is not text
            stdout=self.output, stderr=subprocess.STDOUT)
        self.watcher = threading.Thread(target=self._time)  # when Pagefind ends, for the benchmarks
        self.watcher.start()

    def _time(self) -> None:
        self.process.wait()
        self.seconds = time.perf_counter() - self.started

    def wait(self) -> float:
        """Wait for Pagefind to finish; returns how long it ran."""
        self.watcher.join()
        self.output.seek(0)
        output = self.output.read().decode("utf-8", "replace")
        self.output.close()
        if self.process.returncode != 0:
            raise SearchIndexError(f"Pagefind could not index the site:\n{output}")
        _sort_entry(self.site_dir / OUTPUT / ENTRY)
        return self.seconds


def _sort_entry(entry: Path) -> None:
    """Pagefind lists the languages of its entry file in a different order on every run; in
    a fixed order, two builds of the same content are the same bytes (and a deploy that
    uploads only changed files leaves the index alone)."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data["languages"].items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
