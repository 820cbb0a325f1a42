"""Everything the case records say about one catalogue item, in one call.

The catalogue's detail panel and ``item_to_json`` show a file's own
metadata; this adds its case context — incidents, place, people, the
testimonies it is attached to (or, for a testimony, its attachments) and
its corrected capture time — without the item service having to know the
case tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.db.models import Item
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case.clock import CaptureTime, capture_times
from evidence_desk.services.case.common import resolve_item
from evidence_desk.services.case.incident_records import IncidentSummary
from evidence_desk.services.case.incidents import incidents_of_item
from evidence_desk.services.case.person_records import LinkedPerson
from evidence_desk.services.case.persons import persons_of_item
from evidence_desk.services.case.place_records import ItemPlacement
from evidence_desk.services.case.places import item_places
from evidence_desk.services.case.testimony_attachments import attachments_of, testimonies_of_item
from evidence_desk.services.case.testimony_records import AttachedTo, Attachment


@dataclass(frozen=True)
class CaseContext:
    """An item's incidents, places, people, testimonies (or attachments) and capture time."""

    incidents: list[IncidentSummary]
    places: list[ItemPlacement]
    persons: list[LinkedPerson]
    testimonies: list[AttachedTo]
    attachments: list[Attachment]
    capture_time: CaptureTime

    def as_json(self) -> dict[str, Any]:
        return {
            "incidents": [i.as_json() for i in self.incidents],
            "places": [p.as_json() for p in self.places],
            "persons": [p.as_json() for p in self.persons],
            "testimonies": [t.as_json() for t in self.testimonies],
            "attachments": [a.as_json() for a in self.attachments],
            "capture_time": self.capture_time.as_json(),
        }


def case_context(session: Session, item: Item) -> CaseContext:
    return CaseContext(
        incidents=incidents_of_item(session, item.id),
        places=item_places(session, item.id),
        persons=persons_of_item(session, item.id),
        testimonies=testimonies_of_item(session, item.id),
        attachments=attachments_of(session, item.id),
        capture_time=capture_times(session, item),
    )


def item_case_context(archive: Archive, ref: str) -> CaseContext:
    """The case context of one item (exhibit number, UUID, hash prefix or witness code)."""
    with archive.db.reader() as session:
        return case_context(session, resolve_item(session, ref))


@dataclass(frozen=True)
class ItemCase:
    """An item's exhibit number with its case context (what the detail panel's tab shows)."""

    item_id: int
    exhibit: str
    context: CaseContext


def item_case(archive: Archive, item_id: int) -> ItemCase:
    """The case context of the item with this row id (as the catalogue's views know it)."""
    with archive.db.reader() as session:
        item = session.get(Item, item_id)
        if item is None:
            raise EvidenceDeskError("the item is no longer in the archive")
        return ItemCase(item.id, item.exhibit, case_context(session, item))
