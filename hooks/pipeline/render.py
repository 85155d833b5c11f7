"""Rendering the catalog into Markdown pages, keyed by their path under docs/.

Templates in hooks/templates/ hold the markup; this module decides what goes on each page:
which items, in which order and groups, with which labels, and the links between pages.
"""
from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import jinja2

from .bidi import isolate_latin_html
from .catalog import Catalog, Item
from .docs_pages import MissingPage
from .model import (CSV_TYPES, DATA_PAGE, DATA_ROOT, DATA_VERSION, EMERGENCY_CARD, LISTS_DIR, PRINT_DIR, REACHING_OUT,
                    REFERENCE_LANGUAGE, SAFETY_PAGE, SEARCH_PAGE, STATUS_PAGE, Facet, Field, direction, docs_page_url,
                    index_path, localized_path, page_path, page_url, relative_href, relative_path)
from .reach import channels
from .status import LanguageStatus

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|!])")


@dataclass(frozen=True)
class PrintSection:
    """One type's items on a printable page, with the text fields to print."""

    type_name: str
    items: list[Item]
    fields: list[Field]


@dataclass(frozen=True)
class Filter:
    """One filter of an index page: a facet and the values readers can choose."""

    facet: Facet
    label: str
    options: list[tuple[str, str]]  # (value, label)


@dataclass(frozen=True)
class Endpoint:
    path: str
    format: str


@dataclass(frozen=True)
class Citation:
    text: str  # title, context, hub
    url: str  # the permanent address, absolute when site_url is known


# Types whose items are parts of the Global Action Plan, cited as such.
PLAN_TYPES = {"actions", "plan", "tools"}

# A printable page gathers its type; the plan's page also gathers the actions, in the plan's order.
PRINT_WITH = {"plan": ("plan", "actions")}


@dataclass(frozen=True)
class Group:
    """A heading on an index page and the items under it."""

    label: str
    items: list[Item]


class Renderer:
    """Turns a catalog into the Markdown of every generated page."""

    def __init__(self, catalog: Catalog, site_url: str | None = None):
        self.catalog = catalog
        self.site_url = (site_url or "").rstrip("/")  # absolute addresses in citations, when known
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
            undefined=jinja2.StrictUndefined,
            auto_reload=False,  # templates do not change during a build; checking costs a stat per include
            keep_trailing_newline=True,
            extensions=["jinja2.ext.do"],
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["md_text"] = escape_markdown
        self.env.filters["bidi"] = isolate_latin_html

    def pages(self, report: list[LanguageStatus]) -> dict[str, Callable[[], str]]:
        """Every generated page (items, type indexes, translation status, print and data pages,
        in every language) as its path under docs/ and how to render it."""
        pages = {}
        for (language, type_name, item_id), item in self.catalog.items.items():
            pages[page_path(type_name, item_id, language)] = partial(self.item_page, item)
        for language in self.catalog.model.languages:
            for type_name in self.catalog.model.types:
                pages[index_path(type_name, language)] = partial(self.index_page, language, type_name)
            pages[localized_path(STATUS_PAGE, language)] = partial(self.status_page, language, report)
            pages[localized_path(SEARCH_PAGE, language)] = partial(self.search_page, language)
            for type_name in self.catalog.model.types:
                pages[localized_path(f"{PRINT_DIR}/{type_name}.md", language)] = partial(self.print_page, language, type_name)
            pages[localized_path(DATA_PAGE, language)] = partial(self.data_page, language)
            pages[localized_path(EMERGENCY_CARD, language)] = partial(self.emergency_card, language)
            pages.update(self._list_pages(language))
        return pages

    def emergency_card(self, language: str) -> str:
        """Every emergency line of every body on one page, to print or keep on a phone."""
        return self.env.get_template("emergency-card.md.j2").render(
            card_bodies=self.emergency_bodies(language), **self._context(language, EMERGENCY_CARD))

    def emergency_card_file(self, language: str) -> str:
        """The same, as one small self-contained HTML file (styles inline, no script) for the
        offline copy, beside the language's pages: its link to the safety page names the file."""
        context = {**self._context(language, EMERGENCY_CARD), "safety_href": f"offline/index.html#{REACHING_OUT}"}
        return self.env.get_template("emergency-card.html.j2").render(card_bodies=self.emergency_bodies(language), **context)

    def emergency_bodies(self, language: str) -> list[Item]:
        """The mechanisms that give an emergency line, in reading order."""
        return [item for item in self.catalog.items_of(language, "mechanisms")
                if any(fact["channel"] == "emergency-phone" for fact in item["reach"] or [])]

    def search_page(self, language: str) -> str:
        return self.env.get_template("search.md.j2").render(**self._context(language, SEARCH_PAGE))

    def data_page(self, language: str) -> str:
        """Where the open data is, for this language and for all, with a real example."""
        endpoints = [Endpoint(f"/{DATA_ROOT}/{language}/{name}.json", "JSON") for name in self.catalog.model.types]
        endpoints += [Endpoint(f"/{DATA_ROOT}/{language}/{name}.csv", "CSV") for name in CSV_TYPES]
        endpoints += [Endpoint(f"/{DATA_ROOT}/{language}/all.json", "JSON"), Endpoint(f"/{DATA_ROOT}/all.json", "JSON"),
                      Endpoint(f"/{DATA_ROOT}/schemas/", "JSON Schema"),
                      Endpoint(f"/feeds/{language}/narratives.xml", "Atom"), Endpoint(f"/feeds/{language}/changes.xml", "Atom")]
        first = self.catalog.items_of(language, "mechanisms")[0]
        record = {key: first.fields[key] for key in ("id", "title", "kind", "region") if key in first.fields}
        example = json.dumps({"version": DATA_VERSION, "language": language, "type": "mechanisms",
                              "items": [{**record, "...": "..."}, "..."]}, ensure_ascii=False, indent=1)
        return self.env.get_template("data.md.j2").render(
            endpoints=endpoints, example=example,
            example_url=(self.site_url or "https://<site>") + f"/{DATA_ROOT}/{language}/mechanisms.json",
            **self._context(language, DATA_PAGE))

    def print_page(self, language: str, type_name: str) -> str:
        """A whole section on one page, to print or save as PDF."""
        sections = [PrintSection(name, self.catalog.items_of(language, name),
                                 self.catalog.model.types[name].text_fields())
                    for name in PRINT_WITH.get(type_name, (type_name,))]
        return self.env.get_template("print.md.j2").render(
            type_name=type_name, sections=sections, depth=lambda s: 3 if len(s) > 1 else 2,
            **self._context(language, f"{PRINT_DIR}/{type_name}.md"))

    def status_page(self, language: str, report: list[LanguageStatus]) -> str:
        """How complete each translation is, with links to what needs work, for translators."""
        here = docs_page_url(STATUS_PAGE, language)

        def href(entry, entry_language: str) -> str:
            return relative_href(here, page_url(entry.type, entry.id, entry_language))

        def title(entry) -> str:
            return self.catalog.get(language, entry.type, entry.id).title

        return self.env.get_template("status.md.j2").render(
            report=report, href=href, title=title, **self._context(language, STATUS_PAGE))

    def untranslated_docs_page(self, page: MissingPage) -> str:
        """A hand-written English page for readers of another language, with the notice on top."""
        front_matter, markdown = page.parts()
        return self.env.get_template("untranslated.md.j2").render(
            notices=self.catalog.strings[page.language].section("notices"),
            english_href=relative_href(docs_page_url(page.english, page.language),
                                       docs_page_url(page.english, REFERENCE_LANGUAGE)),
            front_matter=front_matter,
            english_markdown=markdown,
        )

    def citation(self, item: Item) -> Citation:
        """How to cite an item: its title, the plan when it is part of it, the hub, its address."""
        strings = self.catalog.strings[item.language]
        parts = [item.title]
        if item.type_name in PLAN_TYPES:
            parts.append(strings.get("labels", "plan"))
        parts.append(strings.get("site", "name"))
        return Citation(strings.get("labels", "separator").join(parts) + ":",
                        self.site_url + page_url(item.type_name, item.id, item.language))

    def feed(self, language: str, title: str, self_url: str, feed_id: str, entries: list) -> str:
        """An Atom feed of items, newest first."""
        strings = self.catalog.strings[language]
        return self.env.get_template("feed.xml.j2").render(
            language=language, title=f"{strings.get('site', 'name')}: {title}", feed_id=feed_id, self_url=self_url,
            site_name=strings.get("site", "name"), entries=entries,
            updated=max((entry.item["updated"] for entry in entries), default="2000-01-01"))

    def redirect_page(self, item: Item, href: str) -> str:
        """The page at an address the item no longer has."""
        return self.env.get_template("redirect.html.j2").render(
            language=item.language, direction=direction(item.language), title=item.title, href=href)

    def offline_start_page(self, language: str) -> str | None:
        """The root page of a language's offline copy, which opens the language's home; None for
        the reference language, whose home is at the root already."""
        if language == REFERENCE_LANGUAGE:
            return None
        title = self.catalog.strings[language].get("site", "name")
        return self.env.get_template("redirect.html.j2").render(
            language=language, direction=direction(language), title=title, href=f"{language}/index.html")

    def item_page(self, item: Item) -> str:
        here = page_path(item.type_name, item.id, REFERENCE_LANGUAGE)
        template = self.env.get_template(f"{item.type_name}.md.j2")
        return template.render(
            item=item,
            citation=self.citation(item),
            related=self.catalog.related(item),
            english_href=relative_href(page_url(item.type_name, item.id, item.language), page_url(item.type_name, item.id, REFERENCE_LANGUAGE)),
            **self._context(item.language, here),
        )

    def index_page(self, language: str, type_name: str) -> str:
        here = index_path(type_name, REFERENCE_LANGUAGE)
        content_type = self.catalog.model.types[type_name]
        items = self.catalog.items_of(language, type_name)
        group_by = content_type.schema.get("x-index-by")
        groups = self._groups(items, content_type.facet(group_by), language) if group_by else [Group("", items)]
        filters = [self._filter(items, content_type.facet(name), language)
                   for name in content_type.schema.get("x-filter-by", [])]
        lists = [self._filter(items, content_type.facet(name), language)
                 for name in content_type.schema.get("x-lists-by", [])]
        return self.env.select_template([f"{type_name}.index.md.j2", "index.md.j2"]).render(
            type_name=type_name, groups=groups, filters=[f for f in filters if len(f.options) > 1],
            lists=[f for f in lists if f.options], list_path=partial(self._list_path, type_name),
            **self._context(language, here))

    def list_page(self, language: str, type_name: str, facet: Facet, value: str, label: str) -> str:
        """A pre-built list of one facet value (the mechanisms of Africa, those that give
        grants...): the index's filter for readers without script, and offline."""
        here = self._list_path(type_name, facet, value)
        items = [item for item in self.catalog.items_of(language, type_name) if value in facet.values(item.fields)]
        return self.env.get_template("list.md.j2").render(
            type_name=type_name, facet_label=self.catalog.strings[language].get("labels", facet.label),
            value_label=label, items=items, index=relative_path(index_path(type_name, REFERENCE_LANGUAGE), posixpath.dirname(here)),
            **self._context(language, here))

    @staticmethod
    def _list_path(type_name: str, facet: Facet, value: str) -> str:
        return f"{LISTS_DIR}/{type_name}/{facet.slug}/{value}.md"

    def _list_pages(self, language: str) -> dict[str, Callable[[], str]]:
        """Every pre-built list of every type that declares x-lists-by, in one language."""
        pages = {}
        for type_name, content_type in self.catalog.model.types.items():
            items = self.catalog.items_of(language, type_name)
            for name in content_type.schema.get("x-lists-by", []):
                facet = content_type.facet(name)
                for value, label in self._filter(items, facet, language).options:
                    path = localized_path(self._list_path(type_name, facet, value), language)
                    pages[path] = partial(self.list_page, language, type_name, facet, value, label)
        return pages

    def _labelled_values(self, facet: Facet, language: str) -> list[tuple[str, str]]:
        """A facet's possible values with their labels, in the field's own order: a taxonomy's
        values as the schema lists them, or the items a reference points to in reading order."""
        if facet.ref_type:
            return [(target.id, target.title) for target in self.catalog.items_of(language, facet.ref_type)]
        strings = self.catalog.strings[language]
        return [(value, strings.get("taxonomies", facet.taxonomy, value)) for value in facet.schema["enum"]]

    def _filter(self, items: list[Item], facet: Facet, language: str) -> Filter:
        """A choice of the values that occur in a facet of these items, labelled for the reader."""
        present = {value for item in items for value in facet.values(item.fields)}
        options = [(value, label) for value, label in self._labelled_values(facet, language) if value in present]
        return Filter(facet, self.catalog.strings[language].get("labels", facet.label), options)

    def _groups(self, items: list[Item], facet: Facet, language: str) -> list[Group]:
        """Items under one heading per value of a field, in the field's own order."""
        groups = [Group(label, [item for item in items if value in facet.values(item.fields)])
                  for value, label in self._labelled_values(facet, language)]
        return [group for group in groups if group.items]

    def _context(self, language: str, here: str) -> dict:
        strings = self.catalog.strings[language]

        def link(item: Item) -> str:
            """A relative link to an item's page; MkDocs picks the page of the reader's language."""
            return relative_path(page_path(item.type_name, item.id, REFERENCE_LANGUAGE), posixpath.dirname(here))

        def label(item: Item, field_name: str) -> str:
            """The reader's-language label of an item's taxonomy value, e.g. its region."""
            taxonomy_name = self.catalog.model.types[item.type_name].fields[field_name].taxonomy
            return strings.get("taxonomies", taxonomy_name, str(item[field_name]))

        def target(item: Item, field_name: str) -> Item:
            """The item a single-id reference field points to, in the same language."""
            ref_type = self.catalog.model.types[item.type_name].fields[field_name].ref_type
            return self.catalog.get(item.language, ref_type, item[field_name])

        def in_language(item: Item, other: str) -> Item:
            return self.catalog.get(other, item.type_name, item.id)

        def link_to_list(path: str) -> str:
            """A relative link to a pre-built list (a path under docs/, reference language)."""
            return relative_path(path, posixpath.dirname(here))

        def bodies(ids: list[str]) -> list[Item]:
            """The mechanisms a help path names, in its order, in the reader's language."""
            return [self.catalog.get(language, "mechanisms", item_id) for item_id in ids]

        return {
            "language": language,
            "direction": direction(language),
            "languages": self.catalog.model.languages,
            "reach": lambda item: channels(item, strings),
            "bodies": bodies,
            "link_to_list": link_to_list,
            "group": lambda group_id: self.catalog.get(language, "groups", group_id),
            "safety_href": relative_href(docs_page_url(here, language), docs_page_url(SAFETY_PAGE, language)) + "#" + REACHING_OUT,
            "in_language": in_language,
            "target": target,
            "labels": strings.section("labels"),
            "types": strings.section("types"),
            "notices": strings.section("notices"),
            "link": link,
            "label": label,
            "taxonomies": strings.section("taxonomies"),
        }


def escape_markdown(text: str) -> str:
    """Plain text (a title, a label) made safe to place inside Markdown. Python-Markdown has no
    backslash escape for < (\\< still starts raw HTML), so < is written as an entity."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\\<", "&lt;")
