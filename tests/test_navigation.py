"""The readers' navigation holds what is for defenders; the pages for translators, deployers and
maintainers are gathered in one section, labelled in each language, at unchanged addresses."""
from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT

CONTRIBUTORS_PAGES = ("translate", "translation-status", "deploy", "benchmarks")


@pytest.mark.parametrize("language", LANGUAGES)
def test_maintainers_pages_are_in_one_section_labelled_in_the_language(site, language):
    prefix = "" if language == "en" else f"{language}/"
    page = BeautifulSoup((site / prefix / "index.html").read_text(encoding="utf-8"), "html.parser")
    primary = page.select_one("nav.md-nav--primary > ul.md-nav__list")
    top_level = [a["href"] for a in primary.select(":scope > li > a.md-nav__link")]
    assert not [href for href in top_level if any(name in href for name in CONTRIBUTORS_PAGES)], top_level
    label = yaml.safe_load((ROOT / f"content/{language}/ui.yaml").read_text(encoding="utf-8"))["labels"]["contributors"]
    section = next(li for li in primary.select(":scope > li.md-nav__item--section")
                   if li.select_one("label").get_text(" ", strip=True) == label)
    inside = [a["href"] for a in section.select("a.md-nav__link")]
    for name in CONTRIBUTORS_PAGES:
        assert any(href.rstrip("/").endswith(name) for href in inside), (name, inside)
        assert (site / prefix / name / "index.html").exists(), "the page keeps its address"
