"""Making ingest's staged copies objects, just before the rows that refer to them commit.

Ingest copies each file into a staged (temporary) copy, has it fsynced on a
thread while the next file copies, and analyses the staged copy. Here, in
input order, each copy is made durable and renamed into place, and the new
folders are fsynced together (one journal commit serves them all): only then
does ingest write the batch's rows. That ordering is the guarantee that an
object is durable before any row points to it.
"""

from __future__ import annotations

import errno
from collections import deque
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from evidence_desk.services.intake.analysis import Analysis, AnalysisJob, AnalysisPool
from evidence_desk.services.intake.reports import FileResult, IngestReport
from evidence_desk.services.intake.staging import drop
from evidence_desk.services.intake.walk import display_path

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive


def publish_batch(
    archive: Archive, report: IngestReport, batch: list[tuple[Any, Any]]
) -> list[FileResult | None]:
    """Publish each staged copy of ``batch`` (pairs of a copied file and its analysis).

    Returns, in order, None for each copy now in place (or already there), or
    the failure of a copy that could not be made durable; a full disk also
    stops the ingest. Once the database has failed, copies are dropped instead:
    nothing could be recorded for them.
    """
    outcome: list[FileResult | None] = []
    folders: set[Any] = set()
    staged = [c.staged for c, _a in batch]
    if staged and not report.db_failed:
        try:
            archive.store.announce(staged)  # one journal fdatasync for the batch
        except OSError:
            pass  # each publish announces its own copy, and reports the failure
    for copied, _analysis in batch:
        staged = copied.staged
        try:
            if copied.durable is not None:
                copied.durable.result()  # the fsync has finished: the fd may be closed
            if report.db_failed:
                drop(archive, staged)
            else:
                archive.store.publish(staged, folders=folders)
            outcome.append(None)
        except OSError as exc:
            drop(archive, staged)
            shown = display_path(copied.candidate.path)
            if exc.errno in (errno.ENOSPC, errno.EDQUOT) and report.aborted is None:
                report.db_failed = True
                report.aborted = (
                    f"the archive's disk is full while copying {shown}; ingest stopped. "
                    "Free some space and run the same ingest again."
                )
            message = f"could not write the copy to disk: {exc.strerror or exc}; not ingested"
            outcome.append(FileResult(shown, "failed", messages=[message]))
    archive.store.sync_folders(folders)
    return outcome


def take_ready(
    pool: AnalysisPool,
    in_flight: deque[tuple[Any, Future[Analysis], AnalysisJob]],
    *,
    at_least: int = 1,
) -> list[tuple[Any, Analysis]]:
    """The ``at_least`` oldest files (waiting for them) plus every analysed file right
    behind them."""
    ready: list[tuple[Any, Analysis]] = []
    while in_flight and len(ready) < at_least:
        copied, future, job = in_flight.popleft()
        ready.append((copied, pool.result(future, job)))
    while in_flight and in_flight[0][1].done():
        copied, future, job = in_flight.popleft()
        ready.append((copied, pool.result(future, job)))
    return ready
