"""The MkDocs hook: MkDocs events in, pipeline calls out, nothing else.

mkdocs-static-i18n runs MkDocs' build once per language, so every event below runs once per
language; the content is read once per build, on the reference language's pass. The hook's
events run before the plugin's (priority 0 against -100), except those marked otherwise.
"""
from __future__ import annotations

import logging
import sys
from urllib.parse import urljoin
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import CombinedEvent, event_priority  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from hooks.pipeline.bidi import BidiIsolation, isolate_latin_html  # noqa: E402
from hooks.pipeline.content import ContentCache, generate_pages, read_content  # noqa: E402
from hooks.pipeline.docs_links import check_docs_links  # noqa: E402
from hooks.pipeline.external_links import ExternalLinks  # noqa: E402
from hooks.pipeline.model import REFERENCE_LANGUAGE, SEARCH_PAGE, docs_page_url  # noqa: E402
from hooks.pipeline.problems import ContentError  # noqa: E402
from hooks.pipeline.publish import SearchIndexError, publish  # noqa: E402
from hooks.pipeline.publish.not_found import NotFoundPages  # noqa: E402
from hooks.pipeline.publish.staging import StagedDirectory  # noqa: E402
from hooks.pipeline.stopwatch import Stopwatch  # noqa: E402


class BuildState:
    """What one build (all its language passes) shares; made anew when a build starts, so
    that `mkdocs serve` picks up edited content on every rebuild."""

    def __init__(self):
        self.catalog = None
        self.pages: dict[str, str] = {}
        self.not_found = NotFoundPages()
        self.staging: StagedDirectory | None = None
        self.warnings = WarningCounter()
        self.stopwatch = Stopwatch()


class WarningCounter(logging.Handler):
    """Counts MkDocs' warnings, which fail a strict build only after the last event has run:
    the hook must know of them before it puts the new site in place."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


state = BuildState()
content_cache = ContentCache()  # lives across the rebuilds of `mkdocs serve`
log = logging.getLogger("mkdocs.hooks.hub")


def _i18n(config):
    return config.plugins["i18n"]


def _is_first_pass(config) -> bool:
    """The reference language's pass starts each build; the plugin builds the others from it."""
    return not _i18n(config).building


def on_config(config):
    global state
    if not _is_first_pass(config):
        return config
    logging.getLogger("mkdocs").removeHandler(state.warnings)
    state = BuildState()
    logging.getLogger("mkdocs").addHandler(state.warnings)
    try:
        with state.stopwatch.stage("load and validate"):
            state.catalog = read_content(ROOT, content_cache)
        log.info(f"content: {content_cache.read} of {len(content_cache.entries)} files read and checked "
                 f"in {state.stopwatch.seconds['load and validate']:.2f} s")
    except ContentError as error:
        raise PluginError("content has problems:\n" + error.report()) from None
    _check_languages(config)
    for language_config in _i18n(config).config.languages:
        strings = state.catalog.strings[language_config.locale]
        language_config.site_name = strings.get("site", "name")
        language_config.site_description = strings.get("site", "description")
    with state.stopwatch.stage("render"):
        state.pages = generate_pages(state.catalog, Path(config.docs_dir), config.site_url)
    broken = check_docs_links(Path(config.docs_dir), set(state.pages), state.catalog.model.languages)
    if broken:
        raise PluginError("pages have broken links:\n" + ContentError(broken).report())
    config.markdown_extensions += [BidiIsolation(), ExternalLinks()]
    state.staging = StagedDirectory(Path(config.site_dir))
    config.site_dir = str(state.staging.start())
    return config


def _check_languages(config) -> None:
    configured = [language.locale for language in _i18n(config).config.languages]
    if sorted(configured) != sorted(state.catalog.model.languages):
        raise PluginError(f"mkdocs.yml builds the languages {configured}, but content/ has "
                          f"{list(state.catalog.model.languages)}: make them the same")


def on_files(files, config):
    for path in state.pages:
        if (Path(config.docs_dir) / path).exists():
            raise PluginError(f"docs/{path} would replace a page the hub generates: rename or remove it")
        files.append(File(path, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


def on_page_read_source(page, config):
    return state.pages.get(page.file.src_uri)


def on_env(env, config, files):
    """Gives theme templates (overrides/) the strings and home address of the pass's language."""
    language = _i18n(config).current_language
    strings = state.catalog.strings[language]
    env.globals["hub_notices"] = strings.section("notices")
    env.globals["hub_labels"] = strings.section("labels")
    env.globals["hub_home"] = docs_page_url("index.md", language)
    env.globals["hub_search_url"] = docs_page_url(SEARCH_PAGE, language).lstrip("/")
    env.globals["hub_reference_language"] = REFERENCE_LANGUAGE
    env.filters["bidi"] = isolate_latin_html
    env.filters["hub_absolute"] = lambda href, page_url: urljoin(page_url, href)
    return env


def keep_not_found_page(config):
    state.not_found.keep(Path(config.site_dir), _i18n(config).current_language)


@event_priority(-150)
def finish_site(config):
    """Runs after the plugin's own post_build, in which it builds the other languages: the
    site is complete, and replaces the last one unless a strict build is about to fail."""
    if not _is_first_pass(config):
        return
    site_dir = Path(config.site_dir)
    state.not_found.finish(site_dir)
    try:
        publish(site_dir, state.catalog, config.site_url, state.stopwatch)
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
    state.stopwatch.save()
    if config.strict and state.warnings.count:
        return  # MkDocs aborts next; on_build_error discards the staged site
    state.staging.commit()
    config.site_dir = str(state.staging.target)
    state.staging = None


on_post_build = CombinedEvent(keep_not_found_page, finish_site)


def on_build_error(error):
    if state.staging:
        state.staging.discard()
        state.staging = None
