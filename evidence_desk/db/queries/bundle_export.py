"""What writing a bundle reads beside the items: the stretch of the custody log its items
need, and the shipped vocabulary terms the redacted profile may show."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from evidence_desk.db.models import CustodyEvent
from evidence_desk.db.models_case import VocabularyTerm


def custody_events(session: Session, first: int, last: int) -> Iterator[CustodyEvent]:
    """Every custody event with an id in [first, last], in log order, streamed."""
    return iter(
        session.scalars(
            select(CustodyEvent)
            .where(CustodyEvent.id.between(first, last))
            .order_by(CustodyEvent.id)
            .execution_options(yield_per=2000)
        )
    )


def builtin_terms(session: Session, vocabulary: str) -> list[VocabularyTerm]:
    """The terms of ``vocabulary`` shipped with the program (none typed by a user)."""
    return list(
        session.scalars(
            select(VocabularyTerm).where(
                VocabularyTerm.vocabulary == vocabulary,
                VocabularyTerm.builtin.is_(True),
            )
        )
    )
