"""Reads about the archive as a whole: its identity row and the custody log in log order
(for the integrity scan and the checkpoint's anchors)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from evidence_desk.db.models import ArchiveInfo, CustodyEvent


def archive_info(session: Session) -> ArchiveInfo:
    """The archive's one identity row (uuid, name, created)."""
    return session.scalars(select(ArchiveInfo)).one()


def custody_log(session: Session) -> Iterator[CustodyEvent]:
    """Every custody event in log order, streamed 2,000 rows at a time."""
    rows = session.execute(select(CustodyEvent).order_by(CustodyEvent.id)).scalars()
    return iter(rows.yield_per(2000))


def event_hash(session: Session, event_id: int) -> str | None:
    """The hash of the custody event with this id."""
    found = session.execute(
        text("SELECT hash FROM custody_events WHERE id = :n"), {"n": event_id}
    ).scalar()
    return None if found is None else str(found)


def event_hash_at(session: Session, position: int) -> str | None:
    """The hash of the event at ``position`` (1-based) in log order, counting rows."""
    found = session.execute(
        text("SELECT hash FROM custody_events ORDER BY id LIMIT 1 OFFSET :k"), {"k": position - 1}
    ).scalar()
    return None if found is None else str(found)
