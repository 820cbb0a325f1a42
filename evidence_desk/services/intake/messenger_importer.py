"""The chat-export importer: Telegram and WhatsApp exports among the paths given.

Registered in ``importers.registry``; ``route`` hands it every path whose
content it recognises (``messengers.is_export``). ``ingest_with_exports`` is
the desktop import's one-list view of a mixed import.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evidence_desk.core.messengers import StatedZone, parse_zone
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.intake.importers.base import CERTAIN, NOT_MINE
from evidence_desk.services.intake.ingest import FileResult, IngestReport, Provenance, ingest
from evidence_desk.services.intake.messengers import (
    ExportImportError,
    ExportImportReport,
    import_export,
    is_export,
)
from evidence_desk.services.work import (
    CancelCheck,
    ProgressCallback,
    never_cancelled,
    no_progress,
)


@dataclass
class ExportBatch:
    """The outcome of importing several exports: one report each, or the
    one-line reason an export could not be read at all."""

    exports: list[ExportImportReport | str] = field(default_factory=list)
    # Folders whose export could not be read, ingested as ordinary files instead.
    fallback: list[FileResult] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        exports_ok = all(not isinstance(d, str) and d.ok for d in self.exports)
        failed = any(r.status == "failed" for r in self.fallback)
        return not self.cancelled and exports_ok and not failed


class MessengerExports:
    """Telegram and WhatsApp chat exports (folders, zips, lone files)."""

    name = "messengers"
    automatic = True

    def detect(self, path: Path) -> float:
        try:
            return CERTAIN if is_export(Path(path)) else NOT_MINE
        except (OSError, ValueError):
            return NOT_MINE

    def run(
        self,
        archive: Archive,
        paths: Sequence[Path],
        *,
        provenance: Provenance | None = None,
        progress: ProgressCallback = no_progress,
        cancelled: CancelCheck = never_cancelled,
        **options: Any,
    ) -> ExportBatch:
        """``options``: ``zone`` (a StatedZone or its text), ``date_order``
        ("dmy"/"mdy", for WhatsApp files that cannot tell) and ``on_item``."""
        zone = options.get("zone")
        if isinstance(zone, str):
            try:
                zone = parse_zone(zone)
            except ValueError as exc:
                raise ExportImportError(str(exc)) from None
        batch = ExportBatch()
        for path in paths:
            if cancelled():
                batch.cancelled = True
                break
            try:
                done = import_export(
                    archive,
                    Path(path),
                    provenance=provenance or Provenance(),
                    zone=zone,
                    date_order=options.get("date_order"),
                    progress=progress,
                    cancelled=cancelled,
                    on_item=options.get("on_item"),
                )
            except ExportImportError as exc:
                reason = str(exc)
                if Path(path).is_dir():
                    # Nothing lost: a folder whose export cannot be read (a
                    # symbolic link somewhere in it…) still has its files ingested.
                    report = ingest(
                        archive,
                        [Path(path)],
                        provenance=provenance or Provenance(),
                        progress=progress,
                        cancelled=cancelled,
                        on_item=options.get("on_item"),
                    )
                    batch.fallback += report.results
                    reason += "; its files were ingested as ordinary files"
                batch.exports.append(reason)
                continue
            batch.exports.append(done)
            batch.cancelled = batch.cancelled or done.cancelled
        return batch


def ingest_with_exports(
    archive: Archive,
    paths: list[Path],
    *,
    provenance: Provenance,
    zone: StatedZone | None = None,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancelled,
    on_item: Callable[[FileResult], None] | None = None,
) -> IngestReport:
    """Ingest ``paths`` as one import, each path through the importer that
    claims it (``importers.route``), reported as one list of files.

    For callers that show one list (the desktop import): each export's
    original item carries a summary of its messages, its notes and problems;
    its media follow as ordinary results.
    """
    from evidence_desk.services.intake import importers

    results: list[FileResult] = []
    report: IngestReport | None = None
    for importer, group in importers.route(paths):
        options: dict[str, Any] = {"on_item": on_item}
        if importer.name == MessengerExports.name:
            options["zone"] = zone
        outcome = importer.run(
            archive,
            group,
            provenance=provenance,
            progress=progress,
            cancelled=cancelled,
            **options,
        )
        if isinstance(outcome, IngestReport):
            report = outcome
        elif isinstance(outcome, ExportBatch):
            results += _as_results(outcome)
    report = report or IngestReport(batch_uuid=str(uuid.uuid4()))
    report.results[:0] = results
    report.cancelled = report.cancelled or cancelled()
    return report


def _as_results(batch: ExportBatch) -> list[FileResult]:
    results: list[FileResult] = []
    for done in batch.exports:
        if isinstance(done, str):
            results.append(FileResult(done.split(":", 1)[0], "failed", messages=[done]))
            continue
        summary = (
            f"{done.fmt} export: {done.messages_new} new messages, {done.messages_known} "
            f"already recorded, {done.media_linked} files linked, {done.media_missing} "
            "messages with files the export left out"
        )
        for original in done.originals:
            original.messages = [summary, *done.notes, *done.problems[:200], *original.messages]
        results += done.originals + done.media
    return results + batch.fallback
