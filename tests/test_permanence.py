"""Permanent, citable and machine-readable: redirects for renamed items, link integrity,
alternates and sitemaps, citations, open data and feeds."""
from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from browser import PageWatch, serve
from conftest import LANGUAGES, ROOT, build, check, copy_project

OLD, NEW = "basic-principles-role-of-lawyers-1990", "un-basic-principles-on-the-role-of-lawyers"
SITE_URL = "https://hub.example.org/"


def english(type_name: str, item_id: str) -> dict:
    return yaml.safe_load((ROOT / f"content/en/{type_name}/{item_id}.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory) -> Path:
    """The project with one narrative renamed (its file, in every language), built."""
    project = copy_project(tmp_path_factory.mktemp("renamed") / "project")
    for other in project.glob("content/en/*/*.yaml"):
        other.write_text(other.read_text(encoding="utf-8").replace(f"- {OLD}\n", f"- {NEW}\n"), encoding="utf-8")
    for language in LANGUAGES:
        old = project / f"content/{language}/narratives/{OLD}.yaml"
        text = old.read_text(encoding="utf-8").replace(f"id: {OLD}", f"id: {NEW}")
        if language == "en":
            text = text.replace(f"id: {NEW}\n", f"id: {NEW}\nformer_ids:\n  - {OLD}\n")
        (project / f"content/{language}/narratives/{NEW}.yaml").write_text(text, encoding="utf-8")
        old.unlink()
    site = project.parent / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_renamed_items_old_address_redirects(renamed_site, chromium, language):
    prefix = "" if language == "en" else f"/{language}"
    old_page = renamed_site / prefix.lstrip("/") / "narratives" / OLD / "index.html"
    html = old_page.read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in html and 'http-equiv="refresh"' in html
    with serve(renamed_site) as origin:
        context = chromium.new_context()
        page = context.new_page()
        watch = PageWatch(page, origin)
        page.goto(f"{origin}{prefix}/narratives/{OLD}/")
        page.wait_for_url(f"{origin}{prefix}/narratives/{NEW}/")
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("h1").first.inner_text().strip()
        assert watch.problems() == []
        context.close()


def test_a_broken_link_in_a_page_fails_the_build_naming_file_line_and_column(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs/about.fr.md"
    text = page.read_text(encoding="utf-8") + "\nVoir [x](no-such-page.md).\n"
    page.write_text(text, encoding="utf-8")
    line = len(text.splitlines())
    for result in (build(project, tmp_path / "site"), check(project)):
        assert result.returncode != 0
        assert f"docs/about.fr.md:{line}:10: link: the link to 'no-such-page.md' leads to no page" in result.stderr
        assert "Traceback" not in result.stderr


def test_a_broken_anchor_in_a_page_fails_the_build_naming_the_file(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs/about.fr.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[y](index.md#no-such-anchor)\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "about.fr.md" in result.stderr and "no-such-anchor" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def site_with_url(tmp_path_factory) -> Path:
    """The project built as a deploy builds it: its address from HUB_SITE_URL."""
    project = copy_project(tmp_path_factory.mktemp("with-url") / "project")
    site = project.parent / "site"
    result = build(project, site, env={"HUB_SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr[-3000:]
    assert "HUB_SITE_URL is not set" not in result.stderr
    return site


def test_with_the_address_pages_name_their_canonical_address(site_with_url):
    for language in LANGUAGES:
        prefix = "" if language == "en" else f"{language}/"
        page = BeautifulSoup((site_with_url / f"{prefix}tools/index.html").read_text(encoding="utf-8"), "html.parser")
        assert page.select_one("link[rel=canonical]")["href"] == f"{SITE_URL}{prefix}tools/"
        assert page.select_one("meta[property='og:url']")["content"] == f"{SITE_URL}{prefix}tools/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_with_the_address_feeds_link_to_absolute_addresses(site_with_url, language):
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.parse(site_with_url / f"feeds/{language}/narratives.xml").getroot()
    assert feed.find(f"{atom}id").text == f"{SITE_URL}feeds/{language}/narratives.xml"
    links = [entry.find(f"{atom}link").get("href") for entry in feed.findall(f"{atom}entry")]
    prefix = "" if language == "en" else f"{language}/"
    assert links and all(link.startswith(f"{SITE_URL}{prefix}narratives/") for link in links), links[:2]


def test_without_the_address_the_build_says_once_what_it_leaves_out(site):
    log = (site.parent / "build.log").read_text(encoding="utf-8")
    lines = [line for line in log.splitlines() if "HUB_SITE_URL is not set" in line]
    assert len(lines) == 1, lines
    assert lines[0].startswith("INFO") and "canonical links" in lines[0] and "sitemaps" in lines[0]
    page = BeautifulSoup((site / "ar/tools/index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("link[rel=canonical]") is None and page.select("link[hreflang]") == []
    loc = ElementTree.parse(site / "sitemap.xml").getroot().find("{http://www.sitemaps.org/schemas/sitemap/0.9}url/{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    assert loc.text.startswith("/")


def test_pages_declare_absolute_alternates_and_the_sitemap_lists_them(site_with_url):
    page = BeautifulSoup((site_with_url / "ar/mechanisms/ohchr/index.html").read_text(encoding="utf-8"), "html.parser")
    alternates = {link["hreflang"]: link["href"] for link in page.select("link[hreflang]")}
    assert alternates == {
        "en": f"{SITE_URL}mechanisms/ohchr/", "ar": f"{SITE_URL}ar/mechanisms/ohchr/",
        "fr": f"{SITE_URL}fr/mechanisms/ohchr/", "es": f"{SITE_URL}es/mechanisms/ohchr/",
        "x-default": f"{SITE_URL}mechanisms/ohchr/"}
    raw = (site_with_url / "ar/mechanisms/ohchr/index.html").read_text(encoding="utf-8")
    assert raw.count('<link rel="alternate" hreflang=') == len(alternates)  # the relation written exactly
    sitemap = ElementTree.parse(site_with_url / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entry = next(u for u in sitemap.findall("s:url", ns) if u.find("s:loc", ns).text == f"{SITE_URL}ar/mechanisms/ohchr/")
    links = {l.get("hreflang"): l.get("href") for l in entry.findall("x:link", ns)}
    assert links == alternates


def test_pages_with_site_url_still_make_no_failed_request(site_with_url, chromium):
    with serve(site_with_url) as origin:
        context = chromium.new_context()
        page = context.new_page()
        watch = PageWatch(page, origin)
        for path in ("/", "/ar/mechanisms/ohchr/", "/fr/about/"):
            page.goto(origin + path, wait_until="networkidle")
        assert watch.problems() == []
        assert not [r.url for r in watch.requests if "sitemap.xml" in r.url], "a page fetched a sitemap"
        context.close()


def test_citations_name_title_plan_address_and_date_from_the_content(site_with_url, chromium):
    item = english("actions", "o2-a3-compile-info-activating-support")
    path = site_with_url / "fr/actions/o2-a3-compile-info-activating-support/index.html"
    citation = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("#hub-citation").get_text(" ", strip=True)
    french = yaml.safe_load((ROOT / "content/fr/actions/o2-a3-compile-info-activating-support.yaml").read_text(encoding="utf-8"))
    plan = yaml.safe_load((ROOT / "content/fr/ui.yaml").read_text(encoding="utf-8"))["labels"]["plan"]
    assert french["title"] in citation and plan in citation
    assert f"{SITE_URL}fr/actions/o2-a3-compile-info-activating-support/" in citation
    assert item["updated"] in citation
    with serve(site_with_url) as origin:
        context = chromium.new_context()
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
        page = context.new_page()
        page.goto(f"{origin}/fr/actions/o2-a3-compile-info-activating-support/", wait_until="load")
        page.click("[data-hub-copy]")
        page.wait_for_timeout(200)
        copied = page.evaluate("navigator.clipboard.readText()")
        context.close()
    assert french["title"] in copied and "https://hub.example.org/fr/actions/" in copied


def published_registry(site: Path) -> Registry:
    schemas = site / "data/v1/schemas"
    return Registry().with_resources(
        (path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8")))) for path in schemas.glob("*.json"))


def test_every_data_file_validates_against_its_published_schema(site):
    from hooks.pipeline.publish.open_data import schema_for
    registry = published_registry(site)
    files = sorted((site / "data/v1").rglob("*.json"))
    data_files = [f for f in files if "schemas" not in f.parts]
    types = len(list((ROOT / "schemas").glob("*.schema.json"))) - 2  # common and ui are not types
    assert len(data_files) == len(LANGUAGES) * (types + 1) + 1  # a file per type and all.json, per language
    for path in data_files:
        schema = registry.contents(schema_for(path, site))
        errors = list(Draft202012Validator(schema, registry=registry).iter_errors(json.loads(path.read_text(encoding="utf-8"))))
        assert not errors, (path, errors[0].message, list(errors[0].absolute_path))


def test_data_is_the_same_content_as_the_pages(site):
    for language in LANGUAGES:
        data = json.loads((site / f"data/v1/{language}/mechanisms.json").read_text(encoding="utf-8"))
        ids = {item["id"] for item in data["items"]}
        assert ids == {p.stem for p in (ROOT / "content/en/mechanisms").glob("*.yaml")}
        ohchr = next(item for item in data["items"] if item["id"] == "ohchr")
        page = BeautifulSoup((site / ohchr["url"].lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert page.select_one("article h1").get_text(strip=True).rstrip("¶") == ohchr["title"]
        rows = list(csv.DictReader((site / f"data/v1/{language}/actions.csv").open(encoding="utf-8")))
        assert len(rows) == len(list((ROOT / "content/en/actions").glob("*.yaml")))
        assert {"id", "title", "objective", "url"} <= set(rows[0])


@pytest.mark.parametrize("language", LANGUAGES)
def test_feeds_carry_the_contents_dates(site, language):
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.parse(site / f"feeds/{language}/narratives.xml").getroot()
    entries = feed.findall(f"{atom}entry")
    assert len(entries) == len(list((ROOT / "content/en/narratives").glob("*.yaml")))
    for entry in entries:
        item_id = entry.find(f"{atom}link").get("href").rstrip("/").rsplit("/", 1)[-1]
        assert entry.find(f"{atom}updated").text == english("narratives", item_id)["updated"] + "T00:00:00Z"
    changes = ElementTree.parse(site / f"feeds/{language}/changes.xml").getroot()
    dates = [e.find(f"{atom}updated").text for e in changes.findall(f"{atom}entry")]
    assert dates and dates == sorted(dates, reverse=True)


def test_every_page_has_a_description_and_open_graph_tags_in_its_language(site):
    page = BeautifulSoup((site / "es/tools/online-civic-space-monitoring-tool/index.html").read_text(encoding="utf-8"), "html.parser")
    spanish = yaml.safe_load((ROOT / "content/es/tools/online-civic-space-monitoring-tool.yaml").read_text(encoding="utf-8"))
    assert page.select_one("meta[name=description]")["content"] == spanish["summary"].strip()
    assert page.select_one("meta[property='og:title']")["content"] == spanish["title"]
    assert page.select_one("meta[property='og:locale']")["content"] == "es"
    assert page.select_one("meta[property='og:image']") is None


def test_plan_actions_have_stable_anchors_on_the_actions_page(site):
    page = BeautifulSoup((site / "actions/index.html").read_text(encoding="utf-8"), "html.parser")
    for file in (ROOT / "content/en/actions").glob("*.yaml"):
        assert page.find(id=file.stem) is not None, file.stem


def test_index_pages_filter_in_the_browser(server, chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.goto(f"{server}/ar/mechanisms/", wait_until="load")
    assert page.locator("form.hub-filters").is_visible()
    total = page.locator("article li[data-filter-region]").count()
    page.select_option("select[data-hub-filter=region]", "africa")
    shown = page.locator("article li[data-filter-region]:visible")
    assert 0 < shown.count() < total
    assert set(shown.evaluate_all("items => items.map(i => i.dataset.filterRegion)")) == {"africa"}
    page.select_option("select[data-hub-filter=groups]", "journalists")
    both = page.locator("article li[data-filter-region]:visible").evaluate_all(
        "items => items.map(i => [i.dataset.filterRegion, i.dataset.filterGroups])")
    assert all(region == "africa" and "journalists" in groups.split() for region, groups in both)
    page.select_option("select[data-hub-filter=region]", "")
    page.select_option("select[data-hub-filter=groups]", "")
    assert page.locator("article li[data-filter-region]:visible").count() == total
    context.close()


def test_index_pages_list_everything_grouped_without_javascript(server, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/fr/mechanisms/", wait_until="load")
    assert not page.locator("form.hub-filters").is_visible()
    items = page.locator("article li[data-filter-kind]")
    assert items.count() == len(list((ROOT / "content/en/mechanisms").glob("*.yaml")))
    assert page.locator("article li[data-filter-kind]:visible").count() == items.count()
    assert page.locator("article h2").count() >= 5
    context.close()
