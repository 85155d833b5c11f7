"""Which translations are out of date, field by field.

A translation file records, under `translated_from`, a digest of each English field it was
translated from (written by `python -m hooks.stamp` after review, never by hand). A field whose
English text no longer has that digest is stale: the English changed after the translation.
"""
from __future__ import annotations

import hashlib
import json

RECORD_FIELD = "translated_from"
DIGEST_LENGTH = 12


def digest(value) -> str:
    """A short, stable fingerprint of a field's English value."""
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGEST_LENGTH]


def record(english: dict, fields: list[str]) -> dict[str, str]:
    """The `translated_from` record of a translation made from this English text."""
    return {name: digest(english[name]) for name in fields if name in english}


def stale_fields(english: dict, translation: dict, fields: list[str]) -> list[str]:
    """Translated fields whose English text changed since the translation was marked up to date
    (all of them when it never was)."""
    recorded = translation.get(RECORD_FIELD) or {}
    return [name for name in fields
            if name in english and name in translation and recorded.get(name) != digest(english[name])]
