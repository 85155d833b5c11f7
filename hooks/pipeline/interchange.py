"""Translation tools' files: a language's text fields out to PO or XLIFF 1.2, and back in.

Translators who work in Weblate, Crowdin, OmegaT or Poedit get one unit per translatable field
of every item: the English text as source, the translation (if any) as target, the item and
field as context, and notes saying where it lives. Stale translations go out marked fuzzy
(needs review). translate-toolkit reads and writes both formats, so nothing here writes them.

Importing takes back only what a translator finished (a non-empty, non-fuzzy target), and only
from a file whose English sources still match the English content: a file exported before the
English changed is refused whole, since its translations may translate text that is gone. What
is brought in is written field by field into content/<lang>/ (every other line of the file
stays as it was) and stamped up to date for exactly those fields.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from translate.storage import pypo, xliff

from .content import ContentCache, check_content
from .markup_check import Render
from .model import REFERENCE_LANGUAGE, Model
from .problems import WHOLE_FILE, ContentError, Problem
from .stamp import with_record
from .translation import RECORD_FIELD, digest, stale_fields
from .yaml_text import with_field

XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"


class Xliff12Unit(xliff.xliffunit):
    namespace = XLIFF_12


class Xliff12File(xliff.xlifffile):
    """translate-toolkit writes XLIFF 1.1 by default and reads 1.1 and 1.2 alike; the tools the
    hub's translators use (Weblate, Crowdin, OmegaT) expect 1.2, the same structure."""

    UnitClass = Xliff12Unit
    XMLskeleton = xliff.xlifffile.XMLskeleton.replace("1.1", "1.2")
    namespace = XLIFF_12


FORMATS = {"po": pypo.pofile, "xliff": Xliff12File}
SUFFIXES = {".po": "po", ".pot": "po", ".xlf": "xliff", ".xliff": "xliff"}


def format_of(path: Path) -> str | None:
    """The format a file's name says it is in (None when it says nothing the hub reads)."""
    return SUFFIXES.get(path.suffix.lower())


@dataclass(frozen=True)
class FieldKey:
    """One translatable field of one item: a unit's context, written `mechanisms/ohchr:summary`."""

    type_name: str
    item_id: str
    field: str

    def __str__(self) -> str:
        return f"{self.type_name}/{self.item_id}:{self.field}"

    @classmethod
    def parse(cls, text: str) -> FieldKey | None:
        item, _, field = text.partition(":")
        type_name, _, item_id = item.partition("/")
        return cls(type_name, item_id, field) if type_name and item_id and field else None


def export_language(root: Path, language: str, file_format: str) -> bytes:
    """Every translatable field of every item, for one language, as a PO or XLIFF file.
    The content must be free of problems (check it first)."""
    model, documents, problems = check_content(root)
    if problems:
        raise ContentError(problems)
    english, translations = _documents_by_item(documents, language)
    store = FORMATS[file_format]()
    store.setsourcelanguage(REFERENCE_LANGUAGE)
    store.settargetlanguage(language)
    if file_format == "po":
        store.updateheader(add=True, Project_Id_Version="Defenders' Hub content", Language=language)
    for (type_name, item_id), original in sorted(english.items()):
        translation = translations.get((type_name, item_id))
        names = [f.name for f in model.types[type_name].translatable_fields() if f.name in original.data]
        stale = set(stale_fields(original.data, translation.data, names)) if translation else set()
        for name in names:
            for path, source in _texts(original.data[name], (name,)):
                key = FieldKey(type_name, item_id, ".".join(path))
                if file_format == "xliff":
                    unit = store.addsourceunit(source, filename=f"content/{language}", createifmissing=True)
                    unit.setid(str(key))
                else:
                    unit = store.addsourceunit(source)
                    unit.setcontext(str(key))
                unit.addnote(_note(original.path, language, key, model), origin="developer")
                target = _at(translation.data, path) if translation else None
                if isinstance(target, str):
                    unit.target = target
                    if name in stale:
                        unit.markfuzzy()
    return bytes(store)


def _texts(value, path: tuple) -> list[tuple[tuple, str]]:
    """The texts of a field, each with its path: one for a text field, one per text of a field
    made of groups of texts (reach_text.hotline.who...)."""
    if isinstance(value, dict):
        return [found for key, child in value.items() for found in _texts(child, (*path, key))]
    return [(path, value)] if isinstance(value, str) else []


def _at(data, path: tuple):
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _with(data, path: tuple, value):
    """A copy of a tree of texts with one text replaced (the groups on its way copied too)."""
    if not path:
        return value
    copy = dict(data) if isinstance(data, dict) else {}
    copy[path[0]] = _with(copy.get(path[0]), path[1:], value)
    return copy


def _note(english_path: str, language: str, key: FieldKey, model: Model) -> str:
    markdown = model.types[key.type_name].fields[key.field.split(".")[0]].markdown
    return (f"{english_path}, field '{key.field}'; translation in content/{language}/{key.type_name}/{key.item_id}.yaml. "
            + ("Markdown: keep blank lines, '- ' list items and [links](https://...); no HTML."
               if markdown else "Plain text, no Markdown."))


@dataclass
class ImportResult:
    written: list[str]  # translation files changed or created
    fields: int  # finished units read (translated, not fuzzy); those that changed are written and stamped
    left: int  # units not taken: empty, or still fuzzy (needs review)
    problems: list[Problem]  # when any, nothing was written


def import_file(root: Path, path: Path, language: str | None = None, render: Render | None = None) -> ImportResult:
    """Bring a translated PO or XLIFF file back into content/<language>/ (see the module's doc).
    With `render` (the project's Markdown), what a translation makes in HTML is checked too."""
    shown = _shown(root, path)
    file_format = format_of(path)
    if file_format is None:
        return _refused(Problem(shown, 1, 1, WHOLE_FILE, "not a file this command reads", "give a .po, .xlf or .xliff file"))
    try:
        store = FORMATS[file_format].parsefile(str(path))
    except Exception as error:  # translate-toolkit raises several kinds for an unreadable file
        return _refused(Problem(shown, 1, 1, WHOLE_FILE, f"the file cannot be read as {file_format.upper()}: {error}",
                                "export the language again, or save the file from your translation tool"))
    language = language or store.gettargetlanguage()
    cache = ContentCache()  # the check after writing reads again only the files written
    model, documents, problems = check_content(root, cache, render=render)
    if language not in model.translations:
        return _refused(Problem(shown, 1, 1, WHOLE_FILE, f"the file's language {language!r} is not one the hub translates into",
                                f"give --lang, one of: {', '.join(model.translations)}"))
    if problems:
        return _refused(*problems)
    english, translations = _documents_by_item(documents, language)
    text = path.read_text(encoding="utf-8", errors="replace")
    brought: dict[tuple[str, str], dict[str, str]] = {}
    left = 0
    for unit in store.units:
        if unit.isheader():
            continue
        raw_key = _key_of(unit, file_format)
        key = FieldKey.parse(raw_key)
        original = english.get((key.type_name, key.item_id)) if key else None
        path = tuple(key.field.split(".")) if key else ()
        if original is None or path[0] not in _translatable(model, key.type_name) or not isinstance(_at(original.data, path), str):
            problems.append(Problem(shown, _line_of(text, raw_key), 1, raw_key or WHOLE_FILE, "no item field of the hub has this context",
                                    "export the language again and translate in the new file"))
        elif unit.source != _at(original.data, path):
            problems.append(Problem(shown, _line_of(text, raw_key), 1, raw_key, f"the English text changed since this file was exported "
                                    f"({original.path})", "export the language again and carry your translation over"))
        elif not unit.target or unit.isfuzzy():
            left += 1
        else:
            brought.setdefault((key.type_name, key.item_id), {})[path] = unit.target
    if problems:
        return _refused(*problems)
    brought, left = _whole_fields(brought, english, left)
    changes: dict[Path, tuple[str | None, str]] = {}  # file -> (text before, or None for a new file; text after)
    for (type_name, item_id), values in sorted(brought.items()):
        target = root / "content" / language / type_name / f"{item_id}.yaml"
        translation = translations.get((type_name, item_id))
        try:
            change = _changed_text(model.types[type_name].translatable_fields(), english[(type_name, item_id)].data,
                                   translation and target.read_text(encoding="utf-8"), translation, item_id, values)
        except FieldNotWritten as error:
            key = str(FieldKey(type_name, item_id, error.field))
            return _refused(Problem(shown, _line_of(text, key), 1, key, str(error), "report this to the maintainers"))
        if change:
            changes[target] = change
    return _write(root, changes, sum(len(brought[key]) for key in brought), left, render, cache)


def _whole_fields(brought: dict, english: dict, left: int) -> tuple[dict, int]:
    """The texts brought in, gathered into whole fields: a field made of several texts
    (reach_text) is written, and stamped, only when every one of its texts was brought."""
    fields = {}
    for item, texts in brought.items():
        original = english[item].data
        for name in dict.fromkeys(path[0] for path in texts):
            paths = [path for path, _ in _texts(original[name], (name,))]
            if not all(path in texts for path in paths):
                left += sum(1 for path in texts if path[0] == name)
                continue
            value = original[name]  # the English texts, each replaced by its translation
            for path in paths:
                value = _with(value, path[1:], texts[path])
            fields.setdefault(item, {})[name] = value
    return fields, left


class FieldNotWritten(ValueError):
    def __init__(self, field: str, reason: str):
        super().__init__(reason)
        self.field = field


def _changed_text(fields, english: dict, old_text: str | None, translation, item_id: str,
                  values: dict[str, str]) -> tuple[str | None, str] | None:
    """A translation file's text before and after the fields brought in, or None if it does not
    change: the changed fields rewritten in place, and their digests recorded."""
    order = [f.name for f in fields]
    text = old_text or f"id: {item_id}\n"
    current = translation.data if translation else {}
    for name in sorted(values, key=order.index):
        if current.get(name) != values[name]:
            try:
                text = with_field(text, name, values[name], before=RECORD_FIELD)
            except ValueError as error:
                raise FieldNotWritten(name, str(error)) from None
    recorded = dict(current.get(RECORD_FIELD) or {})
    digests = {**recorded, **{name: digest(english[name]) for name in values}}
    digests = {name: digests[name] for name in order if name in digests and (name in values or name in current)}
    if text == old_text and digests == recorded:
        return None
    return old_text, with_record(text, digests)


def _write(root: Path, changes: dict[Path, tuple[str | None, str]], fields: int, left: int,
           render: Render | None, cache: ContentCache) -> ImportResult:
    """Write the changed files, then check the result; on any problem, put every file back."""
    for path, (_, text) in changes.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    written = [path.relative_to(root).as_posix() for path in changes]
    _, _, problems = check_content(root, cache, render=render)
    own = [problem for problem in problems if problem.path in written]
    if own:
        for path, (before, _) in changes.items():
            if before is None:
                path.unlink()
            else:
                path.write_text(before, encoding="utf-8")
        return ImportResult([], 0, left, own)
    return ImportResult(written, fields, left, [])


def _documents_by_item(documents, language):
    english = {(d.type_name, d.name): d for d in documents if d.language == REFERENCE_LANGUAGE and d.type_name != "ui"}
    translations = {(d.type_name, d.name): d for d in documents if d.language == language and d.type_name != "ui"}
    return english, translations


def _translatable(model: Model, type_name: str) -> set[str]:
    content_type = model.types.get(type_name)
    return {f.name for f in content_type.translatable_fields()} if content_type else set()


def _key_of(unit, file_format: str) -> str:
    if file_format == "xliff":
        return unit.getid().rsplit(xliff.ID_SEPARATOR, 1)[-1]
    return unit.getcontext()


def _line_of(text: str, key: str) -> int:
    """The line of the file where a unit's context is written, for the message."""
    if key:
        for number, line in enumerate(text.splitlines(), 1):
            if key in line:
                return number
    return 1


def _shown(root: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _refused(*problems: Problem) -> ImportResult:
    return ImportResult([], 0, 0, sorted(problems))
