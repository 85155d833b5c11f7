"""Walking the HTML that Markdown made, against the allowlist: what is refused, and why.

The checker's messages come from here, not from comparing a sanitizer's output with its input
(which differs for harmless reasons: quoting, entities, void elements). Each finding carries
the texts to look for in the source (a tag, an attribute's name, an address as written), so
that the caller can give the file and line the contributor wrote it on: Python-Markdown keeps
no source positions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .html_policy import Policy

ELEMENT_FIXES = {
    "script": "remove it: pages never run code that comes from content",
    "style": "remove it: the site's stylesheet sets how pages look",
}
ATTRIBUTE_FIXES = {
    "style": "remove it: the site's stylesheet sets how pages look",
}


@dataclass(frozen=True)
class Finding:
    """One thing in the HTML that the policy refuses."""

    message: str
    fix: str
    needles: tuple[str, ...]  # what to search for in the source, most precise first


def findings(html: str, policy: Policy) -> list[Finding]:
    """Everything in the HTML outside the policy, each once, in the order it appears."""
    walker = _Walker(policy)
    walker.feed(html)
    walker.close()
    return list(dict.fromkeys(walker.found))


class _Walker(HTMLParser):
    def __init__(self, policy: Policy):
        super().__init__(convert_charrefs=True)
        self.policy = policy
        self.found: list[Finding] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.policy.elements:
            self.found.append(Finding(element_message(tag), element_fix(tag), (f"<{tag}", tag)))
            return
        for name, value in attrs:
            value = value or ""
            if not self.policy.allows_attribute(tag, name):
                self.found.append(Finding(_attribute_message(tag, name), _attribute_fix(name), (name,)))
                continue
            objection = self.policy.objection(tag, name, value)
            if objection:
                needles = (objection.needle, self._written(name), value.strip(), name)  # as written: it may hold entities
                self.found.append(Finding(objection.message, objection.fix, tuple(n for n in needles if n)))

    handle_startendtag = handle_starttag

    def _written(self, name: str) -> str:
        """An attribute's value as the tag wrote it, before entities were decoded."""
        match = re.search(rf"""\s{re.escape(name)}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*))""",
                          self.get_starttag_text() or "", re.IGNORECASE)
        return next((group for group in match.groups() if group), "") if match else ""

    def handle_decl(self, decl):
        self._declaration(f"<!{decl}>")

    def unknown_decl(self, data):
        self._declaration(f"<![{data}]>")

    def handle_pi(self, data):
        self._declaration(f"<?{data}>")

    def _declaration(self, text: str):
        self.found.append(Finding(f"the markup {text[:30]!r} is not allowed", "remove it",
                                  (text[:12], text[:2])))


def element_message(tag: str) -> str:
    return f"raw HTML <{tag}> is not allowed"


def element_fix(tag: str) -> str:
    return ELEMENT_FIXES.get(tag, "remove it, and write Markdown instead (the HTML tags allowed are <bdi>, <span> and <br>)")


def _attribute_message(tag: str, name: str) -> str:
    if name.startswith("on"):
        return f"the event handler {name} is not allowed (on <{tag}>)"
    return f"the attribute {name} is not allowed on <{tag}>"


def _attribute_fix(name: str) -> str:
    if name.startswith("on"):
        return "remove it: pages never run code that comes from content"
    return ATTRIBUTE_FIXES.get(name, "remove it (in Markdown, an attribute list {...} after the text adds attributes)")
