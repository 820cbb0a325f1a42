"""The one way an item comes into being: an exhibit number, a UUID, the tool and host.

Ingest, bundle import and testimonies (and any importer added later) create
items only through :func:`create_item`, so exhibit numbers are handed out in
one place, from a counter row taken in the same transaction that inserts the
item (see ``db.queries.numbering``), never as ``max() + 1``.
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.core.capture_time import CaptureTime
from evidence_desk.db.models import Item, Source
from evidence_desk.db.queries.numbering import EXHIBIT, take_number
from evidence_desk.services.archive.archive import Archive, utcnow

# Columns a caller may set besides the required ones; anything else is a mistake.
OPTIONAL_FIELDS = frozenset(
    {
        "description",
        "notes",
        "sensitivity",
        "gps_lat",
        "gps_lon",
        "gps_alt",
        "device_make",
        "device_model",
        "width",
        "height",
        "duration_s",
        "phash",
        "has_thumbnail",
        "metadata_json",
        "warnings_json",
        "captured_local",
        "captured_offset_min",
        "captured_utc",
        "captured_sort",
        "captured_source",
        "captured_precision",
        "captured_note",
    }
)


def create_item(
    session: Session,
    archive: Archive,
    *,
    sha256: str,
    size: int,
    kind: str,
    mime_type: str,
    title: str,
    item_uuid: str | None = None,
    ingested_at: datetime | None = None,
    capture: CaptureTime | None = None,
    source: Source | None = None,
    **fields: Any,
) -> Item:
    """Number a new item, add it to ``session`` and flush it (so it has an id).

    ``source``, where the item came from, is inserted in the same flush: one
    flush fewer per item (ingest records thousands of photos in a row).

    ``fields`` are further ``Item`` columns (see ``OPTIONAL_FIELDS``);
    ``capture`` fills the capture-time columns from an extracted capture time.
    The caller owns the transaction: rolled back, the number is not used up.
    """
    unknown = set(fields) - OPTIONAL_FIELDS
    if unknown:
        raise TypeError(f"create_item: unknown item fields {sorted(unknown)}")
    values: dict[str, Any] = {
        "description": "",
        "notes": "",
        "sensitivity": "restricted",
        "metadata_json": "{}",
        "warnings_json": "[]",
        **fields,
    }
    item = Item(
        uuid=item_uuid or str(uuid_module.uuid4()),
        exhibit_no=take_number(session, EXHIBIT),
        sha256=sha256,
        size=size,
        kind=kind,
        mime_type=mime_type,
        title=title,
        ingested_at=ingested_at or utcnow(),
        tool_version=archive.tool,
        host=archive.host,
        # A new item has neither: saying so spares a SELECT for each when the caller
        # appends its source and the search index reads its tags.
        sources=[source] if source is not None else [],
        tags=[],
        **values,
    )
    if capture is not None:
        item.captured_local = capture.local
        item.captured_offset_min = capture.offset_minutes
        item.captured_utc = capture.utc()
        item.captured_sort = capture.sort_key()
        item.captured_source = capture.source
        item.captured_precision = capture.precision
        item.captured_note = capture.note
    session.add(item)
    session.flush()
    return item
