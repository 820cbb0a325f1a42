"""The timeline's reads: periods, dated items with their corrections, incidents in a span.

``ids`` arguments are selects of item or incident ids built by
``db.queries.case_search`` from a case filter; these narrow them to what
falls between ``start`` and ``end`` (naive UTC).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from evidence_desk.db.models import Item
from evidence_desk.db.models_case import Incident, ItemTimeCorrection, TimePeriod
from evidence_desk.db.models_messages import Chat, ChatMessage


def periods(session: Session) -> Sequence[TimePeriod]:
    return session.scalars(select(TimePeriod).order_by(TimePeriod.start_utc, TimePeriod.id)).all()


def period_by_uuid(session: Session, uuid: str) -> TimePeriod | None:
    return session.scalar(select(TimePeriod).where(TimePeriod.uuid == uuid))


def dated_items(
    session: Session, ids: Select[Any], start: datetime | None, end: datetime | None
) -> list[tuple[Item, ItemTimeCorrection | None]]:
    """(item, its time correction) of the items in ``ids`` captured in [start, end)."""
    stmt = (
        select(Item, ItemTimeCorrection)
        .outerjoin(ItemTimeCorrection, ItemTimeCorrection.item_id == Item.id)
        .where(Item.id.in_(ids.order_by(None).where(Item.captured_sort.is_not(None))))
        .order_by(Item.captured_sort, Item.exhibit_no)
    )
    if start is not None:
        stmt = stmt.where(Item.captured_sort >= start)
    if end is not None:
        stmt = stmt.where(Item.captured_sort < end)
    return [(item, fix) for item, fix in session.execute(stmt)]


def undated_count(session: Session, ids: Select[Any]) -> int:
    """How many items of ``ids`` have no capture time."""
    undated = ids.order_by(None).where(Item.captured_sort.is_(None))
    return int(session.scalar(select(func.count()).select_from(undated.subquery())) or 0)


def incidents_in_span(
    session: Session, ids: Select[Any], start: datetime | None, end: datetime | None
) -> Sequence[Incident]:
    """The dated incidents of ``ids`` overlapping [start, end), by start time."""
    stmt = select(Incident).where(
        Incident.id.in_(ids.order_by(None)), Incident.start_sort.is_not(None)
    )
    if end is not None:
        stmt = stmt.where(Incident.start_sort < end)
    if start is not None:
        stmt = stmt.where(Incident.end_sort >= start)
    return session.scalars(stmt.order_by(Incident.start_sort, Incident.id)).all()


def capture_times(
    session: Session, ids: Select[Any], start: datetime, end: datetime
) -> Sequence[datetime | None]:
    """Capture times of the items of ``ids`` in [start, end), for counting per slice."""
    return session.scalars(
        select(Item.captured_sort).where(
            Item.id.in_(ids.order_by(None)), Item.captured_sort >= start, Item.captured_sort < end
        )
    ).all()




def chats_by_id(session: Session, ids: Iterable[int]) -> dict[int, Chat]:
    return {c.id: c for c in session.scalars(select(Chat).where(Chat.id.in_(set(ids))))}


def chats_with_unknown_offsets(session: Session) -> dict[int, int]:
    """Per chat record id: messages with a time but no UTC offset (only chats that have any)."""
    rows = session.execute(
        select(ChatMessage.chat_id, func.count())
        .where(ChatMessage.sent_offset_min.is_(None), ChatMessage.sent_sort.is_not(None))
        .group_by(ChatMessage.chat_id)
    )
    return {int(c): int(n) for c, n in rows}
