"""The state of each translation: what is missing, what is out of date and what changed.

Used by `python -m hooks.status` (for translators and pull-request checks) and by the site's
translation-status page; both read the same report.
"""
from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .catalog import Catalog
from .history import past_value
from .model import REFERENCE_LANGUAGE

REPORT_VERSION = 1


@dataclass
class StaleField:
    name: str
    diff: str | None  # unified diff of the English text since the translation, when known


@dataclass
class StaleItem:
    type: str
    id: str
    path: str  # the translation file
    english: str  # the English file
    fields: list[StaleField]


@dataclass
class MissingItem:
    type: str
    id: str
    path: str  # where the translation should be written
    english: str


@dataclass
class LanguageStatus:
    language: str
    items: int
    up_to_date: int
    missing: list[MissingItem] = field(default_factory=list)
    stale: list[StaleItem] = field(default_factory=list)
    missing_strings: list[str] = field(default_factory=list)  # dotted keys of ui.yaml

    @property
    def percent(self) -> float:
        return round(100 * self.up_to_date / self.items, 1) if self.items else 100.0

    @property
    def complete(self) -> bool:
        return not (self.missing or self.stale or self.missing_strings)

    def as_dict(self) -> dict:
        return {**asdict(self), "percent": self.percent}


def translation_status(catalog: Catalog, languages=None, with_diffs: bool = True) -> list[LanguageStatus]:
    """One status per translation language (all, or those asked for)."""
    model = catalog.model
    chosen = [lang for lang in model.translations if not languages or lang in languages]
    english_items = {(t, i): item for (lang, t, i), item in catalog.items.items() if lang == REFERENCE_LANGUAGE}
    report = []
    for language in chosen:
        status = LanguageStatus(language, items=len(english_items), up_to_date=0)
        for (type_name, item_id), english in sorted(english_items.items()):
            item = catalog.get(language, type_name, item_id)
            paths = _paths(type_name, item_id, language)
            if not item.has_translation or item.untranslated:
                status.missing.append(MissingItem(type_name, item_id, *paths))
            elif item.stale:
                fields = [StaleField(name, _diff(model.root, paths[1], name, catalog.recorded(item, name), english[name])
                                     if with_diffs else None) for name in item.stale]
                status.stale.append(StaleItem(type_name, item_id, *paths, fields))
            else:
                status.up_to_date += 1
        status.missing_strings = [".".join(path) for path in catalog.strings[language].missing()]
        report.append(status)
    return report


def _paths(type_name: str, item_id: str, language: str) -> tuple[str, str]:
    return (f"content/{language}/{type_name}/{item_id}.yaml", f"content/{REFERENCE_LANGUAGE}/{type_name}/{item_id}.yaml")


def _diff(root: Path, english_path: str, name: str, recorded: str | None, current) -> str | None:
    """What changed in the English field since the translation was made, when history has it."""
    if not recorded:
        return None
    before = past_value(root, english_path, name, recorded)
    if before is None:
        return None
    lines = difflib.unified_diff(str(before).splitlines(), str(current).splitlines(),
                                 "English, when translated", "English, now", lineterm="")
    return "\n".join(lines)


def as_json(report: list[LanguageStatus]) -> dict:
    """The report in the documented shape (schemas/status-report.schema.json)."""
    return {"version": REPORT_VERSION, "languages": [status.as_dict() for status in report]}


def as_text(report: list[LanguageStatus]) -> str:
    lines = []
    for status in report:
        lines.append(f"== {status.language}: {status.up_to_date}/{status.items} items up to date "
                     f"({status.percent}%), {len(status.missing)} missing, {len(status.stale)} stale, "
                     f"{len(status.missing_strings)} interface strings missing")
        for item in status.missing:
            lines.append(f"  missing  {item.path}  (translate {item.english})")
        for item in status.stale:
            lines.append(f"  stale    {item.path}  fields: {', '.join(f.name for f in item.fields)}")
            for stale in item.fields:
                if stale.diff:
                    lines.extend("           " + line for line in stale.diff.splitlines())
        for key in status.missing_strings:
            lines.append(f"  missing  content/{status.language}/ui.yaml: {key}")
    return "\n".join(lines)


def as_markdown(report: list[LanguageStatus]) -> str:
    """The report as a short Markdown table and lists, for a pull request's job summary."""
    lines = ["| language | up to date | missing | stale | interface strings missing |", "| --- | --- | --- | --- | --- |"]
    lines += [f"| {s.language} | {s.up_to_date}/{s.items} ({s.percent}%) | {len(s.missing)} | {len(s.stale)} | "
              f"{len(s.missing_strings)} |" for s in report]
    for status in report:
        if status.complete:
            continue
        lines += ["", f"### {status.language}", ""]
        lines += [f"- missing: `{item.path}` (translate `{item.english}`)" for item in status.missing]
        lines += [f"- stale: `{item.path}`: {', '.join(f.name for f in item.fields)}" for item in status.stale]
        lines += [f"- missing interface string: `{key}`" for key in status.missing_strings]
    return "\n".join(lines)
