"""`python -m hooks.check`: check content/ and the hand-written pages without building the site.

Prints one line per problem, `file:line:column: field: what is wrong (how to fix it)`, and
exits with 1 when there is any, so that a pull-request check fails with the list.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from hooks.pipeline.catalog import build_catalog
from hooks.pipeline.content import check_content, generate_pages
from hooks.pipeline.docs_check import read_hand_written_pages
from hooks.pipeline.docs_links import check_docs_links
from hooks.pipeline.markup import MarkdownRenderer
from hooks.pipeline.markup_check import check_page_markup
from hooks.pipeline.problems import ContentError

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks.check", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this checkout)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        render = project_markdown(root)
        pages, problems = read_hand_written_pages(root, root / "docs")
        for page in pages:
            problems += check_page_markup(page.source, page.text, page.body, render)
        model, documents, found = check_content(root, render=render)
        problems += found
        if not problems:  # the hand-written pages' links, against the pages the content makes
            generated = generate_pages(build_catalog(model, documents), root / "docs")
            problems = check_docs_links(root / "docs", set(generated), model.languages)
    except Exception as error:  # a bug, not a content mistake: say so in one line
        print(f"internal error while checking content: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    if problems:
        print(ContentError(problems).report(), file=sys.stderr)
        return 1
    print(f"content/ is valid: {len(documents)} files checked, and the {len(pages)} pages of docs/.")
    return 0


def project_markdown(root: Path) -> MarkdownRenderer:
    """The Markdown of the project's build: the extensions and settings of its mkdocs.yml, read
    by MkDocs itself, and the hub's own extensions."""
    from mkdocs.config import load_config  # here: the pipeline itself never imports MkDocs

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # loading the config is not a build: no notices
    config = load_config(str(root / "mkdocs.yml"))
    return MarkdownRenderer(config.markdown_extensions, config.mdx_configs)


if __name__ == "__main__":
    sys.exit(main())
