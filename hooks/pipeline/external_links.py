"""Links to other websites open without telling them where the reader came from.

`rel="noopener noreferrer"` on every link to another host: the other site gets no Referer
header and no handle on the hub's window, in addition to the pages' no-referrer policy.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

EXTERNAL = ("http://", "https://", "//", "mailto:")
RELATIONS = ("noopener", "noreferrer")


class MarkExternalLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            if link.get("href", "").startswith(EXTERNAL):
                rel = link.get("rel", "").split()
                link.set("rel", " ".join(rel + [r for r in RELATIONS if r not in rel]))


class ExternalLinks(Extension):
    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(MarkExternalLinks(md), "hub_external_links", 4)
