"""Ingest: files and folders into the archive, with hashes, metadata and provenance.

Four stages overlap: this thread copies each file into a staged copy in the
object store (reading it once, hashing while writing); a thread fsyncs it
while a small pool extracts metadata and makes the thumbnail and perceptual
hash from the staged copy; this thread then publishes the copies and writes
the rows, in input order, a few files per transaction (and always before a
long copy). A row is committed only after its object is durable and in
place (``publishing``), so a crash at any moment leaves either nothing, a complete item, or an
object no row refers to yet, which re-running the same ingest records
without duplicates.
"""

from __future__ import annotations

import json
import time
import uuid
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from evidence_desk.core import custody_chain
from evidence_desk.core.mime import kind_for_mime
from evidence_desk.core.store.base import Cancelled
from evidence_desk.db.engine import StorageError
from evidence_desk.db.models import Item, Source, format_exhibit
from evidence_desk.db.queries import item_lookup
from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import Archive, utcnow
from evidence_desk.services.case import clock as case_clock
from evidence_desk.services.catalogue import search_index
from evidence_desk.services.intake import stops
from evidence_desk.services.intake.analysis import (
    WORKER_NICE,
    Analysis,
    AnalysisJob,
    AnalysisPool,
)
from evidence_desk.services.intake.items import create_item
from evidence_desk.services.intake.publishing import publish_batch, take_ready
from evidence_desk.services.intake.reports import FileResult, IngestReport, Provenance
from evidence_desk.services.intake.staging import Copied, DiskFull, copy_one, reader_for
from evidence_desk.services.intake.walk import Candidate, collect, display_path, raw_name_bytes
from evidence_desk.services.work import (
    CancelCheck,
    Progress,
    ProgressCallback,
    never_cancelled,
    no_progress,
)

# Files copied and in analysis at once. When that many wait, the oldest half is
# recorded in one transaction: each commit also fsyncs the database and extends
# the signed custody checkpoint (tens of ms), so taking whatever happened to be
# analysed (often one or two files, since the workers finish in order) made a
# commit per two photos the largest cost of ingesting small files.
MAX_IN_FLIGHT = 64
COMMIT_INTERVAL_S = 1.0
LONG_COPY_BYTES = 16 * 1024 * 1024
SYNC_THREADS = 2  # fsyncs of several copies overlap (one journal commit can serve them)


def ingest(
    archive: Archive,
    paths: list[Path],
    *,
    provenance: Provenance,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancelled,
    on_item: Callable[[FileResult], None] | None = None,
    background: bool = True,
) -> IngestReport:
    """Ingest ``paths`` (files and folders, recursively) as one batch.

    ``background``: a window stays responsive meanwhile, so decoding workers run
    niced; the command line passes False and gets the CPU it is given.
    """
    candidates, skipped = collect([Path(p) for p in paths])
    results = [FileResult(display_path(s.path), "skipped", messages=[s.message]) for s in skipped]
    return ingest_candidates(
        archive,
        candidates,
        provenance=provenance,
        progress=progress,
        cancelled=cancelled,
        on_item=on_item,
        report=IngestReport(batch_uuid=str(uuid.uuid4()), results=results),
        background=background,
    )


def ingest_candidates(
    archive: Archive,
    candidates: list[Candidate],
    *,
    provenance: Provenance,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancelled,
    on_item: Callable[[FileResult], None] | None = None,
    report: IngestReport | None = None,
    background: bool = True,
) -> IngestReport:
    """Ingest files already listed (by ``collect`` or an importer) as one batch."""
    stops.refuse_read_only(archive)
    report = report or IngestReport(batch_uuid=str(uuid.uuid4()))
    state = Progress(0, len(candidates), 0, sum(c.size for c in candidates))
    progress(state)

    def finish(result: FileResult) -> None:
        report.results.append(result)
        state.files_done += 1
        if result.status == "new":
            state.new += 1
        elif result.status == "duplicate":
            state.duplicates += 1
        else:
            state.failed += 1
        if on_item is not None:
            on_item(result)
        progress(state)

    # Each file in analysis, with its job kept for a retry if a worker process dies.
    in_flight: deque[tuple[Copied, Future[Analysis], AnalysisJob]] = deque()
    last_commit = [time.monotonic()]
    with (
        AnalysisPool(len(candidates), nice=WORKER_NICE if background else 0) as pool,
        ThreadPoolExecutor(SYNC_THREADS, thread_name_prefix="ingest-fsync") as syncer,
    ):
        todo = deque(candidates)
        try:
            while todo:
                candidate = todo.popleft()
                if cancelled():
                    report.cancelled = True
                    break
                if report.db_failed:
                    todo.appendleft(candidate)
                    break
                if candidate.size >= LONG_COPY_BYTES:
                    # Commit what is ready first: a crash during a long copy then
                    # loses no rows, and progress does not stall behind it.
                    while in_flight:
                        ready = take_ready(pool, in_flight, at_least=_batch_size())
                        for result in _record_batch(archive, provenance, report, ready):
                            finish(result)
                    last_commit[0] = time.monotonic()
                state.current = candidate.shown
                progress(state)
                copied = copy_one(archive, candidate, state, progress, cancelled, finish)
                if copied is None:
                    continue
                if not copied.staged.existed:
                    # Written to disk while the next file copies; published (renamed)
                    # only once durable, just before its row commits (publishing.py).
                    copied.durable = syncer.submit(archive.store.sync, copied.staged)
                job = _job(archive, copied)
                in_flight.append((copied, pool.submit(job), job))
                while len(in_flight) >= MAX_IN_FLIGHT or (
                    in_flight
                    and in_flight[0][1].done()
                    and time.monotonic() - last_commit[0] > COMMIT_INTERVAL_S
                ):
                    full = len(in_flight) >= MAX_IN_FLIGHT
                    last_commit[0] = time.monotonic()
                    ready = take_ready(pool, in_flight, at_least=_batch_size() if full else 1)
                    for result in _record_batch(archive, provenance, report, ready):
                        finish(result)
        except Cancelled:
            report.cancelled = True
        except DiskFull as exc:
            report.aborted = str(exc)
            finish(FileResult(state.current, "failed", messages=[str(exc)]))
        finally:
            while in_flight:
                ready = take_ready(pool, in_flight, at_least=_batch_size())
                for result in _record_batch(archive, provenance, report, ready):
                    finish(result)
            if report.aborted is not None:
                # Name every file that is not in the archive, so none is lost unnoticed.
                for left in todo:
                    finish(
                        FileResult(
                            display_path(left.path),
                            "failed",
                            messages=[
                                "not ingested: the ingest stopped before this file; "
                                "run the same ingest again"
                            ],
                        )
                    )
    try:
        _apply_clock_corrections(archive, [r.item_id for r in report.new if r.item_id is not None])
    except StorageError as exc:
        report.aborted = report.aborted or f"clock corrections not applied: {exc}"
    archive.session_completed()  # a rotating database backup; this process's journal settled
    state.current = ""
    progress(state)
    return report


def _batch_size() -> int:
    """How many files a full pipeline records at once: half of those in flight."""
    return max(1, MAX_IN_FLIGHT // 2)


def _apply_clock_corrections(archive: Archive, item_ids: list[int]) -> None:
    """New files from a device whose clock is known to be wrong get its correction."""
    if not item_ids or not case_clock.list_corrections(archive):
        return
    for start in range(0, len(item_ids), 500):
        case_clock.apply_corrections(archive, item_ids[start : start + 500])


def _job(archive: Archive, copied: Copied) -> AnalysisJob:
    digest = copied.staged.sha256
    return AnalysisJob(
        source=reader_for(archive, copied.staged),  # the staged copy, until published
        thumbnail=archive.thumbnail_path(digest),
        name=copied.candidate.name,
        fs_mtime=copied.fs_mtime,
        seal=archive.thumbnail_sealer(digest),
    )


def _record_batch(
    archive: Archive,
    provenance: Provenance,
    report: IngestReport,
    batch: list[tuple[Copied, Analysis]],
) -> list[FileResult]:
    """Write the rows of several copied files in one transaction, in input order.

    One commit (one fsync) per batch instead of per file; the objects are all
    in place already. If the transaction fails (a full disk, a database locked
    by another program for longer than the busy timeout…) its objects stay in
    the store unreferenced, the batch stops, and running the same ingest again
    records them.
    """
    published = publish_batch(archive, report, batch)
    batch = [entry for entry, problem in zip(batch, published, strict=True) if problem is None]
    results = iter(_record_published(archive, provenance, report, batch))
    return [problem or next(results) for problem in published]


def _record_published(
    archive: Archive,
    provenance: Provenance,
    report: IngestReport,
    batch: list[tuple[Copied, Analysis]],
) -> list[FileResult]:
    shown = [copied.candidate.shown for copied, _ in batch]
    if batch and not report.db_failed:
        # Even after a copy ran out of space these objects are complete; a row
        # needs little room, so try to record them rather than leave them orphaned.
        try:
            with archive.db.writer() as session:
                # One query tells which contents are already items: a new file (nearly
                # every one) then needs no lookup of its own. ``known`` grows as the
                # batch records, so a second copy of a file in the same batch is a
                # duplicate of the first.
                known = item_lookup.known_digests(session, [c.staged.sha256 for c, _ in batch])
                batch_uuid = report.batch_uuid
                return [
                    _record(session, archive, provenance, batch_uuid, copied, analysis, known)
                    for copied, analysis in batch
                ]
        except StorageError as exc:
            report.db_failed = True
            report.aborted = stops.recording_stopped(exc, shown[0])
        except OperationalError as exc:
            report.db_failed = True
            report.aborted = (
                f"the archive database could not be written while recording {shown[0]} "
                f"({exc.orig}); ingest stopped. Run the same ingest again to complete it."
            )
    return [
        FileResult(name, "failed", sha256=copied.staged.sha256, messages=[report.aborted or ""])
        for name, (copied, _) in zip(shown, batch, strict=True)
    ]


def _ts(value: float | None) -> datetime | None:
    if value is None:
        return None
    return datetime.fromtimestamp(value, UTC).replace(tzinfo=None)


def _record(
    session: Session,
    archive: Archive,
    provenance: Provenance,
    batch_uuid: str,
    copied: Copied,
    analysis: Analysis,
    known: set[str],
) -> FileResult:
    """The item (or a new source for an existing one) and its custody events.

    ``known``: the digests that are (or, recorded earlier in this transaction,
    now are) items; updated here."""
    path = copied.candidate.path
    original = copied.candidate.original
    shown = original or display_path(path)
    digest = copied.staged.sha256
    now = utcnow()
    item = item_lookup.item_with_digest(session, digest) if digest in known else None
    known.add(digest)
    source = Source(
        batch_uuid=batch_uuid,
        original_path=original or display_path(path.absolute()),
        original_path_bytes=None if original else raw_name_bytes(path.absolute()),
        original_name=original.rsplit("/", 1)[-1] if original else display_path(path.name),
        fs_mtime=_ts(copied.fs_mtime),
        fs_birthtime=_ts(copied.fs_birthtime),
        received_from=provenance.received_from,
        method=provenance.method,
        collector=provenance.collector or archive.actor,
        acquired_at=provenance.acquired_at,
        notes=provenance.notes,
        recorded_at=now,
        host=archive.host,
    )
    source_details = {
        "original_path": source.original_path,
        "received_from": source.received_from,
        "method": source.method,
        "collector": source.collector,
        "acquired_at": source.acquired_at,
        "batch": batch_uuid,
    }
    if item is not None:
        item.sources.append(source)
        session.flush()
        custody.append(
            session,
            archive,
            custody_chain.INGESTION,
            item=item,
            details={**source_details, "duplicate": True, "sha256": digest},
        )
        search_index.reindex(session, item)
        status = "duplicate"
        messages = [f"same content as {item.exhibit} (already in the archive)"]
        messages += copied.messages
    else:
        item = _new_item(session, archive, copied, analysis, now, source)
        custody.append(
            session,
            archive,
            custody_chain.INGESTION,
            item=item,
            details={**source_details, "exhibit": item.exhibit, "size": item.size},
        )
        custody.append(
            session,
            archive,
            custody_chain.MESSAGE_DIGEST,
            item=item,
            details={"algorithm": "SHA-256", "digest": digest, "size": item.size},
        )
        search_index.reindex(session, item, new=True)
        status = "new"
        messages = copied.messages + analysis.warnings
    return FileResult(shown, status, item.exhibit, item.uuid, item.id, digest, messages)


def _new_item(
    session: Session,
    archive: Archive,
    copied: Copied,
    analysis: Analysis,
    now: datetime,
    source: Source,
) -> Item:
    meta = analysis.meta
    gps = meta.gps
    return create_item(
        session,
        archive,
        sha256=copied.staged.sha256,
        size=copied.staged.size,
        kind=meta.kind or kind_for_mime(meta.mime_type),
        mime_type=meta.mime_type,
        title=copied.candidate.name,
        ingested_at=now,
        capture=analysis.capture,
        source=source,
        gps_lat=gps.lat if gps else None,
        gps_lon=gps.lon if gps else None,
        gps_alt=gps.alt if gps else None,
        device_make=meta.make,
        device_model=meta.model,
        width=meta.width,
        height=meta.height,
        duration_s=meta.duration_s,
        phash=analysis.phash,
        has_thumbnail=analysis.thumbnail,
        metadata_json=json.dumps(meta.raw, ensure_ascii=False, default=str),
        warnings_json=json.dumps(copied.messages + analysis.warnings, ensure_ascii=False),
    )


__all__ = ["FileResult", "IngestReport", "Progress", "Provenance", "format_exhibit"]
__all__ += ["ingest", "ingest_candidates"]
