"""The pipeline's front door: read, check and render all content of a project."""
from __future__ import annotations

from pathlib import Path

from .catalog import Catalog, build_catalog
from .docs_pages import missing_docs_pages
from .load import content_files, load_document
from .model import Model, load_model
from .problems import ContentError, Problem
from .render import Renderer
from .status import translation_status
from .validate import validate


def check_content(root: Path) -> tuple[Model, list, list[Problem]]:
    """Load and validate everything under content/; return the documents and every problem."""
    model = load_model(root)
    files, problems = content_files(root, model.languages, model.types)
    documents = []
    for file, language, type_name in files:
        document, found = load_document(root, file, language, type_name)
        problems += found
        if document is not None:
            documents.append(document)
    problems += validate(model, documents)
    return model, documents, sorted(set(problems))


def read_content(root: Path) -> Catalog:
    """The catalog of a project's content; raises ContentError listing every problem."""
    model, documents, problems = check_content(root)
    if problems:
        raise ContentError(problems)
    return build_catalog(model, documents)


def generate_pages(catalog: Catalog, docs_dir: Path, site_url: str | None = None) -> dict[str, str]:
    """Every page the hub adds to docs/, in memory: path under docs/ -> Markdown."""
    renderer = Renderer(catalog, site_url)
    pages = renderer.pages(translation_status(catalog, with_diffs=False))
    for missing in missing_docs_pages(docs_dir, catalog.model.languages):
        pages[missing.path] = renderer.untranslated_docs_page(missing)
    return pages
