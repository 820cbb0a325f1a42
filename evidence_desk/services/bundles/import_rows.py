"""Turning validated bundle records into rows: items, sources, references, tags.

Called by ``bundle_import`` inside its one write transaction. The records
have passed their schema (core.bundle_schemas), so every value has the type
and range the columns expect; what is left is mapping and merging.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from evidence_desk.db.models import ExternalRef, ImportedCustodyEvent, Item, Source, Tag
from evidence_desk.db.queries import bundle_import as q
from evidence_desk.db.queries import item_lookup as lookup
from evidence_desk.services.archive.archive import Archive, utcnow
from evidence_desk.services.intake.items import create_item

if TYPE_CHECKING:
    from evidence_desk.services.bundles.importing import ImportReport

SENSITIVITIES = ("public", "restricted", "confidential")


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


def new_item(
    session: Session,
    archive: Archive,
    record: dict[str, Any],
    digest: str,
    size: int,
    thumb: bool,
    phash: str | None,
) -> Item:
    gps: dict[str, Any] = record.get("gps") or {}  # validated: an object or null
    device: dict[str, Any] = record.get("device") or {}
    sensitivity = record.get("sensitivity")
    metadata: dict[str, Any] = record.get("metadata") or {}
    warnings: list[Any] = record.get("warnings") or []
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


def add_sources(
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
        key = (
            _str(s.get("original_path")) or "",
            _str(s.get("received_from")) or "",
            _str(s.get("method")) or "",
            _str(s.get("collector")) or "",
        )
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


def add_refs(
    session: Session,
    item: Item,
    record: dict[str, Any],
    report: ImportReport,
    history: dict[str, list[tuple[int, dict[str, Any]]]],
) -> None:
    system = report.sender_uuid or "unknown"
    ref = str(record.get("exhibit") or "")
    if ref and not q.has_external_ref(session, item.id, system, ref):
        session.add(ExternalRef(item_id=item.id, system=system, ref=ref, recorded_at=utcnow()))
    have = q.imported_event_hashes(session, item.id, system)
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


def merge_tags(session: Session, item: Item, names: list[Any]) -> None:
    current = {t.name.casefold() for t in item.tags}
    wanted = [" ".join(n.split()) for n in names if isinstance(n, str) and n.strip()]
    if not wanted:
        return
    by_fold = {t.name.casefold(): t for t in lookup.all_tags(session)}
    for name in wanted:
        if name.casefold() in current:
            continue
        tag = by_fold.get(name.casefold())
        if tag is None:
            tag = Tag(name=name)
            by_fold[name.casefold()] = tag
        item.tags.append(tag)
        current.add(name.casefold())
