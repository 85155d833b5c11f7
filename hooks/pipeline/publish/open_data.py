"""Open data: the content as versioned JSON (per language and type, and all at once) and CSV,
with the JSON Schemas that describe them, made from the same validated catalog as the pages.

Layout under the site: data/v1/<lang>/<type>.json, data/v1/<lang>/all.json, data/v1/all.json,
data/v1/<lang>/mechanisms.csv and actions.csv, data/v1/schemas/*.schema.json. "v1" changes only
when a field is removed or changes meaning; new fields may appear in v1.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..catalog import Catalog, Item
from ..model import CSV_TYPES, DATA_ROOT as ROOT, DATA_VERSION as VERSION, page_url
JSON_SCHEMA = "https://json-schema.org/draft/2020-12/schema"


def write_open_data(site_dir: Path, catalog: Catalog, site_url: str | None) -> list[Path]:
    """Write every data file and its schemas; returns the data files written."""
    base = (site_url or "").rstrip("/")
    root = site_dir / ROOT
    written = []
    everything = {"version": VERSION, "languages": {}}
    for language in catalog.model.languages:
        by_type = {}
        for type_name in catalog.model.types:
            items = [_record(item, base) for item in catalog.items_of(language, type_name)]
            by_type[type_name] = items
            written.append(_json(root / language / f"{type_name}.json",
                                 {"version": VERSION, "language": language, "type": type_name, "items": items}))
        written.append(_json(root / language / "all.json", {"version": VERSION, "language": language, "types": by_type}))
        everything["languages"][language] = by_type
        for type_name in CSV_TYPES:
            written.append(_csv(root / language / f"{type_name}.csv", by_type[type_name], catalog, type_name))
    written.append(_json(root / "all.json", everything))
    for name, schema in published_schemas(catalog).items():
        _json(root / "schemas" / name, schema)
    return written


def schema_for(path: Path, site_dir: Path) -> str:
    """The name of the schema (under data/v1/schemas/) that a data file meets."""
    rel = path.relative_to(site_dir / ROOT).parts
    if rel == ("all.json",):
        return "all.schema.json"
    if rel[-1] == "all.json":
        return "language.schema.json"
    return f"{rel[-1][: -len('.json')]}.file.schema.json"


def published_schemas(catalog: Catalog) -> dict[str, dict]:
    """The type schemas as published items (plus their address), and the files' envelopes."""
    schemas = {}
    item_refs = {}
    for name, content_type in catalog.model.types.items():
        item = json.loads(json.dumps(content_type.reference_schema))
        item.pop("$id", None)
        item["properties"]["url"] = {"description": "The item's permanent address in this language.", "type": "string"}
        item["required"] = list(item.get("required", [])) + ["url"]
        item["$defs"] = catalog.model.registry.contents("common.schema.json")["$defs"]
        item = _local_refs(item)
        schemas[f"{name}.item.schema.json"] = item
        item_refs[name] = {"$ref": f"{name}.item.schema.json"}
        schemas[f"{name}.file.schema.json"] = {
            "$schema": JSON_SCHEMA, "title": f"{content_type.schema['title']}: all items of one language",
            "type": "object", "additionalProperties": False, "required": ["version", "language", "type", "items"],
            "properties": {"version": {"const": VERSION}, "language": {"enum": list(catalog.model.languages)},
                           "type": {"const": name}, "items": {"type": "array", "items": item_refs[name]}}}
    types = {"type": "object", "additionalProperties": False, "required": list(item_refs),
             "properties": {name: {"type": "array", "items": ref} for name, ref in item_refs.items()}}
    schemas["language.schema.json"] = {
        "$schema": JSON_SCHEMA, "title": "Every item of one language", "type": "object",
        "additionalProperties": False, "required": ["version", "language", "types"],
        "properties": {"version": {"const": VERSION}, "language": {"enum": list(catalog.model.languages)},
                       "types": types}}
    schemas["all.schema.json"] = {
        "$schema": JSON_SCHEMA, "title": "Every item of every language", "type": "object",
        "additionalProperties": False, "required": ["version", "languages"],
        "properties": {"version": {"const": VERSION},
                       "languages": {"type": "object", "additionalProperties": types}}}
    for schema in schemas.values():
        schema.setdefault("$schema", JSON_SCHEMA)
    return schemas


def _local_refs(node):
    """References into common.schema.json, pointed at the copy of its $defs inside the schema."""
    if isinstance(node, dict):
        return {k: (v.replace("common.schema.json#", "#") if k == "$ref" else _local_refs(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [_local_refs(v) for v in node]
    return node


def _record(item: Item, base: str) -> dict:
    return {**item.fields, "url": base + page_url(item.type_name, item.id, item.language)}


def _json(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def _csv(path: Path, records: list[dict], catalog: Catalog, type_name: str) -> Path:
    """One row per item; lists joined with "; ", structured fields (sources, reach) left to the JSON."""
    columns = [name for name, field in catalog.model.types[type_name].fields.items()
               if name != "former_ids" and not _structured(field.schema)] + ["url"]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in record.items() if k in columns})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _structured(schema: dict) -> bool:
    """Whether a field holds groups of fields (an object, or a list of them), which a CSV cell cannot."""
    items = schema.get("items") if isinstance(schema.get("items"), dict) else {}
    return schema.get("type") == "object" or items.get("type") == "object"
