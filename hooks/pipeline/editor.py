"""Files that let common editors check content while a translator types.

The YAML language server (VS Code's YAML extension and others) validates a file against the
schema that `.vscode/settings.json` maps to its path, and shows each field's description. An
English file is checked against its type's schema; a translation against a schema derived from
it (only the translatable fields). Both files are written by `python -m hooks.schemas` from the
type schemas, which stay the single source of truth; a test fails when they are out of date.
"""
from __future__ import annotations

import json

from .model import REFERENCE_LANGUAGE, Model

TRANSLATION_SCHEMA_DIR = "schemas/translations"
SETTINGS = ".vscode/settings.json"


def editor_files(model: Model) -> dict[str, str]:
    """Path (from the project root) -> text, for every generated editor file."""
    files = {}
    mapping: dict[str, list[str]] = {"./schemas/ui.schema.json": ["content/*/ui.yaml"]}
    for name, content_type in sorted(model.types.items()):
        schema = _rebase(content_type.translation_schema)
        schema.pop("$id", None)
        schema["title"] = f"{schema['title']} (translation)"
        files[f"{TRANSLATION_SCHEMA_DIR}/{name}.schema.json"] = _json(schema)
        mapping[f"./schemas/{name}.schema.json"] = [f"content/{REFERENCE_LANGUAGE}/{name}/*.yaml"]
        mapping[f"./{TRANSLATION_SCHEMA_DIR}/{name}.schema.json"] = [
            f"content/{language}/{name}/*.yaml" for language in model.translations]
    files[SETTINGS] = _json({"yaml.schemas": mapping, "yaml.validate": True, "yaml.hover": True,
                             "yaml.completion": True, "files.encoding": "utf8"})
    return files


def _rebase(node):
    """The same schema, with its references made relative to schemas/translations/."""
    if isinstance(node, dict):
        return {key: ("../" + value if key == "$ref" and not value.startswith("#") else _rebase(value))
                for key, value in node.items()}
    if isinstance(node, list):
        return [_rebase(value) for value in node]
    return node


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
