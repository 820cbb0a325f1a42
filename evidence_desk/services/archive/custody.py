"""Appending to and reading the custody log.

Appends happen inside a writer session (``BEGIN IMMEDIATE``), so reading the
last hash and inserting the next event is atomic across processes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from evidence_desk.core import custody_chain, evidence_digest, fixity_run
from evidence_desk.db.engine import tx_memo
from evidence_desk.db.models import CustodyEvent, Item
from evidence_desk.db.queries import custody as q

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
        memo["custody_head"] = q.last_hash(session) or custody_chain.GENESIS
    return str(memo["custody_head"])


# Events that create an item or add to what it attests carry the digest of its
# evidentiary record as it then stands; metadata modifications carry it too, so
# verify can tell that no evidentiary field changed in between (see verify).
RECORD_EVENTS = frozenset(
    {custody_chain.INGESTION, custody_chain.ACCESSION, custody_chain.METADATA_MODIFICATION}
)


def record_digest(item: Item) -> evidence_digest.RecordDigest:
    """The digest of ``item``'s evidentiary record, from the session's current state."""
    values = {name: getattr(item, name) for name in evidence_digest.ITEM_FIELDS}
    sources = [
        {name: getattr(s, name) for name in evidence_digest.SOURCE_FIELDS}
        for s in sorted(item.sources, key=lambda s: (s.id is None, s.id or 0))
    ]
    return evidence_digest.digest(evidence_digest.record(values, sources))


def append(
    session: Session,
    archive: Archive,
    event_type: str,
    *,
    item: Item | None = None,
    details: dict[str, Any] | None = None,
    outcome: str = "success",
    actor: str | None = None,
    event_uuid: str | None = None,
) -> CustodyEvent:
    if item is not None and event_type in RECORD_EVENTS:
        session.flush()
        details = {**(details or {}), evidence_digest.DETAILS_KEY: record_digest(item).as_details()}
    body = custody_chain.new_event(
        event_type,
        actor=actor or archive.actor,
        tool=archive.tool,
        item_uuid=item.uuid if item is not None else None,
        outcome=outcome,
        details=details or {},
        prev_hash=_last_hash(session),
        event_uuid=event_uuid,
    )
    row = CustodyEvent(
        uuid=body["uuid"],
        occurred_at=body["occurred_at"],
        event_type=event_type,
        actor=body["actor"],
        tool=body["tool"],
        item_id=item.id if item is not None else None,
        item_uuid=body["item_uuid"],
        outcome=outcome,
        details_json=custody_chain.stored_details(body["details"]),
        prev_hash=body["prev_hash"],
        hash=body["hash"],
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
        body = custody_chain.new_event(
            event_type,
            actor=actor,
            tool=tool,
            item_uuid=item_uuid,
            outcome=outcome,
            details=details,
            prev_hash=prev,
        )
        prev = body["hash"]
        rows.append(
            {**body, "item_id": item_id, "details_json": custody_chain.stored_details(details)}
        )
        if len(rows) >= batch:
            q.insert_events(session, rows)
            count += len(rows)
            rows = []
    if rows:
        q.insert_events(session, rows)
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
    """The item's custody as the user sees it: its own events and, in log order among
    them, the fixity runs that covered it (see ``core.fixity_run``)."""
    with archive.db.reader() as session:
        rows = q.item_events(session, item_uuid)
        if not rows:
            return []
        own = [to_record(r) for r in rows]
        failed = {run for e in own if (run := fixity_run.failed_in(e.as_dict()))}
        first = rows[0].id
        runs = [
            (r.id, to_record(r))
            for r in q.fixity_runs_after(session, first)
        ]
    covering = [
        (position, run)
        for position, run in runs
        if fixity_run.covers(run.details, item_uuid, first, failed, run.uuid)
    ]
    merged = [(r.id, e) for r, e in zip(rows, own, strict=True)] + covering
    merged.sort(key=lambda pair: pair[0])
    return [event for _position, event in merged]


def check_log(session: Session) -> list[custody_chain.ChainProblem]:
    """Verify the whole chain, streaming plain rows in log order (no ORM objects:
    a million events took minutes as objects)."""

    def events() -> Iterator[dict[str, Any]]:
        for row in q.chain_rows(session):
            event = dict(zip(q.CHAIN_COLUMNS, row, strict=True))
            event["details"] = json.loads(event.pop("details_json"))
            yield event

    return custody_chain.check_chain(events())
