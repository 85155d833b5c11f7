"""`python -m hooks.stamp FILE...`: mark reviewed translations as up to date.

Records in each translation file which English text it now matches (its `translated_from`
digests), so that the file stops showing as stale. Refuses a file that has a problem, or whose
English original has one: run `python -m hooks.check` and fix them first.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hooks.pipeline.stamp import stamp_files

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks.stamp", description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="translation files, e.g. content/ar/mechanisms/x.yaml")
    parser.add_argument("--all", metavar="LANG", help="every translation file of a language, after a full review")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    files = [Path(f).resolve().relative_to(args.root.resolve()).as_posix() if Path(f).is_absolute() else Path(f).as_posix()
             for f in args.files]
    if args.all:
        files += sorted(p.relative_to(args.root).as_posix() for p in (args.root / "content" / args.all).glob("*/*.yaml"))
    if not files:
        parser.error("give at least one translation file, or --all LANG")
    written, refused = stamp_files(args.root, files)
    for path in written:
        print(f"marked up to date: {path}")
    for problem in refused:
        print(f"refused: {problem}", file=sys.stderr)
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
