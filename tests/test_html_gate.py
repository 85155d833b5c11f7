"""The HTML gate on its own: each Markdown form a contribution could use, rendered with the
project's own Markdown (mkdocs.yml read by MkDocs), walked against the allowlist, and cleaned
by the sanitizer; the address rule; the security policy's scripts; the build's page gate."""
from __future__ import annotations

import pytest
import yaml

from hooks.cli import project_markdown
from hooks.pipeline.docs_check import HandWrittenPage
from hooks.pipeline.html_check import findings
from hooks.pipeline.html_policy import CONTRIBUTION, CONTRIBUTION_WITH_CONTACTS, LOADED, PAGE, address_problem, sanitize
from hooks.pipeline.load import parse_document
from hooks.pipeline.page_gate import PageGate, same_markup
from hooks.pipeline.publish.hardening import harden_page, policy_for

from conftest import ROOT

RENDER = project_markdown(ROOT)

REFUSED = {
    "reference link": ("see [here][x]\n\n[x]: javascript:alert(1)", "unsafe link address 'javascript:alert(1)'"),
    "reference link, shortcut": ("[x]\n\n[x]: JaVaScRiPt:alert(1)", "unsafe link address"),
    "inline link with entities": ("[a](&#106;avascript:alert(1))", "unsafe link address 'javascript:alert(1)'"),
    "inline link, data": ("[a](data:text/html;base64,PHNjcmlwdD4=)", "(data:)"),
    "link to another site, no scheme": ("[a](//evil.example/x)", "leads to another site"),
    "link to another site, backslashes": ("[a](\\\\\\\\evil.example/x)", "leads to another site"),
    "unencrypted link": ("[a](http://example.org/)", "not encrypted (http:)"),
    "e-mail autolink": ("<someone@example.org>", "e-mail address or telephone number"),
    "telephone link": ("[call](tel:+41000000000)", "e-mail address or telephone number"),
    "image from another site": ("![x](https://evil.example/pixel.png)", "a page may only show images of this site"),
    "image by reference": ("![x][p]\n\n[p]: https://evil.example/p.png", "a page may only show images of this site"),
    "attribute list, event handler": ("[y](https://ok.example){onclick=alert(1)}", "event handler onclick"),
    "attribute list on a heading": ("## Title {: onmouseover=alert(1) }", "event handler onmouseover"),
    "attribute list, style": ("A paragraph.\n{: style='position:fixed' }", "attribute style"),
    "attribute list, class": ("A paragraph.\n{: .md-button }", "class 'md-button'"),
    "admonition of an unknown type": ("!!! evil \"Title\"\n    text", "class 'evil'"),
    "script element": ("<script>alert(1)</script>", "raw HTML <script>"),
    "HTML block, image": ("<img src=x onerror=alert(1)>", "event handler onerror"),
    "inline HTML, frame": ("text <iframe src=https://evil.example></iframe>", "raw HTML <iframe>"),
    "refresh": ("<meta http-equiv=refresh content='0;url=https://evil.example'>", "raw HTML <meta>"),
    "form": ("<form action=https://evil.example><input name=p></form>", "raw HTML <form>"),
    "svg": ("<svg><use href='https://evil.example/#x'/></svg>", "raw HTML <svg>"),
    "link with a target": ("<a href='https://ok.example' target=_blank>x</a>", "attribute target"),
    "markdown inside html": ("<div markdown>[x](javascript:alert(1))</div>", "unsafe link address"),
    "processing instruction": ("<?php echo 1 ?>", "is not allowed"),
    "cdata": ("<![CDATA[<img src=x onerror=alert(1)>]]>", "is not allowed"),
    "base": ("<base href=https://evil.example/>", "raw HTML <base>"),
    "text direction": ("<span dir='javascript'>x</span>", "not a text direction"),
}

ACCEPTED = {
    "emphasis and links": "Some *emphasis*, **strong**, `code` and [a link](https://www.ohchr.org/en) "
                          "or [a page](../mechanisms/index.md#top).",
    "lists": "- one\n- two\n\n1. first\n2. second",
    "table": "| a | b |\n|:--|--:|\n| 1 | 2 |",
    "definition list": "Term\n:   Its definition",
    "headings": "## A heading\n\n### Another {#custom-id}",
    "admonition": "!!! warning \"Take care\"\n    Text inside.",
    "bdi and dir": "نص <bdi>A/HRC/40/60</bdi> و<span dir=\"ltr\">OHCHR</span>",
    "code block": "```sh\nls -l\n```",
    "autolink": "<https://www.ohchr.org/>",
    "attribute list the templates use": "<https://x.org>{dir=ltr}",
    "quote and rule": "> quoted\n\n---\n\nafter",
    "entities and escapes": "A &amp; B, 3 &lt; 4, &lt;not a tag&gt;, `<script>` in code, \\*not emphasis\\*",
    "site image": "![map](../assets/map.png)",
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_every_markdown_form_is_seen_and_refused(name):
    text, expected = REFUSED[name]
    html = RENDER(text)
    messages = [finding.message for finding in findings(html, CONTRIBUTION)]
    assert any(expected in message for message in messages), (html, messages)
    assert not same_markup(html, sanitize(html, CONTRIBUTION))  # and the sanitizer removes it


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_ordinary_markdown_passes_untouched(name):
    html = RENDER(ACCEPTED[name])
    assert findings(html, CONTRIBUTION) == [], html
    assert same_markup(html, sanitize(html, CONTRIBUTION)), (html, sanitize(html, CONTRIBUTION))


def test_contact_addresses_only_where_the_field_allows_them():
    html = RENDER("[write](mailto:someone@example.org) or [call](tel:+41000000000)")
    assert len(findings(html, CONTRIBUTION)) == 2
    assert findings(html, CONTRIBUTION_WITH_CONTACTS) == []


@pytest.mark.parametrize("address,allowed", [
    ("https://www.ohchr.org/", True), ("HTTPS://www.ohchr.org/", True), ("../about/", True), ("#part", True),
    ("/ar/", True), ("?q=x", True), ("http://www.ohchr.org/", False), ("javascript:alert(1)", False),
    (" javascript:alert(1)", False), ("java\tscript:alert(1)", False), ("java\nscript:x", False),
    ("\x01javascript:x", False), ("//evil.example", False), ("\\\\evil.example", False), ("/\\evil.example", False),
    ("vbscript:x", False), ("data:image/png;base64,AAAA", False), ("file:///etc/passwd", False),
    ("ftp://example.org/", False), ("mailto:a@b.org", False),
])
def test_address_rule_reads_addresses_as_browsers_do(address, allowed):
    assert (address_problem(address) is None) == allowed


def test_loaded_addresses_must_be_the_sites_own():
    assert address_problem("../assets/x.png", LOADED) is None
    assert address_problem("https://www.ohchr.org/x.png", LOADED) is not None


def test_the_policy_hashes_template_scripts_only():
    content = '<p>text</p><script>alert("from the page")</script>'
    page = f'<html><head><meta charset="utf-8"><script>var theme = 1</script></head><body>{content}</body></html>'
    policy = policy_for(page, content)
    assert policy_for('<script>var theme = 1</script>') == policy  # the template's script only
    assert policy != policy_for(page)  # without the content known, the page's script would count
    assert "Content-Security-Policy" in harden_page(page, content)


def test_the_page_gate_places_what_it_refuses_on_the_source():
    source = "# About\n\nSome text.\n\n<script>alert(1)</script>\n"
    page = HandWrittenPage("about.md", "docs/about.md", source)
    item = parse_document("id: x\ntitle: X\nwhat: |\n  See [here][x].\n\n  [x]: javascript:alert(1)\n",
                          "content/ar/mechanisms/x.yaml", "ar", "mechanisms", "x", 3)[0]
    gate = PageGate({"about.md": page}, [item], ("en", "ar"))
    assert "<script" not in gate.content("about.md", RENDER(source), {"title": "x"})
    cleaned = gate.content("mechanisms/x.ar.md", RENDER(item.data["what"]), {})
    assert "javascript" not in cleaned
    problems = [str(problem) for problem in gate.take_problems()]
    assert "docs/about.md:5:1: raw HTML <script> is not allowed (remove it: pages never run code that comes from content)" in problems
    assert "docs/about.md:1:1: the page setting 'title' is not allowed (a page may set only: description)" in problems
    assert any(p.startswith("content/ar/mechanisms/x.yaml:6:8: what: unsafe link address") for p in problems), problems
    assert gate.take_problems() == []  # reported once, for the pass that found them


def test_no_markdown_extension_or_plugin_reads_files():
    """Adding an extension or a plugin to mkdocs.yml means deciding what it may read: snippets,
    include and macro plugins would let a contribution reach the repository's files."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names = {next(iter(entry)) if isinstance(entry, dict) else entry for entry in config["markdown_extensions"]}
    assert names <= {"attr_list", "def_list", "md_in_html", "admonition", "tables", "toc"}, names
    plugins = {next(iter(entry)) if isinstance(entry, dict) else entry for entry in config["plugins"]}
    assert plugins <= {"i18n"}, plugins
