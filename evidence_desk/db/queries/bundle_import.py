"""The lookups of a bundle import (services/bundles/importing.py and import_rows.py).

An import asks, item by item, whether the archive already holds the content
(same SHA-256: the item gains a source instead of a copy) and which of the
sender's references and custody events it already recorded, so importing the
same bundle twice adds nothing twice.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from evidence_desk.db.models import ExternalRef, ImportedCustodyEvent


def has_external_ref(session: Session, item_id: int, system: str, ref: str) -> bool:
    """Whether the item already records ``ref`` as its number in archive ``system``."""
    found = session.scalar(
        select(ExternalRef.id).where(
            ExternalRef.item_id == item_id, ExternalRef.system == system, ExternalRef.ref == ref
        )
    )
    return found is not None


def imported_event_hashes(session: Session, item_id: int, system: str) -> set[str]:
    """Hashes of the custody events of archive ``system`` already kept for the item."""
    return set(
        session.scalars(
            select(ImportedCustodyEvent.hash).where(
                ImportedCustodyEvent.item_id == item_id,
                ImportedCustodyEvent.source_archive_uuid == system,
            )
        )
    )
