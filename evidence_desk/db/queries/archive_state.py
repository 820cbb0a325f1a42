"""Reads about the archive as a whole: its identity row and the hashes of custody events
(for the checkpoint's anchors)."""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from evidence_desk.db.models import ArchiveInfo


def archive_info(session: Session) -> ArchiveInfo:
    """The archive's one identity row (uuid, name, created)."""
    return session.scalars(select(ArchiveInfo)).one()


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
