"""One address of every kind of page the hub has, for the browser tests and the screenshots:
the home page, each index, an item of each type (the one with the most text, the likeliest to
overflow), the glossary, search, print, data, status and guide pages, the hand-written pages
and the not-found page."""
from __future__ import annotations

from conftest import ROOT

TYPES = ("mechanisms", "tools", "actions", "plan", "groups", "threats", "narratives", "glossary")  # help: below


def _longest_item(type_name: str) -> str:
    files = (ROOT / "content" / "en" / type_name).glob("*.yaml")
    return max(files, key=lambda file: (file.stat().st_size, file.name)).stem


PAGE_KINDS: dict[str, str] = {
    "home": "/",
    **{f"{type_name} index": f"/{type_name}/" for type_name in TYPES},
    **{f"{type_name} item": f"/{type_name}/{_longest_item(type_name)}/" for type_name in TYPES},
    "help index": "/help/",
    "help path": "/help/immediate-danger/",
    "emergency card": "/emergency-card/",
    "list": "/lists/mechanisms/help-kinds/grant/",
    "search": "/search/",
    "print: plan": "/print/plan/",
    "print: glossary": "/print/glossary/",
    "data": "/data/",
    "status": "/translation-status/",
    "guide": "/translate/",
    "safety": "/offline/",
    "about": "/about/",
    "credits": "/credits/",
    "benchmarks": "/benchmarks/",
    "not found": "/404.html",
}


def address(path: str, language: str) -> str:
    """A page's address in a language: /mechanisms/ -> /ar/mechanisms/."""
    return path if language == "en" else f"/{language}{path}"
