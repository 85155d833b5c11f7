"""Interface strings of one language, falling back to English key by key.

A translator may leave a key out of content/<lang>/ui.yaml; readers then see the English
label rather than an empty space, and the status report lists the key as missing.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Strings:
    """The labels of one language, over the English ones."""

    language: str
    own: dict  # this language's ui.yaml
    reference: dict  # English ui.yaml
    sections: dict = field(default_factory=dict, compare=False, repr=False)  # made once, read on every page

    def get(self, *keys: str) -> str:
        """The label at a key path, e.g. get("taxonomies", "region", "africa")."""
        for source in (self.own, self.reference):
            value = source
            for key in keys:
                value = value.get(key) if isinstance(value, dict) else None
            if isinstance(value, str):
                return value
        return keys[-1]

    def section(self, name: str) -> "Section":
        if name not in self.sections:
            self.sections[name] = Section(_merged(self.own.get(name), self.reference.get(name)))
        return self.sections[name]

    def missing(self) -> list[tuple[str, ...]]:
        """Key paths English has and this language lacks."""
        return [path for path in _leaves(self.reference, ()) if _lookup(self.own, path) is None]


@dataclass(frozen=True)
class Section:
    """One top-level group of strings, for templates: `labels.kind`, `types.mechanisms.title`;
    the language's own strings laid over the English ones, a missing key read as itself."""

    values: dict

    def __getattr__(self, key: str):
        if key.startswith("__"):
            raise AttributeError(key)
        value = self.values.get(key)
        if isinstance(value, dict):
            return Section(value)
        return value if isinstance(value, str) else key

    def __getitem__(self, key: str):
        return self.__getattr__(key)


def _merged(own, reference):
    """Two trees of strings as one: a string of `own` wins, English fills the rest."""
    if isinstance(own, dict) and isinstance(reference, dict):
        return {key: _merged(own.get(key), reference.get(key)) for key in {**reference, **own}}
    if isinstance(own, str):
        return own
    return reference if reference is not None else own


def _lookup(tree, path):
    for key in path:
        tree = tree.get(key) if isinstance(tree, dict) else None
    return tree


def _leaves(tree, path):
    for key, value in tree.items():
        if isinstance(value, dict):
            yield from _leaves(value, (*path, key))
        else:
            yield (*path, key)
