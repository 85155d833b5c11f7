"""Assertions on a real build of the real project: every item in every language, the right
language and direction, a page-aware language switcher, links both ways, translated labels,
and no resource from another host."""
from __future__ import annotations

import re
from functools import cache, partial
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, build, copy_project

TYPES = sorted(p.name for p in (ROOT / "content" / "en").iterdir() if p.is_dir())
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def english_items():
    for type_name in TYPES:
        for file in sorted((ROOT / "content" / "en" / type_name).glob("*.yaml")):
            yield type_name, file.stem, yaml.safe_load(file.read_text(encoding="utf-8"))


def ui(language: str) -> dict:
    return yaml.safe_load((ROOT / "content" / language / "ui.yaml").read_text(encoding="utf-8"))


def page_file(site: Path, language: str, url_path: str) -> Path:
    prefix = "" if language == "en" else f"{language}/"
    return site / f"{prefix}{url_path}" / "index.html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def resolve(site: Path, page: Path, href: str) -> Path:
    """The file a relative link on a page leads to."""
    page_url = "/" + page.parent.relative_to(site).as_posix() + "/"
    target = urlsplit(urljoin(page_url.replace("//", "/"), href)).path
    path = site / target.lstrip("/")
    return path / "index.html" if target.endswith("/") else path


def article(page: BeautifulSoup):
    return page.select_one("article")


def test_every_item_and_index_exists_in_every_language(site):
    for language in LANGUAGES:
        for type_name in TYPES:
            assert page_file(site, language, type_name).exists()
        for type_name, item_id, _ in english_items():
            assert page_file(site, language, f"{type_name}/{item_id}").exists(), (language, type_name, item_id)


@pytest.mark.parametrize("language,direction", [("en", "ltr"), ("ar", "rtl"), ("fr", "ltr"), ("es", "ltr")])
def test_language_and_direction(site, language, direction):
    """On the document itself (<html>), which assistive technology, forms and CSS logical
    properties read, on every page of the language, the not-found page included."""
    folder = site if language == "en" else site / language
    pages = [path for path in folder.rglob("*.html")
             if language != "en" or path.relative_to(site).parts[0] not in LANGUAGES]
    redirects = {path for path in pages if 'http-equiv="refresh"' in path.read_text(encoding="utf-8")[:600]}
    assert len(pages) > 200
    for path in set(pages) - redirects:
        text = path.read_text(encoding="utf-8")
        document, body = re.search(r"<html[^>]*>", text).group(), re.search(r"<body[^>]*>", text).group()
        assert f'lang="{language}"' in document and f'dir="{direction}"' in document, (path, document)
        assert f'dir="{direction}"' in body, (path, body)


@pytest.mark.parametrize("language", LANGUAGES)
def test_breadcrumbs_lead_back_up_without_script(site, language):
    """Back does not walk through hub pages (each link replaces the page in the history), so
    every page but the home page shows the way up, as plain links in the reader's language."""
    labels, types = ui(language)["labels"], ui(language)["types"]
    expected = {
        "": None,
        "mechanisms": [("", labels["home"])],
        "mechanisms/ohchr": [("", labels["home"]), ("mechanisms", types["mechanisms"]["title"])],
        "print/actions": [("", labels["home"]), ("actions", types["actions"]["title"])],
        "offline": [("", labels["home"])],
        "search": [("", labels["home"])],
    }
    for url_path, trail in expected.items():
        path = page_file(site, language, url_path)
        crumbs = soup(path).select_one("nav.hub-breadcrumbs")
        if trail is None:
            assert crumbs is None, path
            continue
        assert crumbs["aria-label"] == labels["breadcrumbs"]
        found = [(resolve(site, path, a["href"]), a.get_text(" ", strip=True)) for a in crumbs.select("a")]
        assert found == [(page_file(site, language, target), title) for target, title in trail], path


def test_switcher_leads_to_the_same_page_in_each_language(site):
    for type_name, item_id, _ in english_items():
        for language in LANGUAGES:
            path = page_file(site, language, f"{type_name}/{item_id}")
            links = {a["hreflang"]: a["href"] for a in soup(path).select("a.md-select__link[hreflang]")}
            assert sorted(links) == sorted(LANGUAGES)
            for other, href in links.items():
                assert resolve(site, path, href) == page_file(site, other, f"{type_name}/{item_id}"), (path, other, href)


def test_cross_links_go_both_ways(site):
    schemas = {t: yaml.safe_load((ROOT / "schemas" / f"{t}.schema.json").read_text()) for t in TYPES}
    linked = cache(partial(linked_pages, site))  # each page read once
    checked = 0
    for type_name, item_id, data in english_items():
        for field, spec in schemas[type_name]["properties"].items():
            if "x-ref" not in spec:
                continue
            value = data.get(field) or []
            for target in [value] if isinstance(value, str) else value:
                for language in LANGUAGES:
                    here = page_file(site, language, f"{type_name}/{item_id}")
                    there = page_file(site, language, f"{spec['x-ref']}/{target}")
                    assert there in linked(here), (here, there)
                    assert here in linked(there), (there, here)
                    checked += 1
    assert checked > 0


def linked_pages(site: Path, page: Path) -> set[Path]:
    return {resolve(site, page, a["href"]) for a in article(soup(page)).select("a[href]")
            if not a["href"].startswith(("http", "#", "mailto:"))}


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_labels_and_taxonomy_values_are_in_the_pages_language(site, language):
    own, english = ui(language), ui("en")
    own_labels = set(own["labels"].values()) | {v for tax in own["taxonomies"].values() for v in tax.values()}
    english_only = ({*english["labels"].values(), *(v for tax in english["taxonomies"].values() for v in tax.values())}
                    - own_labels)
    for type_name, item_id, _ in english_items():
        page = article(soup(page_file(site, language, f"{type_name}/{item_id}")))
        for element in page.select("dt, dd, h2"):
            text = element.get_text(" ", strip=True).rstrip("¶").strip()
            assert text not in english_only, (language, type_name, item_id, text)
        for dt in page.select("dt"):
            assert dt.get_text(strip=True) in own_labels


def test_navigation_titles_are_translated(site):
    titles = {t["title"] for t in ui("ar")["types"].values()}
    nav = soup(page_file(site, "ar", "")).select_one("nav.md-nav--primary")
    assert titles <= {a.get_text(" ", strip=True) for a in nav.select("a")}


def test_arabic_heading_anchors_keep_arabic_letters(site):
    page = soup(page_file(site, "ar", "about"))
    ids = [h["id"] for h in article(page).select("h2[id]")]
    assert ids and all(ARABIC_LETTER.search(i) for i in ids), ids


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page_speaks_each_language(site, language):
    path = site / ("404.html" if language == "en" else f"{language}/404.html")
    page = soup(path)
    assert page.html["lang"] == language
    assert page.find("h1").get_text(strip=True) == ui(language)["notices"]["not_found_title"]


def test_no_built_file_loads_anything_from_another_host(site):
    external = re.compile(r"^(https?:)?//", re.IGNORECASE)
    for path in site.rglob("*.html"):
        page = soup(path)
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                               ("source", "src"), ("video", "src"), ("audio", "src"), ("object", "data")):
            for element in page.find_all(tag):
                value = element.get(attribute) or ""
                assert not external.match(value), (path, str(element)[:200])
        assert "fonts.googleapis" not in str(page)
    for path in site.rglob("*.css"):
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", path.read_text(encoding="utf-8", errors="replace"))
        assert not [u for u in urls if external.match(u)], path


def test_untranslated_pages_fall_back_with_a_notice_in_the_readers_language(tmp_path):
    project = copy_project(tmp_path / "project")
    type_name, item_id, _ = next(english_items())
    (project / f"content/ar/{type_name}/{item_id}.yaml").unlink()
    (project / "docs/about.fr.md").unlink()
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    for language, url_path in (("ar", f"{type_name}/{item_id}"), ("fr", "about")):
        path = page_file(site, language, url_path)
        page = soup(path)
        notice = page.select_one(".hub-fallback")
        assert notice is not None, path
        assert ui(language)["notices"]["untranslated_text"] in notice.get_text(" ", strip=True)
        english = notice.select_one("a[hreflang=en]")
        assert resolve(site, path, english["href"]) == page_file(site, "en", url_path)
        assert page.html["lang"] == language
    translated = soup(page_file(site, "es", f"{type_name}/{item_id}"))
    assert translated.select_one(".hub-fallback") is None


def html_pages(site: Path):
    return sorted(p for p in site.rglob("*.html"))


def test_every_page_has_a_strict_content_security_policy_and_no_referrer(site):
    for path in html_pages(site):
        html = path.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head)
        assert policy, path
        rules = dict(rule.strip().split(" ", 1) for rule in policy.group(1).split(";"))
        assert rules["default-src"] == "'none'"
        for directive in ("script-src", "style-src", "img-src", "font-src", "connect-src"):
            sources = rules[directive].split()
            assert sources[0] == "'self'" and "'unsafe-inline'" not in sources and "*" not in sources
            assert not [s for s in sources if s.startswith(("http", "//"))], (path, directive)
        assert head.index("Content-Security-Policy") < head.index("<script"), path
        if path.name == "index.html":
            assert '<meta name="referrer" content="no-referrer">' in head, path


def test_every_link_to_another_host_is_noopener_noreferrer(site):
    checked = 0
    for path in html_pages(site):
        for link in soup(path).select("a[href]"):
            if link["href"].startswith(("http://", "https://", "//")):
                assert {"noopener", "noreferrer"} <= set(link.get("rel") or []), (path, str(link)[:200])
                checked += 1
    assert checked > 100


def test_latin_snippets_inside_arabic_text_are_isolated(site):
    isolated = ("bdi", "code", "pre", "kbd", "script", "style")
    checked = 0
    for path in sorted((site / "ar").rglob("index.html")):
        body = article(soup(path))
        for text in body.find_all(string=True):
            if not ARABIC_LETTER.search(text):
                continue
            inside = []
            for parent in text.parents:
                if parent is body:
                    break
                inside.append(parent)
            if any(parent.name in isolated or parent.get("dir") for parent in inside):
                continue
            checked += 1
            assert not re.search("[A-Za-z]", text), (path, str(text)[:120])
    assert checked > 1000


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_item_is_two_clicks_from_the_home_page(site, language):
    home = page_file(site, language, "")
    reached = {home}
    frontier = {home}
    for _ in range(2):
        frontier = {target for page in frontier for target in linked_pages(site, page) if target.exists()} - reached
        reached |= frontier
    for type_name in ("mechanisms", "tools", "actions", "groups", "narratives"):
        for file in (ROOT / "content" / "en" / type_name).glob("*.yaml"):
            assert page_file(site, language, f"{type_name}/{file.stem}") in reached, (language, type_name, file.stem)


def test_the_translators_guide_is_contributing_md_in_every_language(site):
    """docs/translate.md is CONTRIBUTING.md, given by the hub: no Markdown extension reads files."""
    assert not (ROOT / "docs/translate.md").exists()
    heading = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").splitlines()[0].lstrip("# ")
    assert soup(page_file(site, "en", "translate")).select_one("article h1").get_text(strip=True).rstrip("¶") == heading
    for language in LANGUAGES[1:]:
        assert soup(page_file(site, language, "translate")).html["lang"] == language
