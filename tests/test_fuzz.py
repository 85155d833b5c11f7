"""Property-based tests (Hypothesis) of the loader, the validator and the HTML gate.

Random and mutated YAML files, and random Markdown in the text fields, must never give a
traceback or a hang; whatever the checker accepts must render, on the page the build makes of
it, to HTML whose every element, attribute and address is on the allowlist; and whatever the
build publishes is clean, accepted or not. The runs are bounded so that the suite stays fast;
a longer run, the same tests with many more examples:

    .venv/bin/python -m pytest tests/test_fuzz.py --hypothesis-profile=long
"""
from __future__ import annotations

from collections import Counter

from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from hooks.cli import project_markdown
from hooks.pipeline.catalog import Item
from hooks.pipeline.content import check_content
from hooks.pipeline.docs_pages import FRONT_MATTER
from hooks.pipeline.html_check import findings
from hooks.pipeline.html_policy import ADDRESS_ATTRIBUTES, CONTRIBUTION, FOLLOWED, PAGE, address_problem, sanitize
from hooks.pipeline.load import parse_document
from hooks.pipeline.markup_check import check_document_markup
from hooks.pipeline.page_gate import same_markup
from hooks.pipeline.render import Renderer
from hooks.pipeline.validate import check_document

from conftest import ROOT

RENDER = project_markdown(ROOT)
MODEL, DOCUMENTS, _ = check_content(ROOT)
TEXTS = sorted(d.path for d in DOCUMENTS)
SOURCES = {path: (ROOT / path).read_text(encoding="utf-8") for path in TEXTS[::25]}
RENDERER = None  # made on first use: the catalog of the real content


def _renderer() -> Renderer:
    global RENDERER
    if RENDERER is None:
        from hooks.pipeline.catalog import build_catalog
        RENDERER = Renderer(build_catalog(MODEL, DOCUMENTS))
    return RENDERER


YAML_PIECES = st.sampled_from(["&a ", "*a", "!!str ", "!x ", "<<: ", ": ", "- ", "? ", "|", ">", "---\n", "...\n",
                               "\t", "\n", "  ", "#", "'", '"', "{", "}", "[", "]", ",", "%YAML 1.1\n", "\x00",
                               "\ufeff", "\r\n", "ü", "ش", "title", "id", "sources", "yes", "~", "1e9", "2021-07-01"])
MARKDOWN_PIECES = st.sampled_from([
    "[a](https://ok.example)", "[a](javascript:alert(1))", "[a][r]", "[r]: javascript:x", "[r]: https://ok.example",
    "![i](https://evil.example/p.png)", "![i](../x.png)", "<https://ok.example>", "<a@b.example>", "<javascript:x>",
    "{onclick=alert(1)}", "{: .md-button }", "{dir=rtl}", "{#id}", "{: style='x' }", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "<bdi>x</bdi>", "<div markdown>", "</div>", "<span dir=ltr>x</span>",
    "&#106;avascript:", "&lt;script&gt;", "&amp;", "!!! note \"t\"\n    body", "!!! evil\n    x", "--8<-- \"mkdocs.yml\"",
    "<!-- c -->", "<?x?>", "<![CDATA[x]]>", "`code <b>`", "```\n<script>\n```", "| a | b |\n|---|---|\n| 1 | 2 |",
    "Term\n:   def", "## H", "# H", "- item", "1. item", "> q", "*e*", "**s**", "\\", "\n\n", "\n", " ", "text",
    "نص عربي", "A/HRC/40/60", "<form action=x>", "<iframe src=x>", "<meta http-equiv=refresh content=0>",
    "[a](//evil.example)", "[a](http://plain.example)", "[a](mailto:a@b.example)", "[a](tel:+1)", "\"", "'", "<", ">",
])


def mutated(text: str, data) -> str:
    """A real file with random pieces inserted, deleted or replaced."""
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = data.draw(YAML_PIECES | st.text(max_size=5))
        if action == "insert":
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + data.draw(st.integers(1, 20)):]
        else:
            text = text[:at] + piece + text[at + len(piece):]
    return text


@given(st.text(max_size=400))
def test_random_text_never_breaks_the_loader(text):
    document, problems = parse_document(text, "content/en/tools/x.yaml", "en", "tools", "x", 3)
    assert document is not None or problems
    if document is not None:
        check_document(MODEL, document)  # the validator takes whatever the loader gives


@given(st.sampled_from(sorted(SOURCES)), st.data())
def test_mutated_files_never_break_the_loader_or_the_validator(path, data):
    _, language, type_name, name = path.split("/")
    text = mutated(SOURCES[path], data)
    document, problems = parse_document(text, path, language, type_name.removesuffix(".yaml"), name[:-5],
                                        MODEL.nesting_limit(type_name if type_name != "ui.yaml" else "ui"))
    assert all(problem.line >= 1 and problem.column >= 1 for problem in problems)
    if document is not None:
        for problem in check_document(MODEL, document) + check_document_markup(MODEL, document, RENDER):
            assert problem.path == path and problem.line >= 1


def markdown_texts():
    return st.lists(MARKDOWN_PIECES | st.text(max_size=8), min_size=1, max_size=12).map("".join)


@given(markdown_texts())
def test_what_the_walker_accepts_the_sanitizer_keeps(text):
    """Two parsers agree: Python's html.parser for the messages, html5ever for the sanitizer,
    which keeps every element and attribute the walker accepted (it may only mend the
    structure: close an element, drop a stray end tag)."""
    html = RENDER(text)
    if not findings(html, CONTRIBUTION):
        assert not start_tags(html) - start_tags(sanitize(html, CONTRIBUTION)), (text, html)
    else:
        assert not same_markup(html, sanitize(html, CONTRIBUTION)), (text, html)


def start_tags(html: str) -> Counter:
    """Every element of the HTML with its attributes, as a multiset."""
    return Counter((element.name, tuple(sorted((k, " ".join(v) if isinstance(v, list) else v)
                                              for k, v in element.attrs.items())))
                   for element in BeautifulSoup(html, "html.parser").find_all(True))


@given(st.sampled_from(["what", "who", "how", "summary"]), markdown_texts())
def test_random_markdown_in_a_field_publishes_only_the_allowlist(field, text):
    """A text in a field of a real item: if the checker accepts it, the page the build makes of
    it passes the gate untouched; accepted or not, what the gate publishes is clean."""
    english = next(d for d in DOCUMENTS if d.path == "content/en/mechanisms/ohchr.yaml")
    source = f"{field}: |\n" + "".join(f"  {line}\n" if line.strip() else "\n" for line in text.splitlines() or [""])
    document, problems = parse_document("id: ohchr\ntitle: T\n" + source, english.path, "en", "mechanisms", "ohchr", 3)
    if document is None:
        return
    problems += check_document(MODEL, document) + check_document_markup(MODEL, document, RENDER)
    item = _renderer().catalog.get("en", "mechanisms", "ohchr")
    page = _renderer().item_page(Item(item.type_name, item.id, item.language,
                                      {**item.fields, field: document.data.get(field, "x")}))
    page_html = RENDER(FRONT_MATTER.sub("", page, count=1))  # MkDocs reads the front matter apart
    published = sanitize(page_html, PAGE)
    if not [p for p in problems if p.field == field]:
        assert findings(page_html, PAGE) == [], (text, findings(page_html, PAGE))
    assert_clean(published)


def assert_clean(html: str) -> None:
    """An independent reading (BeautifulSoup) of published HTML: only allowed elements and
    attributes, no event handler, every address allowed."""
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        assert element.name in PAGE.elements, element
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            assert not name.startswith("on") and PAGE.allows_attribute(element.name, name), element
            kind = ADDRESS_ATTRIBUTES.get((element.name, name))
            if kind:
                assert address_problem(value, kind, contacts=True) is None, element


def test_the_marker_characters_decide_what_needs_rendering():
    """A text with none of < [ { & ! is not rendered by the checker (markup_check.MARKUP_CHARACTERS):
    held true here for every piece of Markdown syntax without them."""
    for piece in ["*e* **s** `c`", "# H\n\n## H2", "- a\n- b\n\n1. c", "> q", "Term\n:   d", "| a | b |\n|---|---|\n| 1 | 2 |",
                  "```sh\nx\n```", "    code", "line  \nbreak", "---", "a_b_c", "https://example.org/x", "@x #y %z ~w"]:
        assert findings(RENDER(piece), CONTRIBUTION) == [], piece
    assert FOLLOWED  # the rule the walker uses for links
