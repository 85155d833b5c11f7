"""The project's Markdown outside a MkDocs build: for checking a text on its own.

`python -m hooks.check` renders each content text and hand-written page with the extensions of
mkdocs.yml (which the caller reads through MkDocs, so they are the build's own) plus the hub's,
and walks the result against the allowlist. During `mkdocs build` nothing is rendered twice: the
gate reads the HTML that MkDocs made of each page (page_gate.py).
"""
from __future__ import annotations

import markdown

from .bidi import BidiIsolation
from .external_links import ExternalLinks
from .scroll_boxes import ScrollBoxes


def hub_extensions() -> list[markdown.Extension]:
    """The hub's own Markdown extensions, added to those of mkdocs.yml in every rendering."""
    return [BidiIsolation(), ExternalLinks(), ScrollBoxes()]


class MarkdownRenderer:
    """One Markdown converter, reused for text after text (building one costs milliseconds)."""

    def __init__(self, extensions: list, configs: dict):
        self.converter = markdown.Markdown(extensions=[*extensions, *hub_extensions()], extension_configs=configs)

    def __call__(self, text: str) -> str:
        self.converter.reset()
        return self.converter.convert(text)

    def defined_addresses(self) -> list[str]:
        """The addresses of the link definitions ([name]: address) of the last text, used or
        not: a definition unused in one text could serve a link in another text of the page."""
        return [address for address, _title in self.converter.references.values()]
