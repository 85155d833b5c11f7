"""The pipeline on its own, without MkDocs: model, loading, catalog and rendering."""
from __future__ import annotations


import pytest
import yaml

from conftest import ROOT
from hooks.pipeline.catalog import build_catalog
from hooks.pipeline.content import GeneratedPages, check_content, generate_pages, read_content
from hooks.pipeline.load import load_document
from hooks.pipeline.model import docs_page_url, index_path, load_model, page_path, page_url, relative_href
from hooks.pipeline.problems import ContentError
from hooks.pipeline.render import Renderer


@pytest.fixture(scope="module")
def catalog():
    return read_content(ROOT)


def test_model_reads_types_languages_and_roles_from_the_schemas():
    model = load_model(ROOT)
    assert model.languages[0] == "en" and set(model.languages) == {"en", "ar", "fr", "es"}
    assert set(model.types) == {"mechanisms", "tools", "actions", "groups", "narratives", "plan", "threats", "glossary", "help"}
    fields = model.types["mechanisms"].fields
    assert fields["title"].role == "translatable"
    assert fields["kind"].role == "neutral" and fields["kind"].taxonomy == "mechanism_kind"
    assert fields["website"].role == "localizable"
    assert fields["groups"].ref_type == "groups"
    translation = model.types["mechanisms"].translation_schema
    assert "kind" not in translation["properties"] and "website" in translation["properties"]
    assert set(translation["required"]) == {"id", "title", "summary"}


def test_every_taxonomy_value_has_an_english_label():
    model = load_model(ROOT)
    english = yaml.safe_load((ROOT / "content/en/ui.yaml").read_text(encoding="utf-8"))
    for taxonomy, values in model.taxonomies().items():
        assert set(values) <= set(english["taxonomies"][taxonomy]), taxonomy


def test_addresses_are_declared_once_and_agree():
    assert page_path("tools", "x", "en") == "tools/x.md"
    assert page_path("tools", "x", "ar") == "tools/x.ar.md"
    assert index_path("tools", "fr") == "tools/index.fr.md"
    assert page_url("tools", "x", "en") == "/tools/x/"
    assert page_url("tools", "x", "es") == "/es/tools/x/"
    assert docs_page_url("index.md", "ar") == "/ar/"
    assert relative_href("/ar/tools/x/", "/tools/x/") == "../../../tools/x/"


def test_loader_keeps_positions_and_dates_as_text(tmp_path):
    file = tmp_path / "content/en/narratives/x.yaml"
    file.parent.mkdir(parents=True)
    file.write_text("id: x\nsources:\n  - plan: context\n    date: 2021-07-01\n", encoding="utf-8")
    document, problems = load_document(tmp_path, file, "en", "narratives")
    assert problems == []
    assert document.data["sources"][0]["date"] == "2021-07-01"
    assert document.position(("sources", 0, "date")) == (4, 11)
    assert document.position(("sources", 0, "date"), of_key=True) == (4, 5)


def test_catalog_merges_text_over_english_facts(catalog):
    english = catalog.get("en", "mechanisms", "protectdefenders-eu")
    arabic = catalog.get("ar", "mechanisms", "protectdefenders-eu")
    assert arabic["kind"] == english["kind"] and arabic["sources"] == english["sources"]
    assert arabic.title != english.title
    assert not arabic.is_fallback


def test_catalog_links_both_ways(catalog):
    action = catalog.get("en", "actions", "o2-a3-compile-info-activating-support")
    mechanisms = {i.id for i in catalog.related(action)["mechanisms"]}
    assert "protectdefenders-eu" in mechanisms
    mechanism = catalog.get("en", "mechanisms", "protectdefenders-eu")
    assert action.id in {i.id for i in catalog.related(mechanism)["actions"]}


def test_missing_translation_falls_back_to_english(tmp_path):
    model, documents, problems = check_content(ROOT)
    assert problems == []
    kept = [d for d in documents if not (d.language == "ar" and d.name == "protectdefenders-eu")]
    catalog = build_catalog(model, kept)
    arabic = catalog.get("ar", "mechanisms", "protectdefenders-eu")
    assert arabic.is_fallback and not arabic.has_translation
    assert arabic.title == catalog.get("en", "mechanisms", "protectdefenders-eu").title


def test_rendered_pages_use_the_readers_language(catalog, tmp_path):
    pages = generate_pages(Renderer(catalog), ROOT / "docs")
    arabic_ui = yaml.safe_load((ROOT / "content/ar/ui.yaml").read_text(encoding="utf-8"))
    page = pages["mechanisms/protectdefenders-eu.ar.md"]
    assert arabic_ui["labels"]["kind"] in page
    assert arabic_ui["taxonomies"]["mechanism_kind"]["eu"] in page
    assert "](../actions/o2-a3-compile-info-activating-support.md)" in page
    assert pages["mechanisms/index.ar.md"].startswith("# " + arabic_ui["types"]["mechanisms"]["title"])


def test_asking_whether_a_page_is_generated_does_not_render_it():
    rendered = []
    pages = GeneratedPages({"a.md": lambda: rendered.append("a") or "# A"}, ["en", "ar"])
    assert "a.md" in pages and "b.md" not in pages
    assert rendered == []
    assert pages["a.md"] == "# A" and rendered == ["a"]


def test_problems_stop_the_pipeline(tmp_path):
    (tmp_path / "content/en").mkdir(parents=True)
    for part in ("schemas",):
        import shutil
        shutil.copytree(ROOT / part, tmp_path / part)
    (tmp_path / "content/en/ui.yaml").write_text("site: [\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        read_content(tmp_path)
    assert "content/en/ui.yaml:2:1: invalid YAML" in str(error.value)  # a whole-file problem names no field


def test_latin_runs_in_arabic_text_are_isolated_and_nothing_else_changes():
    import markdown
    from hooks.pipeline.bidi import BidiIsolation, isolate_latin_html
    render = markdown.Markdown(extensions=[BidiIsolation()]).convert
    html = render("تقدّم آلية ProtectDefenders.eu منحًا، انظر A/HRC/40/60 و<span>x</span>.")
    assert "<bdi>ProtectDefenders.eu</bdi>" in html and "<bdi>A/HRC/40/60</bdi>" in html
    assert "<span><bdi>x</bdi></span>" in html and "wzxhzdk" not in html
    assert render("The OHCHR and A/HRC/40/60.") == "<p>The OHCHR and A/HRC/40/60.</p>"
    assert "<a dir=\"ltr\" href=\"https://x.org\">https://x.org</a>" in render("انظر <https://x.org> هنا")
    assert isolate_latin_html("نص <OHCHR>") == "نص &lt;<bdi>OHCHR</bdi>&gt;"
    assert isolate_latin_html("Plain & English") == "Plain &amp; English"


def test_a_rebuild_reads_and_checks_only_the_files_that_changed(tmp_path):
    import shutil
    from hooks.pipeline.content import ContentCache
    for part in ("schemas", "content"):
        shutil.copytree(ROOT / part, tmp_path / part)
    cache = ContentCache()
    first = read_content(tmp_path, cache)
    assert cache.read == len(cache.entries) > 800
    path = tmp_path / "content/en/mechanisms/ohchr.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: Edited ", 1), encoding="utf-8")
    second = read_content(tmp_path, cache)
    assert cache.read == 1
    assert second.get("en", "mechanisms", "ohchr").title.startswith("Edited ")
    assert second.get("ar", "mechanisms", "ohchr").title == first.get("ar", "mechanisms", "ohchr").title
    path.write_text(path.read_text(encoding="utf-8") + "unknown_field: x\n", encoding="utf-8")
    with pytest.raises(ContentError):
        read_content(tmp_path, cache)
