"""The HTML that may reach a page from what contributors write: one allowlist, one address rule.

Every kind of text that becomes HTML (content fields, ui.yaml strings, the hand-written pages
in every language) is judged by what Markdown actually made of it, against this allowlist:
elements, their attributes, the classes those may carry, and the addresses in them. The same
declarations serve twice: `html_check` walks the HTML to tell contributors, with a file and a
line, what is refused and why; `sanitize` (the nh3 sanitizer) is the build's last filter on
every page's content, so that nothing outside the list is ever published, whatever a check
might have missed.

Two allowlists: `CONTRIBUTION`, what a contributor's Markdown may make (the elements of
Markdown and of the extensions in mkdocs.yml, `<bdi>` and `dir`, heading links, admonitions),
and `PAGE`, that plus the markup the hub's own templates write around the content (forms for
the index filters, the citation button, the progress bars of the status page). No `style`, no
script, no event handler, no element that loads or submits anything from elsewhere.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property

import nh3

# --- addresses ---------------------------------------------------------------------------------

FOLLOWED = "followed"  # the reader clicks it (a link)
LOADED = "loaded"  # the browser fetches it by itself (an image): only the site's own files
ADDRESS_ATTRIBUTES = {("a", "href"): FOLLOWED, ("img", "src"): LOADED}
WEB_SCHEME = "https"
CONTACT_SCHEMES = ("mailto", "tel")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
IGNORED_BY_BROWSERS = re.compile(r"[\t\n\r]")  # removed anywhere in an address by the URL parser
EDGE_CONTROLS = "".join(chr(code) for code in range(0x21))  # stripped from both ends


@dataclass(frozen=True)
class Objection:
    """Why a value is refused, and what to do instead."""

    message: str
    fix: str
    needle: str = ""  # the part of the value that is refused, to find it in the source


def address_problem(address: str, kind: str = FOLLOWED, contacts: bool = False) -> Objection | None:
    """Why an address may not be used, or None. The address is read as a browser reads it
    (entities already decoded by the caller): tabs and line breaks inside it dropped, spaces
    and controls around it stripped, backslashes taken for slashes, the scheme in any case.
    Links may go to https:, to the site itself, and (in contact fields) to mailto: and tel:;
    what the browser loads by itself may only be the site's own."""
    url = IGNORED_BY_BROWSERS.sub("", address).strip(EDGE_CONTROLS).replace("\\", "/")
    shown = address if len(address) <= 60 else address[:57] + "..."
    match = SCHEME.match(url)
    if match is None:
        if url.startswith("//"):
            return Objection(f"the address '{shown}' leads to another site without saying how",
                                  "write a full address starting with https://, or a link to a page of this site")
        return None  # a page or file of this site
    scheme = match.group(1).lower()
    if kind == LOADED:
        return Objection(f"the address '{shown}' is on another site: a page may only show images of this site",
                              "remove it, or use a link instead, which the reader chooses to follow")
    if scheme == WEB_SCHEME:
        return None
    if scheme == "http":
        return Objection(f"the address '{shown}' is not encrypted (http:)",
                              "use https:// instead; a site that has no https address cannot be linked")
    if scheme in CONTACT_SCHEMES:
        if contacts:
            return None
        return Objection(f"the address '{shown}' is an e-mail address or telephone number",
                              "contact details go only in the fields made for them")
    return Objection(f"unsafe link address '{shown}' ({scheme}:)",
                     "links must start with https://, or lead to a page of this site")


# The marker of pymdownx.snippets, which copies another file into a page. mkdocs.yml enables no
# extension that reads files; the marker is refused anyway, so that enabling one later cannot
# let a contribution reach the repository's files.
INCLUSION_MARKER = "--8<--"


# --- elements and attributes -------------------------------------------------------------------

ADMONITION_TYPES = frozenset({
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check", "done",
    "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing", "danger", "error",
    "bug", "example", "quote", "cite"})
CODE_LANGUAGE = re.compile(r"language-[a-z0-9+#.\-]+")  # fenced code blocks: ```sh
TEXT_DIRECTIONS = frozenset({"ltr", "rtl", "auto"})
LINK_RELATIONS = frozenset({"noopener", "noreferrer", "nofollow"})
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True)
class Policy:
    """What a fragment of HTML may hold: elements, their attributes and classes."""

    name: str
    elements: frozenset[str]
    attributes: dict[str, frozenset[str]]  # element -> attributes; "*": on every element
    classes: dict[str, frozenset[str]] = field(default_factory=dict)  # element -> class names
    attribute_prefixes: frozenset[str] = frozenset()  # attributes allowed on any element by prefix
    contacts: bool = False  # whether mailto: and tel: links may appear

    def allows_attribute(self, element: str, attribute: str) -> bool:
        return (attribute in self.attributes.get(element, ()) or attribute in self.attributes.get("*", ())
                or attribute.startswith(tuple(self.attribute_prefixes)))

    def allows_class(self, element: str, name: str) -> bool:
        return name in self.classes.get(element, ()) or (element == "code" and bool(CODE_LANGUAGE.fullmatch(name)))

    def objection(self, element: str, attribute: str, value: str) -> Objection | None:
        """Why the value of an allowed attribute is refused, or None."""
        kind = ADDRESS_ATTRIBUTES.get((element, attribute))
        if kind:
            return address_problem(value, kind, self.contacts)
        if attribute == "class":
            refused = [name for name in value.split() if not self.allows_class(element, name)]
            if refused:
                allowed = sorted(self.classes.get(element, ()))
                hint = f"use one of: {', '.join(allowed)}" if allowed else "remove it"
                return Objection(f"the class '{refused[0]}' is not allowed on <{element}>", hint, refused[0])
        if attribute == "tabindex" and value.strip() != "0":
            return Objection(f"tabindex=\"{value}\" changes the order of the keyboard", "remove it: the site sets it itself")
        if attribute == "dir" and value.strip().lower() not in TEXT_DIRECTIONS:
            return Objection(f"dir=\"{value}\" is not a text direction", "write dir=\"ltr\", dir=\"rtl\" or dir=\"auto\"")
        if attribute == "rel":
            refused = [name for name in value.split() if name.lower() not in LINK_RELATIONS]
            if refused:
                return Objection(f"rel=\"{refused[0]}\" is not allowed", "remove it: the site sets rel itself", refused[0])
        return None

    @cached_property
    def cleaner(self) -> nh3.Cleaner:
        """The sanitizer that enforces this policy (built once: it is used on every page)."""
        attributes = {element: set(names) for element, names in self.attributes.items()}
        return nh3.Cleaner(
            tags=set(self.elements),
            clean_content_tags={"script", "style"},  # their text is code, not content
            attributes=attributes,
            attribute_filter=self._filtered,
            generic_attribute_prefixes=set(self.attribute_prefixes),
            url_schemes={WEB_SCHEME, *(CONTACT_SCHEMES if self.contacts else ())},
            link_rel=None,  # the hub marks links to other sites itself (external_links.py)
            strip_comments=True,
        )

    def _filtered(self, element: str, attribute: str, value: str) -> str | None:
        if attribute == "class":
            kept = [name for name in value.split() if self.allows_class(element, name)]
            return " ".join(kept) or None
        return None if self.objection(element, attribute, value) else value


def sanitize(html: str, policy: Policy) -> str:
    """The HTML with everything outside the policy removed (nh3, on html5ever's parse)."""
    return policy.cleaner.clean(html)


MARKDOWN_ELEMENTS = frozenset({
    "p", "br", "hr", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a", "img",
    *HEADINGS, "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "div"})

CONTRIBUTION = Policy(
    name="contribution",
    elements=MARKDOWN_ELEMENTS | {"bdi", "span"},
    attributes={
        "*": frozenset({"dir", "lang"}),
        "a": frozenset({"href", "title", "rel", "class"}),
        "img": frozenset({"src", "alt", "title"}),
        **{heading: frozenset({"id"}) for heading in HEADINGS},
        "th": frozenset({"align"}), "td": frozenset({"align"}),  # tables: use_align_attribute in mkdocs.yml
        "code": frozenset({"class", "tabindex"}), "div": frozenset({"class"}), "p": frozenset({"class"}),
        "table": frozenset({"tabindex"}),  # boxes that scroll take keyboard focus (scroll_boxes.py)
    },
    classes={
        "a": frozenset({"headerlink"}),  # the heading permalinks of the toc extension
        "div": ADMONITION_TYPES | {"admonition"},
        "p": frozenset({"admonition-title"}),
    },
    contacts=False,
)

# The raw HTML that a text of a content file may carry: whole inline tags only, so that no text
# can open, close or break the blocks of the page that the hub's templates place it in.
TEXT_ELEMENTS = frozenset({"bdi", "span", "br"})

CONTRIBUTION_WITH_CONTACTS = replace(CONTRIBUTION, name="contribution with contacts", contacts=True)

# What hooks/templates/ write around the content of generated pages, on top of CONTRIBUTION.
TEMPLATE_MARKUP = {
    "form": frozenset({"class", "hidden", "data-hub-filters"}),  # no action: it never submits anywhere
    "label": frozenset({"for", "class"}),
    "select": frozenset({"data-hub-filter"}),
    "option": frozenset({"value"}),
    "button": frozenset({"type", "class", "data-hub-copy", "data-hub-copied"}),
    "progress": frozenset({"max", "value", "aria-label"}),
    "noscript": frozenset(),
    "table": frozenset({"class"}),
    "th": frozenset({"scope"}),
    "a": frozenset({"hreflang", "id"}),
    "p": frozenset({"id"}),
    "div": frozenset({"id", "role", "data-pagefind-ignore", "data-hub-search"}),
    "span": frozenset({"class"}),
    "nav": frozenset({"class", "aria-label"}),  # the pre-built lists of an index
    "details": frozenset({"class"}),  # the region and reader sections of a help path
    "summary": frozenset(),
}
TEMPLATE_CLASSES = {
    "a": frozenset({"hub-print-link", "hub-help-back", "hub-help-card", "hub-reach__value"}),
    "div": frozenset({"hub-cite", "hub-facts", "hub-fallback", "hub-stale", "hub-reach", "hub-reach__channel",
                      "hub-reach__channel--emergency", "hub-help-questions"}),
    "p": frozenset({"hub-filters__title", "hub-reach__traces", "hub-reach__how", "hub-reach__source",
                    "hub-reach__confirm", "hub-reach__none"}),
    "span": frozenset({"hub-reach__kind", "hub-reach__value", "hub-reach__value--postal"}),
    "nav": frozenset({"hub-lists"}),
    "details": frozenset({"hub-help-section"}),
    "form": frozenset({"hub-filters"}),
    "label": frozenset({"hub-search-label"}),
    "button": frozenset({"md-button"}),
    "table": frozenset({"hub-glossary"}),
}


def _merged(*maps: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    merged: dict[str, frozenset[str]] = {}
    for mapping in maps:
        for key, names in mapping.items():
            merged[key] = merged.get(key, frozenset()) | names
    return merged


PAGE = Policy(
    name="page",
    elements=CONTRIBUTION.elements | set(TEMPLATE_MARKUP),
    attributes=_merged(CONTRIBUTION.attributes, TEMPLATE_MARKUP),
    classes=_merged(CONTRIBUTION.classes, TEMPLATE_CLASSES),
    attribute_prefixes=frozenset({"data-filter-"}),  # the index filters: data-filter-<field>
    contacts=True,  # a page may hold contact fields; which field may is checked on the content
)
