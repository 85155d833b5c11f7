"""Synthetic content for benchmarks: `python -m benchmarks.generate DIR --items N`.

Writes a copy of the project whose content/ holds N items per language, spread over the
content types like the real content, each with text of realistic length in English, Arabic,
French and Spanish (words drawn from the real content, so scripts and word lengths are right).
It is valid content: `python -m hooks.check --root DIR` passes. Never mixed with real content.
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "CONTRIBUTING.md", "docs", "hooks", "schemas", "overrides")
LANGUAGES = ("en", "ar", "fr", "es")
WORDS_PER_ITEM = 350
DOCS_LINK = re.compile(r"\]\((?:\.\./)?([a-z]+)/([a-z0-9-]+)\.md")
# the share of each type in the real content, roughly
SHARES = {"mechanisms": 0.27, "tools": 0.16, "actions": 0.16, "glossary": 0.15, "narratives": 0.06,
          "plan": 0.07, "groups": 0.05, "threats": 0.05, "help": 0.03}
TEXT_FIELDS = {"mechanisms": ("what", "who", "how"), "tools": ("audience", "guidance"), "actions": ("text",),
               "plan": ("text",), "groups": ("risks",), "threats": ("details",), "narratives": ("story",),
               "glossary": ("usage",), "help": ("advice",)}
# a made-up channel: the +999 country code and example.org are assigned to no one
SYNTHETIC_REACH = [{"key": "line", "channel": "emergency-phone", "phone": "+99912345678",
                    "source": "https://example.org/contact", "checked": "2026-01"}]


def vocabulary(language: str) -> list[str]:
    words = []
    for path in sorted((ROOT / "content" / language).glob("*/*.yaml")):
        words += [w for w in path.read_text(encoding="utf-8").split() if w.isalpha()]
    return words


def text(rng: random.Random, words: list[str], count: int) -> str:
    sentences = []
    while count > 0:
        length = min(count, rng.randint(8, 20))
        sentences.append(" ".join(rng.choice(words) for _ in range(length)) + ".")
        count -= length
    paragraphs = [" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4)]
    return "\n\n".join(paragraphs) + "\n"


def item_ids(items: int) -> dict[str, list[str]]:
    """N ids per language; the items that the hand-written pages link to come first."""
    counts = {name: max(1, round(items * share)) for name, share in SHARES.items()}
    counts["mechanisms"] += items - sum(counts.values())  # exactly N items in all
    linked = {}
    for page in (ROOT / "docs").rglob("*.md"):
        for type_name, item_id in DOCS_LINK.findall(page.read_text(encoding="utf-8")):
            if type_name in SHARES and item_id != "index":
                linked.setdefault(type_name, set()).add(item_id)
    ids = {}
    for name, count in counts.items():
        first = sorted(linked.get(name, ()))
        ids[name] = first + [f"{name}-{index:05d}" for index in range(max(0, count - len(first)))]
    return ids


def english_facts(rng: random.Random, type_name: str, index: int, ids: dict[str, list[str]]) -> dict:
    facts = {"updated": "2026-11-28", "sources": [{"plan": "context", "footnote": rng.randint(1, 34)}]}
    some_groups = sorted(set(rng.sample(ids["groups"], min(2, len(ids["groups"])))))
    if type_name == "mechanisms":
        facts.update(kind=rng.choice(["un-body", "regional-body", "eu", "fund", "nhri-mechanism"]),
                     region=rng.choice(["global", "africa", "americas", "asia-pacific", "europe"]), groups=some_groups)
        if index % 4 == 0:  # a quarter of them with a way to reach them, as in the real content
            facts.update(reach=SYNTHETIC_REACH, reach_text={"line": {"hours": "24/7"}})
        else:
            facts.update(reach_missing="no-dated-official-source")
    elif type_name == "help":
        facts.update(order=index + 1, first=sorted(set(rng.sample(ids["mechanisms"], min(2, len(ids["mechanisms"]))))))
    elif type_name == "tools":
        facts.update(status="proposed", mechanisms=[rng.choice(ids["mechanisms"])], groups=some_groups)
    elif type_name == "actions":
        facts.update(objective=rng.choice(ids["plan"]), order=index + 1, tools=[rng.choice(ids["tools"])],
                     mechanisms=[rng.choice(ids["mechanisms"])], groups=some_groups)
    elif type_name == "plan":
        facts.update(part=rng.choice(["objective", "priority", "context"]), order=index + 1)
    elif type_name in ("groups", "threats"):
        facts.update(order=index + 1)
    elif type_name == "narratives":
        facts.update(date="2021", region="global", groups=some_groups)
    return facts


def generate(target: Path, items: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for part in PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    words = {language: vocabulary(language) for language in LANGUAGES}
    ids = item_ids(items)
    for language in LANGUAGES:
        (target / "content" / language).mkdir(parents=True)
        shutil.copy2(ROOT / "content" / language / "ui.yaml", target / "content" / language / "ui.yaml")
        for type_name, names in ids.items():
            folder = target / "content" / language / type_name
            folder.mkdir(parents=True, exist_ok=True)
            fields = TEXT_FIELDS[type_name]
            for index, item_id in enumerate(names):
                data = {"id": item_id,
                        "title": text(rng, words[language], 6).strip().rstrip("."),
                        "summary": text(rng, words[language], 30).strip()}
                for field in fields:
                    data[field] = text(rng, words[language], (WORDS_PER_ITEM - 36) // len(fields))
                if language == "en":
                    data.update(english_facts(rng, type_name, index, ids))
                (folder / f"{item_id}.yaml").write_text(
                    yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--items", type=int, default=100, help="items per language")
    args = parser.parse_args()
    generate(args.target, args.items)
    print(f"wrote {args.items} items per language into {args.target}/content")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
