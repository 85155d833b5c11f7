"""`python -m hooks.status`: what is missing or out of date in each translation.

Lists, per language, the items with no translation, the items whose English original changed
since they were marked up to date (with the fields and a diff of the English change), and the
interface strings missing from ui.yaml; then totals and a percentage. With --strict it exits
with 1 when a chosen language has anything missing or stale, for a pull-request check.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from hooks.pipeline.content import read_content
from hooks.pipeline.problems import ContentError
from hooks.pipeline.status import as_json, as_text, translation_status

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks.status", description=__doc__.splitlines()[0])
    parser.add_argument("--lang", action="append", help="a language to report on (repeatable; default: all)")
    parser.add_argument("--strict", action="store_true", help="exit with 1 if anything is missing or stale")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        catalog = read_content(args.root)
    except ContentError as error:
        print(error.report() + "\n(run python -m hooks.check for details)", file=sys.stderr)
        return 1
    unknown = [lang for lang in args.lang or [] if lang not in catalog.model.translations]
    if unknown:
        print(f"unknown language {', '.join(unknown)}: choose from {', '.join(catalog.model.translations)}", file=sys.stderr)
        return 2
    report = translation_status(catalog, args.lang)
    print(json.dumps(as_json(report), ensure_ascii=False, indent=2) if args.format == "json" else as_text(report))
    return 1 if args.strict and not all(status.complete for status in report) else 0


if __name__ == "__main__":
    sys.exit(main())
