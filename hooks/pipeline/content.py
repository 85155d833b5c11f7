"""The pipeline's front door: read, check and render all content of a project."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .catalog import Catalog, build_catalog
from .docs_pages import OUTSIDE_PAGES, missing_docs_pages
from .load import Document, content_files, load_document
from .markup_check import Render, check_document_markup
from .model import EMERGENCY_CARD_FILE, Model, language_folder, load_model, path_language
from .problems import ContentError, Problem
from .render import Renderer
from .status import translation_status
from .stopwatch import Stopwatch
from .validate import check_document, validate


@dataclass
class CachedFile:
    """What is known of one content file as it was at `signature`."""

    signature: tuple
    document: Document | None
    problems: list[Problem]
    markup: list[Problem] | None = None  # its texts rendered and walked (hooks.check only)


class ContentCache:
    """Files already parsed and checked, kept between the rebuilds of `mkdocs serve`: a file is
    read and checked again only when it changed (or when the schemas did)."""

    def __init__(self):
        self.entries: dict[Path, CachedFile] = {}
        self.schemas: str | None = None
        self.read = 0  # files parsed by the last check

    def document(self, model: Model, root: Path, file: Path, language: str, type_name: str, stopwatch: Stopwatch,
                 render: Render | None = None) -> tuple[Document | None, list[Problem]]:
        """A file's document and problems; with `render`, also the problems of its texts'
        markup (rendered once per version of the file)."""
        stat = file.lstat()
        signature = (stat.st_mtime_ns, stat.st_size, stat.st_mode)
        cached = self.entries.get(file)
        if not cached or cached.signature != signature:
            with stopwatch.stage("load"):
                document, problems = load_document(root, file, language, type_name, model.nesting_limit(type_name))
            if document is not None:
                with stopwatch.stage("validate"):
                    problems = problems + check_document(model, document)
            cached = self.entries[file] = CachedFile(signature, document, problems)
            self.read += 1
        if render is None or cached.document is None:
            return cached.document, cached.problems
        if cached.markup is None:
            with stopwatch.stage("validate"):
                said = {_said(problem) for problem in cached.problems}  # by the source checks already
                cached.markup = [problem for problem in check_document_markup(model, cached.document, render)
                                 if _said(problem) not in said]
        return cached.document, cached.problems + cached.markup

    def start(self, root: Path) -> None:
        schemas = "".join(p.read_text(encoding="utf-8") for p in sorted((root / "schemas").glob("*.json")))
        if schemas != self.schemas:
            self.entries.clear()
            self.schemas = schemas
        self.read = 0


def _said(problem: Problem) -> tuple:
    return problem.path, problem.line, problem.column, problem.message


def check_content(root: Path, cache: ContentCache | None = None, stopwatch: Stopwatch | None = None,
                  render: Render | None = None) -> tuple[Model, list, list[Problem]]:
    """Load and validate everything under content/; return the documents and every problem.
    With `render` (the project's Markdown), each text's HTML is checked too (markup_check.py)."""
    cache = cache or ContentCache()
    stopwatch = stopwatch or Stopwatch()
    cache.start(root)
    with stopwatch.stage("load"):
        model = load_model(root)
        files, problems = content_files(root, model.languages, model.types, model.id_pattern)
    documents = []
    for file, language, type_name in files:
        document, found = cache.document(model, root, file, language, type_name, stopwatch, render)
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


def generate_pages(renderer: Renderer, docs_dir: Path) -> GeneratedPages:
    """Every page the hub adds to docs/ (see GeneratedPages), made by the build's renderer."""
    catalog = renderer.catalog
    recipes = renderer.pages(translation_status(catalog, with_diffs=False))
    for missing in missing_docs_pages(catalog.model.root, docs_dir, catalog.model.languages):
        recipes[missing.path] = partial(renderer.untranslated_docs_page, missing)
    for uri, source in OUTSIDE_PAGES.items():
        recipes[uri] = partial((catalog.model.root / source).read_text, encoding="utf-8-sig")
    return GeneratedPages(recipes, catalog.model.languages)


def emergency_card_file(renderer: Renderer, language: str) -> tuple[str, str]:
    """The self-contained emergency card of the offline copy: its path in the site, and its HTML."""
    return language_folder(language) + EMERGENCY_CARD_FILE, renderer.emergency_card_file(language)
