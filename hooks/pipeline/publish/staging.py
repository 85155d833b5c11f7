"""Building into a staging folder and swapping it in at the end.

MkDocs empties site/ before it renders; a build that then fails (a broken link in strict mode,
a template error) would leave readers with half a site. Building next to it and swapping only
on success keeps the last good site in place.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path


class StagedDirectory:
    """A folder filled under another name and moved into place only when complete."""

    def __init__(self, target: Path):
        self.target = Path(target)
        self.staging = self.target.with_name(self.target.name + ".building")
        self.previous = self.target.with_name(self.target.name + ".previous")

    def start(self) -> Path:
        """Empty the staging folder (a leftover of a failed build) and return it."""
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir(parents=True)
        return self.staging

    def commit(self) -> None:
        """Put the staged folder where the site belongs; the old site is removed only after."""
        shutil.rmtree(self.previous, ignore_errors=True)
        if self.target.exists():
            os.replace(self.target, self.previous)
        os.replace(self.staging, self.target)
        shutil.rmtree(self.previous, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
