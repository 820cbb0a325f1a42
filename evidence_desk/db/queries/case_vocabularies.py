"""Controlled vocabularies' reads: terms by vocabulary, codes, positions, uses.

``services.case.vocabularies`` keeps the rules (hierarchy, retiring instead
of deleting a term in use, the file format); these only fetch rows. Which
columns hold which vocabulary's codes is schema knowledge, so it sits here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from evidence_desk.db.models import Source
from evidence_desk.db.models_case import (
    IncidentPerson,
    IncidentViolation,
    Person,
    PersonStatus,
    Place,
    Testimony,
    VocabularyTerm,
)

# The columns that hold each vocabulary's codes.
USES: dict[str, list[Any]] = {
    "violation_types": [IncidentViolation.code],
    "roles": [IncidentPerson.role],
    "person_statuses": [PersonStatus.status],
    "consent_methods": [Testimony.consent_method],
    "sexes": [Person.sex],
    "occupations": [Person.occupation],
    "place_kinds": [Place.kind],
    "acquisition_methods": [Source.method],
}


def terms(session: Session, vocabulary: str) -> Sequence[VocabularyTerm]:
    """Every term of a vocabulary, retired ones too, in no particular order."""
    return session.scalars(
        select(VocabularyTerm).where(VocabularyTerm.vocabulary == vocabulary)
    ).all()


def term(session: Session, vocabulary: str, code: str) -> VocabularyTerm | None:
    return session.scalar(
        select(VocabularyTerm).where(
            VocabularyTerm.vocabulary == vocabulary, VocabularyTerm.code == code
        )
    )


def active_codes(session: Session, vocabulary: str) -> list[str]:
    """Codes of the active terms, in their order."""
    return list(
        session.scalars(
            select(VocabularyTerm.code)
            .where(VocabularyTerm.vocabulary == vocabulary, VocabularyTerm.active)
            .order_by(VocabularyTerm.position)
        )
    )


def parents(session: Session, vocabulary: str) -> list[tuple[str, str | None]]:
    """(code, parent code) of every term of a vocabulary."""
    rows = session.execute(
        select(VocabularyTerm.code, VocabularyTerm.parent_code).where(
            VocabularyTerm.vocabulary == vocabulary
        )
    )
    return [(code, parent) for code, parent in rows]


def names(session: Session) -> list[str]:
    """The vocabularies' names, alphabetically."""
    return list(
        session.scalars(
            select(VocabularyTerm.vocabulary).distinct().order_by(VocabularyTerm.vocabulary)
        )
    )


def ordered_terms(
    session: Session, vocabulary: str, *, include_retired: bool = True
) -> Sequence[VocabularyTerm]:
    """The terms of a vocabulary by position, then code."""
    stmt = select(VocabularyTerm).where(VocabularyTerm.vocabulary == vocabulary)
    if not include_retired:
        stmt = stmt.where(VocabularyTerm.active)
    return session.scalars(stmt.order_by(VocabularyTerm.position, VocabularyTerm.code)).all()


def last_position(session: Session, vocabulary: str) -> int | None:
    return session.scalar(
        select(func.max(VocabularyTerm.position)).where(VocabularyTerm.vocabulary == vocabulary)
    )


def in_use(session: Session, vocabulary: str, code: str) -> bool:
    """Whether any record holds ``code`` of ``vocabulary``."""
    return any(
        session.scalar(select(func.count()).where(column == code))
        for column in USES.get(vocabulary, [])
    )
