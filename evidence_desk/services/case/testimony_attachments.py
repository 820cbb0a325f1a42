"""Attachments of a testimony: recordings and scans that are items of their own.

An audio recording of the interview, a signed statement or a medical report
is ingested like any file (hash, provenance, custody) and then linked to the
testimony with an ``ItemLink`` of relation "attachment". Both items' custody
histories record the link, so each shows what it belongs to.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from evidence_desk.core import custody_chain
from evidence_desk.db.models import Item, ItemLink
from evidence_desk.db.queries import case_testimonies as queries
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import Archive, utcnow
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case import index as case_index
from evidence_desk.services.case.common import TESTIMONY as KIND
from evidence_desk.services.case.common import resolve_item, resolve_testimony
from evidence_desk.services.case.testimony_records import AttachedTo, Attachment

ATTACHMENT = case_index.ATTACHMENT


def attachments_of(session: Session, item_id: int) -> list[Attachment]:
    rows = queries.attachments(session, item_id, ATTACHMENT)
    return [
        Attachment(
            item_id=i.id,
            id=i.uuid,
            exhibit=i.exhibit,
            kind=i.kind,
            title=i.title,
            sha256=i.sha256,
            note=note,
        )
        for i, note in rows
    ]


def attach(
    archive: Archive, ref: str, item_refs: list[str], note: str = ""
) -> list[Attachment]:
    """Link recordings and scans (already ingested items); returns the attachments."""
    with archive.db.writer() as session:
        item, _ = resolve_testimony(session, ref)
        for other_ref in item_refs:
            other = resolve_item(session, other_ref)
            if other.id == item.id:
                raise EvidenceDeskError("a testimony cannot be attached to itself")
            if queries.link(session, item.id, other.id, ATTACHMENT) is not None:
                continue
            session.add(
                ItemLink(
                    from_item_id=item.id,
                    to_item_id=other.id,
                    relation=ATTACHMENT,
                    note=note,
                    created_at=utcnow(),
                )
            )
            session.flush()
            _log_link(session, archive, item, other, "attach")
            case_index.index_item(session, other.id)
        return attachments_of(session, item.id)


def detach(archive: Archive, ref: str, item_refs: list[str]) -> list[Attachment]:
    with archive.db.writer() as session:
        item, _ = resolve_testimony(session, ref)
        for other_ref in item_refs:
            other = resolve_item(session, other_ref)
            link = queries.link(session, item.id, other.id, ATTACHMENT)
            if link is None:
                continue
            session.delete(link)
            session.flush()
            _log_link(session, archive, item, other, "detach")
            case_index.index_item(session, other.id)
        return attachments_of(session, item.id)


def _log_link(
    session: Session, archive: Archive, testimony: Item, other: Item, action: str
) -> None:
    """Both ends get an event: each item's history shows the link."""
    for subject, counterpart in ((testimony, other), (other, testimony)):
        custody.append(
            session,
            archive,
            custody_chain.METADATA_MODIFICATION,
            item=subject,
            details={
                "record": KIND,
                "action": action,
                "relation": ATTACHMENT,
                "other": counterpart.uuid,
                "other_exhibit": counterpart.exhibit,
            },
        )


def testimonies_of_item(session: Session, item_id: int) -> list[AttachedTo]:
    """The testimonies an item is attached to (codes only)."""
    rows = queries.attached_to(session, item_id, ATTACHMENT)
    return [
        AttachedTo(item_id=i.id, exhibit=i.exhibit, witness_code=t.witness_code) for i, t in rows
    ]
