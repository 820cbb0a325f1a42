"""Everything the case records say about one catalogue item, in one call.

The catalogue's detail panel and ``item_to_json`` show a file's own
metadata; this adds its case context — incidents, place, people, the
testimonies it is attached to (or, for a testimony, its attachments) and
its corrected capture time — without the item service having to know the
case tables.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.db.models import Item
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.case.clock import capture_times
from evidence_desk.services.case.common import resolve_item
from evidence_desk.services.case.incidents import incidents_of_item
from evidence_desk.services.case.persons import persons_of_item
from evidence_desk.services.case.places import item_places
from evidence_desk.services.case.testimony_attachments import attachments_of, testimonies_of_item


def case_context(session: Session, item: Item) -> dict[str, Any]:
    return {
        "incidents": incidents_of_item(session, item.id),
        "places": [p.as_json() for p in item_places(session, item.id)],
        "persons": [p.as_json() for p in persons_of_item(session, item.id)],
        "testimonies": [t.as_json() for t in testimonies_of_item(session, item.id)],
        "attachments": [a.as_json() for a in attachments_of(session, item.id)],
        "capture_time": capture_times(session, item),
    }


def item_case_context(archive: Archive, ref: str) -> dict[str, Any]:
    """The case context of one item (exhibit number, UUID, hash prefix or witness code)."""
    with archive.db.reader() as session:
        return case_context(session, resolve_item(session, ref))
