"""`python -m hooks.schemas`: write the editor files derived from schemas/ (--check: only compare).

Writes schemas/translations/<type>.schema.json and .vscode/settings.json, so that editors with
the YAML language server check content files against the right schema while you type.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hooks.pipeline.editor import editor_files
from hooks.pipeline.model import load_model

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks.schemas", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit with 1 if a file is missing or out of date")
    args = parser.parse_args(argv)
    outdated = []
    for rel, text in editor_files(load_model(ROOT)).items():
        path = ROOT / rel
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        outdated.append(rel)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    verb = "out of date (run python -m hooks.schemas)" if args.check else "written"
    for rel in outdated:
        print(f"{verb}: {rel}")
    return 1 if args.check and outdated else 0


if __name__ == "__main__":
    sys.exit(main())
