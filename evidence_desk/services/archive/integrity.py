"""Checks of the archive's database that the hash chain alone cannot make.

``verify`` calls :func:`check` once. In one pass over the custody log it
re-checks the hash chain, finds the event the signed checkpoint points at
(truncation, rewriting), and follows each item's evidentiary-record digests;
then it compares every item's current record with its last digest (direct
edits, named by exhibit and field) and the protective triggers with the ones
the migrations made, the counting triggers of ``db/counts.py`` as well
(restoring any that were dropped or altered, after reporting them; the counts
are counted again, as a dropped counting trigger let them drift).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidence_desk.core import custody_chain, evidence_digest, signing
from evidence_desk.core import custody_checkpoint as cp
from evidence_desk.db import counts
from evidence_desk.db.engine import StorageError
from evidence_desk.db.models import format_exhibit
from evidence_desk.db.queries import catalogue as catalogue_q
from evidence_desk.db.queries import custody as custody_q
from evidence_desk.db.queries import integrity as q

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive

# Which evidentiary fields an event may change: new receipts add provenance; a
# metadata modification changes the fields it names (a messenger export's send
# time replacing a file date is ``field: captured_at``); nothing else changes a
# record once it is made.
ALLOWED_CHANGES: dict[str, frozenset[str]] = {
    custody_chain.INGESTION: frozenset({"provenance"}),
    custody_chain.ACCESSION: frozenset({"provenance"}),
}
CAPTURE_FIELDS = frozenset(
    {
        "captured_local",
        "captured_offset_min",
        "captured_utc",
        "captured_source",
        "captured_precision",
    }
)
DECLARED_FIELDS: dict[str, frozenset[str]] = {
    "captured_at": CAPTURE_FIELDS,
    "capture_time": CAPTURE_FIELDS,
    "gps": frozenset({"gps_lat", "gps_lon", "gps_alt"}),
}


def _allowed(event: dict[str, Any]) -> frozenset[str]:
    allowed = ALLOWED_CHANGES.get(event["event_type"], frozenset())
    if event["event_type"] == custody_chain.METADATA_MODIFICATION:
        declared = event["details"].get("field")
        if isinstance(declared, str):
            allowed = allowed | DECLARED_FIELDS.get(declared, frozenset({declared}))
    return allowed


@dataclass(frozen=True)
class Finding:
    kind: str  # "chain" | "checkpoint" | "record" | "trigger"
    exhibit: str | None
    message: str


@dataclass
class IntegrityResult:
    events_checked: int = 0
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Last:
    digest: evidence_digest.RecordDigest
    occurred_at: str


@dataclass
class _LogScan:
    events: int = 0
    hashes_at: dict[int, str] = field(default_factory=dict)  # position -> hash, for anchors
    chain: list[custody_chain.ChainProblem] = field(default_factory=list)
    last: dict[str, _Last] = field(default_factory=dict)
    # (item uuid, fields, from time, to time) of changes no event accounts for
    jumps: list[tuple[str, list[str], str, str]] = field(default_factory=list)


def _scan_log(archive: Archive, anchors: set[int]) -> _LogScan:
    scan = _LogScan()

    def events() -> Any:
        # Plain rows, not ORM objects: at a million events the objects cost most of verify.
        with archive.db.reader() as session:
            for row in custody_q.chain_rows(session):
                event = dict(zip(custody_q.CHAIN_COLUMNS, row, strict=True))
                event["details"] = json.loads(event.pop("details_json"))
                scan.events += 1
                if scan.events in anchors:
                    scan.hashes_at[scan.events] = event["hash"]
                _follow_record(scan, event)
                yield event

    scan.chain = custody_chain.check_chain(events())
    return scan


def _follow_record(scan: _LogScan, event: dict[str, Any]) -> None:
    item_uuid = event.get("item_uuid")
    details = event.get("details")
    if not item_uuid or not isinstance(details, dict):
        return
    recorded = evidence_digest.from_details(details)
    if recorded is None:
        return
    before = scan.last.get(item_uuid)
    if before is not None:
        allowed = _allowed(event)
        changed = evidence_digest.changed_fields(before.digest, recorded)
        unexplained = [f for f in changed if f not in allowed]
        if unexplained:
            scan.jumps.append((item_uuid, unexplained, before.occurred_at, event["occurred_at"]))
    scan.last[item_uuid] = _Last(recorded, event["occurred_at"])


def _labels(fields: list[str]) -> str:
    return ", ".join(evidence_digest.label(f) for f in fields)


def _check_records(archive: Archive, scan: _LogScan, result: IntegrityResult) -> int:
    """Compare each item's record with its last digest; returns the exhibit high-water."""
    exhibits: dict[str, str] = {}
    unanchored = 0
    highest = 0
    if not scan.last:
        # No item has a digest in the log: nothing to compare, no jump, no deleted row to
        # name; every item is unanchored. Counted in SQL (a million rows cost 2 s here).
        with archive.db.reader() as session:
            unanchored, highest = custody_q.item_count(session), q.exhibit_high(session)
        _note_unanchored(result, unanchored)
        return highest
    with archive.db.reader() as session:
        for _id, item_uuid, number, rec in q.item_records(session, scan.last):
            exhibit = format_exhibit(number)
            exhibits[item_uuid] = exhibit
            highest = max(highest, number)
            last = scan.last.get(item_uuid)
            if last is None or rec is None:
                unanchored += 1
                continue
            if evidence_digest.full_digest(rec) == last.digest.digest:
                continue
            changed = evidence_digest.changed_fields(last.digest, evidence_digest.digest(rec))
            if changed:
                result.findings.append(
                    Finding(
                        "record",
                        exhibit,
                        f"{exhibit}: {_labels(changed)} edited directly in the database "
                        f"(differs from the custody event of {last.occurred_at})",
                    )
                )
        highest = max(highest, q.exhibit_high(session))
    for item_uuid, fields, since, until in scan.jumps:
        exhibit = exhibits.get(item_uuid, f"item {item_uuid}")
        result.findings.append(
            Finding(
                "record",
                exhibits.get(item_uuid),
                f"{exhibit}: {_labels(fields)} changed without a custody event "
                f"between {since} and {until}",
            )
        )
    for item_uuid in sorted(set(scan.last) - set(exhibits)):
        result.findings.append(
            Finding(
                "record",
                None,
                f"item {item_uuid} is in the custody log but missing from the database "
                "(its row was deleted)",
            )
        )
    _note_unanchored(result, unanchored)
    return highest


def _note_unanchored(result: IntegrityResult, unanchored: int) -> None:
    if unanchored:
        result.notes.append(
            f"{unanchored} item(s) were recorded before evidentiary-record digests existed; "
            "their hash and size are checked, their other fields cannot be"
        )


def _load_checkpoint(archive: Archive, result: IntegrityResult) -> cp.Checkpoint | None:
    path = archive.root / cp.FILE_NAME
    try:
        found = cp.read(path)
        if found is None:
            result.findings.append(
                Finding(
                    "checkpoint",
                    None,
                    f"custody checkpoint {path} is missing: the end of the custody log cannot "
                    "be checked (a truncated log would pass); `evidence-desk doctor --reanchor` "
                    "writes a new one once the log is known to be complete",
                )
            )
            return None
        key = archive.signing_key().public_key()
        cp.check_signature(found, key, str(path))
        return found
    except (cp.CheckpointError, signing.SigningKeyError) as exc:
        result.findings.append(Finding("checkpoint", None, f"custody checkpoint: {exc}"))
        return None


def _check_triggers(archive: Archive, result: IntegrityResult, restore: bool) -> None:
    with archive.db.reader() as session:
        wrong = q.trigger_problems(session)
        counting = q.trigger_problems(session, counts.TRIGGERS)
    if not wrong and not counting:
        return
    for name, state in wrong:
        result.findings.append(
            Finding(
                "trigger",
                None,
                f"database trigger {name} is {state}: the database was changed outside "
                "Evidence Desk, and edits it should refuse were possible",
            )
        )
    for name, state in counting:
        result.findings.append(
            Finding(
                "trigger",
                None,
                f"database trigger {name} is {state}: the database was changed outside "
                "Evidence Desk, and the catalogue's counts it keeps may be wrong (no evidence "
                "depends on them); they are counted again when it is put back",
            )
        )
    if not restore:
        return
    if archive.read_only:
        result.notes.append("triggers not restored: the archive is read-only")
        return
    names = [name for name, _ in wrong + counting]
    try:
        with archive.db.writer() as session:
            q.restore_triggers(session, [name for name, _ in wrong])
            if counting:
                catalogue_q.rebuild_counts(session)
        result.notes.append(f"restored trigger(s): {', '.join(names)}")
        if counting:
            result.notes.append("the catalogue's counts were counted again from the items")
    except StorageError as exc:
        result.notes.append(f"triggers not restored: {exc}")


def _load_earlier(archive: Archive, path: Path, result: IntegrityResult) -> cp.Checkpoint | None:
    """A checkpoint kept elsewhere (a bundle sent out, a copy on another disk)."""
    try:
        found = cp.read(path)
        if found is None:
            raise cp.CheckpointError(f"{path}: no such file")
        key = archive.signing_key().public_key()
        cp.check_signature(found, key, str(path))
        return found
    except (cp.CheckpointError, signing.SigningKeyError) as exc:
        result.findings.append(Finding("checkpoint", None, f"earlier checkpoint: {exc}"))
        return None


def check(
    archive: Archive, *, restore: bool = True, earlier: Sequence[Path] = ()
) -> IntegrityResult:
    """Every check above; ``restore`` puts back missing or altered triggers after reporting.

    ``earlier`` are checkpoints of this archive kept elsewhere (a bundle's
    ``custody-checkpoint.json``): the log must still hold each one's head. This
    catches a rewrite even by someone who also took the signing key, as long
    as the earlier checkpoint was out of their reach.
    """
    result = IntegrityResult()
    checkpoint = _load_checkpoint(archive, result)
    others = [(p, c) for p in earlier if (c := _load_earlier(archive, p, result)) is not None]
    anchors = {c.events for _p, c in others}
    if checkpoint is not None:
        anchors.add(checkpoint.events)
    scan = _scan_log(archive, anchors)
    result.events_checked = scan.events
    for problem in scan.chain:
        result.findings.append(
            Finding("chain", None, f"custody log event #{problem.position}: {problem.message}")
        )
    highest = _check_records(archive, scan, result)
    if checkpoint is not None:
        with archive.db.reader() as session:
            own_uuid = q.archive_uuid(session)
        if checkpoint.archive_uuid != own_uuid:
            result.findings.append(
                Finding(
                    "checkpoint",
                    None,
                    f"custody checkpoint belongs to archive {checkpoint.archive_uuid}, "
                    f"not to this one ({own_uuid})",
                )
            )
        compared = cp.compare(
            checkpoint.state, scan.events, scan.hashes_at.get(checkpoint.events), highest
        )
        if not compared.ok:
            result.findings.append(Finding("checkpoint", None, compared.message))
    for path, other in others:
        compared = cp.compare(other.state, scan.events, scan.hashes_at.get(other.events), highest)
        if not compared.ok:
            message = f"against {path}: {compared.message}"
            result.findings.append(Finding("checkpoint", None, message))
        else:
            result.notes.append(f"the log still holds the head recorded in {path}")
    _check_triggers(archive, result, restore)
    return result
