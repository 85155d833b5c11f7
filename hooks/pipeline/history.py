"""The English text a translation was made from, found again in the repository's history.

A translation records only digests of the English it was made from; to show a translator what
changed, the status report looks through the English file's past versions (with git) for the
one whose field had that digest.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import yaml

from .model import path_language
from .translation import digest

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def past_value(root: Path, path: str, field: str, wanted: str):
    """The value `field` had in a committed version of `path` whose digest is `wanted`, or None
    (no git, no history, or a version that was never committed)."""
    try:
        commits = _git(root, "log", "--format=%H", "--", path).split()
        for commit in commits:
            data = yaml.load(_git(root, "show", f"{commit}:{path}"), Loader=Loader)
            if isinstance(data, dict) and field in data and digest(data[field]) == wanted:
                return data[field]
    except (OSError, subprocess.CalledProcessError, yaml.YAMLError):
        return None
    return None


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def languages_touched(root: Path, since: str, languages) -> list[str]:
    """The translations a change since commit `since` touches (for a pull request's check):
    those whose files under content/<lang>/ or docs/*.<lang>.md changed, and all of them when
    the English did (content/en/, docs/*.md), since that can leave any of them out of date.
    Raises subprocess.CalledProcessError when git cannot compare (no such commit)."""
    changed = _git(root, "diff", "--name-only", f"{since}...HEAD", "--", "content", "docs").split()
    touched = set()
    for path in changed:
        parts = path.split("/")
        if parts[0] == "content" and len(parts) > 2:
            touched.add(parts[1])
        elif parts[0] == "docs" and path.endswith(".md"):
            touched.add(path_language(parts[-1], languages))
    if languages[0] in touched:
        return list(languages[1:])
    return [language for language in languages[1:] if language in touched]
