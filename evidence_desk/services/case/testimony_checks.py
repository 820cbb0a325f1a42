"""Integrity of statement texts kept in the database.

The first statement is also the item's stored original and is re-hashed by
``verify``; later versions exist only as database rows. This check proves
them: each text must match its recorded SHA-256, that hash must be the one
the custody log recorded when the version was made, and the first statement
must equal the stored original.
"""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from evidence_desk.db.queries import case_testimonies as queries
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.case.common import TESTIMONY as KIND
from evidence_desk.services.case.testimonies import TEXT_FIELDS, sha256_text, versions


def check_versions(archive: Archive) -> list[str]:
    """Problems with the statement texts of every testimony; empty when all is sound."""
    problems: list[str] = []
    with archive.db.reader() as session:
        for item in queries.items_of_kind(session, KIND):
            logged = _logged_hashes(session, item.uuid)
            rows = versions(session, item.id)
            for v in rows:
                where = f"{item.exhibit}: {v.field} version {v.version}"
                if sha256_text(v.text) != v.sha256:
                    problems.append(f"{where} no longer matches its recorded SHA-256")
                if logged.get((v.field, v.version), v.sha256) != v.sha256:
                    problems.append(f"{where} differs from the hash in the custody log")
            first = next((v for v in rows if (v.field, v.version) == ("statement", 1)), None)
            try:
                with archive.store.open(item.sha256) as f:
                    envelope = json.loads(f.read().decode("utf-8"))
            except (OSError, ValueError) as exc:
                problems.append(f"{item.exhibit}: stored statement unreadable ({exc})")
                continue
            if first is None or envelope.get("text") != first.text:
                problems.append(f"{item.exhibit}: first statement differs from the stored original")
    return problems


def _logged_hashes(session: Session, item_uuid: str) -> dict[tuple[str, int], str]:
    """(field, version) → SHA-256 as recorded in the custody log at each edit."""
    hashes: dict[tuple[str, int], str] = {}
    for details_json in queries.custody_details(session, item_uuid):
        details = json.loads(details_json)
        if details.get("record") != KIND:
            continue
        if details.get("action") == "new version":
            hashes[(details["field"], details["version"])] = details["after_sha256"]
        for field in TEXT_FIELDS:
            if f"{field}_sha256" in details:
                hashes[(field, 1)] = details[f"{field}_sha256"]
    return hashes
