"""Testimonies' reads: statement versions, witness codes, attachments, custody details.

``services.case.testimonies`` and its neighbours keep the rules (versioned
texts, consent, the protected identity) and log every change; these only
fetch rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from evidence_desk.db.models import CustodyEvent, Item, ItemLink
from evidence_desk.db.models_case import Testimony, TestimonyVersion


def versions(session: Session, item_id: int) -> list[TestimonyVersion]:
    """Every version of every text of one testimony, by field and version."""
    return list(
        session.scalars(
            select(TestimonyVersion)
            .where(TestimonyVersion.item_id == item_id)
            .order_by(TestimonyVersion.field, TestimonyVersion.version)
        )
    )


def latest_version(session: Session, item_id: int, field: str) -> TestimonyVersion | None:
    return session.scalar(
        select(TestimonyVersion)
        .where(TestimonyVersion.item_id == item_id, TestimonyVersion.field == field)
        .order_by(TestimonyVersion.version.desc())
        .limit(1)
    )


def version(session: Session, item_id: int, field: str, number: int) -> TestimonyVersion | None:
    return session.scalar(
        select(TestimonyVersion).where(
            TestimonyVersion.item_id == item_id,
            TestimonyVersion.field == field,
            TestimonyVersion.version == number,
        )
    )


def count(session: Session) -> int:
    return int(session.scalar(select(func.count(Testimony.item_id))) or 0)


def code_used(session: Session, witness_code: str) -> bool:
    """Whether a testimony has exactly this witness code."""
    found = session.scalar(select(Testimony.item_id).where(Testimony.witness_code == witness_code))
    return bool(found)


def with_items(session: Session, *, include_removed: bool) -> list[tuple[Item, Testimony]]:
    """(item, testimony) of every testimony, by exhibit number."""
    stmt = select(Item, Testimony).join(Testimony, Testimony.item_id == Item.id)
    if not include_removed:
        stmt = stmt.where(Item.removed_at.is_(None))
    return [(item, t) for item, t in session.execute(stmt.order_by(Item.exhibit_no))]


def items_of_kind(session: Session, kind: str) -> Sequence[Item]:
    return session.scalars(select(Item).where(Item.kind == kind)).all()


def custody_details(session: Session, item_uuid: str) -> list[str]:
    """The JSON details of every custody event of one item, in the order logged."""
    return list(
        session.scalars(
            select(CustodyEvent.details_json)
            .where(CustodyEvent.item_uuid == item_uuid)
            .order_by(CustodyEvent.id)
        )
    )


def attachments(session: Session, item_id: int, relation: str) -> list[tuple[Item, str]]:
    """(item, note) of what is attached to a testimony, by exhibit number."""
    rows = session.execute(
        select(Item, ItemLink.note)
        .join(ItemLink, ItemLink.to_item_id == Item.id)
        .where(ItemLink.from_item_id == item_id, ItemLink.relation == relation)
        .order_by(Item.exhibit_no)
    )
    return [(item, note) for item, note in rows]


def link(session: Session, from_id: int, to_id: int, relation: str) -> ItemLink | None:
    return session.scalar(
        select(ItemLink).where(
            ItemLink.from_item_id == from_id,
            ItemLink.to_item_id == to_id,
            ItemLink.relation == relation,
        )
    )


def attached_to(session: Session, item_id: int, relation: str) -> list[tuple[Item, Testimony]]:
    """(item, testimony) of the testimonies an item is attached to."""
    rows = session.execute(
        select(Item, Testimony)
        .join(Testimony, Testimony.item_id == Item.id)
        .join(ItemLink, ItemLink.from_item_id == Item.id)
        .where(ItemLink.to_item_id == item_id, ItemLink.relation == relation)
    )
    return [(item, t) for item, t in rows]
