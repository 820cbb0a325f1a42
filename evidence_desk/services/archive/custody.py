"""Appending to and reading the custody log.

Appends happen inside a writer session (``BEGIN IMMEDIATE``), so reading the
last hash and inserting the next event is atomic across processes.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select
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


def append_many(
    session: Session,
    archive: Archive,
    event_type: str,
    entries: Iterable[tuple[int | None, str | None, dict[str, Any], str]],
    *,
    batch: int = 5000,
) -> int:
    """Append one event per ``(item_id, item_uuid, details, outcome)``, in order.

    The same events, chain and hashes as calling ``append`` for each, but written
    with one multi-row statement per ``batch`` instead of an ORM flush per event:
    a fixity check of a million items spent most of its time in those flushes.
    """
    if event_type not in custody_chain.EVENT_TYPES:
        raise ValueError(f"unknown custody event type {event_type!r}")
    prev = _last_hash(session)
    actor, tool = archive.actor, archive.tool
    rows: list[dict[str, Any]] = []
    count = 0
    for item_id, item_uuid, details, outcome in entries:
        body = {
            "uuid": str(uuid.uuid4()),
            "occurred_at": datetime.now(UTC).isoformat(timespec="microseconds"),
            "event_type": event_type,
            "actor": actor,
            "tool": tool,
            "item_uuid": item_uuid,
            "outcome": outcome,
            "details": details,
            "prev_hash": prev,
        }
        prev = custody_chain.event_hash(body)
        rows.append(
            {
                **body,
                "item_id": item_id,
                "details_json": json.dumps(details, ensure_ascii=False, sort_keys=True),
                "hash": prev,
            }
        )
        if len(rows) >= batch:
            session.execute(insert(CustodyEvent), rows)
            count += len(rows)
            rows = []
    if rows:
        session.execute(insert(CustodyEvent), rows)
        count += len(rows)
    tx_memo(session)["custody_head"] = prev
    return count


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


_CHAIN_COLUMNS = (
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


def check_log(session: Session) -> list[custody_chain.ChainProblem]:
    """Verify the whole chain, streaming plain rows in log order (no ORM objects:
    a million events took minutes as objects)."""
    c = CustodyEvent.__table__.c
    stmt = select(*(c[name] for name in _CHAIN_COLUMNS)).order_by(c.id)
    rows = session.execute(stmt.execution_options(yield_per=5000))

    def events() -> Iterator[dict[str, Any]]:
        for row in rows:
            event = dict(zip(_CHAIN_COLUMNS, row, strict=True))
            event["details"] = json.loads(event.pop("details_json"))
            yield event

    return custody_chain.check_chain(events())
