"""Checking loaded documents: schema, text safety, ids and cross-references -> `Problem`s.

The JSON Schemas do the structural checks (through the jsonschema library); this module turns
each schema error into a message a translator can act on, and adds the checks a schema cannot
express: ids against file names, links between files, and invisible or unsafe text.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from functools import partial

from .html_check import element_fix, element_message
from .html_policy import FOLLOWED, INCLUSION_MARKER, TEXT_ELEMENTS, address_problem
from .load import Document, dotted
from .model import REFERENCE_LANGUAGE, ContentType, Model, schema_at
from .problems import WHOLE_FILE, Problem

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Where raw HTML may start in a text: < then a letter, /, ! or ?. Each must be an autolink
# (<https://...>, <a@b.org>) or a whole tag as Python-Markdown takes it.
MARKUP_START = re.compile(r"<[A-Za-z/!?]")
AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
WHOLE_TAG = re.compile(r"</?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>")
CODE = re.compile(r"^ *(`{3,}|~{3,}).*?^ *\1|(`+)(?!`).+?(?<!`)\2(?!`)", re.DOTALL | re.MULTILINE)
JSON_TYPE_NAMES = {
    "string": "text", "array": "a list", "object": "a group of fields (key: value lines)",
    "integer": "a whole number", "number": "a number", "boolean": "true or false", "null": "nothing",
}


def check_document(model: Model, document: Document) -> list[Problem]:
    """The problems a file has on its own (schema, text, id): they change only with the file."""
    problems = check_schema(model, document) + check_text(model, document)
    if document.type_name != "ui":
        problems += check_id(document)
    return problems


def validate(model: Model, documents: list[Document]) -> list[Problem]:
    """The problems between files: originals, references, unique ids, interface strings.
    (Each file's own problems come from check_document.)"""
    problems: list[Problem] = []
    english = {(d.type_name, d.name): d for d in documents
               if d.language == REFERENCE_LANGUAGE and d.type_name != "ui"}
    for document in documents:
        if document.type_name == "ui":
            continue
        if document.language != REFERENCE_LANGUAGE and (document.type_name, document.name) not in english:
            problems.append(Problem(document.path, 1, 1, WHOLE_FILE,
                                    f"there is no English original content/en/{document.type_name}/{document.name}.yaml",
                                    "check the file name against the English folder, or add the English item first"))
    problems += check_references(model, list(english.values()))
    problems += check_reach_keys(english, [d for d in documents if d.type_name == "mechanisms"])
    problems += check_help_bodies(model, list(english.values()))
    problems += check_unique_ids(list(english.values()))
    problems += check_ui(model, [d for d in documents if d.type_name == "ui"])
    return problems


# --- schema -----------------------------------------------------------------------------------

def check_schema(model: Model, document: Document) -> list[Problem]:
    if document.type_name == "ui":
        validator, content_type = model.ui_validator, None
    else:
        content_type = model.types[document.type_name]
        is_translation = document.language != REFERENCE_LANGUAGE
        validator = content_type.translation_validator if is_translation else content_type.reference_validator
    problems = []
    for error in validator.iter_errors(document.data):
        problems += _explain(error, document, content_type)
    return problems


def _explain(error, document: Document, content_type: ContentType | None) -> list[Problem]:
    """Schema error -> problems worded for translators, placed on the line they wrote."""
    path = tuple(error.absolute_path)
    line, column = document.position(path)
    fix = error.schema.get("x-fix", "") if isinstance(error.schema, dict) else ""
    instance = error.instance
    kind = error.validator

    def problem(field_path, message, advice=fix, at_key=False):
        l, c = document.position(field_path, of_key=True) if at_key else (line, column)
        return Problem(document.path, l, c, dotted(field_path), message, advice)

    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        found = []
        for key in sorted(set(instance) - set(allowed)):
            found.append(problem((*path, key), *_unknown_key(key, allowed, document, content_type, path), at_key=True))
        return found
    if kind == "required":
        missing = [name for name in error.validator_value if name not in instance]
        return [problem((*path, name), f"the required field '{name}' is missing", f"add a line '{name}: ...'")
                for name in missing]
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        wanted = " or ".join(JSON_TYPE_NAMES.get(t, t) for t in expected)
        return [problem(path, f"expected {wanted}, found {_describe(instance)}", fix or _type_fix(expected, instance))]
    if kind == "enum":
        values = [str(v) for v in error.validator_value]
        close = difflib.get_close_matches(str(instance), values, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        if isinstance(instance, bool):
            hint = "put the value in quotes (YAML reads yes/no/on/off as true/false); "
        return [problem(path, f"{_describe(instance)} is not a known value", f"{hint}use one of: {', '.join(values)}")]
    if kind == "pattern":
        return [problem(path, f"{_describe(instance)} is not valid here", fix)]
    if kind == "minLength":
        return [problem(path, "the text is empty", "write the text, or remove the field if it is optional")]
    if kind == "minItems":
        return [problem(path, f"the list needs at least {error.validator_value} entr{'y' if error.validator_value == 1 else 'ies'}",
                        "add an entry on its own line starting with '- '")]
    if kind == "uniqueItems":
        return [problem(path, "the list gives the same value twice", "remove the repeated entry")]
    if kind in ("minimum", "maximum"):
        return [problem(path, f"{instance} is out of range ({kind} {error.validator_value})", fix)]
    if kind == "anyOf":
        return [problem(path, "this entry is incomplete", fix)]
    if kind == "oneOf":
        return [problem(path, "these fields do not fit together", fix)]
    return [problem(path, error.message, fix)]


def _unknown_key(key, allowed, document: Document, content_type: ContentType | None, path) -> tuple[str, str]:
    if content_type and not path and key in content_type.fields:
        return (f"this field is set in the English file only",
                f"remove '{key}' from this translation; change it in content/en/{document.type_name}/{document.name}.yaml if it is wrong")
    close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.75)  # a misspelling, not any short word
    if close:
        return f"unknown field '{key}'", f"did you mean '{close[0]}'?"
    return f"unknown field '{key}'", f"allowed fields here: {', '.join(allowed)}"


def _describe(value) -> str:
    if isinstance(value, str):
        return f"'{value}'" if len(value) <= 60 else f"'{value[:57]}...'"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (list, dict)):
        return JSON_TYPE_NAMES["array" if isinstance(value, list) else "object"]
    if value is None:
        return "nothing"
    return repr(value)


def _type_fix(expected: list[str], instance) -> str:
    if "array" in expected:
        return "write one entry per line, each starting with '- '"
    if "string" in expected and isinstance(instance, bool):
        return "put the value in quotes (YAML reads yes/no/on/off as true/false)"
    if "string" in expected:
        return "write the text after the colon; put it in quotes if it starts with a special character"
    return "see the field's description in the schema"


# --- text safety ------------------------------------------------------------------------------

def check_text(model: Model, document: Document) -> list[Problem]:
    """What the source of each text shows at once, without rendering it: invisible direction
    controls (which reorder what readers see), HTML elements outside the allowlist, file
    inclusion, and addresses in address fields. What Markdown makes of a text is checked on
    its HTML (markup_check.py, page_gate.py)."""
    problems = []
    for path, text in document.texts():
        where = partial(_text_problem, document, path)
        for match in BIDI_CONTROLS.finditer(text):
            char = match.group()
            problems.append(where(match.start(), f"invisible bidirectional control character U+{ord(char):04X} "
                                                 f"({unicodedata.name(char)}) at character {match.start() + 1}",
                                  "delete it: the site sets the text direction itself"))
        for offset, message, fix in raw_html_problems(text):
            problems.append(where(offset, message, fix))
        index = text.find(INCLUSION_MARKER)
        if index >= 0:
            problems.append(where(index, f"'{INCLUSION_MARKER}' would include another file: content may not include files",
                                  "write the text itself, or link to the page that has it"))
    return problems + check_addresses(model, document)


def check_addresses(model: Model, document: Document) -> list[Problem]:
    """Every value of an address field (schema keyword x-address): https:, or mailto:/tel: in
    fields that allow contacts (x-contacts)."""
    content_type = model.types.get(document.type_name)
    if content_type is None:
        return []
    problems = []
    for path, text in document.texts():
        field = content_type.fields.get(path[0]) if path else None
        if field is None or not schema_at(field.schema, path[1:]).get("x-address"):
            continue
        objection = address_problem(text, FOLLOWED, field.contacts)
        if objection:
            line, column = document.position(path)
            problems.append(Problem(document.path, line, column, dotted(path), objection.message, objection.fix))
    return problems


def raw_html_problems(text: str) -> list[tuple[int, str, str]]:
    """(offset, message, fix) for the raw HTML of a content text that is not allowed there:
    only whole inline tags of TEXT_ELEMENTS, so that no text can open, close or break the
    blocks of the page the hub's templates place it in."""
    code_free = without_code(text)
    found = []
    for start in MARKUP_START.finditer(code_free):
        at = start.start()
        if AUTOLINK.match(code_free, at):
            continue
        tag = WHOLE_TAG.match(code_free, at)
        if tag is None:
            found.append((at, f"'{text[at:at + 12]}' starts HTML that is not allowed or not finished",
                          "write &lt; for a < sign; the HTML tags allowed in content are <bdi>, <span> and <br>"))
        elif tag.group("name").lower() not in TEXT_ELEMENTS:
            name = tag.group("name").lower()
            if element_message(name) not in (message for _, message, _ in found):  # once per element
                found.append((at, element_message(name), element_fix(name)))
    return found


def without_code(text: str) -> str:
    """The text with its code (`code`, fenced blocks) blanked, positions kept: a tag in code is
    shown as written, not read as HTML."""
    return CODE.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), text)


def _text_problem(document: Document, path, offset: int, message: str, fix: str) -> Problem:
    line, column = document.position_in(path, offset)
    return Problem(document.path, line, column, dotted(path), message, fix)


# --- ids and references -----------------------------------------------------------------------

def check_id(document: Document) -> list[Problem]:
    data = document.data if isinstance(document.data, dict) else {}
    item_id = data.get("id")
    if isinstance(item_id, str) and item_id != document.name:
        line, column = document.position(("id",))
        return [Problem(document.path, line, column, "id",
                        f"the id '{item_id}' does not match the file name '{document.name}.yaml'",
                        f"set 'id: {document.name}', or rename the file (in every language) to {item_id}.yaml")]
    return []


def check_references(model: Model, english: list[Document]) -> list[Problem]:
    ids = defaultdict(set)
    for document in english:
        ids[document.type_name].add(document.name)
    problems = []
    for document in english:
        content_type = model.types[document.type_name]
        for path, ref_type, target in content_type.references(document.data):
            if target not in ids[ref_type]:
                line, column = document.position(path, of_key=path not in document.value_marks)
                close = difflib.get_close_matches(target, sorted(ids[ref_type]), n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                problems.append(Problem(document.path, line, column, dotted(path),
                                        f"there is no item '{target}' in {ref_type}",
                                        f"{hint}use the file name of an item in content/en/{ref_type}/"))
    return problems


def check_reach_keys(english: dict, mechanisms: list[Document]) -> list[Problem]:
    """Each channel of reach has its own key, and the words about a channel (reach_text, in
    every language) sit under the key of a channel the English file gives."""
    problems = []
    for document in mechanisms:
        original = english.get(("mechanisms", document.name))
        channels = original.data.get("reach") if original and isinstance(original.data, dict) else None
        keys = [channel.get("key") for channel in channels or [] if isinstance(channel, dict)]
        if document is original:
            for index, key in enumerate(keys):
                if key in keys[:index]:
                    line, column = document.position(("reach", index, "key"))
                    problems.append(Problem(document.path, line, column, f"reach.{index}.key",
                                            f"the key '{key}' is already used by another channel", "give each channel its own key"))
        texts = document.data.get("reach_text") if isinstance(document.data, dict) else None
        for key in texts if isinstance(texts, dict) else {}:
            if key not in keys:
                line, column = document.position(("reach_text", key), of_key=True)
                choices = f"use one of: {', '.join(k for k in keys if isinstance(k, str))}" if keys else \
                    "add the channel to reach in the English file first"
                problems.append(Problem(document.path, line, column, f"reach_text.{key}",
                                        f"there is no channel with the key '{key}' in reach", choices))
    return problems


def check_help_bodies(model: Model, english: list[Document]) -> list[Problem]:
    """A help path leads to bodies a reader can turn to: a mechanism with reach, or one whose
    page says no dated contact was found, never an instrument, a law or a guideline."""
    instruments = {d.name for d in english if d.type_name == "mechanisms" and isinstance(d.data, dict)
                   and d.data.get("reach_missing") == "not-a-body"}
    problems = []
    for document in english:
        if document.type_name != "help":
            continue
        for path, ref_type, target in model.types["help"].references(document.data):
            if ref_type == "mechanisms" and target in instruments:
                line, column = document.position(path)
                problems.append(Problem(document.path, line, column, dotted(path),
                                        f"'{target}' is not a body a reader can contact (reach_missing: not-a-body)",
                                        "name the body that applies it, or remove it from the path"))
    return problems


def check_unique_ids(english: list[Document]) -> list[Problem]:
    """An id names one item across all types, and a former id is never reused, so that every
    address ever published points to one thing only."""
    owner: dict[str, str] = {}
    problems = []
    for document in sorted(english, key=lambda d: d.path):
        owner.setdefault(document.name, document.path)
        if owner[document.name] != document.path:
            problems.append(Problem(document.path, 1, 1, "id", f"the id '{document.name}' is also used by {owner[document.name]}",
                                    "ids must be unique across all types: rename one of the two files"))
    for document in sorted(english, key=lambda d: d.path):
        former = document.data.get("former_ids") if isinstance(document.data, dict) else None
        for index, old in enumerate(former if isinstance(former, list) else []):
            if not isinstance(old, str):
                continue
            line, column = document.position(("former_ids", index))
            if old == document.name:
                problems.append(Problem(document.path, line, column, f"former_ids.{index}",
                                        f"'{old}' is this item's own id", "list only ids the item had before"))
            elif old in owner and owner[old] != document.path:
                problems.append(Problem(document.path, line, column, f"former_ids.{index}",
                                        f"the former id '{old}' is used by {owner[old]}",
                                        "a published address must lead to one item only: remove it from one of them"))
            owner.setdefault(old, document.path)
    return problems


# --- interface strings ------------------------------------------------------------------------

def check_ui(model: Model, ui_documents: list[Document]) -> list[Problem]:
    """English defines every key (and a label for every taxonomy value); translations may only
    use keys that English has."""
    english = next((d for d in ui_documents if d.language == REFERENCE_LANGUAGE), None)
    if english is None or not isinstance(english.data, dict):
        return []
    problems = []
    taxonomies = english.data.get("taxonomies") or {}
    for taxonomy, values in model.taxonomies().items():
        labels = taxonomies.get(taxonomy) if isinstance(taxonomies, dict) else None
        for value in values:
            if not isinstance(labels, dict) or value not in labels:
                line, column = english.position(("taxonomies", taxonomy))
                problems.append(Problem(english.path, line, column, f"taxonomies.{taxonomy}.{value}",
                                        f"no label for the value '{value}'", f"add '{value}: <label>' under taxonomies.{taxonomy}"))
    reference_keys = set(_leaf_paths(english.data, ()))
    for document in ui_documents:
        if document is english or not isinstance(document.data, dict):
            continue
        for path in _leaf_paths(document.data, ()):
            if path not in reference_keys:
                siblings = sorted(str(p[-1]) for p in reference_keys if p[:-1] == path[:-1])
                close = difflib.get_close_matches(str(path[-1]), siblings, n=1)
                line, column = document.position(path, of_key=True)
                problems.append(Problem(document.path, line, column, dotted(path),
                                        f"unknown key '{path[-1]}': content/en/ui.yaml has no such key",
                                        f"did you mean '{close[0]}'?" if close else "use the keys of content/en/ui.yaml"))
    return problems


def _leaf_paths(value, path):
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _leaf_paths(child, (*path, key))
    else:
        yield path
