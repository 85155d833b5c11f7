"""The catalog: every item in every language, ready to render.

A translation file holds only text; its item is the English facts with that text laid over
them. An item with no translation, or with some text not yet translated, falls back to English
and says so. Links are declared on one side (an action lists its mechanisms) and shown on
both, so the catalog computes the other side once.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .load import Document
from .model import REFERENCE_LANGUAGE, Model
from .translation import RECORD_FIELD, stale_fields
from .strings import Strings


@dataclass(frozen=True)
class Item:
    """One item as readers of one language see it."""

    type_name: str
    id: str
    language: str
    fields: dict  # English facts with this language's text over them
    untranslated: tuple[str, ...] = ()  # translatable fields shown in English here
    has_translation: bool = True  # whether content/<language>/<type>/<id>.yaml exists
    stale: tuple[str, ...] = ()  # translated fields whose English text changed since

    @property
    def is_fallback(self) -> bool:
        """Whether readers see some English text on this language's page."""
        return bool(self.untranslated)

    def __getitem__(self, name: str):
        return self.fields.get(name)

    @property
    def is_stale(self) -> bool:
        """Whether the English original changed since this translation was marked up to date."""
        return bool(self.stale)

    @property
    def title(self) -> str:
        return self.fields["title"]


@dataclass
class Catalog:
    model: Model
    strings: dict[str, Strings]
    items: dict[tuple[str, str, str], Item]  # (language, type, id) -> Item
    backlinks: dict[tuple[str, str], dict[str, list[str]]] = field(default_factory=dict)
    records: dict[tuple[str, str, str], dict] = field(default_factory=dict)  # translated_from per item
    documents: list[Document] = field(default_factory=list, repr=False)  # where every text was written

    def recorded(self, item: Item, field_name: str) -> str | None:
        """The digest of the English field this translation was marked up to date against."""
        return self.records.get((item.language, item.type_name, item.id), {}).get(field_name)

    def get(self, language: str, type_name: str, item_id: str) -> Item:
        return self.items[(language, type_name, item_id)]

    def items_of(self, language: str, type_name: str) -> list[Item]:
        """A type's items in one language, in reading order (the plan's order for actions)."""
        found = [item for (lang, kind, _), item in self.items.items() if lang == language and kind == type_name]
        return sorted(found, key=lambda item: (item["order"] or 0, item.title.casefold()))

    def related(self, item: Item) -> dict[str, list[Item]]:
        """The items an item links to and the items that link to it, by type, in its language."""
        ids: dict[str, set[str]] = defaultdict(set)
        for _, ref_type, target in self.model.types[item.type_name].references(item.fields):
            ids[ref_type].add(target)
        for type_name, sources in self.backlinks.get((item.type_name, item.id), {}).items():
            ids[type_name].update(sources)
        return {
            type_name: sorted((self.get(item.language, type_name, i) for i in ids[type_name]),
                              key=lambda other: (other["order"] or 0, other.title.casefold()))
            for type_name in self.model.types if ids.get(type_name)
        }


def build_catalog(model: Model, documents: list[Document]) -> Catalog:
    """Merge valid documents into items for every language."""
    by_key = {(d.language, d.type_name, d.name): d for d in documents}
    ui = {d.language: d.data for d in documents if d.type_name == "ui"}
    strings = {lang: Strings(lang, ui.get(lang) or {}, ui.get(REFERENCE_LANGUAGE) or {}) for lang in model.languages}
    items: dict[tuple[str, str, str], Item] = {}
    records: dict[tuple[str, str, str], dict] = {}
    backlinks: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for (language, type_name, item_id), english in sorted(by_key.items()):
        if language != REFERENCE_LANGUAGE or type_name == "ui":
            continue
        content_type = model.types[type_name]
        for _, ref_type, target in content_type.references(english.data):
            backlinks[(ref_type, target)][type_name].add(item_id)
        for lang in model.languages:
            translation = by_key.get((lang, type_name, item_id))
            text = translation.data if translation and lang != REFERENCE_LANGUAGE else {}
            translatable = [f.name for f in content_type.translatable_fields()]
            untranslated = tuple(name for name in translatable
                                 if lang != REFERENCE_LANGUAGE and name in english.data and name not in text)
            stale = tuple(stale_fields(english.data, text, translatable)) if text else ()
            records[(lang, type_name, item_id)] = text.get(RECORD_FIELD) or {}
            fields = {k: v for k, v in {**english.data, **text}.items() if k != RECORD_FIELD}
            items[(lang, type_name, item_id)] = Item(
                type_name, item_id, lang, fields, untranslated, translation is not None, stale)
    frozen = {key: {kind: sorted(ids) for kind, ids in value.items()} for key, value in backlinks.items()}
    return Catalog(model, strings, items, frozen, records, documents)
