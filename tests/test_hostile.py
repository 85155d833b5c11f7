"""Hostile contributions of every class, built into a copy of the project, as a contributor who
means harm would write them: the checker refuses each with its file and line, `mkdocs build`
refuses each and leaves the last good site, and content that is accepted however strange it
looks publishes no script, no event handler, no unsafe address and no file of the repository.

One copy of the project serves the whole module: its first build (with the strange but
acceptable content) is the last good site that the refused builds must leave in place.
"""
from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from hooks.pipeline.html_policy import address_problem

from conftest import LANGUAGES, ROOT, build, check, copy_project

PAGES = sorted(p.name for p in (ROOT / "docs").glob("*.md"))
# Lines of the repository's own files that no page may ever show.
REPOSITORY_LINES = ["strict: true", "def on_config(config):", '"$schema": "https://json-schema.org',
                    "class PageGate:", "apt-get update && apt-get install -y chromium"]


def append(project: Path, rel: str, text: str) -> int:
    """Add lines at the end of a file; the number of the first added line."""
    path = project / rel
    old = path.read_text(encoding="utf-8")
    path.write_text(old.rstrip("\n") + "\n" + text, encoding="utf-8")
    return len(old.rstrip("\n").splitlines()) + 1


def block(field: str, *lines: str) -> str:
    return f"{field}: |\n" + "".join(f"  {line}\n" if line else "\n" for line in lines)


def replace_field(project: Path, rel: str, field: str, *lines: str) -> int:
    """Write a text field anew at the end of a content file; the number of its first line."""
    path = project / rel
    kept, skipping = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"^[^\s#-][^:]*:", line):
            skipping = line.startswith(f"{field}:")
        if not skipping:
            kept.append(line)
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return append(project, rel, block(field, *lines))


# --- what the checker and the build refuse ------------------------------------------------------

def hostile_content(project: Path) -> list[tuple[str, int, str]]:
    """Write one hostile contribution of each class into content/ and docs/ pages; return
    (file, line, words of the message) for each. Every one of them reaches the build's pages."""
    expected = []

    def content(rel: str, field: str, lines: tuple[str, ...], at: int, words: str):
        first = replace_field(project, rel, field, *lines)
        expected.append((rel, first + at, words))

    content("content/ar/mechanisms/apf.yaml", "who", ("انظر [هنا][x].", "", "[x]: javascript:alert(1)"), 3,
            "unsafe link address 'javascript:alert(1)'")
    content("content/fr/mechanisms/achpr.yaml", "who", ("Voir [ici](https://ok.example){onclick=alert(1)}.",), 1,
            "event handler onclick")
    content("content/es/mechanisms/iachr.yaml", "who", ("![x](https://evil.example/pixel.png)",), 1,
            "a page may only show images of this site")
    content("content/en/mechanisms/ganhri.yaml", "who", ("Read [this](&#106;avascript:alert(1)).",), 1,
            "unsafe link address 'javascript:alert(1)'")
    content("content/ar/mechanisms/forum-asia.yaml", "who", ("نص", "", "!!! evil \"x\"", "    y"), 3, "class 'evil'")
    content("content/fr/mechanisms/ennhri.yaml", "who", ("Voir [ici](http://example.org/).",), 1, "not encrypted (http:)")
    content("content/es/mechanisms/nanhri.yaml", "who", ("Escriba a <alguien@example.org>.",), 1,
            "e-mail address or telephone number")
    for language in LANGUAGES:
        for page in PAGES:
            if page.count(".") == (1 if language == "en" else 2) and (language == "en" or f".{language}." in page):
                line = append(project, f"docs/{page}", "\nText.\n\n<script>alert('docs')</script>\n")
                expected.append((f"docs/{page}", line + 3, "raw HTML <script>"))
    line = append(project, "CONTRIBUTING.md", "\n[a](javascript:alert(1)){: style='x' }\n")
    expected += [("CONTRIBUTING.md", line + 1, "unsafe link address"), ("CONTRIBUTING.md", line + 1, "attribute style")]
    return expected


def hostile_files(project: Path) -> list[tuple[str, int, str]]:
    """The contributions refused before any page is made: files, limits, YAML, page settings,
    file inclusion, raw HTML in content."""
    expected = []

    def write(rel: str, text: str | bytes, line: int, words: str):
        path = project / rel
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        expected.append((rel, line, words))

    bomb = "id: apf\n" + "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{chr(97 + n)}: &{chr(97 + n)} [" + ", ".join(["*" + chr(96 + n)] * 9) + "]\n" for n in range(1, 10))
    write("content/ar/mechanisms/apf.yaml", bomb, 2, "YAML anchor (&a) is not allowed")
    with open(project / "content/fr/mechanisms/apf.yaml", "r+b") as stream:
        stream.truncate(100 * 1024 * 1024)
    expected.append(("content/fr/mechanisms/apf.yaml", 1, "larger than 256 KB"))
    (project / "content/es/mechanisms/apf.yaml").unlink()
    (project / "content/es/mechanisms/apf.yaml").symlink_to(project / "mkdocs.yml")
    expected.append(("content/es/mechanisms/apf.yaml", 1, "symbolic link"))
    write("content/ar/mechanisms/achpr.yaml", "id: achpr\ntitle: !!python/object/apply:os.system [id]\n", 2, "YAML tag")
    write("content/fr/mechanisms/achpr.yaml", "id: achpr\ntitle: a\x00b\n", 2, "U+0000")
    line = replace_field(project, "content/es/mechanisms/achpr.yaml", "who", "Texte", "", "--8<-- \"mkdocs.yml\"")
    expected.append(("content/es/mechanisms/achpr.yaml", line + 3, "would include another file"))
    line = replace_field(project, "content/ar/mechanisms/iachr.yaml", "who", "نص <iframe src=https://evil.example></iframe>")
    expected.append(("content/ar/mechanisms/iachr.yaml", line + 1, "raw HTML <iframe>"))
    (project / "docs/linked.md").symlink_to(project / "mkdocs.yml")
    expected.append(("docs/linked.md", 1, "symbolic link"))
    write("docs/page.html", "<script>alert(1)</script>", 1, "is not a page docs/ may hold")
    about = (project / "docs/about.fr.md").read_text(encoding="utf-8")
    write("docs/about.fr.md", "---\ntitle: <img src=x onerror=alert(1)>\n---\n" + about, 2, "page setting 'title'")
    write("docs/credits.es.md", "Title: <img src=x onerror=alert(1)>\n\n" + (project / "docs/credits.es.md")
          .read_text(encoding="utf-8"), 1, "would be read as a page setting")
    write("docs/offline.ar.md", "---\ndescription: &d x\nkeywords: *d\n---\n# x\n", 2, "YAML anchor")
    line = append(project, "docs/index.es.md", "\n--8<-- \"CONTRIBUTING.md\"\n")
    expected.append(("docs/index.es.md", line + 1, "would include another file"))
    return expected


def assert_refused(result, expected: list[tuple[str, int, str]]) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    for rel, line, words in expected:
        pattern = re.compile(rf"^{re.escape(rel)}:{line}:\d+:.*{re.escape(words)}", re.MULTILINE)
        assert pattern.search(output), f"{rel}:{line} {words!r} not reported:\n{output}"


def test_the_checker_refuses_every_hostile_contribution_with_its_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    expected = hostile_content(project)
    assert_refused(check(project), expected)
    project = copy_project(tmp_path / "files")
    expected = hostile_files(project)
    assert_refused(check(project), expected)


# --- what is accepted, however strange, and what the build publishes ----------------------------

STRANGE = ' " onmouseover="alert(1)" x=\' &lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt; 1 < 2 > 0'
PLAIN = " - x' y"  # the site's name and description: plain text


def strange_strings(value, path=()):
    """Every interface string with something hostile-looking but valid added."""
    if isinstance(value, dict):
        return {key: strange_strings(child, (*path, key)) for key, child in value.items()}
    if isinstance(value, str):
        return value + (PLAIN if path[:1] == ("site",) else STRANGE)
    return value


def accept_strange_content(project: Path) -> None:
    for language in LANGUAGES:
        path = project / f"content/{language}/ui.yaml"
        data = strange_strings(yaml.safe_load(path.read_text(encoding="utf-8")))
        path.write_text(yaml.safe_dump(data, allow_unicode=True, width=1000), encoding="utf-8")
    for path in sorted((project / "content/en/mechanisms").glob("*.yaml"))[:5]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["title"] += STRANGE
        data["summary"] += " `<script>alert(3)</script>` &lt;img src=x onerror=alert(4)&gt; \\*"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, width=1000), encoding="utf-8")
    append(project, "docs/about.md", '\n[A link](https://www.ohchr.org/ "a \\" onclick=alert(5) title") and '
                                     "`<iframe src=x>` and &lt;script&gt;alert(6)&lt;/script&gt;.\n")


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    """A project with strange but acceptable content, built: the last good site."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    accept_strange_content(project)
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project


class _PageScan(HTMLParser):
    """What a built page holds that no page may: scripts other than the theme's, event
    handlers, addresses outside the rule, elements that load or submit elsewhere."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.script = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.found.append(f"event handler {name} on <{tag}>")
            if name in ("href", "src", "action", "formaction", "poster", "data", "srcset", "cite", "background"):
                if tag in ("a",) and name == "href":
                    if address_problem(value or "", contacts=True):
                        self.found.append(f"<a href={value!r}>")
                elif address_problem(value or "", "loaded"):
                    self.found.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "frame", "object", "embed", "base", "applet"):
            self.found.append(f"<{tag}>")
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            target = (attrs.get("content") or "").split("url=", 1)[-1]
            if address_problem(target, "loaded"):
                self.found.append(f"refresh to {target!r}")
        if tag == "script":
            self.script = attrs

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self.script is not None and "alert(" in data:
            self.found.append(f"script {data[:60]!r}")

    def handle_endtag(self, tag):
        if tag == "script":
            self.script = None


def unsafe_in(html: str) -> list[str]:
    scan = _PageScan()
    scan.feed(html)
    scan.close()
    return scan.found


def assert_site_is_safe(site: Path) -> None:
    checked = 0
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        assert unsafe_in(html) == [], (path, unsafe_in(html))
        for line in REPOSITORY_LINES:
            assert line not in html, (path, line)
        checked += 1
    assert checked > 900


def test_strange_but_valid_content_publishes_nothing_unsafe(good):
    assert_site_is_safe(good / "site")
    page = (good / "site/mechanisms/index.html").read_text(encoding="utf-8")
    assert "&lt;/title&gt;&lt;script&gt;" in page or "&amp;lt;/title&amp;gt;" in page  # shown as text


def test_the_real_site_is_safe(site):
    assert_site_is_safe(site)


@pytest.mark.parametrize("write_hostile", [hostile_files, hostile_content])
def test_a_build_refuses_every_hostile_contribution_and_keeps_the_last_good_site(good, tmp_path, write_hostile):
    """Each hostile copy is built into the good project's site folder, which must not change.
    One process builds the languages one after the other (HUB_BUILD_JOBS=1), so the output is
    the same at every run: a build stops at the end of the first language with problems,
    English here, whose every class of problem is reported together."""
    site = good / "site"
    before = {path: path.read_bytes() for path in (site / "index.html", site / "ar/about/index.html")}
    project = copy_project(tmp_path / "hostile")
    expected = write_hostile(project)
    if write_hostile is hostile_content:
        expected = [entry for entry in expected if _is_english(entry[0])]
    result = build(project, site, jobs=1)
    assert_refused(result, expected)
    assert {path: path.read_bytes() for path in before} == before
    assert not (good / "site.building").exists()


def _is_english(rel: str) -> bool:
    return rel.startswith("content/en/") or rel == "CONTRIBUTING.md" or (rel.startswith("docs/") and rel.count(".") == 1)
