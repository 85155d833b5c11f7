"""The coverage map (seed/coverage.yaml) accounts for every entry of the seed inventory's
sections B to G, every mapped item exists in all four languages as a real translation, and
the seed's known defects (inventory section H) do not reach the content."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import LANGUAGES, ROOT
from hooks.pipeline.model import load_model

INVENTORY = ROOT / "seed" / "inventory.md"
COVERAGE = ROOT / "seed" / "coverage.yaml"
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
MODEL = load_model(ROOT)


def section(text: str, start: str, end: str) -> str:
    """The inventory text from one heading to the next one named."""
    begin = text.index(start)
    return text[begin: text.index(end, begin + len(start))]


def inventory_entries() -> set[str]:
    """Every entry of sections B to G, named as the coverage map names them."""
    text = INVENTORY.read_text(encoding="utf-8")
    entries = {f"B-{n}" for n in re.findall(r"^\*\*B-(\d+)", text, re.MULTILINE)}
    entries |= {f"C-{n}" for n in re.findall(r"^\| C-(\d+) ", text, re.MULTILINE)}
    entries |= {f"G-{n}" for n in re.findall(r"^\| G-(\d+) ", text, re.MULTILINE)}
    d1 = section(text, "### D.1", "### D.2")
    entries |= {f"D.1.{n}" for n in re.findall(r"^(\d)\. \*\*", d1, re.MULTILINE)}
    d2 = section(text, "### D.2", "- **Every mention")
    entries |= {f"D.2.{n}" for n in re.findall(r"^  (\d)\. ", d2, re.MULTILINE)}
    d3 = section(text, "### D.3", "### D.4")
    entries |= {f"D.3.{c}" for c in re.findall(r"^\*\*\(([a-z])\)", d3, re.MULTILINE)}
    entries |= {"D.4", "E.2", "E.6"}
    e1 = section(text, "### E.1", "### E.2")
    entries |= {f"E.1.{i}" for i in re.findall(r"`(md-[a-z0-9-]+)`", e1)}
    for key, start, end in (("E.3", "### E.3", "### E.4"), ("E.4", "### E.4", "### E.5"), ("E.5", "### E.5", "### E.6")):
        block = section(text, start, end)
        entries |= {f"{key}.{i}" for i in re.findall(r"`(objective-\d|o\d-[a-z0-9-]+)`", block)
                    if not re.fullmatch(r"o\d-(prom|prot|coop)", i)}
    e7 = section(text, "### E.7", "## F.")
    entries |= {f"E.7.{i}" for i in re.findall(r"`(ctx-[a-z0-9-]+)`", e7)}
    f = section(text, "## F.", "## G.")
    entries |= {f"F.{n}" for n in re.findall(r"^\| (\d+) \|", f, re.MULTILINE)}
    return entries


@pytest.fixture(scope="module")
def coverage() -> dict:
    return yaml.safe_load(COVERAGE.read_text(encoding="utf-8"))


def test_the_inventory_parser_finds_every_section():
    entries = inventory_entries()
    counts = {prefix: len([e for e in entries if e.startswith(prefix)])
              for prefix in ("B-", "C-", "G-", "D.1.", "D.2.", "D.3.", "E.1.", "E.3.", "E.4.", "E.5.", "E.7.", "F.")}
    assert counts == {"B-": 54, "C-": 33, "G-": 11, "D.1.": 5, "D.2.": 7, "D.3.": 9, "E.1.": 8,
                      "E.3.": 20, "E.4.": 7, "E.5.": 10, "E.7.": 5, "F.": 34}


def test_every_inventory_entry_is_mapped(coverage):
    entries = coverage["entries"]
    missing = sorted(inventory_entries() - set(entries))
    assert not missing, f"unmapped inventory entries: {missing}"
    for key, mapping in entries.items():
        assert mapping.get("ids") or mapping.get("reason"), f"{key} has neither ids nor a reason"


def test_every_mapped_item_exists_in_every_language(coverage):
    for key, mapping in coverage["entries"].items():
        for ref in mapping.get("ids") or []:
            for language in LANGUAGES:
                assert (ROOT / "content" / language / f"{ref}.yaml").exists(), (key, ref, language)


def test_corrections_point_at_existing_items(coverage):
    assert coverage["corrections"], "no correction recorded"
    for correction in coverage["corrections"]:
        assert correction["seed"] != correction["fixed"]
        for ref in correction["ids"]:
            assert (ROOT / "content" / "ar" / f"{ref}.yaml").exists(), correction


def text_fields(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if isinstance(v, str) and k not in ("id", "website")}


def test_no_item_is_an_untranslated_copy():
    for english in sorted((ROOT / "content" / "en").glob("*/*.yaml")):
        texts = {}
        for language in LANGUAGES[1:]:
            path = ROOT / "content" / language / english.relative_to(ROOT / "content" / "en")
            assert path.exists(), path
            texts[language] = text_fields(path)
        fields = MODEL.types[english.parent.name].fields
        texts["en"] = {k: v for k, v in text_fields(english).items() if fields[k].role == "translatable"}
        for language in LANGUAGES[1:]:
            assert set(texts[language]) == set(texts["en"]), (english.name, language, "fields differ")
            for other in LANGUAGES:
                if other != language:
                    assert texts[language] != texts[other], (english.name, language, "same text as", other)
        for field, value in texts["ar"].items():
            assert ARABIC_LETTER.search(value), (english.name, field, "Arabic text without Arabic letters")


SEED_DEFECTS = ["التهريب", "مراکش", "لايف لاین", "Protect Defenders.eu", "144/53", "sdqdata", "digitalibrary.",
                "un.org/sq/", "الحقوق الجنسية والإيجابية", "كبنء", "منكرة", "تفترق", "تعاضمت", "ACPHR", "فتتعرّز"]


def test_seed_defects_do_not_reach_the_content():
    for path in sorted((ROOT / "content").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        for defect in SEED_DEFECTS:
            in_correction_notes = all("correction:" in line or "seed:" in line
                                      for line in text.splitlines() if defect in line)
            assert defect not in text or in_correction_notes, (path, defect)
