"""Helpers shared by the case-record tests: real media ingested into an archive.

Named test_case_* so it sits with the tests it serves; it defines no tests.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from evidence_desk.db.models import CustodyEvent
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests import media

# Points a few hundred metres from the seeded place centres.
REPUBLIC_SQUARE = (43.2385, 76.9450, None)
ALMATY_WEST = (43.2389, 76.8897, None)
ATYRAU = (47.1050, 51.9150, None)
FAR_STEPPE = (48.0, 67.0, None)


def add_file(archive: Archive, folder: Path, name: str, **kwargs: Any) -> str:
    """Make ``name`` (.jpg, .mp4 or .pdf) with ``kwargs`` for the factory, ingest it, return
    its exhibit."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if name.endswith(".jpg"):
        digest = hashlib.sha256(name.encode()).digest()
        kwargs.setdefault("color", (digest[0], digest[1], digest[2]))
        media.make_jpeg(path, **kwargs)
    elif name.endswith(".mp4"):
        media.make_mp4(path, **kwargs)
    elif name.endswith(".pdf"):
        media.make_pdf(path, **kwargs)
    else:
        path.write_text(kwargs.get("text", name), encoding="utf-8")
    report = ingest(archive, [path], provenance=Provenance(received_from="test"))
    assert report.ok, report.results
    return report.results[0].exhibit  # type: ignore[return-value]


def custody_details(archive: Archive, item_uuid: str | None = None) -> list[dict[str, Any]]:
    """Every custody event (or one item's), with details parsed."""
    with archive.db.reader() as session:
        stmt = select(CustodyEvent).order_by(CustodyEvent.id)
        if item_uuid is not None:
            stmt = stmt.where(CustodyEvent.item_uuid == item_uuid)
        return [
            {"event_type": e.event_type, "item_uuid": e.item_uuid, **json.loads(e.details_json)}
            for e in session.scalars(stmt)
        ]


def custody_text(archive: Archive) -> str:
    with archive.db.reader() as session:
        return "\n".join(session.scalars(select(CustodyEvent.details_json)))
