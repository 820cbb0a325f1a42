"""custody.json of a bundle: the stretch of the archive's chain the exported items need.

Streams the events from the database in log order through
``core.bundle_custody.segment_entries`` (full events, or in the redacted
profile sealed ones with pseudonymous actors) straight into the file, so a
long chain costs no memory; returns each item's events for the report.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from evidence_desk.core import bundle_layout as L
from evidence_desk.core import custody_chain, fixity_run
from evidence_desk.core.bundle_custody import segment_entries
from evidence_desk.core.bundle_items import ExportItem
from evidence_desk.core.bundle_metadata import write_json_with_list
from evidence_desk.db.queries import bundle_export as queries
from evidence_desk.db.queries import custody as q
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.bundles.report import CustodySummary


def write_custody(
    archive: Archive, items: list[ExportItem], header: dict[str, Any], path: Path, profile: str
) -> dict[str, list[CustodySummary]]:
    """custody.json (see core.bundle_custody); returns each item's events for the report.

    The fixity runs that covered an exported item travel in full (or sealed) like
    its own events, so the recipient re-checks their hashes too.
    """
    wanted = {i.uuid for i in items}
    summaries: dict[str, list[CustodySummary]] = {}
    with archive.db.reader() as session:
        spans = q.first_and_last_ids(session, sorted(wanted))
        first_seqs = {u: first for u, (first, _last) in spans.items()}
        first = min(first_seqs.values(), default=0)
        last = max((end for _start, end in spans.values()), default=-1)
        if spans:
            for run in q.fixity_runs_after(session, first):
                if fixity_run.covers_any(custody.to_record(run).details, first_seqs):
                    last = max(last, run.id)
        rows = queries.custody_events(session, first, last)
        failed: dict[str, set[str]] = {}  # item uuid -> runs that found it damaged
        covered: dict[str, list[str]] = {}  # a run event's hash -> the items it covered

        def events() -> Iterator[dict[str, Any]]:
            for row in rows:
                yield {**custody.to_record(row).as_dict(), "seq": row.id}

        def include(event: Mapping[str, Any]) -> bool:
            item_uuid = event.get("item_uuid")
            if item_uuid in wanted:
                run = fixity_run.failed_in(event)
                if run:
                    failed.setdefault(str(item_uuid), set()).add(run)
                return True
            if not fixity_run.is_run(event):
                return False
            details, run_uuid = event.get("details") or {}, event.get("uuid")
            items_covered = [
                u
                for u, seq in first_seqs.items()
                if fixity_run.covers(details, u, seq, failed.get(u, ()), run_uuid)
            ]
            if items_covered:
                covered[str(event["hash"])] = items_covered
            return bool(items_covered)

        def collected() -> Iterator[dict[str, Any]]:
            for entry in segment_entries(events(), include, redacted=profile == "redacted"):
                if "withheld" not in entry:
                    summary = _summary(entry)
                    owners = covered.get(entry["hash"]) or [entry["item_uuid"]]
                    for owner in owners:
                        summaries.setdefault(owner, []).append(summary)
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
