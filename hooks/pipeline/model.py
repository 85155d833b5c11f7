"""The content model, declared once: languages, content types, their fields and page paths.

Types and fields are read from the JSON Schemas in schemas/, which are the single source of
truth for validation, for editors and for the pipeline: a field's translatability (`x-i18n`),
the type it links to (`x-ref`) and its taxonomy (`x-taxonomy`) are schema keywords.
"""
from __future__ import annotations

import json
import posixpath
from collections.abc import Iterator
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

REFERENCE_LANGUAGE = "en"
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})  # languages written right to left, among those the hub may add
SCHEMA_SUFFIX = ".schema.json"
NON_TYPE_SCHEMAS = {"common", "ui"}

TRANSLATABLE = "translatable"  # text, written in every language
LOCALIZABLE = "localizable"  # a fact in English that a translation may replace (a local website)
NEUTRAL = "neutral"  # a fact, written once in English
RECORD = "record"  # kept in translations only, written by a command (translated_from)


@dataclass(frozen=True)
class Field:
    """One top-level field of a content type, as its schema declares it."""

    name: str
    schema: dict  # the property's schema with its $ref resolved
    required: bool

    @property
    def role(self) -> str:
        return self.schema.get("x-i18n", NEUTRAL)

    @property
    def in_translations(self) -> bool:
        """Whether a translation file may set this field."""
        return self.name == "id" or self.role in (TRANSLATABLE, LOCALIZABLE, RECORD)

    @property
    def in_reference(self) -> bool:
        """Whether the English file may set this field."""
        return self.role != RECORD

    @property
    def ref_type(self) -> str | None:
        return self.schema.get("x-ref")

    @staticmethod
    def values(value) -> list:
        """A field's value as a list: nothing, one value, or the list itself."""
        if value is None:
            return []
        return value if isinstance(value, list) else [value]

    @property
    def taxonomy(self) -> str | None:
        return self.schema.get("x-taxonomy")

    @property
    def markdown(self) -> bool:
        return bool(self.schema.get("x-markdown"))

    @property
    def contacts(self) -> bool:
        """Whether the field (and everything inside it) may hold e-mail addresses and telephone
        numbers (mailto: and tel: addresses): only fields that a reviewer reads as contact details."""
        return bool(self.schema.get("x-contacts"))

    @property
    def label(self) -> str:
        """The key of labels in ui.yaml that heads this field on pages."""
        return self.schema.get("x-label", self.name)


@dataclass(frozen=True)
class Facet:
    """A field an index can narrow its items down by: a field of the item (region, groups), or
    a field inside a list of groups of fields ("reach.languages": the languages of every
    channel). Index pages offer facets as filters for script and as pre-built lists."""

    name: str  # as x-filter-by and x-lists-by write it
    schema: dict  # the schema of one value: an enum with its taxonomy, or an id with x-ref
    label: str  # the key of labels in ui.yaml

    @property
    def slug(self) -> str:
        """The name as it appears in attributes and addresses: reach.languages -> reach-languages."""
        return self.name.replace(".", "-").replace("_", "-")

    @property
    def ref_type(self) -> str | None:
        return self.schema.get("x-ref")

    @property
    def taxonomy(self) -> str | None:
        return self.schema.get("x-taxonomy")

    def values(self, fields: dict) -> list[str]:
        """The values an item's fields have in this facet, each once."""
        first, _, inner = self.name.partition(".")
        values = Field.values(fields.get(first))
        if inner:
            values = [value for entry in values if isinstance(entry, dict) for value in Field.values(entry.get(inner))]
        return list(dict.fromkeys(str(value) for value in values))


@dataclass(frozen=True)
class ContentType:
    """A kind of item (mechanisms, tools, ...): its schema and where its pages live."""

    name: str
    schema: dict
    registry: Registry = field(repr=False, compare=False)

    @cached_property
    def fields(self) -> dict[str, Field]:
        required = set(self.schema.get("required", []))
        return {
            name: Field(name, prop, name in required)
            for name, prop in self.resolved_schema["properties"].items()
        }

    @cached_property
    def resolved_schema(self) -> dict:
        """The schema with its references resolved: what fields and validators read."""
        return dereferenced(self.schema, self.registry)

    @cached_property
    def reference_schema(self) -> dict:
        """The schema an English file must meet: every field but the translations' records."""
        return self._for_reference(self.schema)

    @cached_property
    def translation_schema(self) -> dict:
        """The schema a translation file must meet: the id and the translatable fields only."""
        return self._for_translations(self.schema)

    @cached_property
    def reference_validator(self) -> Draft202012Validator:
        """Checks English files against reference_schema, with its references resolved."""
        return Draft202012Validator(self._for_reference(self.resolved_schema))

    @cached_property
    def translation_validator(self) -> Draft202012Validator:
        """Checks translation files against translation_schema, with its references resolved."""
        return Draft202012Validator(self._for_translations(self.resolved_schema))

    def _for_reference(self, schema: dict) -> dict:
        return _restricted(schema, {name for name, f in self.fields.items() if f.in_reference}, lambda name: True)

    def _for_translations(self, schema: dict) -> dict:
        """Rules between fields (a root oneOf, say: reach or reach_missing) concern facts written
        once in English, so a translation, which holds text only, is not held to them."""
        restricted = _restricted(schema, {name for name, f in self.fields.items() if f.in_translations},
                                 lambda name: name == "id" or self.fields[name].role == TRANSLATABLE)
        return {key: value for key, value in restricted.items() if key not in ("oneOf", "anyOf", "allOf")}

    def facet(self, name: str) -> Facet:
        """The facet of a field, or of a field inside a list of groups of fields (a.b)."""
        first, _, inner = name.partition(".")
        schema = self.fields[first].schema
        label = self.fields[first].label
        if inner:
            schema = _one_value(schema)["properties"][inner]
            label = schema.get("x-label", inner)
        return Facet(name, {**_one_value(schema), **{k: v for k, v in schema.items() if k == "x-ref"}}, label)

    def translatable_fields(self) -> list[Field]:
        return [f for f in self.fields.values() if f.role == TRANSLATABLE]

    def text_fields(self) -> list[Field]:
        """The Markdown text fields, in the schema's order: the body of a page."""
        return [f for f in self.fields.values() if f.markdown]

    def references(self, data) -> Iterator[tuple[tuple, str, str]]:
        """Every id an item's data points to, at any depth, as (field path, type, id): a list of
        ids (`x-ref`), the lists of a mapping, or a mapping's keys (`x-ref-keys`)."""
        if isinstance(data, dict):
            for name, value in data.items():
                if name in self.fields:
                    yield from _references(self.fields[name].schema, value, (name,))

    def taxonomy_fields(self) -> list[Field]:
        return [f for f in self.fields.values() if f.taxonomy]

    @cached_property
    def nesting_limit(self) -> int:
        """How deeply values may nest in a file of this type: the loader refuses deeper files
        at once, before a deep structure costs anything."""
        return schema_depth(self.resolved_schema)


def schema_at(schema: dict, path) -> dict:
    """The part of a (resolved) schema that describes the value at a path inside it."""
    for part in path:
        if not isinstance(schema, dict):
            return {}
        if isinstance(part, int):
            schema = schema.get("items", {})
        else:
            schema = schema.get("properties", {}).get(part) or schema.get("additionalProperties") or {}
    return schema if isinstance(schema, dict) else {}


def schema_depth(schema) -> int:
    """The deepest nesting of mappings and lists a schema allows (1 for a flat mapping)."""
    if not isinstance(schema, dict):
        return 0
    children = [*schema.get("properties", {}).values(), schema.get("additionalProperties"), schema.get("items"),
                *schema.get("anyOf", []), *schema.get("oneOf", [])]
    inner = max((schema_depth(child) for child in children), default=0)
    nests = schema.get("type") in ("object", "array") or "properties" in schema or "items" in schema
    return inner + 1 if nests else inner


def _one_value(schema: dict) -> dict:
    """The schema of one value of a field: its items' schema when it is a list."""
    return schema["items"] if isinstance(schema.get("items"), dict) else schema


def _references(schema: dict, value, path: tuple) -> Iterator[tuple[tuple, str, str]]:
    if "x-ref" in schema:
        for index, target in enumerate(Field.values(value)):
            if isinstance(target, str):
                yield ((*path, index) if isinstance(value, list) else path), schema["x-ref"], target
    elif isinstance(value, dict):
        for key, child in value.items():
            if "x-ref-keys" in schema:
                yield (*path, key), schema["x-ref-keys"], key
            child_schema = schema.get("properties", {}).get(key, schema.get("additionalProperties"))
            if isinstance(child_schema, dict):
                yield from _references(child_schema, child, (*path, key))
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, child in enumerate(value):
            yield from _references(schema["items"], child, (*path, index))


def _restricted(schema: dict, allowed: set[str], keep_required) -> dict:
    """A type's schema reduced to some of its fields, some of them required."""
    return {
        **schema,
        "properties": {k: v for k, v in schema["properties"].items() if k in allowed},
        "required": [k for k in schema.get("required", []) if k in allowed and keep_required(k)],
    }


def dereferenced(schema: dict, registry: Registry) -> dict:
    """A schema with every `$ref` replaced by its target, the referring schema's own keywords
    (descriptions, x- roles) winning over the target's. Fields read their roles from it, and
    validation needs no reference lookups, which took most of its time. The hub's schemas
    are not recursive and put only annotations beside a `$ref`, so this keeps their meaning."""
    return _dereferenced(schema, registry.resolver(base_uri=schema.get("$id", "")))


def _dereferenced(node, resolver):
    if isinstance(node, list):
        return [_dereferenced(value, resolver) for value in node]
    if not isinstance(node, dict):
        return node
    own = {key: _dereferenced(value, resolver) for key, value in node.items() if key != "$ref"}
    if "$ref" not in node:
        return own
    target = resolver.lookup(node["$ref"])
    return {**_dereferenced(target.contents, target.resolver), **own}


@dataclass(frozen=True)
class Model:
    """Everything the pipeline knows about the shape of the content."""

    root: Path  # the project root
    types: dict[str, ContentType]
    languages: tuple[str, ...]  # reference language first
    registry: Registry = field(repr=False)
    ui_schema: dict = field(repr=False)

    @cached_property
    def ui_validator(self) -> Draft202012Validator:
        return Draft202012Validator(dereferenced(self.ui_schema, self.registry))

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @cached_property
    def ui_nesting_limit(self) -> int:
        return schema_depth(dereferenced(self.ui_schema, self.registry))

    def nesting_limit(self, type_name: str) -> int:
        return self.ui_nesting_limit if type_name == "ui" else self.types[type_name].nesting_limit

    @cached_property
    def id_pattern(self) -> re.Pattern:
        """What an id, and so an item file's name, may be (schemas/common.schema.json)."""
        return re.compile(self.registry.contents("common.schema.json")["$defs"]["id"]["pattern"])

    @property
    def translations(self) -> tuple[str, ...]:
        return self.languages[1:]

    def taxonomies(self) -> dict[str, list[str]]:
        """Every taxonomy with its values, from the enums of the schemas."""
        found: dict[str, list[str]] = {}
        for schema in self._all_schemas():
            _collect_taxonomies(schema, found)
        return found

    def _all_schemas(self):
        yield self.registry.contents("common.schema.json")
        for content_type in self.types.values():
            yield content_type.schema


def _collect_taxonomies(node, found: dict[str, list[str]]) -> None:
    if isinstance(node, dict):
        if "x-taxonomy" in node and "enum" in node:
            found.setdefault(node["x-taxonomy"], list(node["enum"]))
        for value in node.values():
            _collect_taxonomies(value, found)
    elif isinstance(node, list):
        for value in node:
            _collect_taxonomies(value, found)


def load_model(root: Path) -> Model:
    """Read the schemas and the language folders of a project."""
    schema_dir = root / "schemas"
    schemas = {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(schema_dir.glob("*" + SCHEMA_SUFFIX))
    }
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema)) for name, schema in schemas.items()
    )
    types = {
        name[: -len(SCHEMA_SUFFIX)]: ContentType(name[: -len(SCHEMA_SUFFIX)], schema, registry)
        for name, schema in schemas.items()
        if name[: -len(SCHEMA_SUFFIX)] not in NON_TYPE_SCHEMAS
    }
    found = sorted(p.name for p in (root / "content").iterdir() if p.is_dir())
    if REFERENCE_LANGUAGE in found:
        found.remove(REFERENCE_LANGUAGE)
    languages = (REFERENCE_LANGUAGE, *found)
    return Model(root, types, languages, registry, schemas["ui.schema.json"])


def direction(language: str) -> str:
    """The direction a language is written in, for pages the theme does not make."""
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


def page_path(type_name: str, item_id: str, language: str) -> str:
    """Where an item's page lives under docs/ (suffix style): its permanent address."""
    return localized_path(f"{type_name}/{item_id}.md", language)


def page_url(type_name: str, item_id: str, language: str) -> str:
    """An item's permanent address on the site: /<type>/<id>/ in English, /<lang>/<type>/<id>/ otherwise."""
    return docs_page_url(f"{type_name}/{item_id}.md", language)


def language_of(site_path_parts: tuple[str, ...], languages) -> str:
    """The language of a built file from its path in the site: /ar/... is Arabic, the rest English."""
    first = site_path_parts[0] if site_path_parts else ""
    return first if first in languages and first != REFERENCE_LANGUAGE else REFERENCE_LANGUAGE


def docs_page_url(path: str, language: str) -> str:
    """The address of the page made from docs/<path> (unsuffixed) in a language: /about/, /ar/about/."""
    prefix = "" if language == REFERENCE_LANGUAGE else f"{language}/"
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return f"/{prefix}{stem}"


def relative_path(target: str, start_dir: str) -> str:
    """posixpath.relpath(target, start_dir) for paths under docs/ (relative, with no "." or ".."
    parts), without its calls to abspath: it runs for every link of every page."""
    target_parts, start_parts = target.split("/"), [part for part in start_dir.split("/") if part]
    common = 0
    while common < min(len(target_parts) - 1, len(start_parts)) and target_parts[common] == start_parts[common]:
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + target_parts[common:])


def relative_href(from_url: str, to_url: str) -> str:
    """A relative href between two directory URLs, so the site works under any base path and offline."""
    href = posixpath.relpath(to_url, from_url)
    return "./" if href == "." else href + "/"


def index_path(type_name: str, language: str) -> str:
    """Where a type's index page lives under docs/."""
    return localized_path(f"{type_name}/index.md", language)


STATUS_PAGE = "translation-status.md"
PRINT_DIR = "print"  # print/<type>.md: a whole section on one page, for printing
SEARCH_PAGE = "search.md"
SAFETY_PAGE = "offline.md"  # reading safely, the quick exit, reaching out safely (hand-written)
REACHING_OUT = "reaching-out"  # the safety page's section on the traces a call or message leaves
EMERGENCY_CARD = "emergency-card.md"  # every emergency line on one page
EMERGENCY_CARD_FILE = "emergency-card.html"  # the same, self-contained, in the offline copy


def language_folder(language: str) -> str:
    """The folder of a language's pages in the site: "" for the reference language, "ar/"."""
    return "" if language == REFERENCE_LANGUAGE else f"{language}/"
LISTS_DIR = "lists"  # lists/<type>/<facet>/<value>.md: an index's filter, pre-built for readers without script
HELP_PAGE = "help/index.md"  # "Get help now": the first question of the help paths
DATA_PAGE = "data.md"
DATA_VERSION = 1
DATA_ROOT = f"data/v{DATA_VERSION}"  # open data: data/v1/<lang>/<type>.json ...
CSV_TYPES = ("mechanisms", "actions")


def localized_path(path: str, language: str) -> str:
    """A page's path under docs/ in a language, suffix style: about.md -> about.ar.md."""
    if language == REFERENCE_LANGUAGE:
        return path
    stem, suffix = path.rsplit(".", 1)
    return f"{stem}.{language}.{suffix}"


def unlocalized_path(path: str, languages) -> str:
    """The reverse of localized_path: about.ar.md -> about.md (a path of any language)."""
    stem, _, suffix = path.rpartition(".")
    base, _, language = stem.rpartition(".")
    return f"{base}.{suffix}" if base and language in languages else path


def path_language(path: str, languages) -> str:
    """The language of a page's path under docs/, suffix style: about.ar.md -> ar."""
    parts = path.rsplit(".", 2)
    return parts[1] if len(parts) == 3 and parts[1] in languages else REFERENCE_LANGUAGE
