"""Importing a colleague's bundle: verify, check the signer, stage, then commit all at once.

The order makes every failure clean:

1. the whole bundle is verified (safety, checksums, signature, custody
   hashes, every JSON member against its schema); import reads only the
   documents that verification validated, never the files again;
2. the signer is checked against the keys pinned for the sending archive
   (services.bundles.signers): a first contact needs explicit trust, another key
   than the pinned one is refused naming both fingerprints;
3. originals not yet in the store are staged into it (hash checked again
   against the manifest, in case the USB stick changed under us);
4. one write transaction adds every item, source, reference, tag, custody
   event, case record and the signer's trust.

If anything fails or is cancelled after step 3 the transaction rolls back
and the staged objects (and their thumbnails) that no item refers to are
removed: nothing of the bundle remains and the archive still verifies.

Content already in the archive (same SHA-256) is not copied again; the item
gains a source and the sender's references instead. The sender's custody
events are kept verbatim as imported history, an "accession" event enters
this archive's own chain, and the sender's exhibit number becomes an
external reference.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from evidence_desk.core import bundle_layout as L
from evidence_desk.core import custody_chain
from evidence_desk.core.bagit_read import (
    READ_ERRORS,
    BagReader,
    describe_error,
    open_bag,
    printable,
)
from evidence_desk.core.bundle_schemas_messages import MESSAGES_JSON
from evidence_desk.core.store.base import Cancelled
from evidence_desk.db.queries import item_lookup as lookup
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.bundles import signers
from evidence_desk.services.bundles.case_records_import import (
    CaseImport,
    case_files,
    import_case_records,
)
from evidence_desk.services.bundles.import_rows import add_refs, add_sources, merge_tags, new_item
from evidence_desk.services.bundles.message_records_import import MessagesImport, import_messages
from evidence_desk.services.bundles.verify import BundleReport, verify_bundle
from evidence_desk.services.catalogue import search_index
from evidence_desk.services.work import (
    CancelCheck,
    Progress,
    ProgressCallback,
    never_cancelled,
    no_progress,
)


class ImportRefused(EvidenceDeskError):
    """The bundle failed verification, is unsafe or untrusted; nothing was written."""

    def __init__(self, message: str, *, unreadable: bool = False, signer: Any = None) -> None:
        super().__init__(message)
        self.unreadable = unreadable
        self.signer = signer  # a signers.SignerCheck when the signer is the reason


@dataclass
class ImportResult:
    sender_exhibit: str
    status: str  # "new" | "duplicate"
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
    message_records: MessagesImport | None = None
    signer_status: str | None = None  # as it was before this import
    trusted_now: bool = False
    trust_how: str = ""

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def ok(self) -> bool:
        return not self.cancelled

    def as_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "ok": self.ok,
            "sender_uuid": self.sender_uuid,
            "sender_name": self.sender_name,
            "bundle_uuid": self.bundle_uuid,
            "signer_fingerprint": self.verification.signer_fingerprint,
            "signer_status": self.signer_status,
            "signer_trusted_now": self.trusted_now,
            "cancelled": self.cancelled,
            "new": self.count("new"),
            "duplicates": self.count("duplicate"),
            "failed": 0,
            "items": [r.__dict__ for r in self.results],
            "case_records": self.case.__dict__ if self.case else None,
            "message_records": (self.message_records.__dict__ if self.message_records else None),
        }


def import_bundle(
    archive: Archive,
    path: Path,
    *,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancelled,
    expected_fingerprint: str | None = None,
    trust_new_signer: bool = False,
    content: BinaryIO | None = None,  # an .age bundle's zip, decrypted (services.bundles.age)
) -> ImportReport:
    path = Path(path)
    if content is None:
        from evidence_desk.services.bundles import age

        if age.is_age_file(path):
            return age.import_encrypted(
                archive, path, progress, cancelled, expected_fingerprint, trust_new_signer
            )
    name = printable(path.name)
    state = Progress(0, 0, 0, 0, current="verifying")

    def verify_progress(p: Progress) -> None:
        state.files_total, state.bytes_total = p.files_total * 2, p.bytes_total * 2
        state.files_done, state.bytes_done, state.current = p.files_done, p.bytes_done, p.current
        progress(state)

    checked = verify_bundle(
        path, expected_fingerprint=expected_fingerprint, progress=verify_progress,
        cancelled=cancelled,
        fileobj=content,
    )  # fmt: skip
    report = ImportReport(printable(path), checked)
    if checked.cancelled:
        report.cancelled = True
        return report
    if not checked.ok:
        shown = "; ".join(p.message for p in checked.ranked()[:3]) or "the bundle is not signed"
        more = f" (and {len(checked.problems) - 3} more)" if len(checked.problems) > 3 else ""
        raise ImportRefused(
            f"{name} was not imported, nothing was written: {shown}{more}",
            unreadable=checked.unreadable,
        )
    report.sender_uuid = checked.archive_uuid
    report.sender_name = checked.archive_name
    report.bundle_uuid = checked.bundle_uuid
    fingerprint = checked.signer_fingerprint or ""
    signer = signers.signer_status(archive, checked.archive_uuid or "", fingerprint)
    report.signer_status = signer.status
    if signer.status == signers.NEW and (trust_new_signer or expected_fingerprint):
        report.trusted_now = True  # a fingerprint given was checked by verification
        report.trust_how = "fingerprint given" if expected_fingerprint else "trusted by the user"
    elif (why := signers.refusal(signer, name, checked.archive_name)) is not None:
        raise ImportRefused(why, signer=signer)
    staged: list[str] = []
    committed = False
    try:
        with open_bag(path, fileobj=content) as bag:
            records = _stage(archive, bag, report, staged, state, progress, cancelled)
            _commit(archive, bag, report, records, signer)
            committed = True
    except Cancelled:
        report.cancelled = True
    except ImportRefused:
        raise
    except (EvidenceDeskError, *READ_ERRORS) as exc:
        raise ImportRefused(
            f"{name} was not imported, nothing was written: {describe_error(exc)}"
        ) from exc
    except Exception as exc:  # noqa: BLE001 - whatever it was, the import rolled back
        raise ImportRefused(
            f"{name} was not imported, nothing was written "
            f"({type(exc).__name__}: {describe_error(exc)})"
        ) from exc
    finally:
        if not committed:
            report.results.clear()
            report.case = None
            report.message_records = None
            _unstage(archive, staged)
    state.bytes_done, state.current = state.bytes_total, ""
    progress(state)
    return report


@dataclass
class _Staged:
    record: dict[str, Any]
    digest: str
    thumbnail: bool = False
    phash: str | None = None


def _stage(
    archive: Archive,
    bag: BagReader,
    report: ImportReport,
    staged: list[str],
    state: Progress,
    progress: ProgressCallback,
    cancelled: CancelCheck,
) -> list[_Staged]:
    """Copy the originals not yet in the store (Cancelled when asked to stop)."""
    items = report.verification.documents[L.ITEMS_JSON]["items"]
    out: list[_Staged] = []
    for record in items:
        if cancelled():
            raise Cancelled()
        file, digest = record["bundle"]["file"], record["bundle"]["sha256"]
        state.current = record["exhibit"]
        progress(state)
        with archive.db.reader() as session:
            known = bool(lookup.known_digests(session, [digest]))
        entry = _Staged(record, digest, phash=record.get("phash"))
        if known or digest in staged:
            state.bytes_done += bag.files.get(file, 0)
        else:

            def on_bytes(n: int) -> None:
                state.bytes_done += n
                progress(state)

            with bag.open(file) as src:
                put = archive.store.put_stream(src, on_bytes=on_bytes, cancelled=cancelled)
            if not put.existed:
                staged.append(put.sha256)
            if put.sha256 != digest:
                raise ImportRefused(
                    f"{printable(Path(report.path).name)} was not imported, nothing was written: "
                    f"{file} changed after verification"
                )
            derived = archive.derive_thumbnail(digest, record.get("kind") or "other")
            entry.thumbnail, entry.phash = derived.thumbnail, entry.phash or derived.phash
        out.append(entry)
        state.files_done += 1
        progress(state)
    if cancelled():
        raise Cancelled()
    return out


def _unstage(archive: Archive, staged: list[str]) -> None:
    """Remove staged objects no item refers to (another process may have claimed one)."""
    if not staged:
        return
    with archive.db.reader() as session:
        claimed = lookup.known_digests(session, staged)
    for digest in staged:
        if digest in claimed:
            continue
        archive.store.discard(digest)
        archive.thumbnail_path(digest).unlink(missing_ok=True)


def _commit(
    archive: Archive,
    bag: BagReader,
    report: ImportReport,
    staged: list[_Staged],
    signer: signers.SignerCheck,
) -> None:
    """Everything of the bundle in one transaction: all of it, or (on any error) none."""
    checked = report.verification
    entries = checked.documents[L.CUSTODY_JSON]["entries"]
    history: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for position, entry in enumerate(entries, start=1):
        if entry.get("item_uuid"):
            history.setdefault(entry["item_uuid"], []).append((position, entry))
    batch = str(uuid.uuid4())
    results: list[ImportResult] = []
    with archive.db.writer() as session:
        if report.trusted_now:
            signers.trust(
                session, archive, signer.archive_uuid, signer.fingerprint,
                archive_name=checked.archive_name or "",
                how=f"first contact ({report.trust_how}), bundle {report.path}",
            )  # fmt: skip
        local: dict[str, str] = {}
        local_ids: dict[str, int] = {}
        for entry in staged:
            result, item_id = _add_item(session, archive, bag, entry, report, history, batch)
            results.append(result)
            local[entry.record["id"]] = result.exhibit or ""
            local_ids[entry.record["id"]] = item_id
        files = case_files(checked.documents)
        if files:
            sender = f"{report.sender_name or 'unnamed archive'} ({report.sender_uuid})"
            report.case = import_case_records(archive, files, local, sender, session=session)
        chat_records = checked.documents.get(MESSAGES_JSON)
        if chat_records is not None:
            report.message_records = import_messages(
                session, chat_records, local_ids, report.bundle_uuid or batch
            )
        report.results = results


def _add_item(
    session: Any,
    archive: Archive,
    bag: BagReader,
    entry: _Staged,
    report: ImportReport,
    history: dict[str, list[tuple[int, dict[str, Any]]]],
    batch: str,
) -> tuple[ImportResult, int]:
    record, digest = entry.record, entry.digest
    file = record["bundle"]["file"]
    sender_exhibit = record["exhibit"]
    item = lookup.item_with_digest(session, digest)
    duplicate = item is not None
    if item is None:
        if not archive.store.exists(digest):
            raise ImportRefused(f"{file} vanished from the archive's store during the import")
        size = archive.store.size(digest)
        item = new_item(session, archive, record, digest, size, entry.thumbnail, entry.phash)
        session.add(item)
        session.flush()
    add_sources(session, archive, item, record, report, file, batch, duplicate)
    add_refs(session, item, record, report, history)
    merge_tags(session, item, record.get("tags") or [])
    session.flush()
    bundle = record["bundle"]
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
            "sender_item_uuid": record["id"],
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
    return ImportResult(sender_exhibit, status, item.exhibit, digest, messages), item.id


__all__ = ["ImportRefused", "ImportReport", "ImportResult", "import_bundle", "printable"]
