"""Editable thesauri (violation types, roles, statuses…) with en/ru/kk labels.

Records store a term's ``code``, never its label, so labels can be
corrected or translated at any time. Terms are retired rather than deleted
once used, so old records keep a meaning. Teams share thesauri as JSON (the
same format as the shipped defaults in ``resources/vocabularies``) or CSV;
an import adds and updates terms but never removes any.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.db.models_case import VocabularyTerm
from evidence_desk.db.queries import case_vocabularies as queries
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case.vocabulary_files import FileTerm, VocabularyExport, VocabularyFile

LANGS = ("en", "ru", "kk")
CSV_COLUMNS = (
    "vocabulary",
    "code",
    "parent",
    "label_en",
    "label_ru",
    "label_kk",
    "description",
    "active",
)
_CODE_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,80}$")
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class Term:
    """A vocabulary term: its code (what records store) and its labels in en, ru and kk."""

    vocabulary: str
    code: str
    parent: str | None
    labels: dict[str, str]
    description: str
    position: int
    active: bool
    builtin: bool

    def as_json(self) -> dict[str, Any]:
        """The documented JSON shape (docs/case-records.md), as the CLI prints it."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def term_of(term: VocabularyTerm) -> Term:
    return Term(
        vocabulary=term.vocabulary,
        code=term.code,
        parent=term.parent_code,
        labels={"en": term.label_en, "ru": term.label_ru, "kk": term.label_kk},
        description=term.description,
        position=term.position,
        active=term.active,
        builtin=term.builtin,
    )


def label(term: VocabularyTerm, lang: str = "en") -> str:
    """The label in ``lang``, else English, else the code."""
    return getattr(term, f"label_{lang}", "") or term.label_en or term.code


def all_labels(term: VocabularyTerm) -> list[str]:
    return [text for text in (term.label_en, term.label_ru, term.label_kk) if text]


def terms_by_code(session: Session, vocabulary: str) -> dict[str, VocabularyTerm]:
    return {t.code: t for t in queries.terms(session, vocabulary)}


def require_code(session: Session, vocabulary: str, code: str) -> str:
    """``code`` if it is an active term of ``vocabulary``; a clear error otherwise."""
    term = queries.term(session, vocabulary, code)
    if term is None or not term.active:
        known = ", ".join(queries.active_codes(session, vocabulary))
        state = "retired" if term is not None else "not"
        raise EvidenceDeskError(
            f"{code!r} is {state} a term of {vocabulary} (known: {known or 'none'})"
        )
    return code


def with_narrower(session: Session, vocabulary: str, codes: list[str]) -> set[str]:
    """The codes and every term below them (torture → its sub-types)."""
    children: dict[str, list[str]] = {}
    for code, parent in queries.parents(session, vocabulary):
        if parent:
            children.setdefault(parent, []).append(code)
    found: set[str] = set()
    stack = list(codes)
    while stack:
        code = stack.pop()
        if code not in found:
            found.add(code)
            stack += children.get(code, [])
    return found


def with_broader(terms: dict[str, VocabularyTerm], code: str) -> list[VocabularyTerm]:
    """The term and its ancestors, nearest first (for indexing broader labels)."""
    chain: list[VocabularyTerm] = []
    while code in terms and terms[code] not in chain:
        chain.append(terms[code])
        code = terms[code].parent_code or ""
    return chain


def list_vocabularies(archive: Archive) -> list[str]:
    with archive.db.reader() as session:
        return queries.names(session)


def list_terms(
    archive: Archive, vocabulary: str, *, include_retired: bool = False
) -> list[Term]:
    with archive.db.reader() as session:
        rows = queries.ordered_terms(session, vocabulary, include_retired=include_retired)
        return [term_of(t) for t in rows]


def _check_names(vocabulary: str, code: str) -> None:
    if not _NAME_RE.match(vocabulary):
        raise EvidenceDeskError(
            f"a vocabulary name is lower-case letters, digits and _, not {vocabulary!r}"
        )
    if not _CODE_RE.match(code):
        raise EvidenceDeskError(
            f"a term code is letters, digits and _ . : - (no spaces), not {code!r}"
        )


def _check_parent(terms: dict[str, VocabularyTerm], code: str, parent: str | None) -> None:
    if not parent:
        return
    if parent not in terms:
        raise EvidenceDeskError(f"parent {parent!r} of {code!r} is not in the vocabulary")
    if code in {t.code for t in with_broader(terms, parent)}:
        raise EvidenceDeskError(f"{parent!r} cannot be the parent of {code!r}: it is below it")


def _apply(term: VocabularyTerm, values: dict[str, Any]) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(term, name) != value:
            setattr(term, name, value)
            changed = True
    return changed


def _upsert(session: Session, vocabulary: str, code: str, values: dict[str, Any]) -> str:
    """Add or update one term; returns "added", "updated" or "unchanged"."""
    _check_names(vocabulary, code)
    terms = terms_by_code(session, vocabulary)
    _check_parent(terms, code, values.get("parent_code"))
    term = terms.get(code)
    if term is not None:
        changed = _apply(term, values)
        session.flush()
        return "updated" if changed else "unchanged"
    last = queries.last_position(session, vocabulary)
    term = VocabularyTerm(
        vocabulary=vocabulary,
        code=code,
        label_en=code,
        label_ru="",
        label_kk="",
        description="",
        position=(last if last is not None else -1) + 1,
        active=True,
        builtin=False,
    )
    _apply(term, values)
    session.add(term)
    session.flush()
    return "added"


def _values(
    labels: dict[str, str] | None = None,
    parent: str | None = None,
    description: str | None = None,
    active: bool | None = None,
) -> dict[str, Any]:
    """Column values to set; None leaves a value as it is, ``parent=""`` removes the parent."""
    values: dict[str, Any] = {
        f"label_{lang}": text for lang, text in (labels or {}).items() if lang in LANGS and text
    }
    if parent is not None:
        values["parent_code"] = parent or None
    if description is not None:
        values["description"] = description
    if active is not None:
        values["active"] = active
    return values


def add_term(
    archive: Archive,
    vocabulary: str,
    code: str,
    labels: dict[str, str],
    *,
    parent: str | None = None,
    description: str = "",
) -> Term:
    with archive.db.writer() as session:
        if code in terms_by_code(session, vocabulary):
            raise EvidenceDeskError(f"{vocabulary} already has a term {code!r}")
        _upsert(session, vocabulary, code, _values(labels, parent, description))
        return term_of(terms_by_code(session, vocabulary)[code])


def update_term(
    archive: Archive,
    vocabulary: str,
    code: str,
    *,
    labels: dict[str, str] | None = None,
    parent: str | None = None,
    description: str | None = None,
    active: bool | None = None,
) -> Term:
    """Change labels, parent (``""`` removes it), description, or retire (active=False)."""
    with archive.db.writer() as session:
        if code not in terms_by_code(session, vocabulary):
            raise EvidenceDeskError(f"{vocabulary} has no term {code!r}")
        values = _values(labels, parent, description, active)
        if _upsert(session, vocabulary, code, values) == "updated":
            _reindex(session, vocabulary, {code})
        return term_of(terms_by_code(session, vocabulary)[code])


def _reindex(session: Session, vocabulary: str, codes: set[str]) -> None:
    """Labels are indexed with the records that use them; refresh those records.

    Imported here, not at the top: the index module builds on this one.
    """
    from evidence_desk.services.case.index import reindex_terms

    reindex_terms(session, vocabulary, codes)


def delete_term(archive: Archive, vocabulary: str, code: str) -> None:
    """Delete an unused term; a term in use can only be retired."""
    with archive.db.writer() as session:
        terms = terms_by_code(session, vocabulary)
        if code not in terms:
            raise EvidenceDeskError(f"{vocabulary} has no term {code!r}")
        if any(t.parent_code == code for t in terms.values()):
            raise EvidenceDeskError(f"{code!r} has narrower terms; move or delete them first")
        if queries.in_use(session, vocabulary, code):
            raise EvidenceDeskError(
                f"{code!r} is in use; retire it instead so existing records keep it"
            )
        session.delete(terms[code])


def _file_term(term: VocabularyTerm) -> FileTerm:
    return FileTerm(
        code=term.code,
        parent=term.parent_code,
        en=term.label_en,
        ru=term.label_ru,
        kk=term.label_kk,
        description=term.description,
        active=term.active,
    )


def export_json(archive: Archive, vocabularies: list[str] | None = None) -> VocabularyExport:
    """Vocabularies to write in the shipped-defaults format (its ``as_json()``)."""
    with archive.db.reader() as session:
        names = vocabularies or list_vocabularies(archive)
        out = []
        for name in names:
            rows = queries.ordered_terms(session, name)
            if not rows:
                raise EvidenceDeskError(f"no vocabulary named {name!r}")
            out.append(VocabularyFile(name, [_file_term(t) for t in rows]))
    return VocabularyExport(out)


def _file_rows(data: Any) -> list[tuple[str, dict[str, Any]]]:
    if not isinstance(data, dict) or data.get("type") not in ("vocabulary", "vocabularies"):
        raise EvidenceDeskError(
            'not a vocabulary file: expected {"type": "vocabulary", "vocabulary": …, "terms": […]}'
        )
    groups = data["vocabularies"] if data["type"] == "vocabularies" else [data]
    rows = []
    for group in groups:
        for term in group.get("terms", []):
            if not isinstance(term, dict) or not term.get("code"):
                raise EvidenceDeskError(f"a term of {group.get('vocabulary')!r} has no code")
            rows.append((str(group.get("vocabulary", "")), term))
    return rows


def import_json(archive: Archive, data: Any) -> ImportReport:
    rows = [
        (
            vocabulary,
            str(term["code"]),
            _values(
                {lang: str(term.get(lang) or "") for lang in LANGS},
                term.get("parent") or None,
                term.get("description"),
                term.get("active"),
            ),
        )
        for vocabulary, term in _file_rows(data)
    ]
    return _import(archive, rows)


def export_csv(archive: Archive, vocabularies: list[str] | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for group in export_json(archive, vocabularies).vocabularies:
        for t in group.terms:
            writer.writerow(
                [
                    group.vocabulary,
                    t.code,
                    t.parent or "",
                    t.en,
                    t.ru,
                    t.kk,
                    t.description,
                    "yes" if t.active else "no",
                ]
            )
    return out.getvalue()


def import_csv(archive: Archive, text: str, vocabulary: str | None = None) -> ImportReport:
    """CSV with the export's header; a missing ``vocabulary`` column needs ``vocabulary``."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if reader.fieldnames is None or "code" not in reader.fieldnames:
        raise EvidenceDeskError(f"the CSV needs a header with at least: {', '.join(CSV_COLUMNS)}")
    rows = []
    for number, row in enumerate(reader, start=2):
        name = (row.get("vocabulary") or vocabulary or "").strip()
        if not name:
            raise EvidenceDeskError(f"line {number}: no vocabulary column and none given")
        active = (row.get("active") or "yes").strip().lower() not in ("no", "false", "0")
        labels = {lang: (row.get(f"label_{lang}") or "").strip() for lang in LANGS}
        parent = (row.get("parent") or "").strip() or None
        description = row.get("description")
        rows.append(
            (name, (row.get("code") or "").strip(), _values(labels, parent, description, active))
        )
    return _import(archive, rows)


def _import(archive: Archive, rows: list[tuple[str, str, dict[str, Any]]]) -> ImportReport:
    """One transaction; parents are set after every term exists, so order does not matter."""
    outcomes: dict[tuple[str, str], str] = {}
    with archive.db.writer() as session:
        for vocabulary, code, values in rows:
            first = {k: v for k, v in values.items() if k != "parent_code"}
            outcome = _upsert(session, vocabulary, code, first)
            outcomes.setdefault((vocabulary, code), outcome)
        for vocabulary, code, values in rows:
            if values.get("parent_code") is None:
                continue
            parent = {"parent_code": values["parent_code"]}
            if _upsert(session, vocabulary, code, parent) == "updated":
                if outcomes[(vocabulary, code)] == "unchanged":
                    outcomes[(vocabulary, code)] = "updated"
        for vocabulary in {v for v, _ in outcomes}:
            updated = {c for (v, c), o in outcomes.items() if v == vocabulary and o == "updated"}
            _reindex(session, vocabulary, updated)
    report = ImportReport()
    for outcome in outcomes.values():
        setattr(report, outcome, getattr(report, outcome) + 1)
    return report
