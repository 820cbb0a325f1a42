"""Exporting items as a signed BagIt bundle (folder or stored zip).

The order of work is chosen so that failure is always clean:

1. originals (or redacted copies) are streamed into a temporary bag beside
   the destination, hashed while written; each hash must equal the archive's
   record, so a damaged original is never passed on as evidence;
2. metadata, custody segment and report are written, then the tag files,
   and the tag manifest is signed with the archive's Ed25519 key;
3. in one database transaction a "replication" custody event is appended
   for every exported item and the bag is renamed to its final name; if the
   rename fails the events roll back, if the commit fails the bag is removed.

A cancelled or failed export therefore leaves neither a half bundle nor
custody events for an export that did not happen. The replication events
record the bundle's identifier and the SHA-256 of its signed tag manifest,
which names the exact bundle; they are not inside the bundle itself (a bundle
cannot contain the record of its own completion).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from evidence_desk.core import bundle_layout as L
from evidence_desk.core import (
    custody_chain,
    custody_checkpoint,
    export_leftovers,
    redaction,
    signing,
)
from evidence_desk.core.bagit_bundle import BagWriter
from evidence_desk.core.bagit_read import printable
from evidence_desk.core.bundle_items import ExportItem
from evidence_desk.core.bundle_metadata import write_items_csv, write_json_with_list, write_places
from evidence_desk.core.bundle_schemas_messages import MESSAGES_JSON
from evidence_desk.core.crypto.errors import RecipientError
from evidence_desk.core.crypto.recipients import parse_recipient
from evidence_desk.core.safe_zip import DEFAULT_LIMITS
from evidence_desk.core.store.base import Cancelled
from evidence_desk.db.queries import item_lookup
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import RAM_DIR, Archive
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.archive.settings import load_settings
from evidence_desk.services.bundles import case_records as case_bundle
from evidence_desk.services.bundles import message_records
from evidence_desk.services.bundles.export_custody import write_custody
from evidence_desk.services.bundles.export_redacted import (
    contact_name,
    exporter_identity,
    public_thumbnail,
)
from evidence_desk.services.bundles.report import (
    CustodySummary,
    ReportContext,
    ReportExhibit,
    case_report_lines,
    write_html,
    write_pdf,
)
from evidence_desk.services.bundles.selection import select_items
from evidence_desk.services.work import (
    CancelCheck,
    Progress,
    ProgressCallback,
    never_cancelled,
    no_progress,
)

MESSAGES_NAME = MESSAGES_JSON.rsplit("/", 1)[1]


class ExportError(EvidenceDeskError):
    """The export cannot be made; nothing was written."""


@dataclass
class ExportReport:
    path: Path | None
    profile: str
    bundle_uuid: str
    exported: list[str] = field(default_factory=list)
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (exhibit, reason)
    payload_files: int = 0
    payload_bytes: int = 0
    tagmanifest_sha256: str | None = None
    fingerprint: str | None = None
    cancelled: bool = False
    leftovers_removed: list[str] = field(default_factory=list)  # of earlier killed exports
    custody_recorded: bool = True  # False when the archive is read-only

    def as_json(self) -> dict[str, Any]:
        return {**self.__dict__, "path": str(self.path) if self.path else None}


def export_bundle(
    archive: Archive,
    item_refs: list[str] | None,
    *,
    incident: str | None = None,
    profile: str = "full",
    zip: bool = False,
    out: Path,
    recipients: list[str] | None = None,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancelled,
    exporter: str | None = None,
    language: str | None = None,
) -> ExportReport:
    """Export ``item_refs`` (or an incident's items, or every item when both are None).

    ``exporter`` names who exported the bundle (an organisation or a
    pseudonym); None takes the setting (see ``export_redacted.exporter_identity``).
    The report is written in ``language`` (en/ru/kk; default: the user's setting).

    With ``recipients`` (age public keys) the bundle is a zip encrypted to them
    as it is written (``out`` should end in ``.zip.age``): only its ciphertext
    ever reaches the destination.
    """
    if recipients:
        try:
            for recipient in recipients:
                parse_recipient(recipient)
        except RecipientError as exc:
            raise ExportError(str(exc)) from None
        zip = True
    if profile not in L.PROFILES:
        raise ExportError(f"unknown profile {profile!r}; use one of {', '.join(L.PROFILES)}")
    out = Path(out).expanduser().absolute()
    if out.exists() or out.is_symlink():
        raise ExportError(f"{out} already exists; choose a new name for the bundle")
    if not out.parent.is_dir():
        raise ExportError(f"the folder {out.parent} does not exist")
    try:
        key = archive.signing_key()
    except signing.SigningKeyError as exc:
        raise ExportError(str(exc)) from exc
    fingerprint = signing.fingerprint(key.public_key())
    info = archive.info()
    report = ExportReport(None, profile, str(uuid.uuid4()), fingerprint=fingerprint)
    items, left_out = select_items(archive, item_refs, incident, profile)
    report.left_out.extend(left_out)
    if not items:
        raise ExportError("no items to export" + (f" ({left_out[0][1]})" if left_out else ""))
    if 2 * len(items) + 32 > DEFAULT_LIMITS.max_entries:  # original + thumbnail per item
        raise ExportError(
            f"{len(items):,} items are more than one bundle may hold (a recipient refuses "
            f"zips of over {DEFAULT_LIMITS.max_entries:,} entries); export them in parts"
        )

    state = Progress(0, len(items), 0, sum(i.size for i in items))
    progress(state)
    report.leftovers_removed = export_leftovers.clean(out.parent)[0]
    if archive.encrypted and RAM_DIR.is_dir():  # an encrypted archive's work folders are there
        report.leftovers_removed += export_leftovers.clean(RAM_DIR)[0]
    try:
        work = archive.scratch_dir(out.parent, prefix=f".{out.name}.work-")
    except OSError as exc:
        raise ExportError(f"cannot write in {out.parent}: {exc.strerror or exc}") from exc
    work_lock = export_leftovers.hold(work)
    try:
        writer = BagWriter(out, zip=zip, recipients=recipients)
    except OSError as exc:
        shutil.rmtree(work, ignore_errors=True)
        export_leftovers.release(work_lock)
        raise ExportError(f"cannot write in {out.parent}: {exc.strerror or exc}") from exc
    try:
        _write_objects(archive, writer, items, report, work, state, progress, cancelled)
        exported = [i for i in items if i.bundle_file]
        if not exported:
            raise ExportError("no item could be exported: " + "; ".join(r for _, r in left_out))
        if cancelled():
            raise Cancelled()
        state.current = "metadata and report"
        progress(state)
        exported_at = datetime.now(UTC).isoformat(timespec="seconds")
        settings = load_settings()
        identity = exporter_identity(archive, profile, exporter, settings)
        report_language = language or settings.language or "en"
        header = {
            "format": L.ITEMS_FORMAT,
            "archive": {"uuid": info.uuid, "name": info.name},
            "bundle": report.bundle_uuid,
            "profile": profile,
            "exported_at": exported_at,
            "exported_by": identity,
            "signing_key_fingerprint": fingerprint,
        }
        summaries, case_files = _write_metadata(archive, writer, exported, header, work, profile)
        ctx = ReportContext(
            archive_name=info.name,
            archive_uuid=info.uuid,
            exporter=identity,
            organisation=settings.organisation,
            exported_at=exported_at,
            profile=profile,
            bundle_uuid=report.bundle_uuid,
            fingerprint=fingerprint,
            left_out=_left_out_summary(report.left_out),
            removed_rules=(
                [
                    *redaction.RULES,
                    *case_bundle.REDACTION_RULES,
                    *message_records.REDACTION_RULES,
                ]
                if profile == "redacted"
                else []
            ),
            case_records=case_report_lines(
                case_files, {i.uuid: i.exhibit for i in exported}, report_language
            ),
            message_records=message_records.report_lines(
                case_files.get(MESSAGES_NAME) or {}, {i.uuid: i.exhibit for i in exported}
            ),
            language=report_language,
        )
        _write_report(archive, writer, exported, summaries, ctx, work, profile)
        bag_info = [
            *([("Source-Organization", settings.organisation)] if settings.organisation else []),
            *contact_name(archive, profile, exporter, settings, identity),
            (
                "External-Description",
                f"Evidence Desk bundle of {len(exported)} exhibits from archive "
                f"{info.name!r} ({profile} profile)",
            ),
            ("External-Identifier", info.uuid),
            ("Internal-Sender-Identifier", report.bundle_uuid),
            ("Bagging-Date", exported_at[:10]),
            ("Bag-Software-Agent", archive.tool),
            (L.INFO_ARCHIVE_NAME, info.name),
            (L.INFO_PROFILE, profile),
            (L.INFO_EXPORTED_AT, exported_at),
            (L.INFO_FINGERPRINT, fingerprint),
        ]
        tagmanifest = writer.write_tag_files(bag_info)
        writer.add_uncovered(L.SIGNATURE, signing.sign(key, tagmanifest))
        writer.add_uncovered(L.PUBLIC_KEY, signing.public_key_pem(key.public_key()))
        writer.add_uncovered(L.FINGERPRINT, f"{fingerprint}\n".encode())
        report.tagmanifest_sha256 = hashlib.sha256(tagmanifest).hexdigest()
        report.payload_files = len(writer.payload)
        report.payload_bytes = writer.payload_bytes
        _commit(archive, writer, exported, report, out)
    except Cancelled:
        writer.discard()
        report.cancelled = True
        return report
    except OSError as exc:
        writer.discard()
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        reason = f"{exc.strerror or exc}{where}"
        raise ExportError(f"export failed, nothing was written: {reason}") from exc
    except BaseException:
        writer.discard()
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
        export_leftovers.release(work_lock)
    report.path = out
    report.exported = [i.exhibit for i in exported]
    state.current = ""
    progress(state)
    return report


def _write_objects(
    archive: Archive,
    writer: BagWriter,
    items: list[ExportItem],
    report: ExportReport,
    work: Path,
    state: Progress,
    progress: ProgressCallback,
    cancelled: CancelCheck,
) -> None:
    def on_bytes(n: int) -> None:
        state.bytes_done += n
        progress(state)

    for item in items:
        if cancelled():
            raise Cancelled()
        state.current = item.exhibit
        progress(state)
        if report.profile == "full":
            name = L.object_name(item.exhibit, item.sha256, item.extension)
            with archive.store.open(item.sha256) as src:
                digest, size = writer.add_stream(
                    name, src, item.size, on_bytes=on_bytes, cancelled=cancelled
                )
            if digest != item.sha256:
                raise ExportError(
                    f"{item.exhibit}: the stored original no longer matches its SHA-256 "
                    "(run 'evidence-desk verify'); nothing was exported"
                )
        else:
            try:
                copy = _redacted_copy(archive, item, work)
            except redaction.RedactionError as exc:
                report.left_out.append((item.exhibit, str(exc)))
                state.bytes_done += item.size
                state.files_done += 1
                continue
            name = L.object_name(item.exhibit, item.sha256, copy.extension)
            digest, size = writer.add_file(name, copy.path, cancelled=cancelled)
            copy.path.unlink()
            item.removed = copy.removed + item.removed
            state.bytes_done += item.size
        item.bundle_file, item.bundle_sha256, item.bundle_size = name, digest, size
        state.files_done += 1
        progress(state)


def _redacted_copy(archive: Archive, item: ExportItem, work: Path) -> redaction.Redacted:
    """A file's redacted copy; a testimony's is its published text (case_bundle)."""
    if item.kind == case_bundle.TESTIMONY:
        path = work / f"{item.exhibit}.json"
        try:
            path.write_bytes(case_bundle.publication_copy(archive, item.uuid))
        except ValueError as exc:
            raise redaction.RedactionError(str(exc)) from exc
        return redaction.Redacted(path, "json", list(case_bundle.TESTIMONY_REMOVED))
    with archive.store.open(item.sha256) as src:
        return redaction.redact_file(
            item.kind, item.mime_type, item.extension, src, work / item.exhibit
        )


def _write_metadata(
    archive: Archive,
    writer: BagWriter,
    items: list[ExportItem],
    header: dict[str, Any],
    work: Path,
    profile: str,
) -> tuple[dict[str, list[CustodySummary]], dict[str, Any]]:
    """items.json, items.csv, places.geojson, custody.json and the case records."""
    records = [i.final_record() for i in items]
    write_json_with_list(work / "items.json", header, "items", records)
    writer.add_file(L.ITEMS_JSON, work / "items.json")
    write_items_csv(work / "items.csv", records)
    writer.add_file(L.ITEMS_CSV, work / "items.csv")
    case_files = case_bundle.bundle_records(archive, [i.uuid for i in items], profile)
    messages = message_records.bundle_messages(archive, [i.uuid for i in items], profile)
    gazetteer = (case_files.get(case_bundle.PLACES) or {}).get("places", [])
    write_places(work / "places.geojson", records, gazetteer)
    writer.add_file(L.PLACES_GEOJSON, work / "places.geojson")
    summaries = write_custody(archive, items, header, work / "custody.json", profile)
    writer.add_file(L.CUSTODY_JSON, work / "custody.json")
    _add_checkpoint(archive, writer, work)
    if messages:
        case_files = {**case_files, MESSAGES_NAME: messages}
    for name, path in case_records(case_files, work):
        writer.add_file(f"{L.METADATA_DIR}/{name}", path)
    return summaries, case_files


def _add_checkpoint(archive: Archive, writer: BagWriter, work: Path) -> None:
    """Carry the archive's signed checkpoint, if it has a valid one (verify reports otherwise)."""
    source = archive.root / custody_checkpoint.FILE_NAME
    try:
        found = custody_checkpoint.read(source)
        if found is None:
            return
        key = archive.signing_key()
        custody_checkpoint.check_signature(found, key.public_key(), str(source))
    except (custody_checkpoint.CheckpointError, signing.SigningKeyError):
        return
    copy = work / "custody-checkpoint.json"
    copy.write_bytes(found.to_bytes())
    writer.add_file(L.CUSTODY_CHECKPOINT, copy)


def _write_report(
    archive: Archive,
    writer: BagWriter,
    items: list[ExportItem],
    summaries: dict[str, list[CustodySummary]],
    ctx: ReportContext,
    work: Path,
    profile: str,
) -> None:
    for item in items:
        thumb = archive.thumbnail_file(item.sha256, work)  # decrypted into work if need be
        if thumb is not None and profile == "redacted":
            thumb = public_thumbnail(thumb, work, item.exhibit)
        has_thumb = thumb is not None and thumb.is_file()
        if thumb is not None and has_thumb:
            writer.add_file(L.thumb_name(item.exhibit), thumb)
        ctx.exhibits.append(
            ReportExhibit(
                record=item.final_record(),
                thumb=L.thumb_name(item.exhibit)[len(L.REPORT_DIR) + 1 :] if has_thumb else None,
                thumb_source=thumb if has_thumb else None,
                custody=summaries.get(item.uuid, []),
                removed=item.removed,
            )
        )
    write_html(ctx, work / "report.html")
    writer.add_file(L.REPORT_HTML, work / "report.html")
    write_pdf(ctx, work / "report.pdf")
    writer.add_file(L.REPORT_PDF, work / "report.pdf")


def _commit(
    archive: Archive, writer: BagWriter, items: list[ExportItem], report: ExportReport, out: Path
) -> None:
    """Replication events and the final rename succeed or fail together."""
    renamed = False
    if archive.read_only:
        # A write-protected archive can still be exported from; only the
        # replication events cannot be written, and the report says so.
        writer.commit()
        report.custody_recorded = False
        return
    try:
        with archive.db.writer() as session:
            by_id = {i.item_id: i for i in items}
            for row in item_lookup.items_by_ids(session, sorted(by_id)):
                item = by_id[row.id]
                custody.append(
                    session,
                    archive,
                    custody_chain.REPLICATION,
                    item=row,
                    details={
                        "bundle": report.bundle_uuid,
                        "profile": report.profile,
                        "destination": printable(out),
                        "file": item.bundle_file,
                        "sha256": item.bundle_sha256,
                        "redacted": report.profile == "redacted",
                        "tagmanifest_sha256": report.tagmanifest_sha256,
                        "signing_key_fingerprint": report.fingerprint,
                    },
                )
            writer.commit()
            renamed = True
    except BaseException:
        if renamed:
            if out.is_dir():
                shutil.rmtree(out, ignore_errors=True)
            else:
                out.unlink(missing_ok=True)
        raise


def _left_out_summary(left_out: list[tuple[str, str]]) -> list[str]:
    """Counts by reason only: the report must not reveal which confidential items exist."""
    counts: dict[str, int] = {}
    for _, reason in left_out:
        counts[reason] = counts.get(reason, 0) + 1
    return [f"Items left out ({reason}): {n}" for reason, n in sorted(counts.items())]


def case_records(records: dict[str, Any], work: Path) -> list[tuple[str, Path]]:
    """Write the case-record files (see services.case_bundle) into ``work``."""
    written = []
    for name, value in sorted(records.items()):
        if "/" in name or not name.endswith(".json"):
            raise ExportError(f"invalid case record file name {name!r}")
        path = work / name
        path.write_text(json.dumps(value, ensure_ascii=False, indent=2), encoding="utf-8")
        written.append((name, path))
    return written
