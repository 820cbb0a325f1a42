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
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from evidence_desk.core import bundle_layout as L
from evidence_desk.core import custody_chain
from evidence_desk.core.bagit_read import BagReader, open_bag, parse_manifest
from evidence_desk.core.store.base import Cancelled
from evidence_desk.core.thumbnails import derive
from evidence_desk.db.models import (
    ExternalRef,
    ImportedCustodyEvent,
    Item,
    Source,
    Tag,
)
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import Archive, utcnow
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.bundles.case_records_import import (
    CaseImport,
    case_files_in,
    import_case_records,
)
from evidence_desk.services.bundles.verify import BundleReport, verify_bundle
from evidence_desk.services.catalogue import search_index
from evidence_desk.services.intake.items import create_item
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


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _time(value: Any) -> datetime | None:
    """Naive UTC from an ISO string."""
    try:
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def _new_item(
    session: Session,
    archive: Archive,
    record: dict[str, Any],
    digest: str,
    size: int,
    thumb: bool,
    phash: str | None,
) -> Item:
    gps = record.get("gps") if isinstance(record.get("gps"), dict) else {}
    device = record.get("device") if isinstance(record.get("device"), dict) else {}
    sensitivity = record.get("sensitivity")
    metadata = record.get("metadata") if isinstance(record.get("metadata"), dict) else {}
    warnings = record.get("warnings") if isinstance(record.get("warnings"), list) else []
    item = create_item(
        session,
        archive,
        sha256=digest,
        size=size,
        kind=(_str(record.get("kind")) or "other")[:16],
        mime_type=_str(record.get("mime_type")) or "application/octet-stream",
        title=_str(record.get("title")) or "",
        description=_str(record.get("description")) or "",
        notes=_str(record.get("notes")) or "",
        sensitivity=sensitivity if sensitivity in SENSITIVITIES else "restricted",
        gps_lat=_num(gps.get("lat")),
        gps_lon=_num(gps.get("lon")),
        gps_alt=_num(gps.get("alt")),
        device_make=_str(device.get("make")),
        device_model=_str(device.get("model")),
        width=_int(record.get("width")),
        height=_int(record.get("height")),
        duration_s=_num(record.get("duration_s")),
        phash=(phash or None) and phash[:16],
        has_thumbnail=thumb,
        metadata_json=json.dumps(metadata, ensure_ascii=False),
        warnings_json=json.dumps([w for w in warnings if isinstance(w, str)], ensure_ascii=False),
    )
    _set_capture(item, record)
    return item


def _set_capture(item: Item, record: dict[str, Any]) -> None:
    text = _str(record.get("captured_at"))
    if not text:
        return
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return
    offset = when.utcoffset()
    local = when.replace(tzinfo=None)
    item.captured_local = local
    item.captured_offset_min = int(offset.total_seconds() // 60) if offset is not None else None
    item.captured_utc = local - offset if offset is not None else None
    item.captured_sort = item.captured_utc or local
    item.captured_source = (_str(record.get("captured_at_source")) or "")[:32] or None
    precision = _str(record.get("captured_at_precision"))
    item.captured_precision = precision if precision in ("second", "day") else None
    item.captured_note = _str(record.get("captured_at_note"))


def _add_sources(
    session: Session,
    archive: Archive,
    item: Item,
    record: dict[str, Any],
    report: ImportReport,
    file: str,
    batch: str,
    duplicate: bool,
) -> None:
    now = utcnow()
    bundle = record.get("bundle") or {}
    notes = [f"bundle {report.bundle_uuid}", f"sender exhibit {record.get('exhibit')}"]
    notes.append(f"signed by key {report.verification.signer_fingerprint}")
    if bundle.get("redacted"):
        notes.append(f"redacted copy; SHA-256 of the original {bundle.get('original_sha256')}")
    item.sources.append(
        Source(
            batch_uuid=batch,
            original_path=f"{report.path} :: {file}",
            original_name=_str(record.get("original_name")) or file.rsplit("/", 1)[-1],
            received_from=f"{report.sender_name or 'unnamed archive'} ({report.sender_uuid})",
            method="bundle import",
            collector=archive.actor,
            acquired_at=date.today().isoformat(),
            notes="; ".join(notes),
            recorded_at=now,
            host=archive.host,
        )
    )
    existing = {(s.original_path, s.received_from, s.method, s.collector) for s in item.sources}
    for s in record.get("sources") or []:
        if not isinstance(s, dict):
            continue
        key = tuple(_str(s.get(k)) or "" for k in ("original_path", "received_from", "method"))
        key = (*key, _str(s.get("collector")) or "")
        if duplicate and key in existing:
            continue
        existing.add(key)
        raw = _str(s.get("original_path_bytes_hex"))
        try:
            raw_bytes = bytes.fromhex(raw) if raw else None
        except ValueError:
            raw_bytes = None
        batch_id = _str(s.get("batch")) or batch
        item.sources.append(
            Source(
                batch_uuid=batch_id[:36],
                original_path=key[0],
                original_path_bytes=raw_bytes,
                original_name=_str(s.get("original_name")) or "",
                fs_mtime=_time(s.get("file_mtime")),
                fs_birthtime=_time(s.get("file_birthtime")),
                received_from=key[1],
                method=key[2],
                collector=key[3],
                acquired_at=(_str(s.get("acquired_at")) or "")[:32] or None,
                notes=f"[as recorded by {report.sender_name} ({report.sender_uuid})] "
                + (_str(s.get("notes")) or ""),
                recorded_at=_time(s.get("recorded_at")) or now,
                host=_str(s.get("host")) or "",
            )
        )


def _add_refs(
    session: Session,
    item: Item,
    record: dict[str, Any],
    report: ImportReport,
    history: dict[str, list[tuple[int, dict[str, Any]]]],
) -> None:
    system = report.sender_uuid or "unknown"
    ref = str(record.get("exhibit") or "")
    if ref and not session.scalar(
        select(ExternalRef.id).where(
            ExternalRef.item_id == item.id, ExternalRef.system == system, ExternalRef.ref == ref
        )
    ):
        session.add(ExternalRef(item_id=item.id, system=system, ref=ref, recorded_at=utcnow()))
    have = set(
        session.scalars(
            select(ImportedCustodyEvent.hash).where(
                ImportedCustodyEvent.item_id == item.id,
                ImportedCustodyEvent.source_archive_uuid == system,
            )
        )
    )
    for position, entry in history.get(str(record.get("id")), []):
        if entry.get("hash") in have:
            continue
        session.add(
            ImportedCustodyEvent(
                item_id=item.id,
                source_archive_uuid=system,
                position=position,
                event_json=json.dumps(entry, ensure_ascii=False, sort_keys=True),
                hash=str(entry.get("hash")),
            )
        )


def _merge_tags(session: Session, item: Item, names: list[Any]) -> None:
    current = {t.name.casefold() for t in item.tags}
    wanted = [" ".join(n.split()) for n in names if isinstance(n, str) and n.strip()]
    if not wanted:
        return
    by_fold = {t.name.casefold(): t for t in session.scalars(select(Tag))}
    for name in wanted:
        if name.casefold() in current:
            continue
        tag = by_fold.get(name.casefold())
        if tag is None:
            tag = Tag(name=name)
            by_fold[name.casefold()] = tag
        item.tags.append(tag)
        current.add(name.casefold())


__all__ = ["ImportRefused", "ImportReport", "ImportResult", "import_bundle"]
