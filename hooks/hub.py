"""The MkDocs hook: MkDocs events in, pipeline calls out, nothing else.

MkDocs' build runs once per language (the reference language's pass first, then the others,
started by hooks/passes.py, some in forked processes), so every event below runs once per
language; the content is read once per build, on the first pass. The hook's events run before
the i18n plugin's (priority 0 against -100), except those marked otherwise.
"""
from __future__ import annotations

import logging
import sys
from functools import partial
from pathlib import Path
from urllib.parse import urljoin

import jinja2

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import CombinedEvent, event_priority  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402
from mkdocs_static_i18n.utils import I18nLoggingFilter  # noqa: E402

from hooks.pipeline.bidi import isolate_latin_html  # noqa: E402
from hooks.pipeline.breadcrumbs import breadcrumbs  # noqa: E402
from hooks.pipeline.content import ContentCache, emergency_card_file, generate_pages, read_content  # noqa: E402
from hooks.pipeline.docs_check import read_hand_written_pages  # noqa: E402
from hooks.pipeline.docs_links import check_docs_links  # noqa: E402
from hooks.pipeline.markup import hub_extensions  # noqa: E402
from hooks.pipeline.model import HELP_PAGE, REFERENCE_LANGUAGE, SEARCH_PAGE, docs_page_url  # noqa: E402
from hooks.pipeline.page_gate import PageGate  # noqa: E402
from hooks.pipeline.problems import ContentError  # noqa: E402
from hooks.pipeline.publish import PassOutputs, SearchIndexError, publish  # noqa: E402
from hooks.pipeline.publish.address import without_address_notice  # noqa: E402
from hooks.pipeline.publish.direction import with_document_direction  # noqa: E402
from hooks.pipeline.publish.hardening import harden_page  # noqa: E402
from hooks.pipeline.publish.not_found import PAGE as NOT_FOUND_PAGE, NotFoundPages, not_found_links  # noqa: E402
from hooks.pipeline.publish.offline import archive_path  # noqa: E402
from hooks.pipeline.render import Renderer  # noqa: E402
from hooks.pipeline.publish.staging import StagedDirectory  # noqa: E402
from hooks.pipeline.stopwatch import Stopwatch  # noqa: E402
from hooks.passes import CompiledTemplates, LanguageBuildFailed, LanguagePasses, ThemeFiles, job_count  # noqa: E402
from hooks.preview import Preview  # noqa: E402


class BuildState:
    """What one build (all its language passes) shares; made anew when a build starts, so
    that `mkdocs serve` picks up edited content on every rebuild."""

    def __init__(self):
        self.catalog = None
        self.renderer: Renderer | None = None
        self.pages = {}  # path under docs/ -> Markdown, rendered when read
        self.gate: PageGate | None = None
        self.not_found = NotFoundPages()
        self.staging: StagedDirectory | None = None
        self.outputs: PassOutputs | None = None  # the current pass's archive and search index
        self.passes: LanguagePasses | None = None
        self.warnings = WarningCounter()
        self.stopwatch = Stopwatch()

    def discard(self) -> None:
        """After a failure: stop the forked passes, then remove what this build wrote."""
        if self.passes:
            self.passes.stop()
        if self.outputs:
            self.outputs.discard()
            self.outputs = None
        if self.staging:
            self.staging.discard()
            self.staging = None


class WarningCounter(logging.Handler):
    """Counts MkDocs' warnings, which fail a strict build only after the last event has run:
    the hook must know of them before it puts the new site in place."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


PASSES_STAGE = "MkDocs passes, every language (render included)"
WAITING_STAGE = "waiting for the forked passes"  # this process's languages done, theirs not yet
SITEMAP_TEMPLATE = "sitemap.xml"
NO_OUTPUT = jinja2.Template("")  # MkDocs writes nothing for a template that renders empty
state = BuildState()
content_cache = ContentCache()  # lives across the rebuilds of `mkdocs serve`
compiled_templates = CompiledTemplates()  # shared by every pass and rebuild of this process
theme_files = ThemeFiles()
theme_files.install()
quiet = I18nLoggingFilter()  # what MkDocs says of the templates the hub leaves unwritten
quiet.filtered_prefixes.update({f"Template skipped: '{SITEMAP_TEMPLATE}'", f"Template skipped: '{NOT_FOUND_PAGE}'"})
logging.getLogger("mkdocs.commands.build").addFilter(quiet)
serving = False
preview: Preview | None = None  # under `mkdocs serve`: what lives across its rebuilds (hooks/preview.py)
log = logging.getLogger("mkdocs.hooks.hub")


def _i18n(config):
    return config.plugins["i18n"]


def _is_first_pass() -> bool:
    """The reference language's pass starts each build; hooks/passes.py builds the others."""
    return not (state.passes and state.passes.nested)


def on_startup(command, dirty):
    global serving
    serving = command == "serve"


def on_serve(server, config, builder):
    if preview:  # not with `mkdocs serve --clean`, which MkDocs runs as builds
        preview.install(server, builder)
    return server


def on_config(config):
    global state, preview
    _forget_last_pages_alternates(config)
    if not _is_first_pass():
        return config
    logging.getLogger("mkdocs").removeHandler(state.warnings)
    state = BuildState()
    logging.getLogger("mkdocs").addHandler(state.warnings)
    hand_written, problems = read_hand_written_pages(ROOT, Path(config.docs_dir))
    try:
        state.catalog = read_content(ROOT, content_cache, state.stopwatch)
        seconds = sum(state.stopwatch.seconds.get(stage, 0.0) for stage in ("load", "validate", "catalog"))
        log.info(f"content: {content_cache.read} of {len(content_cache.entries)} files read and checked "
                 f"in {seconds:.2f} s")
    except ContentError as error:
        problems += error.problems
    if problems:
        raise PluginError("content has problems:\n" + ContentError(problems).report()) from None
    _check_languages(config)
    if not config.site_url:
        log.info(without_address_notice())
    for language_config in _i18n(config).config.languages:
        strings = state.catalog.strings[language_config.locale]
        language_config.site_name = strings.get("site", "name")
        language_config.site_description = strings.get("site", "description")
        section = state.catalog.strings[REFERENCE_LANGUAGE].get("labels", "contributors")  # its title in mkdocs.yml
        language_config.nav_translations = {section: strings.get("labels", "contributors")}
    state.renderer = Renderer(state.catalog, config.site_url)
    state.pages = generate_pages(state.renderer, Path(config.docs_dir))
    broken = check_docs_links(Path(config.docs_dir), set(state.pages), state.catalog.model.languages)
    if broken:
        raise PluginError("pages have broken links:\n" + ContentError(broken).report())
    config.markdown_extensions += hub_extensions()
    state.gate = PageGate({page.uri: page for page in hand_written}, state.catalog.documents,
                          state.catalog.model.languages)
    if serving and preview is None:
        preview = Preview(ROOT, Path(config.config_file_path), state.catalog.model.languages, REFERENCE_LANGUAGE,
                          on_whole_site=theme_files.forget)
    rebuilds_in_place = preview is not None and not preview.plan.whole_site
    if not rebuilds_in_place:
        state.staging = StagedDirectory(Path(config.site_dir))
        config.site_dir = str(state.staging.start())
    try:  # `mkdocs serve` builds in one process: the preview keeps what each build read
        jobs = 1 if serving else job_count(state.catalog.model.languages)
    except ValueError as error:
        raise PluginError(str(error)) from None
    state.passes = LanguagePasses(_i18n(config), _pass_order(config), jobs, dirty=rebuilds_in_place)
    state.stopwatch.begin(PASSES_STAGE)
    return config


def _pass_order(config) -> list[str]:
    """The languages in the order of mkdocs.yml, the reference language (built first) first."""
    order = _i18n(config).build_languages
    return [REFERENCE_LANGUAGE] + [language for language in order if language != REFERENCE_LANGUAGE
                                   and (preview is None or preview.builds(language))]


def _forget_last_pages_alternates(config) -> None:
    """The i18n plugin gives each page its language links by setting `config.extra.alternate`
    as an attribute, and resets them per language as an item; templates read the attribute
    first, so a pass's 404 page linked to the translations of the previous pass's last page.
    Without the attribute, the 404 page links to each language's home, whichever pass ran before."""
    vars(config.extra).pop("alternate", None)


def _check_languages(config) -> None:
    configured = [language.locale for language in _i18n(config).config.languages]
    if sorted(configured) != sorted(state.catalog.model.languages):
        raise PluginError(f"mkdocs.yml builds the languages {configured}, but content/ has "
                          f"{list(state.catalog.model.languages)}: make them the same")


def on_files(files, config):
    if _is_first_pass():  # MkDocs has emptied the site folder: the other passes may start
        if preview:
            preview.touched = True
        snapshot = dict(state.stopwatch.seconds)
        state.passes.start_workers(config, report=lambda: state.stopwatch.since(snapshot))
    for path in _pass_pages(config):
        if (Path(config.docs_dir) / path).exists():
            raise PluginError(f"docs/{path} would replace a page the hub generates: rename or remove it")
        files.append(File(path, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


def _pass_pages(config) -> list[str]:
    """The generated pages a pass needs: its language's, and the reference language's, which
    the i18n plugin uses to link every page to its other languages (the hub makes every page in
    every language, so the other languages' files would only be read and set aside). A pass
    that `mkdocs serve` runs without rebuilding its language needs only its navigation's pages."""
    language = _i18n(config).current_language
    if preview and not preview.builds(language):
        navigation = set(_navigation_paths(config.nav))
        return [path for path in state.pages.of({REFERENCE_LANGUAGE}) if path in navigation]
    return state.pages.of({language, REFERENCE_LANGUAGE})


def _navigation_paths(entries):
    for entry in entries or []:
        if isinstance(entry, dict):
            for value in entry.values():
                yield from _navigation_paths(value if isinstance(value, list) else [value])
        else:
            yield entry


@event_priority(-150)  # after the i18n plugin has made the pass's navigation
def on_nav(nav, config, files):
    """Under `mkdocs serve`, which pages a rebuild renders again (hooks/preview.py)."""
    if preview:
        navigation = {page.file.src_uri for page in nav.pages}
        preview.mark_modified(_i18n(config).current_language, files.documentation_pages(), navigation, state.pages)
    return nav


def on_page_read_source(page, config):
    markdown = None
    if page.file.src_uri in state.pages:
        with state.stopwatch.stage("render"):
            markdown = state.pages[page.file.src_uri]
    if preview:
        preview.remember(_i18n(config).current_language, page.file, markdown)
    return markdown


@event_priority(-200)  # after every other change to the content
def on_page_content(html, page, config, files):
    """The HTML that Markdown made of the page, checked and sanitized (pipeline/page_gate.py)."""
    with state.stopwatch.stage("gate"):
        return state.gate.content(page.file.src_uri, html, page.meta)


@event_priority(-200)  # after every other change to the page
def on_post_page(output, page, config):
    """The finished page: its direction, its security policy, and its copy for the offline archive."""
    if preview:
        preview.remember_title(_i18n(config).current_language, page)
    output = harden_page(with_document_direction(output), page.content)
    state.outputs.add_page(page.file.dest_uri, output)
    _release(page)
    return output


def _release(page) -> None:
    """A written page without its Markdown and HTML. The i18n plugin keeps every pass's pages
    until the build ends (for a sitemap the hub does not use), so a process would otherwise hold
    the text of every language it builds; the title, which other pages' menus show, stays
    (MkDocs reads it from the rendered heading, once `markdown` is not None)."""
    page.content = None
    page.markdown = ""
    page.toc = []


def on_pre_template(template, template_name, config):
    """Each pass would render the theme's sitemap, which the hub's own replaces (publish/sitemap.py)."""
    return NO_OUTPUT if template_name == SITEMAP_TEMPLATE else template


def on_post_template(output, template_name, config):
    if template_name != NOT_FOUND_PAGE:
        return output
    language = _i18n(config).current_language
    if preview and not preview.builds(language):
        return ""  # a rebuild under `mkdocs serve` that leaves this language as it was: not written
    output = harden_page(with_document_direction(output))
    state.not_found.keep(Path(config.site_dir), language, output)
    return output


def on_env(env, config, files):
    """Gives theme templates (overrides/) the strings and addresses of the pass's language, and
    starts the pass's outputs, now that its files are known."""
    env.bytecode_cache = compiled_templates
    language = _i18n(config).current_language
    strings = state.catalog.strings[language]
    env.globals["hub_notices"] = strings.section("notices")
    env.globals["hub_labels"] = strings.section("labels")
    env.globals["hub_home"] = docs_page_url("index.md", language)
    env.globals["hub_search_url"] = docs_page_url(SEARCH_PAGE, language).lstrip("/")
    env.globals["hub_help_url"] = docs_page_url(HELP_PAGE, language).lstrip("/")
    env.globals["hub_offline_archive"] = archive_path(language)
    env.globals["hub_reference_language"] = REFERENCE_LANGUAGE
    env.globals["hub_breadcrumbs"] = partial(breadcrumbs, state.catalog, language)
    env.globals["hub_not_found_links"] = not_found_links(
        state.catalog, {lang.locale: lang.name for lang in _i18n(config).config.languages})
    env.filters["bidi"] = isolate_latin_html
    env.filters["hub_absolute"] = lambda href, page_url: urljoin(page_url, href)
    state.outputs = PassOutputs(
        Path(config.site_dir), language, [file.dest_uri for file in files.documentation_pages()],
        {file.dest_uri: Path(file.abs_src_path) for file in files if not file.is_documentation_page()},
        state.renderer.offline_start_page(language), config.site_url, state.stopwatch, archive=not serving)
    return env


def finish_language(config):
    """After each language's pass, in whichever process built it: the gate's problems, if any,
    fail the build; otherwise the language's archive (with its emergency card) and search index."""
    problems = state.gate.take_problems()
    if problems:
        raise PluginError("pages have problems:\n" + ContentError(problems).report())
    language = _i18n(config).current_language
    if preview is None:  # under serve, no offline copy is made to hold it
        state.outputs.add_file(*emergency_card_file(state.renderer, language))
    try:
        state.outputs.finish(index=preview is None)
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
    if preview and preview.builds(language):  # indexed once the browser has the new pages
        preview.index_later(language, state.outputs.pages)
    state.outputs = None


@event_priority(-90)  # before the plugin's post_build, which would build the others one by one
def build_other_languages(config):
    """On the first pass: this process's share of the other languages, then the forks' share."""
    if not _is_first_pass():
        return
    state.passes.build(config, state.passes.own_languages)
    try:
        with state.stopwatch.stage(WAITING_STAGE):
            reports = state.passes.wait()
    except LanguageBuildFailed as error:
        raise PluginError(str(error)) from None
    for report in reports:
        state.stopwatch.add(report, "forked passes")
    state.stopwatch.end(PASSES_STAGE)


@event_priority(-150)
def finish_site(config):
    """Runs after the plugin's own post_build: the site is complete, and replaces the last
    one unless a strict build is about to fail."""
    if not _is_first_pass():
        return
    state.passes.finish()
    site_dir = Path(config.site_dir)
    state.not_found.finish(site_dir)
    publish(site_dir, state.renderer, config.site_url, state.stopwatch, same_pages=state.staging is None)
    state.stopwatch.save()
    if config.strict and state.warnings.count:
        return  # MkDocs aborts next; on_build_error discards the staged site
    if state.staging:  # not when `mkdocs serve` rebuilds some pages in place
        state.staging.commit()
        config.site_dir = str(state.staging.target)
        state.staging = None
    if preview:
        preview.built_into(Path(config.site_dir))


on_post_build = CombinedEvent(finish_language, build_other_languages, finish_site)


def on_build_error(error):
    """Cleans up once, for the first pass: a failed pass of another language fails it too."""
    if _is_first_pass():
        state.discard()
