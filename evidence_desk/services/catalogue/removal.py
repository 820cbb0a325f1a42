"""Removing items from the catalogue: explicit, reasoned, logged, reversible.

Evidence is never deleted silently. Removal hides an item from the
catalogue, records who removed it, when and why as a PREMIS "deletion"
event, and leaves the original in the object store, so the item can be
restored and a fixity check still covers it. Destroying the original
(purging) is deliberately not offered here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from evidence_desk.core import custody_chain
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import Archive, utcnow
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.catalogue.items import resolve

MIN_REASON_CHARS = 3


@dataclass(frozen=True)
class RemovalResult:
    changed: list[str]  # exhibits whose state changed
    unchanged: list[str]  # already in the requested state


def _reason(reason: str) -> str:
    cleaned = " ".join(reason.split())
    if len(cleaned) < MIN_REASON_CHARS:
        raise EvidenceDeskError("give a reason for removing evidence (it is kept in the log)")
    return cleaned


def remove_items(archive: Archive, refs: Iterable[str], reason: str) -> RemovalResult:
    """Hide items from the catalogue with a logged reason; originals stay in the store."""
    why = _reason(reason)
    changed: list[str] = []
    unchanged: list[str] = []
    with archive.db.writer() as session:
        for ref in refs:
            item = resolve(session, ref)
            if item.removed_at is not None:
                unchanged.append(item.exhibit)
                continue
            item.removed_at = utcnow()
            item.removed_reason = why
            session.flush()
            custody.append(
                session,
                archive,
                custody_chain.DELETION,
                item=item,
                details={
                    "action": "removed from catalogue",
                    "reason": why,
                    "sha256": item.sha256,
                    "original_kept": True,
                },
            )
            changed.append(item.exhibit)
    return RemovalResult(changed, unchanged)


def restore_items(archive: Archive, refs: Iterable[str], reason: str = "") -> RemovalResult:
    """Bring removed items back into the catalogue; the restoration is logged too."""
    why = " ".join(reason.split())
    changed: list[str] = []
    unchanged: list[str] = []
    with archive.db.writer() as session:
        for ref in refs:
            item = resolve(session, ref)
            if item.removed_at is None:
                unchanged.append(item.exhibit)
                continue
            before = {
                "removed_at": item.removed_at.isoformat(),
                "removed_reason": item.removed_reason,
            }
            item.removed_at = None
            item.removed_reason = None
            session.flush()
            custody.append(
                session,
                archive,
                custody_chain.METADATA_MODIFICATION,
                item=item,
                details={"field": "removed", "before": before, "after": None, "reason": why},
            )
            changed.append(item.exhibit)
    return RemovalResult(changed, unchanged)
