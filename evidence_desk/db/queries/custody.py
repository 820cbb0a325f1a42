"""Queries behind the custody log and verify: the chain, an item's events, fixity runs,
what verify re-hashes.

Plain rows (tuples) where a caller walks many of them: at a million items an
ORM object per row costs minutes; ORM objects only where few are read.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, cast

from sqlalchemy import Row, func, insert, select
from sqlalchemy.orm import Session

from evidence_desk.core import custody_chain
from evidence_desk.db import dialect
from evidence_desk.db.models import CustodyEvent, Item

CHAIN_COLUMNS = (
    "uuid",
    "occurred_at",
    "event_type",
    "actor",
    "tool",
    "item_uuid",
    "outcome",
    "details_json",
    "prev_hash",
    "hash",
)


def last_hash(session: Session) -> str | None:
    return session.scalars(
        select(CustodyEvent.hash).order_by(CustodyEvent.id.desc()).limit(1)
    ).first()


def chain_rows(session: Session, batch: int = 5000) -> Iterator[Row[Any]]:
    """Every event as a tuple of :data:`CHAIN_COLUMNS`, in log order."""
    c = CustodyEvent.__table__.c
    stmt = select(*(c[name] for name in CHAIN_COLUMNS)).order_by(c.id)
    yield from session.execute(stmt.execution_options(yield_per=batch))


def item_events(session: Session, item_uuid: str) -> list[CustodyEvent]:
    return list(
        session.scalars(
            select(CustodyEvent)
            .where(CustodyEvent.item_uuid == item_uuid)
            .order_by(CustodyEvent.id)
        )
    )


def fixity_runs_after(session: Session, first_id: int) -> list[CustodyEvent]:
    """The archive-level fixity-run events after log position ``first_id``."""
    return list(
        session.scalars(
            select(CustodyEvent)
            .where(
                CustodyEvent.event_type == custody_chain.FIXITY_RUN,
                CustodyEvent.id > first_id,
            )
            .order_by(CustodyEvent.id)
        )
    )


def verify_targets(
    session: Session, ids: Sequence[int] | None = None
) -> Sequence[tuple[int, int, str, int, str]]:
    """(id, exhibit number, sha256, size, uuid) of the items to re-hash: the ones asked
    for in id order, or every item in UUID order.

    A whole archive is read through the driver's own cursor: plain tuples, no
    row objects (at a million items the ORM cost 5 s, SQLAlchemy rows 1 s), from
    the covering index ``ix_items_verify`` (migration 0012) rather than the wide
    rows; in UUID order the run's intact lines come out already sorted."""
    if ids is not None:
        stmt = select(Item.id, Item.exhibit_no, Item.sha256, Item.size, Item.uuid)
        rows = session.connection().execute(stmt.where(Item.id.in_(list(ids))).order_by(Item.id))
        return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]
    cursor = dialect.driver_connection(session).cursor()
    try:
        cursor.execute("SELECT id, exhibit_no, sha256, size, uuid FROM items ORDER BY uuid")
        return cast(list[tuple[int, int, str, int, str]], cursor.fetchall())
    finally:
        cursor.close()


def item_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Item)) or 0)


def all_digests(session: Session) -> set[str]:
    """Every object an item refers to: anything else in the store is a stray."""
    return set(session.scalars(select(Item.sha256)))


def first_and_last_ids(session: Session, item_uuids: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Log position of each item's first and last event (items without events left out)."""
    out: dict[str, tuple[int, int]] = {}
    for start in range(0, len(item_uuids), 500):
        chunk = list(item_uuids[start : start + 500])
        rows = session.execute(
            select(CustodyEvent.item_uuid, func.min(CustodyEvent.id), func.max(CustodyEvent.id))
            .where(CustodyEvent.item_uuid.in_(chunk))
            .group_by(CustodyEvent.item_uuid)
        )
        for item_uuid, first, last in rows:
            out[str(item_uuid)] = (int(first), int(last))
    return out


def insert_events(session: Session, rows: list[dict[str, Any]]) -> None:
    """Many events in one multi-row statement (chained by the caller, in order)."""
    session.execute(insert(CustodyEvent), rows)
