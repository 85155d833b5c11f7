"""`mkdocs serve` for the hub: an edit shows in the browser quickly, and a broken edit says why.

MkDocs' development server rebuilds every page of every language after any change; it injects
its live-reload script inline, which the pages' Content-Security-Policy blocks (inline scripts
are allowed by hash only), so the browser never reloads; and when a rebuild fails it logs the
error and goes on serving the last site, so the browser waits. `Preview.install` (from the
hook's `on_serve`) changes three things on that server, for `mkdocs serve` only:

- The live-reload script is served as a file of the site's own origin, /livereload.js, which
  the policy allows; the pages keep their policy unchanged.
- A rebuild builds only what the edit changed (hooks/pipeline/changes.py): the languages it
  touches and, in them, the pages whose Markdown changed (the menus of those pages show the
  titles the last build gave the others). That is MkDocs' dirty build, with the hook saying
  which page is modified; whatever the hook cannot
  place (configuration, theme, hooks, schemas, a file added or removed, a rebuild that failed
  after writing pages) rebuilds everything. The search index of each rebuilt language is made
  again in the background, once the browser has the new pages; no offline archive is made under
  `mkdocs serve` (`mkdocs build` makes them).
- When a rebuild fails, every page of the site is served as a page listing the checker's
  messages, with the live reload attached; once a rebuild succeeds, the browser reloads.

`mkdocs build` is unchanged: it stops at the first problem and keeps the last good site.
The server's private methods used here are those of MkDocs 1.6, which requirements.txt pins.
"""
from __future__ import annotations

import logging
import threading
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path
from urllib.parse import parse_qs

import jinja2
from mkdocs.commands import serve as serve_command
from mkdocs.exceptions import Abort
from mkdocs.livereload import _SCRIPT_TEMPLATE
from mkdocs_static_i18n.utils import I18nLoggingFilter

from hooks.pipeline.changes import WHOLE_SITE, PageDigests, Plan, changed_files, plan_rebuild, snapshot
from hooks.pipeline.publish.search_index import SearchIndexError, index_language

SCRIPT_PATH = "/livereload.js"
TEMPLATES = Path(__file__).resolve().parent / "templates"
DIRTY_WARNING = "A 'dirty' build is being performed"
log = logging.getLogger("mkdocs.hooks.hub")


def problems_page(messages: list[str]) -> str:
    """The page served in place of every page while the last rebuild has failed."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    return env.get_template("preview-error.html.j2").render(messages=messages)


class Messages(logging.Handler):
    """The warnings and errors logged during a build: what the error page shows."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(record.getMessage())


class Preview:
    """What lives across the rebuilds of one `mkdocs serve`."""

    def __init__(self, root: Path, config_file: Path, languages, reference: str, on_whole_site=lambda: None):
        """`on_whole_site`: called before a rebuild of the whole site (forget what a build
        keeps across passes: the theme may have changed)."""
        self.root, self.config_file = root, config_file
        self.on_whole_site = on_whole_site
        self.languages, self.reference = tuple(languages), reference
        self.sources = snapshot(root, config_file)  # as of the last build that succeeded
        self.digests = PageDigests()
        self.plan: Plan = WHOLE_SITE  # the current build's
        self.touched = False  # whether the current build has begun writing the site
        self.whole_site_next = False
        self.rebuilt_pages = 0
        self.messages: list[str] | None = None  # of the last build, when it failed
        self.site_dir: Path | None = None  # where the site is served from
        self.to_index: dict[str, list[str]] = {}  # language -> its pages' site paths
        self.indexer = Indexer()

    # The server -------------------------------------------------------------------------------

    def install(self, server, builder) -> None:
        """After the first build (MkDocs runs it before the server starts, as a whole build)."""
        self.digests.succeeded()
        self._start_indexing()
        server.builder = lambda: self.rebuild(builder)
        server._inject_js_into_html = self._inject_script
        serve_file = server._serve_request
        server._serve_request = lambda environ, start_response: self._serve(server, serve_file, environ, start_response)

    def _inject_script(self, content: bytes, epoch: int) -> bytes:
        tag = f'<script src="{SCRIPT_PATH}?epoch={epoch}&amp;request_id={round(time.monotonic() * 1000)}"></script>'.encode()
        end = content.rfind(b"</body>")
        end = len(content) if end < 0 else end
        return content[:end] + tag + content[end:]

    def _serve(self, server, serve_file, environ, start_response):
        path = environ["PATH_INFO"]
        if path == SCRIPT_PATH:
            query = parse_qs(environ.get("QUERY_STRING", ""))
            script = _SCRIPT_TEMPLATE.substitute(epoch=int(query.get("epoch", ["0"])[0]),
                                                 request_id=int(query.get("request_id", ["0"])[0]))
            start_response("200 OK", [("Content-Type", "application/javascript")])
            return [script.encode()]
        if self.messages is not None and (path.endswith("/") or path.endswith(".html")):
            with server._epoch_cond:  # as MkDocs does: not while a rebuild is under way
                server._epoch_cond.wait_for(lambda: server._visible_epoch == server._wanted_epoch)
                epoch = server._visible_epoch
            if self.messages is not None:
                page = problems_page(self.messages)
                start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8")])
                return [self._inject_script(page.encode("utf-8"), epoch)]
        return serve_file(environ, start_response)

    # Rebuilds ---------------------------------------------------------------------------------

    def rebuild(self, builder) -> None:
        """One rebuild after a change: as little as the change needs; a failure is shown in the
        browser instead of being raised (so that the server tells the browser to reload)."""
        sources = snapshot(self.root, self.config_file)
        changed, added_or_removed = changed_files(self.sources, sources)
        self.plan = WHOLE_SITE if self.whole_site_next else plan_rebuild(
            changed, added_or_removed, self.languages, self.reference)
        if self.plan.whole_site:
            self.on_whole_site()
        self.touched = False
        self.rebuilt_pages = 0
        started = time.perf_counter()
        messages = Messages()
        logging.getLogger("mkdocs").addHandler(messages)
        try:
            with nullcontext() if self.plan.whole_site else _dirty_builds():
                builder()
        except Exception as error:  # a failed build is shown in the browser, not raised
            unlogged = [] if isinstance(error, Abort) else [f"{type(error).__name__}: {error}"]
            self.messages = messages.lines + unlogged or ["The build failed (see the terminal)."]
            self.digests.failed()
            self.whole_site_next = self.whole_site_next or self.touched
            log.error("The preview shows these problems in the browser until they are fixed.")
        else:
            if not self.plan.whole_site:
                log.info(f"rebuilt {self.rebuilt_pages} pages of {', '.join(sorted(self.plan.languages))} "
                         f"in {time.perf_counter() - started:.2f} s")
            self.messages = None
            self.sources = sources
            self.whole_site_next = False
            self.digests.succeeded()
            self._start_indexing()
        finally:
            logging.getLogger("mkdocs").removeHandler(messages)


    def builds(self, language: str) -> bool:
        """Whether the current build builds this language (the reference language's pass always
        runs: MkDocs starts it; it writes nothing when the language is not to be built)."""
        return self.plan.whole_site or language in self.plan.languages

    def mark_modified(self, language: str, files, navigation: set[str], generated) -> None:
        """Before a pass renders: which of its pages MkDocs' dirty build renders and writes
        again (`files`: the pass's documentation Files; `navigation`: the paths of those in the
        navigation; `generated`: the hook's pages, path -> Markdown). A page of the navigation
        that is not rendered again gets its title from the last build, for the others' menus."""
        if self.plan.whole_site:
            return
        pages = {file.src_uri: file for file in files}
        if not self.builds(language):
            changed = set()
        elif language in self.plan.whole_languages:
            changed = set(pages)
        else:
            markdown = {path: _markdown(file, generated) for path, file in pages.items()}
            changed = self.digests.changed(language, markdown, navigation)
            if len(changed) < len(pages):  # no title of the navigation changed
                for path in navigation:
                    pages[path].page.title = self.digests.title(language, path)
        for path, file in pages.items():
            file.is_modified = (lambda modified: lambda: modified)(path in changed)
        self.rebuilt_pages += len(changed)

    def remember_title(self, language: str, page) -> None:
        """A page's title once MkDocs has rendered it, for the menus of later rebuilds."""
        self.digests.remember_title(language, page.file.src_uri, page.title or "")

    def remember(self, language: str, file, markdown: str | None) -> None:
        """A page as this build reads it (`markdown`: None for a page of docs/, read here), to
        compare with at the next rebuild."""
        self.digests.remember(language, file.src_uri, markdown if markdown is not None else _markdown(file, {}))

    def index_later(self, language: str, pages: list[str]) -> None:
        """A language's search index, to make again once the browser has the new pages."""
        self.to_index[language] = pages

    def built_into(self, site_dir: Path) -> None:
        self.site_dir = site_dir

    def _start_indexing(self) -> None:
        """Hand the rebuilt languages to the indexer, which works while the browser reloads and
        the next rebuild runs; a language queued twice is indexed once, after its last rebuild."""
        if self.site_dir:
            self.indexer.add(self.site_dir, self.to_index)
        self.to_index = {}


class Indexer:
    """One thread that makes the search indexes of the languages rebuilt under `mkdocs serve`,
    one language at a time, the last rebuild's pages of each."""

    def __init__(self):
        self.waiting: dict[str, tuple[Path, list[str]]] = {}
        self.ready = threading.Condition()
        self.thread: threading.Thread | None = None

    def add(self, site_dir: Path, languages: dict[str, list[str]]) -> None:
        with self.ready:
            self.waiting.update({language: (site_dir, pages) for language, pages in languages.items()})
            self.ready.notify()
        if self.thread is None:
            self.thread = threading.Thread(target=self._work, name="hub-search-index", daemon=True)
            self.thread.start()

    def _work(self) -> None:
        while True:
            with self.ready:
                self.ready.wait_for(lambda: self.waiting)
                language = min(self.waiting)
                site_dir, pages = self.waiting.pop(language)
            try:
                seconds = index_language(site_dir, language, pages)
            except SearchIndexError as error:
                log.error(str(error))
            except OSError as error:  # the folder went away under it (a whole rebuild replaced the site)
                log.warning(f"search index of {language} not made again ({error}): "
                            "search keeps the last one until the language is rebuilt")
            else:
                log.info(f"search index of {language} made again in {seconds:.1f} s")


def _markdown(file, generated) -> str:
    """A page's Markdown, as the hook generates it or as docs/ has it."""
    if file.src_uri in generated:
        return generated[file.src_uri]
    return Path(file.abs_src_path).read_text(encoding="utf-8-sig")


@contextmanager
def _dirty_builds():
    """MkDocs' serve command builds with dirty=False; for this rebuild, with dirty=True (its
    warning that a dirty build may leave stale links does not apply: the hook chose the pages)."""
    build = serve_command.build
    serve_command.build = lambda config, **options: build(config, **{**options, "dirty": True})
    quiet = I18nLoggingFilter()
    quiet.filtered_prefixes.add(DIRTY_WARNING)
    build_log = logging.getLogger("mkdocs.commands.build")
    build_log.addFilter(quiet)
    try:
        yield
    finally:
        serve_command.build = build
        build_log.removeFilter(quiet)
