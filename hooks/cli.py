"""`hub`: the maintainers' and translators' command, one subcommand per task.

    hub check                      every mistake in content/, as file:line:col: field: message (fix)
    hub status --lang ar           missing and out-of-date translations
    hub stamp FILE...              mark reviewed translations up to date
    hub export --lang ar           a language's text fields as a PO or XLIFF 1.2 file for a translation tool
    hub import FILE                a translated PO or XLIFF file back into content/<lang>/
    hub schemas                    rewrite the editor files after a schema change
    hub reach-due --months 12      contact details read in pages older than 12 months, to re-check

`pip install -e .` (part of the README's install) puts `hub` in the virtual environment; the
older `python -m hooks.check` (status, stamp, schemas) runs the same commands.
"""
from __future__ import annotations

import json
import logging
import os
import subprocess
from datetime import date
import sys
from pathlib import Path

import click

from hooks.pipeline.catalog import build_catalog
from hooks.pipeline.content import check_content, generate_pages, read_content
from hooks.pipeline.docs_check import read_hand_written_pages
from hooks.pipeline.docs_links import check_docs_links
from hooks.pipeline.editor import editor_files
from hooks.pipeline.history import languages_touched
from hooks.pipeline.interchange import export_language, format_of, import_file
from hooks.pipeline.markup import MarkdownRenderer
from hooks.pipeline.markup_check import check_page_markup
from hooks.pipeline.model import load_model
from hooks.pipeline.problems import ContentError
from hooks.pipeline.reach_age import due_facts
from hooks.pipeline.render import Renderer
from hooks.pipeline.stamp import stamp_files
from hooks.pipeline.status import as_json, as_markdown, as_text, translation_status

ROOT = Path(__file__).resolve().parent.parent
ROOT_OPTION = click.option("--root", type=click.Path(path_type=Path, file_okay=False), default=ROOT, hidden=True,
                           help="the project folder (default: this checkout)")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def hub():
    """The Defenders' Hub's command for translators and maintainers: check the content, see and
    mark the state of translations, exchange them with translation tools (PO, XLIFF 1.2).

    Run from the project folder; `hub COMMAND --help` tells more.
    """


@hub.command()
@ROOT_OPTION
def check(root: Path):
    """Check content/ and the hand-written pages of docs/ for mistakes without building the site.

    Prints one line per problem, `file:line:column: field: what is wrong (how to fix it)`, and
    exits with 1 when there is any, so that a pull-request check fails with the list.
    """
    root = root.resolve()
    try:
        render = project_markdown(root)
        pages, problems = read_hand_written_pages(root, root / "docs")
        for page in pages:
            problems += check_page_markup(page.source, page.text, page.body, render)
        model, documents, found = check_content(root, render=render)
        problems += found
        if not problems:  # the hand-written pages' links, against the pages the content makes
            generated = generate_pages(Renderer(build_catalog(model, documents)), root / "docs")
            problems = check_docs_links(root / "docs", set(generated), model.languages)
    except Exception as error:  # a bug, not a content mistake: say so in one line
        click.echo(f"internal error while checking content: {type(error).__name__}: {error}", err=True)
        sys.exit(2)
    if problems:
        click.echo(ContentError(problems).report(), err=True)
        sys.exit(1)
    click.echo(f"content/ is valid: {len(documents)} files checked, and the {len(pages)} pages of docs/.")


def project_markdown(root: Path) -> MarkdownRenderer:
    """The Markdown of the project's build: the extensions and settings of its mkdocs.yml, read
    by MkDocs itself, and the hub's own extensions."""
    from mkdocs.config import load_config  # here: the pipeline itself never imports MkDocs

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # loading the config is not a build: no notices
    config = load_config(str(root / "mkdocs.yml"))
    return MarkdownRenderer(config.markdown_extensions, config.mdx_configs)


@hub.command()
@click.option("--lang", "languages", multiple=True, metavar="LANG", help="a language to report on (repeatable; default: all)")
@click.option("--since", metavar="COMMIT", help="only the languages changed since COMMIT (all when the English changed): a pull request's base")
@click.option("--strict", is_flag=True, help="exit with 1 if anything is missing or stale")
@click.option("--format", "output", type=click.Choice(["text", "json", "markdown"]), default="text",
              help="text for people, json for programs, markdown for a pull request's summary")
@ROOT_OPTION
def status(languages: tuple[str, ...], since: str | None, strict: bool, output: str, root: Path):
    """What is missing or out of date in each translation.

    Lists, per language, the items with no translation, the items whose English original changed
    since they were marked up to date (with the fields and a diff of the English change), and the
    interface strings missing from ui.yaml; then totals and a percentage. With --strict it exits
    with 1 when a chosen language has anything missing or stale, for a pull-request check.
    """
    try:
        catalog = read_content(root)
    except ContentError as error:
        click.echo(error.report() + "\n(run hub check for details)", err=True)
        sys.exit(1)
    unknown = [lang for lang in languages if lang not in catalog.model.translations]
    if unknown:
        click.echo(f"unknown language {', '.join(unknown)}: choose from {', '.join(catalog.model.translations)}", err=True)
        sys.exit(2)
    if since:
        try:
            languages = tuple(languages) + tuple(languages_touched(root, since, catalog.model.languages))
        except (OSError, subprocess.CalledProcessError) as error:
            click.echo(f"cannot compare with {since!r} (is it a commit of this repository?): {error}", err=True)
            sys.exit(2)
        if not languages:
            click.echo(f"No translation is touched since {since}.")
            sys.exit(0)
    report = translation_status(catalog, languages or None)
    if output == "json":
        click.echo(json.dumps(as_json(report), ensure_ascii=False, indent=2))
    else:
        click.echo(as_markdown(report) if output == "markdown" else as_text(report))
    sys.exit(1 if strict and not all(language.complete for language in report) else 0)


@hub.command()
@click.argument("files", nargs=-1)
@click.option("--all", "language", metavar="LANG", help="every translation file of a language, after a full review")
@ROOT_OPTION
def stamp(files: tuple[str, ...], language: str | None, root: Path):
    """Mark reviewed translations as up to date.

    Records in each translation file (e.g. content/ar/mechanisms/x.yaml) which English text it
    now matches (its `translated_from` digests), so that the file stops showing as stale. Refuses
    a file that has a problem, or whose English original has one: run `hub check` and fix them first.
    """
    paths = [_relative(root, Path(f)) for f in files]
    if language:
        paths += sorted(p.relative_to(root).as_posix() for p in (root / "content" / language).glob("*/*.yaml"))
    if not paths:
        raise click.UsageError("give at least one translation file, or --all LANG")
    written, refused = stamp_files(root, paths)
    for path in written:
        click.echo(f"marked up to date: {path}")
    for problem in refused:
        click.echo(f"refused: {problem}", err=True)
    sys.exit(1 if refused else 0)


@hub.command()
@click.option("--lang", "language", required=True, metavar="LANG", help="the language to translate into, e.g. ar")
@click.option("--format", "file_format", type=click.Choice(["po", "xliff"]), default=None,
              help="po (Poedit, Weblate, Crowdin) or xliff (XLIFF 1.2: OmegaT, Crowdin, Weblate); default: from -o, else po")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="the file to write (default: translations/<lang>.po or .xlf)")
@ROOT_OPTION
def export(language: str, file_format: str | None, output: Path | None, root: Path):
    """Write a language's translatable fields to a PO or XLIFF 1.2 file for a translation tool.

    One unit per text field of every item: the English text as source, the current translation
    (if any) as target, the item and field as context (mechanisms/ohchr:summary), and a note
    naming the files. Translations whose English changed since they were marked up to date are
    marked fuzzy (needs review). Translate in your tool, then bring the file back with `hub import`.
    """
    if language not in load_model(root).translations:
        raise click.BadParameter(f"{language!r} is not a language the hub translates into", param_hint="--lang")
    file_format = file_format or (format_of(output) if output else None) or "po"
    output = output or root / "translations" / f"{language}.{'po' if file_format == 'po' else 'xlf'}"
    try:
        data = export_language(root, language, file_format)
    except ContentError as error:
        click.echo(error.report() + "\n(fix them first: the file would carry the mistakes)", err=True)
        sys.exit(1)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    click.echo(f"written: {output}")


@hub.command(name="import")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--lang", "language", metavar="LANG", help="the file's language, when the file does not say it")
@ROOT_OPTION
def import_(file: Path, language: str | None, root: Path):
    """Bring a translated PO or XLIFF file back into content/<lang>/.

    Takes every finished unit (translated, not fuzzy), writes the fields that changed into the
    translation files (the rest of each file stays as it was) and marks the fields brought in up
    to date. Refuses the whole file, writing nothing, if its English text no longer matches the
    English content (export again), or if a translation would make a file invalid.
    """
    result = import_file(root, file, language, project_markdown(root))
    for problem in result.problems:
        click.echo(f"refused: {problem}", err=True)
    if result.problems:
        sys.exit(1)
    for path in result.written:
        click.echo(f"written and marked up to date: {path}")
    click.echo(f"{result.fields} translated fields read, {len(result.written)} files changed, "
               f"{result.left} units left out (empty or needing review)")


@hub.command()
@click.option("--check", "only_compare", is_flag=True, help="exit with 1 if a file is missing or out of date")
def schemas(only_compare: bool):
    """Write the editor files derived from schemas/ (--check: only compare).

    Writes schemas/translations/<type>.schema.json and .vscode/settings.json, so that editors with
    the YAML language server check content files against the right schema while you type.
    """
    outdated = []
    for rel, text in editor_files(load_model(ROOT)).items():
        path = ROOT / rel
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        outdated.append(rel)
        if not only_compare:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    verb = "out of date (run hub schemas)" if only_compare else "written"
    for rel in outdated:
        click.echo(f"{verb}: {rel}")
    sys.exit(1 if only_compare and outdated else 0)


def _relative(root: Path, path: Path) -> str:
    """A file named on the command line, as a path relative to the project."""
    return path.resolve().relative_to(root.resolve()).as_posix() if path.is_absolute() else path.as_posix()


@hub.command("reach-due")
@click.option("--months", type=click.IntRange(min=0), default=12, show_default=True,
              help="list the facts read in a page dated more than this many months ago")
@ROOT_OPTION
def reach_due(months: int, root: Path):
    """The contact details ("reach") due for re-checking, oldest first.

    Each line names the file and line of the channel, the date of the text it was read in, and
    the official page to read again; after re-reading, update the fact and its `checked` date.
    """
    _, documents, _ = check_content(root)
    due = due_facts(documents, date.today(), months)
    for fact in due:
        click.echo(str(fact))
    click.echo(f"{len(due)} contact detail{'s' if len(due) != 1 else ''} read more than {months} months ago.")


if __name__ == "__main__":
    hub(prog_name="hub")
