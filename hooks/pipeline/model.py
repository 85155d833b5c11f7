"""The content model, declared once: languages, content types, their fields and page paths.

Types and fields are read from the JSON Schemas in schemas/, which are the single source of
truth for validation, for editors and for the pipeline: a field's translatability (`x-i18n`),
the type it links to (`x-ref`) and its taxonomy (`x-taxonomy`) are schema keywords.
"""
from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

REFERENCE_LANGUAGE = "en"
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

    def targets(self, value) -> list:
        """The ids a reference field's value points to: one id, or a list of ids."""
        return self.values(value) if self.ref_type else []

    @property
    def taxonomy(self) -> str | None:
        return self.schema.get("x-taxonomy")

    @property
    def markdown(self) -> bool:
        return bool(self.schema.get("x-markdown"))

    @property
    def label(self) -> str:
        """The key of labels in ui.yaml that heads this field on pages."""
        return self.schema.get("x-label", self.name)


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
        return _restricted(schema, {name for name, f in self.fields.items() if f.in_translations},
                           lambda name: name == "id" or self.fields[name].role == TRANSLATABLE)

    def translatable_fields(self) -> list[Field]:
        return [f for f in self.fields.values() if f.role == TRANSLATABLE]

    def text_fields(self) -> list[Field]:
        """The Markdown text fields, in the schema's order: the body of a page."""
        return [f for f in self.fields.values() if f.markdown]

    def reference_fields(self) -> list[Field]:
        return [f for f in self.fields.values() if f.ref_type]

    def taxonomy_fields(self) -> list[Field]:
        return [f for f in self.fields.values() if f.taxonomy]


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


def path_language(path: str, languages) -> str:
    """The language of a page's path under docs/, suffix style: about.ar.md -> ar."""
    parts = path.rsplit(".", 2)
    return parts[1] if len(parts) == 3 and parts[1] in languages else REFERENCE_LANGUAGE
