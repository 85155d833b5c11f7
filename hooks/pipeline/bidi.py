"""Latin-script snippets inside Arabic text, isolated so that they do not scramble.

In a right-to-left paragraph, a document symbol (A/HRC/40/60), an acronym (OHCHR) or an
address is reordered by the bidirectional algorithm together with the punctuation around it;
wrapped in <bdi>, or marked dir="ltr", it keeps its own order. A Python-Markdown tree
processor, so it sees the text after Markdown is parsed and never touches link targets.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
# A placeholder of Python-Markdown (raw HTML kept aside: \x02wzxhzdk:N\x03) is matched first,
# so that it is kept whole and never taken for Latin text. A run may hold brackets; those that
# are not paired inside it belong to the Arabic sentence around it (see _paired_prefix).
LATIN_RUN = re.compile(r"\x02[^\x03]*\x03|[A-Za-z0-9][A-Za-z0-9.\-/:@&_'’ ()?=#%+~]*[A-Za-z0-9/)]|[A-Za-z]")
LATIN_LETTER = re.compile("[A-Za-z]")
RUN_END = re.compile(r"[A-Za-z0-9/)]")
OPENING, CLOSING = "(", ")"
ISOLATED = {"bdi", "code", "pre", "kbd", "script", "style"}


class IsolateLatinRuns(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in list(root.iter()):
            if element.tag in ISOLATED or element.get("dir"):
                continue
            _mark_latin_links(element)
            _isolate_text(element)


def _mark_latin_links(element: etree.Element) -> None:
    """A link whose text is all Latin (an address, a name), inside Arabic text: dir="ltr"."""
    if not ARABIC.search("".join(element.itertext())):
        return
    for child in element:
        text = "".join(child.itertext())
        if (child.tag == "a" and not child.get("dir") and "headerlink" not in child.get("class", "")
                and LATIN_LETTER.search(text) and not ARABIC.search(text)):
            child.set("dir", "ltr")


def _isolate_text(element: etree.Element) -> None:
    """Wrap the Latin runs of the element's own text, and of its children's tails, in <bdi>."""
    if element.text and ARABIC.search(element.text):
        pieces = _split(element.text)
        if len(pieces) > 1:
            element.text = pieces[0]
            for index, child in enumerate(_wrap(pieces[1:])):
                element.insert(index, child)
    for child in list(element):
        if child.tail and ARABIC.search(child.tail):
            pieces = _split(child.tail)
            if len(pieces) > 1:
                child.tail = pieces[0]
                position = list(element).index(child) + 1
                for offset, new in enumerate(_wrap(pieces[1:])):
                    element.insert(position + offset, new)


def _split(text: str) -> list[str]:
    """[text before, run, text between, run, ..., text after]: odd items are Latin runs."""
    pieces, last, position = [], 0, 0
    while match := LATIN_RUN.search(text, position):
        run = match.group() if match.group().startswith("\x02") else _paired_prefix(match.group())
        position = match.start() + max(len(run), 1)
        if run.startswith("\x02") or not LATIN_LETTER.search(run):
            continue
        pieces += [text[last:match.start()], run]
        last = match.start() + len(run)
    return pieces + [text[last:]] if pieces else [text]


def _paired_prefix(run: str) -> str:
    """The longest start of a run whose brackets are all paired inside it, ending on a letter,
    digit, slash or closing bracket: in "(GANHRI)" the run is "GANHRI", the closing bracket
    stays with the Arabic sentence that opened it; in "A/HRC/RES/24/24 (2013)" the pair stays."""
    cut = len(run)
    unclosed = []
    for index, char in enumerate(run):
        if char == OPENING:
            unclosed.append(index)
        elif char == CLOSING:
            if not unclosed:
                cut = index
                break
            unclosed.pop()
    if unclosed and unclosed[0] < cut:
        cut = unclosed[0]
    run = run[:cut]
    while run and not RUN_END.fullmatch(run[-1]):
        run = run[:-1]
    return run


def _wrap(pieces: list[str]) -> list[etree.Element]:
    """Runs and the text after each: bdi elements whose tails carry the text in between."""
    elements = []
    for run, after in zip(pieces[0::2], pieces[1::2]):
        bdi = etree.Element("bdi")
        bdi.text = run
        bdi.tail = after
        elements.append(bdi)
    return elements


def isolate_latin_html(text: str) -> str:
    """Plain text as HTML, its Latin runs in <bdi> when it is Arabic: for strings that templates
    place in raw HTML, which Markdown does not process."""
    if not ARABIC.search(text):
        return html.escape(text)
    pieces = _split(text)
    return "".join(html.escape(piece) if index % 2 == 0 else f"<bdi>{html.escape(piece)}</bdi>"
                   for index, piece in enumerate(pieces))


class BidiIsolation(Extension):
    def extendMarkdown(self, md) -> None:
        # after the inline patterns have made links and emphasis (priority 20), before the
        # pretty-printer; MkDocs' own link rewriting does not care about <bdi>
        md.treeprocessors.register(IsolateLatinRuns(md), "hub_bidi_isolation", 5)
