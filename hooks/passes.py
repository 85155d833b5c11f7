"""The language passes of a build, spread over the machine's cores.

mkdocs-static-i18n builds the reference language, then, from that pass's post_build event, every
other language one after the other, in the same process. The passes share nothing but the site
folder: each writes its own language's pages, and the theme's files, which every pass writes,
are the same bytes whichever pass writes them (the two files every pass writes differently, the
root 404 page and sitemap, are written again by the hub once all passes are done). So the hub
runs that loop itself, with the languages dealt into groups, one per core: the group of the
reference language stays in the MkDocs process, and each other group is built by a forked copy
of it, started as soon as MkDocs has emptied the site folder, so that it runs alongside the
reference language's own pass. A fork inherits the content already read and checked, so nothing
is read twice, and the output is the same as a build in one process (a test compares them).

One process builds every language where fork does not exist, where another thread is running
(as under `mkdocs serve`: a forked copy of a threaded process can deadlock), and when
HUB_BUILD_JOBS is 1; HUB_BUILD_JOBS=N asks for N processes at most.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading

import jinja2
from mkdocs import utils
from mkdocs.commands.build import build
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import File, Files
from mkdocs_static_i18n.utils import I18nLoggingFilter

JOBS = "HUB_BUILD_JOBS"
log = logging.getLogger("mkdocs.hooks.hub")


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates, compiled once per process: MkDocs makes a new Jinja environment for
    every language's pass (and every rebuild of `mkdocs serve`), which would compile Material's
    templates again each time. Jinja checks each template's source against the compiled code."""

    def __init__(self):
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


class ThemeFiles:
    """The theme's static files, listed once per process. Before each pass MkDocs lists them by
    walking the theme's folders (Material's holds thousands of icons, which it then filters
    out), about a fifth of a second a pass; the list cannot change during a build, and under
    `mkdocs serve` a change to the theme rebuilds the whole site, which calls `forget`."""

    def __init__(self):
        self.listed: dict[tuple, list[tuple[str, str]]] = {}

    def install(self) -> None:
        list_theme_files = Files.add_files_from_theme
        listed = self.listed

        def add_files_from_theme(files, env, config):
            key = (tuple(config.theme.dirs), tuple(sorted(config.theme.static_templates)))
            if key not in listed:
                every = Files([])
                list_theme_files(every, env, config)
                listed[key] = [(file.src_uri, file.src_dir) for file in every]
            for path, folder in listed[key]:
                if files.get_file_from_path(path) is None:  # a file of docs/ wins, as in MkDocs
                    files.append(File(path, folder, config.site_dir, config.use_directory_urls))

        Files.add_files_from_theme = add_files_from_theme

    def forget(self) -> None:
        self.listed.clear()


class LanguageBuildFailed(Exception):
    """A forked process could not build its languages; it has printed why."""


def job_count(languages) -> int:
    """How many processes build the languages: one per core, at most one per language."""
    asked = os.environ.get(JOBS, "").strip()
    if asked:
        if not asked.isdigit() or int(asked) < 1:
            raise ValueError(f"{JOBS}={asked!r}: give a whole number of processes, 1 or more")
        return min(int(asked), len(languages))
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, len(languages)))


def language_groups(languages, jobs: int) -> list[list[str]]:
    """The languages dealt round like cards, the reference language (first) in the first group."""
    return [list(languages[start::jobs]) for start in range(jobs)]


class LanguagePasses:
    """Builds the languages after the reference language's pass, in this process and in forks."""

    def __init__(self, i18n, languages, jobs: int, dirty: bool = False):
        """`dirty`: MkDocs' dirty build, which renders only the pages marked modified (under
        `mkdocs serve`, hooks/preview.py marks them)."""
        self.i18n = i18n
        self.dirty = dirty or "--dirty" in sys.argv or "--dirtyreload" in sys.argv
        self.groups = language_groups(languages, jobs)
        self.nested = False  # True while this object runs MkDocs' build() for another language
        self.workers: list[tuple[multiprocessing.Process, object, list[str]]] = []

    @property
    def own_languages(self) -> list[str]:
        """The languages this process builds after the reference language."""
        return self.groups[0][1:]

    def start_workers(self, config, report) -> None:
        """Fork one process per other group; each builds its languages and sends `report()`."""
        context = multiprocessing.get_context("fork")
        for group in self.groups[1:]:
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=self._work, args=(config, group, sender, report),
                                      name=f"hub-{'-'.join(group)}", daemon=True)
            process.start()
            sender.close()
            self.workers.append((process, receiver, group))

    def _work(self, config, group: list[str], sender, report) -> None:
        """In a forked process: build the group's languages, send the report, exit."""
        try:
            self.build(config, group)
        except MkDocsException as error:  # a strict build's warnings, a broken page: already logged
            log.error(f"building {', '.join(group)} failed: {error}")
            sys.exit(1)
        sender.send(report())
        sender.close()

    def build(self, config, languages: list[str]) -> None:
        """Build languages one after the other, as the plugin's own loop does; its post_build
        then sees `building` set and leaves the languages to this object."""
        self.nested = True
        self.i18n.building = True
        keep_site = utils.clean_directory
        utils.clean_directory = lambda path: None  # the first pass emptied it; the others add to it
        quiet = I18nLoggingFilter()
        quiet.filtered_prefixes.update({"Documentation built in", "Building documentation to directory"})
        build_log = logging.getLogger("mkdocs.commands.build")
        build_log.addFilter(quiet)
        try:
            for language in languages:
                self.i18n.current_language = language
                build(config, dirty=self.dirty)
        finally:
            utils.clean_directory = keep_site
            build_log.removeFilter(quiet)
            self.nested = False

    def wait(self) -> list:
        """The reports of the forked processes, once all have finished; raises
        LanguageBuildFailed if any could not build its languages."""
        reports, failed = [], []
        for process, receiver, group in self.workers:
            try:
                report = receiver.recv()
            except EOFError:  # the process ended without sending: it failed
                report = None
            process.join()
            receiver.close()
            if process.exitcode != 0 or report is None:
                failed += group
            else:
                reports.append(report)
        self.workers = []
        if failed:
            raise LanguageBuildFailed(f"the build of {', '.join(failed)} failed (see the messages above)")
        return reports

    def stop(self) -> None:
        """After a failure in this process: end the forked ones before their folder goes."""
        for process, receiver, _ in self.workers:
            process.terminate()
            process.join()
            receiver.close()
        self.workers = []

    def finish(self) -> None:
        self.i18n.building = False

