"""Vocabularies as exported: typed terms whose ``as_json()`` is the shipped-defaults file.

The file format (``resources/vocabularies``) leaves out what a term does not
have (no parent, no description, active), so ``as_json()`` does too; an
import reads the same shape back (``vocabularies.import_json``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FileTerm:
    """One term as a vocabulary file holds it."""

    code: str
    parent: str | None
    en: str
    ru: str
    kk: str
    description: str
    active: bool

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code}
        if self.parent:
            out["parent"] = self.parent
        out.update(en=self.en, ru=self.ru, kk=self.kk)
        if self.description:
            out["description"] = self.description
        if not self.active:
            out["active"] = False
        return out


@dataclass(frozen=True)
class VocabularyFile:
    """One vocabulary and its terms, by position."""

    vocabulary: str
    terms: list[FileTerm]

    def as_json(self) -> dict[str, Any]:
        terms = [t.as_json() for t in self.terms]
        return {"type": "vocabulary", "vocabulary": self.vocabulary, "terms": terms}


@dataclass(frozen=True)
class VocabularyExport:
    """Vocabularies to write to a file: one is written on its own, several together."""

    vocabularies: list[VocabularyFile]

    def as_json(self) -> dict[str, Any]:
        """The shipped-defaults format, ready for ``json.dump``."""
        if len(self.vocabularies) == 1:
            return self.vocabularies[0].as_json()
        return {"type": "vocabularies", "vocabularies": [v.as_json() for v in self.vocabularies]}
