"""`python -m hooks.check`: check content/ for mistakes without building the site.

Prints one line per problem, `file:line:column: field: what is wrong (how to fix it)`, and
exits with 1 when there is any, so that a pull-request check fails with the list.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hooks.pipeline.catalog import build_catalog
from hooks.pipeline.content import check_content, generate_pages
from hooks.pipeline.docs_links import check_docs_links
from hooks.pipeline.problems import ContentError

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks.check", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this checkout)")
    args = parser.parse_args(argv)
    try:
        model, documents, problems = check_content(args.root)
        if not problems:  # the hand-written pages' links, against the pages the content makes
            pages = generate_pages(build_catalog(model, documents), args.root / "docs")
            problems = check_docs_links(args.root / "docs", set(pages), model.languages)
    except Exception as error:  # a bug, not a content mistake: say so in one line
        print(f"internal error while checking content: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    if problems:
        print(ContentError(problems).report(), file=sys.stderr)
        return 1
    print(f"content/ is valid: {len(documents)} files checked, and the links of docs/.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
