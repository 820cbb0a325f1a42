"""Clock corrections' reads and the one bulk delete: corrections, the items they touch.

``services.case.clock`` decides which correction applies to which item and
logs every change of a sort time; these only fetch and remove rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from evidence_desk.db.models import Item
from evidence_desk.db.models_case import ClockCorrection, ItemTimeCorrection


def corrections(session: Session) -> Sequence[ClockCorrection]:
    """Every correction, in the order they were made."""
    return session.scalars(select(ClockCorrection).order_by(ClockCorrection.id)).all()


def by_uuid(session: Session, uuid: str) -> ClockCorrection | None:
    return session.scalar(select(ClockCorrection).where(ClockCorrection.uuid == uuid))


def of_item(session: Session, item_id: int) -> ClockCorrection | None:
    """The correction set on this one item (not its device's)."""
    return session.scalar(select(ClockCorrection).where(ClockCorrection.item_id == item_id))


def device_items(session: Session, make: str, model: str) -> Sequence[Item]:
    """Items whose device make and model, trimmed and lower-cased, are ``make`` and ``model``
    (given already folded)."""
    return session.scalars(
        select(Item).where(
            func.lower(func.trim(func.coalesce(Item.device_make, ""))) == make,
            func.lower(func.trim(func.coalesce(Item.device_model, ""))) == model,
        )
    ).all()




def corrected_items(session: Session, correction_id: int | None = None) -> Sequence[Item]:
    """Items with a corrected time (only those of one correction when given)."""
    stmt = select(Item).join(ItemTimeCorrection, ItemTimeCorrection.item_id == Item.id)
    if correction_id is not None:
        stmt = stmt.where(ItemTimeCorrection.correction_id == correction_id)
    return session.scalars(stmt).all()


def drop_corrected_times(session: Session, correction_id: int) -> None:
    """Remove the corrected times a correction gave its items."""
    session.execute(
        delete(ItemTimeCorrection).where(ItemTimeCorrection.correction_id == correction_id)
    )


def items_per_correction(session: Session) -> dict[int, int]:
    rows = session.execute(
        select(ItemTimeCorrection.correction_id, func.count()).group_by(
            ItemTimeCorrection.correction_id
        )
    )
    return {int(c): int(n) for c, n in rows}


def devices(
    session: Session,
) -> list[tuple[str | None, str | None, int, datetime | None, datetime | None]]:
    """(make, model, items, first and last capture reading) of each device, most items first."""
    rows = session.execute(
        select(
            Item.device_make,
            Item.device_model,
            func.count(),
            func.min(Item.captured_local),
            func.max(Item.captured_local),
        )
        .where(Item.device_model.is_not(None))
        .group_by(Item.device_make, Item.device_model)
        .order_by(func.count().desc())
    )
    return [(make, model, int(n), first, last) for make, model, n, first, last in rows]
