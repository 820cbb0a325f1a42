"""Appending to and reading the custody log.

Appends happen inside a writer session (``BEGIN IMMEDIATE``), so reading the
last hash and inserting the next event is atomic across processes.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from evidence_desk.core import custody_chain
from evidence_desk.db.engine import tx_memo
from evidence_desk.db.models import CustodyEvent, Item

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive


@dataclass(frozen=True)
class EventRecord:
    """A custody event as plain data (safe to pass between threads)."""

    uuid: str
    occurred_at: str
    event_type: str
    actor: str
    tool: str
    item_uuid: str | None
    outcome: str
    details: dict[str, Any]
    prev_hash: str
    hash: str

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _last_hash(session: Session) -> str:
    memo = tx_memo(session)
    if "custody_head" not in memo:
        last = session.scalars(
            select(CustodyEvent.hash).order_by(CustodyEvent.id.desc()).limit(1)
        ).first()
        memo["custody_head"] = last or custody_chain.GENESIS
    return str(memo["custody_head"])


def append(
    session: Session,
    archive: Archive,
    event_type: str,
    *,
    item: Item | None = None,
    details: dict[str, Any] | None = None,
    outcome: str = "success",
    actor: str | None = None,
) -> CustodyEvent:
    if event_type not in custody_chain.EVENT_TYPES:
        raise ValueError(f"unknown custody event type {event_type!r}")
    body = {
        "uuid": str(uuid.uuid4()),
        "occurred_at": datetime.now(UTC).isoformat(timespec="microseconds"),
        "event_type": event_type,
        "actor": actor or archive.actor,
        "tool": archive.tool,
        "item_uuid": item.uuid if item is not None else None,
        "outcome": outcome,
        "details": details or {},
        "prev_hash": _last_hash(session),
    }
    row = CustodyEvent(
        uuid=body["uuid"],
        occurred_at=body["occurred_at"],
        event_type=event_type,
        actor=body["actor"],
        tool=body["tool"],
        item_id=item.id if item is not None else None,
        item_uuid=body["item_uuid"],
        outcome=outcome,
        details_json=json.dumps(body["details"], ensure_ascii=False, sort_keys=True),
        prev_hash=body["prev_hash"],
        hash=custody_chain.event_hash(body),
    )
    session.add(row)
    session.flush()
    tx_memo(session)["custody_head"] = row.hash
    return row


def to_record(row: CustodyEvent) -> EventRecord:
    return EventRecord(
        uuid=row.uuid,
        occurred_at=row.occurred_at,
        event_type=row.event_type,
        actor=row.actor,
        tool=row.tool,
        item_uuid=row.item_uuid,
        outcome=row.outcome,
        details=json.loads(row.details_json),
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


def events_for_item(archive: Archive, item_uuid: str) -> list[EventRecord]:
    with archive.db.reader() as session:
        rows = session.scalars(
            select(CustodyEvent)
            .where(CustodyEvent.item_uuid == item_uuid)
            .order_by(CustodyEvent.id)
        )
        return [to_record(r) for r in rows]


def check_log(session: Session) -> list[custody_chain.ChainProblem]:
    """Verify the whole chain, streaming rows in log order."""
    rows = session.execute(select(CustodyEvent).order_by(CustodyEvent.id)).scalars()
    return custody_chain.check_chain(to_record(r).as_dict() for r in rows.yield_per(2000))
