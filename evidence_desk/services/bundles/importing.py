"""Importing a colleague's bundle: verify first, then add what is new.

Nothing is written before the whole bundle has verified (safety, checksums,
signature, custody hashes), so a hostile or damaged bundle is refused with
the reason and leaves no trace. Then each item is copied into the object
store (its hash checked again against the manifest, in case the USB stick
changed under us) and recorded in one transaction, as ingest does:

- content already in the archive (same SHA-256) is not copied again; the
  item gains a source and the sender's references instead;
- the sender's provenance is kept: one source "bundle import" naming the
  sending archive, plus the sources the sender had recorded;
- the sender's custody events are kept verbatim as imported history, and an
  "accession" event enters this archive's own chain;
- the sender's exhibit number becomes an external reference, so "their
  ED-000012" can always be found here.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from evidence_desk.core import bundle_layout as L
from evidence_desk.core import custody_chain
from evidence_desk.core.bagit_read import BagReader, open_bag, parse_manifest
from evidence_desk.core.store.base import Cancelled
from evidence_desk.core.thumbnails import derive
from evidence_desk.db.models import (
    Item,
)
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.bundles.case_records_import import (
    CaseImport,
    case_files_in,
    import_case_records,
)
from evidence_desk.services.bundles.item_records import (
    _add_refs,
    _add_sources,
    _merge_tags,
    _new_item,
    _str,
)
from evidence_desk.services.bundles.verify import BundleReport, verify_bundle
from evidence_desk.services.catalogue import search_index
from evidence_desk.services.work import (
    CancelCheck,
    Progress,
    ProgressCallback,
    never_cancelled,
    no_progress,
)

SENSITIVITIES = ("public", "restricted", "confidential")


class ImportRefused(EvidenceDeskError):
    """The bundle failed verification or is unsafe; nothing was written."""


@dataclass
class ImportResult:
    sender_exhibit: str
    status: str  # "new" | "duplicate" | "failed"
    exhibit: str | None = None
    sha256: str | None = None
    messages: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    path: str
    verification: BundleReport
    sender_uuid: str | None = None
    sender_name: str | None = None
    bundle_uuid: str | None = None
    results: list[ImportResult] = field(default_factory=list)
    cancelled: bool = False
    case: CaseImport | None = None

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def ok(self) -> bool:
        return not self.cancelled and self.count("failed") == 0

    def as_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "ok": self.ok,
            "sender_uuid": self.sender_uuid,
            "sender_name": self.sender_name,
            "bundle_uuid": self.bundle_uuid,
            "signer_fingerprint": self.verification.signer_fingerprint,
            "cancelled": self.cancelled,
            "new": self.count("new"),
            "duplicates": self.count("duplicate"),
            "failed": self.count("failed"),
            "items": [r.__dict__ for r in self.results],
            "case_records": self.case.__dict__ if self.case else None,
        }


def import_bundle(
    archive: Archive,
    path: Path,
    *,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancelled,
    expected_fingerprint: str | None = None,
) -> ImportReport:
    path = Path(path)
    state = Progress(0, 0, 0, 0, current="verifying")

    def verify_progress(p: Progress) -> None:
        state.files_total, state.bytes_total = p.files_total * 2, p.bytes_total * 2
        state.files_done, state.bytes_done, state.current = p.files_done, p.bytes_done, p.current
        progress(state)

    checked = verify_bundle(
        path,
        expected_fingerprint=expected_fingerprint,
        progress=verify_progress,
        cancelled=cancelled,
    )
    report = ImportReport(str(path), checked)
    if checked.cancelled:
        report.cancelled = True
        return report
    if not checked.ok:
        shown = "; ".join(p.message for p in checked.problems[:3]) or "the bundle is not signed"
        more = f" (and {len(checked.problems) - 3} more)" if len(checked.problems) > 3 else ""
        raise ImportRefused(f"{path.name} was not imported, nothing was written: {shown}{more}")
    report.sender_uuid = checked.archive_uuid
    report.sender_name = checked.archive_name
    report.bundle_uuid = checked.bundle_uuid
    with open_bag(path) as bag:
        _import_items(archive, bag, report, state, progress, cancelled)
        if not report.cancelled:
            _import_case_records(archive, bag, report)
    state.bytes_done, state.current = state.bytes_total, ""
    progress(state)
    return report


def _import_items(
    archive: Archive,
    bag: BagReader,
    report: ImportReport,
    state: Progress,
    progress: ProgressCallback,
    cancelled: CancelCheck,
) -> None:
    manifest, _ = parse_manifest(bag.read_small(L.MANIFEST), L.MANIFEST)
    records = json.loads(bag.read_small(L.ITEMS_JSON, 2 * 2**30))["items"]
    entries = json.loads(bag.read_small(L.CUSTODY_JSON, 2 * 2**30)).get("entries", [])
    history: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for position, entry in enumerate(entries, start=1):
        if isinstance(entry, dict) and entry.get("item_uuid"):
            history.setdefault(str(entry["item_uuid"]), []).append((position, entry))
    batch = str(uuid.uuid4())
    for record in records:
        if cancelled():
            report.cancelled = True
            return
        file = record["bundle"]["file"]
        sender_exhibit = str(record.get("exhibit") or file)
        state.current = sender_exhibit
        progress(state)
        digest = manifest[file]

        def on_bytes(n: int) -> None:
            state.bytes_done += n
            progress(state)

        try:
            result = _import_one(
                archive, bag, record, file, digest, report, history, batch, on_bytes, cancelled
            )
        except Cancelled:
            report.cancelled = True
            return
        except OSError as exc:
            result = ImportResult(sender_exhibit, "failed", messages=[f"{exc.strerror or exc}"])
        report.results.append(result)
        state.files_done += 1
        progress(state)


def _import_case_records(archive: Archive, bag: BagReader, report: ImportReport) -> None:
    """Incidents, persons, places and testimonies, linked to the items just imported."""
    files = case_files_in(bag)
    if not files:
        return
    records = json.loads(bag.read_small(L.ITEMS_JSON, 2 * 2**30))["items"]
    by_exhibit = {r.sender_exhibit: r.exhibit for r in report.results if r.exhibit}
    items = {
        str(r.get("id")): by_exhibit[str(r.get("exhibit"))]
        for r in records
        if str(r.get("exhibit")) in by_exhibit
    }
    sender = f"{report.sender_name or 'unnamed archive'} ({report.sender_uuid})"
    report.case = import_case_records(archive, files, items, sender)


def _import_one(
    archive: Archive,
    bag: BagReader,
    record: dict[str, Any],
    file: str,
    digest: str,
    report: ImportReport,
    history: dict[str, list[tuple[int, dict[str, Any]]]],
    batch: str,
    on_bytes: Callable[[int], None],
    cancelled: CancelCheck,
) -> ImportResult:
    sender_exhibit = str(record.get("exhibit") or file)
    with archive.db.reader() as session:
        known = session.scalar(select(Item.id).where(Item.sha256 == digest)) is not None
    thumb = False
    phash = _str(record.get("phash"))
    if not known:
        with bag.open(file) as src:
            put = archive.store.put_stream(src, on_bytes=on_bytes, cancelled=cancelled)
        if put.sha256 != digest:
            if not put.existed:
                archive.store.discard(put.sha256)
            return ImportResult(
                sender_exhibit,
                "failed",
                messages=[f"{file} changed after verification; not imported"],
            )
        derived = derive(
            archive.store.reader(digest), _str(record.get("kind")) or "other",
            archive.thumbnail_path(digest),
        )  # fmt: skip
        thumb, phash = derived.thumbnail, phash or derived.phash
    else:
        on_bytes(bag.files.get(file, 0))
    with archive.db.writer() as session:
        item = session.scalars(select(Item).where(Item.sha256 == digest)).first()
        duplicate = item is not None
        if item is None:
            item = _new_item(session, archive, record, digest, bag.files[file], thumb, phash)
        _add_sources(session, archive, item, record, report, file, batch, duplicate)
        _add_refs(session, item, record, report, history)
        _merge_tags(session, item, record.get("tags") or [])
        session.flush()
        bundle = record.get("bundle") or {}
        custody.append(
            session,
            archive,
            custody_chain.ACCESSION,
            item=item,
            details={
                "bundle": report.bundle_uuid,
                "bundle_path": report.path,
                "file": file,
                "sha256": digest,
                "sender_archive_uuid": report.sender_uuid,
                "sender_archive_name": report.sender_name,
                "sender_exhibit": sender_exhibit,
                "sender_item_uuid": record.get("id"),
                "signing_key_fingerprint": report.verification.signer_fingerprint,
                "profile": report.verification.profile,
                "redacted": bool(bundle.get("redacted")),
                "original_sha256": bundle.get("original_sha256"),
                "duplicate": duplicate,
            },
        )
        if not duplicate:
            custody.append(
                session,
                archive,
                custody_chain.MESSAGE_DIGEST,
                item=item,
                details={"algorithm": "SHA-256", "digest": digest, "size": item.size},
            )
        search_index.reindex(session, item)
        status = "duplicate" if duplicate else "new"
        messages = [f"same content as {item.exhibit} (already in the archive)"] if duplicate else []
        return ImportResult(sender_exhibit, status, item.exhibit, digest, messages)


__all__ = ["ImportRefused", "ImportReport", "ImportResult", "import_bundle"]
