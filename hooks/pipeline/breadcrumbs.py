"""Breadcrumbs: the way back up from a page, made at build time.

Inside the hub, links replace the page in the browser's history instead of adding to it, so
that a quick exit leaves no hub page for Back to return to (assets/hub.js). Back therefore no
longer walks through the hub: each page shows instead where it sits (the home page, then its
section) as plain links, which work without script and in the offline copy.
"""
from __future__ import annotations

from dataclasses import dataclass

from .catalog import Catalog
from .model import LISTS_DIR, PRINT_DIR, docs_page_url, unlocalized_path

HOME = "index.md"


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str  # the page's address on the site, e.g. /ar/mechanisms/


def breadcrumbs(catalog: Catalog, language: str, src_uri: str) -> list[Crumb]:
    """The pages above the page made from docs/<src_uri>, home first; none for the home page."""
    path = unlocalized_path(src_uri, catalog.model.languages)
    if path == HOME:
        return []
    strings = catalog.strings[language]
    trail = [Crumb(strings.get("labels", "home"), docs_page_url(HOME, language))]
    section, _, name = path.rpartition("/")
    if section == PRINT_DIR:  # print/<type>.md belongs to its type's section
        section, name = name[: -len(".md")], ""
    elif section.startswith(LISTS_DIR + "/"):  # lists/<type>/<facet>/<value>.md too
        section, name = section.split("/")[1], ""
    if section in catalog.model.types and name != HOME:
        trail.append(Crumb(strings.get("types", section, "title"), docs_page_url(f"{section}/{HOME}", language)))
    return trail
