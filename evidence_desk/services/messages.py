"""Words the services show people, in English, Russian and Kazakh, without Qt.

The services keep their records in English (warnings, custody event types,
verification problems are evidence and are never rewritten); what is
*shown* is translated at the last moment. The interface uses Qt Linguist
files, but the services must not import Qt, and the bundle report is
written by a service, so their words live in plain JSON catalogues under
``resources/messages/``:

- ``text``: an English phrase or label and its translation;
- ``patterns``: a regular expression matching a whole English message (an
  ingest warning, a verification problem) and the translated template,
  ``{name}`` standing for the expression's named group of the same name;
- vocabulary terms (violations, roles, statuses…) come from the shipped
  vocabularies, which already carry en/ru/kk labels.

An unknown phrase is shown in English, never dropped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache

from evidence_desk.core.resources import resource_dir

LANGUAGES = ("en", "ru", "kk")


@dataclass
class Messages:
    language: str
    text: dict[str, str] = field(default_factory=dict)
    patterns: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    terms: dict[tuple[str, str], str] = field(default_factory=dict)

    def t(self, english: str) -> str:
        """The translation of a fixed phrase or label (English if there is none)."""
        return self.text.get(english, english)

    def message(self, english: str) -> str:
        """A whole message with variable parts (a warning, a problem), translated."""
        if english in self.text:
            return self.text[english]
        for pattern, template in self.patterns:
            match = pattern.fullmatch(english)
            if match is not None:
                groups = {k: v or "" for k, v in match.groupdict().items()}
                return template.format(**{k: self.message(v) for k, v in groups.items()})
        return english

    def term(self, vocabulary: str, code: str | None) -> str:
        """A vocabulary code's label in this language (the code itself if unknown)."""
        if not code:
            return ""
        return self.terms.get((vocabulary, code)) or self.text.get(code) or code


def _load_terms(language: str) -> dict[tuple[str, str], str]:
    """Labels of the shipped vocabularies and their terms; a damaged file is skipped."""
    terms: dict[tuple[str, str], str] = {}
    for path in sorted(resource_dir("vocabularies").glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict) or not isinstance(data.get("vocabulary"), str):
            continue
        name: str = data["vocabulary"]
        names = data.get("labels")
        if isinstance(names, dict):
            label = names.get(language) or names.get("en")
            if isinstance(label, str) and label:
                terms[("vocabulary", name)] = label
        for term in data.get("terms") or []:
            if isinstance(term, dict) and isinstance(term.get("code"), str):
                label = term.get(language) or term.get("en")
                if isinstance(label, str) and label:
                    terms[(name, term["code"])] = label
    return terms


@cache
def messages(language: str | None) -> Messages:
    """The catalogue of ``language`` (English for anything unknown), loaded once."""
    language = language if language in LANGUAGES else "en"
    found = Messages(language or "en", terms=_load_terms(language or "en"))
    if language == "en":
        return found
    path = resource_dir("messages") / f"{language}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    found.text = {str(k): str(v) for k, v in data.get("text", {}).items()}
    found.patterns = [(re.compile(p, re.DOTALL), str(t)) for p, t in data.get("patterns", [])]
    return found
