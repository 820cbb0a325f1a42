"""Numbers handed out by named counters (exhibit numbers)."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from evidence_desk.db.models import Counter

EXHIBIT = "exhibit"


def take_number(session: Session, counter: str) -> int:
    """The next number of ``counter``, taken inside the session's write transaction.

    The counter row is updated, not read and then written, so concurrent
    writers are serialised on that row by any database with row locks; a
    rolled-back transaction gives its number back.
    """
    taken = session.execute(
        update(Counter)
        .where(Counter.name == counter)
        .values(value=Counter.value + 1)
        .returning(Counter.value)
    ).scalar_one_or_none()
    if taken is None:
        session.add(Counter(name=counter, value=1))
        session.flush()
        return 1
    return int(taken)
