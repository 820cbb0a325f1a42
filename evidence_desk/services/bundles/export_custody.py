"""custody.json of a bundle: the stretch of the archive's chain the exported items need.

Streams the events from the database in log order through
``core.bundle_custody.segment_entries`` (full events, or in the redacted
profile sealed ones with pseudonymous actors) straight into the file, so a
long chain costs no memory; returns each item's events for the report.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from evidence_desk.core import bundle_layout as L
from evidence_desk.core import custody_chain
from evidence_desk.core.bundle_custody import segment_entries
from evidence_desk.core.bundle_items import ExportItem
from evidence_desk.core.bundle_metadata import write_json_with_list
from evidence_desk.db.queries import bundle_export as queries
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.bundles.report import CustodySummary


def write_custody(
    archive: Archive, items: list[ExportItem], header: dict[str, Any], path: Path, profile: str
) -> dict[str, list[CustodySummary]]:
    """custody.json (see core.bundle_custody); returns each item's events for the report."""
    wanted = {i.uuid for i in items}
    uuids = sorted(wanted)
    summaries: dict[str, list[CustodySummary]] = {}
    with archive.db.reader() as session:
        first, last = queries.custody_span(session, uuids) or (0, -1)
        rows = queries.custody_events(session, first, last)

        def events() -> Iterator[dict[str, Any]]:
            for row in rows:
                yield {**custody.to_record(row).as_dict(), "seq": row.id}

        def collected() -> Iterator[dict[str, Any]]:
            include = lambda e: e.get("item_uuid") in wanted  # noqa: E731
            for entry in segment_entries(events(), include, redacted=profile == "redacted"):
                if "withheld" not in entry:
                    summaries.setdefault(entry["item_uuid"], []).append(_summary(entry))
                yield entry

        custody_header = {
            "format": L.CUSTODY_FORMAT,
            "archive": header["archive"],
            "bundle": header["bundle"],
            "profile": profile,
            "hash_algorithm": "SHA-256",
            "canonical_json": "UTF-8 JSON of the hashed fields, keys sorted, no spaces "
            "(separators ',' and ':'), non-ASCII characters not escaped",
            "hashed_fields": list(custody_chain.HASHED_FIELDS),
            "genesis_prev_hash": custody_chain.GENESIS,
            "entries_note": "full events: recompute hash; sealed events and withheld runs: "
            "check links only (each prev_hash equals the previous entry's hash)"
            + (
                "; every event is sealed, its actor a pseudonym (custodian N) and its details "
                "only hashes, identifiers and numbers"
                if profile == "redacted"
                else ""
            ),
        }
        write_json_with_list(path, custody_header, "entries", collected())
    return summaries


def _summary(entry: dict[str, Any]) -> CustodySummary:
    return CustodySummary(
        occurred_at=entry.get("occurred_at"),
        event_type=entry.get("event_type"),
        actor=entry.get("actor"),
        outcome=entry.get("outcome"),
        hash=entry.get("hash"),
        sealed=bool(entry.get("sealed")),
    )
