"""What writing a bundle reads beside the items: the stretch of the custody log its items
need, and the shipped vocabulary terms the redacted profile may show."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from evidence_desk.db.models import CustodyEvent
from evidence_desk.db.models_case import VocabularyTerm

CHUNK = 500


def custody_span(session: Session, item_uuids: Sequence[str]) -> tuple[int, int] | None:
    """The first and last custody event id of any of these items (None: no events)."""
    first: int | None = None
    last: int | None = None
    for start in range(0, len(item_uuids), CHUNK):
        chunk = item_uuids[start : start + CHUNK]
        lo, hi = session.execute(
            select(func.min(CustodyEvent.id), func.max(CustodyEvent.id)).where(
                CustodyEvent.item_uuid.in_(chunk)
            )
        ).one()
        if lo is not None:
            first = lo if first is None else min(first, lo)
            last = hi if last is None else max(last, hi)
    return None if first is None or last is None else (first, last)


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
