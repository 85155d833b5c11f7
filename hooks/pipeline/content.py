"""The pipeline's front door: read, check and render all content of a project."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import partial
from pathlib import Path

from .catalog import Catalog, build_catalog
from .docs_pages import missing_docs_pages
from .load import content_files, load_document
from .model import Model, load_model, path_language
from .problems import ContentError, Problem
from .render import Renderer
from .status import translation_status
from .stopwatch import Stopwatch
from .validate import check_document, validate


class ContentCache:
    """Files already parsed and checked, kept between the rebuilds of `mkdocs serve`: a file is
    read and checked again only when it changed (or when the schemas did)."""

    def __init__(self):
        self.entries: dict[Path, tuple] = {}
        self.schemas: str | None = None
        self.read = 0  # files parsed by the last check

    def document(self, model: Model, root: Path, file: Path, language: str, type_name: str, stopwatch: Stopwatch):
        stat = file.stat()
        signature = (stat.st_mtime_ns, stat.st_size)
        cached = self.entries.get(file)
        if cached and cached[0] == signature:
            return cached[1], cached[2]
        with stopwatch.stage("load"):
            document, problems = load_document(root, file, language, type_name)
        if document is not None:
            with stopwatch.stage("validate"):
                problems = problems + check_document(model, document)
        self.entries[file] = (signature, document, problems)
        self.read += 1
        return document, problems

    def start(self, root: Path) -> None:
        schemas = "".join(p.read_text(encoding="utf-8") for p in sorted((root / "schemas").glob("*.json")))
        if schemas != self.schemas:
            self.entries.clear()
            self.schemas = schemas
        self.read = 0


def check_content(root: Path, cache: ContentCache | None = None,
                  stopwatch: Stopwatch | None = None) -> tuple[Model, list, list[Problem]]:
    """Load and validate everything under content/; return the documents and every problem."""
    cache = cache or ContentCache()
    stopwatch = stopwatch or Stopwatch()
    cache.start(root)
    with stopwatch.stage("load"):
        model = load_model(root)
        files, problems = content_files(root, model.languages, model.types)
    documents = []
    for file, language, type_name in files:
        document, found = cache.document(model, root, file, language, type_name, stopwatch)
        problems += found
        if document is not None:
            documents.append(document)
    with stopwatch.stage("validate"):
        problems += validate(model, documents)
    return model, documents, sorted(set(problems))


def read_content(root: Path, cache: ContentCache | None = None, stopwatch: Stopwatch | None = None) -> Catalog:
    """The catalog of a project's content; raises ContentError listing every problem."""
    stopwatch = stopwatch or Stopwatch()
    model, documents, problems = check_content(root, cache, stopwatch)
    if problems:
        raise ContentError(problems)
    with stopwatch.stage("catalog"):
        return build_catalog(model, documents)


class GeneratedPages(Mapping):
    """Every page the hub adds to docs/, in memory: path under docs/ -> Markdown.

    The paths are known at once, for MkDocs' file list and link checks; a page's Markdown is
    rendered when it is read, so each language's pages are rendered by the process that
    builds that language (hooks/passes.py), and never kept after."""

    def __init__(self, recipes: dict[str, Callable[[], str]], languages):
        self.recipes = recipes
        self.languages = tuple(languages)

    def of(self, languages) -> list[str]:
        """The paths of the pages in these languages."""
        return [path for path in self.recipes if path_language(path, self.languages) in languages]

    def __getitem__(self, path: str) -> str:
        return self.recipes[path]()

    def __contains__(self, path: object) -> bool:
        """Without it, Mapping's `in` would render the page to find out (every page twice)."""
        return path in self.recipes

    def __iter__(self) -> Iterator[str]:
        return iter(self.recipes)

    def __len__(self) -> int:
        return len(self.recipes)


def generate_pages(catalog: Catalog, docs_dir: Path, site_url: str | None = None) -> GeneratedPages:
    """Every page the hub adds to docs/ (see GeneratedPages)."""
    renderer = Renderer(catalog, site_url)
    recipes = renderer.pages(translation_status(catalog, with_diffs=False))
    for missing in missing_docs_pages(docs_dir, catalog.model.languages):
        recipes[missing.path] = partial(renderer.untranslated_docs_page, missing)
    return GeneratedPages(recipes, catalog.model.languages)
