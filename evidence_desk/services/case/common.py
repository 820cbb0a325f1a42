"""Small pieces shared by the case-record services: references and custody logging.

Changes to case records are logged in the custody chain as "metadata
modification" events, because a court may ask who linked a video to an
incident or who marked an incident verified. The details name records by
UUID and fields by name, never personal names or free text: a custody log
travels with exported bundles, and the people in it must not.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.core import custody_chain
from evidence_desk.db.models import Item
from evidence_desk.db.models_case import Incident, Testimony
from evidence_desk.db.queries import case_incidents, case_records
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.archive.errors import EvidenceDeskError, ItemNotFound
from evidence_desk.services.catalogue.items import UUID_RE, resolve

_NUMBER_RE = re.compile(r"^(?:([A-Za-z]+)-?)?0*(\d{1,9})$")
PREFIXES = {"incident": "INC", "person": "P", "place": "PL"}
TESTIMONY = "testimony"  # Item.kind of testimonies, and the "record" of their custody events


def new_uuid() -> str:
    return str(uuid.uuid4())


def display_ref(record: str, record_id: int) -> str:
    """``INC-0003``: short, stable within one archive, easy to say on the phone."""
    return f"{PREFIXES[record]}-{record_id:04d}"


def parse_ref(ref: str, record: str) -> tuple[str, int | str] | None:
    """("id", 3) for ``INC-3``/``3``, ("uuid", …) for a UUID, None otherwise."""
    ref = ref.strip()
    if UUID_RE.match(ref):
        return "uuid", ref.lower()
    match = _NUMBER_RE.match(ref)
    if match and (match.group(1) is None or match.group(1).upper() == PREFIXES[record]):
        return "id", int(match.group(2))
    return None


def resolve_item(session: Session, ref: str) -> Item:
    """An item by exhibit number, UUID or hash prefix, or a testimony by witness code."""
    item_id = case_records.testimony_item_id(session, ref)
    return session.get_one(Item, item_id) if item_id is not None else resolve(session, ref)


def resolve_testimony(session: Session, ref: str) -> tuple[Item, Testimony]:
    """By witness code (``W-0003``) or like any item (exhibit number, UUID, hash prefix)."""
    try:
        item = resolve_item(session, ref)
    except ItemNotFound:
        raise EvidenceDeskError(f"no testimony {ref!r} (give a witness code or exhibit)") from None
    testimony = session.get(Testimony, item.id)
    if testimony is None:
        raise EvidenceDeskError(f"{item.exhibit} is a {item.kind}, not a testimony")
    return item, testimony


def resolve_incident(session: Session, ref: str) -> Incident:
    """An incident by ``INC-3``, its number or UUID."""
    parsed = parse_ref(ref, "incident")
    incident = None
    if parsed and parsed[0] == "id":
        incident = session.get(Incident, parsed[1])
    elif parsed:
        incident = case_incidents.by_uuid(session, str(parsed[1]))
    if incident is None:
        raise EvidenceDeskError(f"no incident {ref!r} (give INC-number or UUID)")
    return incident


def log_change(
    session: Session,
    archive: Archive,
    record: str,
    record_uuid: str,
    action: str,
    *,
    item: Item | None = None,
    **details: Any,
) -> None:
    """One custody event for a change to a case record (or to an item's links)."""
    custody.append(
        session,
        archive,
        custody_chain.METADATA_MODIFICATION,
        item=item,
        details={"record": record, "record_uuid": record_uuid, "action": action, **details},
    )


def changed_fields(obj: object, values: dict[str, Any]) -> list[str]:
    """Set attributes that differ and return their names, in the given order."""
    changed = []
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed.append(name)
    return changed
