"""Reach facts due for re-checking: every channel whose text was read in a page dated more than
a given number of months ago, with where it is written and the page to read again.

Contact details change without notice; the hub shows each with the date of the text it was read
in, and maintainers re-read the oldest ones against the bodies' own pages.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .load import Document


@dataclass(frozen=True)
class DueFact:
    path: str  # the English file
    line: int
    item: str
    key: str  # the channel's key
    checked: str  # as written: YYYY, YYYY-MM or YYYY-MM-DD
    months: int  # how long ago, counting from the end of the period it names
    source: str

    def __str__(self) -> str:
        return (f"{self.path}:{self.line}: reach.{self.key}: checked {self.checked}, "
                f"{self.months} months ago: read again {self.source}")


def due_facts(documents: list[Document], today: date, older_than_months: int) -> list[DueFact]:
    """The channels of the English mechanisms read more than `older_than_months` ago, oldest first."""
    due = []
    for document in documents:
        if document.type_name != "mechanisms" or document.language != "en" or not isinstance(document.data, dict):
            continue
        for index, channel in enumerate(document.data.get("reach") or []):
            months = months_since(str(channel.get("checked", "")), today)
            if months is not None and months > older_than_months:
                line, _ = document.position(("reach", index))
                due.append(DueFact(document.path, line, document.name, channel.get("key", str(index)),
                                   str(channel["checked"]), months, channel.get("source", "")))
    return sorted(due, key=lambda fact: (-fact.months, fact.path, fact.line))


def months_since(checked: str, today: date) -> int | None:
    """Whole months from the last day a date names (2020 names all of 2020) to today."""
    parts = checked.split("-")
    if not parts[0].isdigit():
        return None
    year, month = int(parts[0]), int(parts[1]) if len(parts) > 1 else 12
    return (today.year - year) * 12 + (today.month - month)
