"""What an edit under `mkdocs serve` rebuilds (hooks/pipeline/changes.py), without a server."""
from __future__ import annotations

from conftest import ROOT
from hooks.pipeline.changes import WHOLE_SITE, PageDigests, changed_files, page_title, plan_rebuild, snapshot

LANGUAGES = ("en", "ar", "fr", "es")


def plan(*paths, added_or_removed=False):
    return plan_rebuild(set(paths), added_or_removed, LANGUAGES, "en")


def test_a_translation_rebuilds_its_language_and_the_english_file_every_language():
    assert plan("content/ar/mechanisms/ohchr.yaml").languages == {"ar"}
    assert plan("content/ar/mechanisms/ohchr.yaml").whole_languages == set()
    assert plan("content/en/mechanisms/ohchr.yaml").languages == set(LANGUAGES)
    assert plan("content/fr/ui.yaml").whole_languages == {"fr"}  # every page's labels
    assert plan("docs/about.es.md").languages == {"es"}
    assert plan("docs/about.md").languages == set(LANGUAGES)  # the fallback of untranslated pages
    assert plan("CONTRIBUTING.md").languages == set(LANGUAGES)  # the English translators' guide


def test_the_pages_kept_outside_docs_are_watched():
    assert "CONTRIBUTING.md" in snapshot(ROOT, ROOT / "mkdocs.yml")


def test_anything_else_rebuilds_the_whole_site():
    for path in ("mkdocs.yml", "overrides/main.html", "hooks/hub.py", "schemas/tools.schema.json", "docs/assets/hub.css"):
        assert plan(path) == WHOLE_SITE, path
    assert plan("content/ar/mechanisms/ohchr.yaml", added_or_removed=True) == WHOLE_SITE


def test_changed_files_compares_signatures():
    before = {"a": (1, 10), "b": (1, 10)}
    assert changed_files(before, {"a": (2, 10), "b": (1, 10)}) == ({"a"}, False)
    assert changed_files(before, {"a": (1, 10)}) == (set(), True)


def test_only_pages_whose_markdown_changed_are_rendered_again_unless_a_menu_title_changed():
    digests = PageDigests()
    pages = {"index.ar.md": "# الرئيسية\n", "mechanisms/index.ar.md": "# الآليات\n- a\n", "mechanisms/x.ar.md": "# س\nنص\n"}
    for path, text in pages.items():
        digests.remember("ar", path, text)
        digests.remember_title("ar", path, page_title(text))
    digests.succeeded()
    navigation = {"index.ar.md", "mechanisms/index.ar.md"}
    assert digests.changed("ar", pages, navigation) == set()
    edited = {**pages, "mechanisms/x.ar.md": "# س جديد\nنص\n", "mechanisms/index.ar.md": "# الآليات\n- b\n"}
    assert digests.changed("ar", edited, navigation) == {"mechanisms/x.ar.md", "mechanisms/index.ar.md"}
    assert digests.title("ar", "mechanisms/index.ar.md") == "الآليات"
    retitled = {**pages, "mechanisms/index.ar.md": "# آليات الحماية\n- a\n"}
    assert digests.changed("ar", retitled, navigation) == set(pages)


def test_a_failed_build_leaves_the_last_good_digests():
    digests = PageDigests()
    digests.remember("ar", "a.ar.md", "# A\n")
    digests.succeeded()
    digests.remember("ar", "a.ar.md", "# B\n")
    digests.failed()
    assert digests.changed("ar", {"a.ar.md": "# A\n"}, set()) == set()


def test_a_title_is_the_first_heading_after_the_front_matter():
    assert page_title("---\nsearch:\n  exclude: true\n---\n# Search\n") == "Search"
    assert page_title("no heading") == ""
