"""How to reach a body: a mechanism's channels as its page shows them.

The facts of a channel (number, address, form, languages, source, date) are written once, in
English (`reach`); what is said about it in words (who may use it, hours, what to send...) is
translated like other text (`reach_text`, under the channel's key). This module joins the two
for the reader's language, with the links a browser or a phone acts on (`tel:`, `mailto:`)
made from validated values only, and dates written in the reader's language.
"""
from __future__ import annotations

from dataclasses import dataclass

from .catalog import Item
from .strings import Strings

NOTES = ("who", "hours", "include", "next", "warning")  # the order they are shown in


@dataclass(frozen=True)
class Note:
    label: str
    text: str


@dataclass(frozen=True)
class Channel:
    kind: str  # e.g. emergency-phone
    label: str  # e.g. "Emergency line", in the reader's language
    value: str  # what the reader sees: the number, address or e-mail
    href: str | None  # tel:, mailto: or https:, or None for a postal address
    languages: list[str]  # labels of the languages it answers in
    notes: list[Note]
    source: str
    checked: str  # the date of the text read, in the reader's language

    @property
    def is_emergency(self) -> bool:
        return self.kind == "emergency-phone"


def channels(item: Item, strings: Strings) -> list[Channel]:
    """An item's channels in the reader's language, in the order to try them."""
    texts = item["reach_text"] or {}
    found = []
    for fact in item["reach"] or []:
        text = texts.get(fact["key"], {})
        value, href = _address(fact)
        label = strings.get("taxonomies", "reach_channel", fact["channel"])
        if fact.get("messenger"):
            label = f"{label} ({strings.get('taxonomies', 'messenger', fact['messenger'])})"
        found.append(Channel(
            kind=fact["channel"], label=label, value=value, href=href,
            languages=[strings.get("taxonomies", "served_language", code) for code in fact.get("languages", [])],
            notes=[Note(strings.get("labels", f"reach_{name}"), text[name]) for name in NOTES if text.get(name)],
            source=fact["source"], checked=format_date(str(fact["checked"]), strings)))
    return found


def _address(fact: dict) -> tuple[str, str | None]:
    if fact.get("phone"):
        return fact["phone"], f"tel:{fact['phone']}"
    if fact.get("email"):
        return fact["email"], f"mailto:{fact['email']}"
    if fact.get("url"):
        return fact["url"], fact["url"]
    return fact.get("address", ""), None


def format_date(date: str, strings: Strings) -> str:
    """2020-02-19 -> "19 February 2020" in the reader's language (a year or a month alone too)."""
    parts = date.split("-")
    year, month, day = parts[0], parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else ""
    if not month:
        return year
    month_name = strings.get("labels", f"month_{month}")
    if not day:
        return f"{month_name} {year}"
    return strings.get("labels", "date_format").format(day=int(day), month=month_name, year=year)
