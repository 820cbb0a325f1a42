"""Importing a Telegram or WhatsApp export: originals, messages, then media.

1. The export file itself (``result.json``, the HTML pages, the chat
   ``.txt``; or the ``.zip`` as received) is ingested first as an original
   item, so every message can point into a preserved file.
2. Messages stream from the parser into the archive in batches
   (``messenger_records``); nothing is held whole.
3. Every attached file goes through the normal ingest (same store, hashing,
   analysis, provenance) as one batch; files inside a zip are staged one
   slice at a time beside the archive, never extracted wholesale. Each is
   then linked to its message(s).

``import_export`` is the entry point; ``is_export`` tells the ingest command
which paths to send here.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from evidence_desk.core.bagit_read import BagReader, FolderBag, ZipBag
from evidence_desk.core.messengers import (
    ExportFormatError,
    ExportOpenError,
    ExportPlan,
    Message,
    StatedZone,
    apply_zone,
    chat_readers,
    check_media,
    detect,
    open_export,
)
from evidence_desk.core.messengers.detect import SingleFile
from evidence_desk.db.queries import chat_records
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.intake.ingest import (
    FileResult,
    IngestReport,
    Provenance,
    ingest_candidates,
)
from evidence_desk.services.intake.messenger_records import ChatTally, Recorder, link_media
from evidence_desk.services.intake.walk import Candidate, display_path
from evidence_desk.services.work import (
    CancelCheck,
    Progress,
    ProgressCallback,
    never_cancelled,
    no_progress,
)

BATCH = 2000
STAGE_BYTES = 512 * 2**20
STAGE_FILES = 400
OFFSET_FROM_EXPORT = {
    "telegram_json": "export: date beside date_unixtime",
    "telegram_html": "export: UTC offset in the page",
    "whatsapp_txt": None,
}


class ExportImportError(EvidenceDeskError):
    """The export cannot be imported at all; the message names the file."""


@dataclass
class ExportImportReport:
    path: str
    fmt: str
    batch_uuid: str
    originals: list[FileResult] = field(default_factory=list)
    media: list[FileResult] = field(default_factory=list)
    chats: list[ChatTally] = field(default_factory=list)
    messages_new: int = 0
    messages_known: int = 0
    media_linked: int = 0
    media_missing: int = 0
    times_set: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        failed = [r for r in self.originals + self.media if r.status == "failed"]
        return not failed and not self.cancelled


def _ids_by_shown(results: list[FileResult]) -> dict[str, int]:
    """Item ids by the path ingest reports (results come in completion order)."""
    return {r.path: r.item_id for r in results if r.item_id is not None}


def is_export(path: Path) -> bool:
    """Whether ``path`` (folder, zip or file) holds a chat export we read.

    A folder is judged by its first two levels only (an export's main file is
    there), so an ordinary folder of photos costs a directory listing, not a
    walk; an export that then proves unsafe is refused with its reason.
    """
    if path.is_dir():
        return _folder_has_export_file(path)
    try:
        reader = open_export(path)
    except ExportOpenError:
        return path.suffix.lower() == ".zip" and path.is_file() and _zip_mentions_chat(path)
    with reader:
        return detect(reader, path.name) is not None


def _folder_has_export_file(folder: Path, depth: int = 0) -> bool:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return False
    for entry in entries:
        if entry.is_symlink():
            continue
        if entry.is_file() and _is_export_file(Path(entry.path)):
            return True
    if depth == 0:
        subdirs = [e for e in entries if e.is_dir(follow_symlinks=False)]
        return len(subdirs) <= 50 and any(_folder_has_export_file(Path(e.path), 1) for e in subdirs)
    return False


def _is_export_file(path: Path) -> bool:
    name = path.name.lower()
    if name not in ("result.json", "messages.html") and not name.endswith(".txt"):
        return False
    try:
        with SingleFile(path) as reader:
            return detect(reader, path.name) is not None
    except OSError:
        return False


def _zip_mentions_chat(path: Path) -> bool:
    """A zip we refuse as unsafe is still reported as an export if it looks like one,
    so the user hears why it was refused rather than seeing it ingested as a blob."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()[:10_000]
    except (zipfile.BadZipFile, OSError):
        return False
    return any(n.endswith(("result.json", "messages.html", "_chat.txt")) for n in names)


@dataclass
class _Run:
    """What every step of one import needs."""

    archive: Archive
    path: Path
    reader: BagReader
    plan: ExportPlan
    provenance: Provenance
    report: ExportImportReport
    progress: ProgressCallback
    cancelled: CancelCheck
    on_item: Callable[[FileResult], None] | None

    def ingest(self, candidates: list[Candidate]) -> IngestReport:
        result = ingest_candidates(
            self.archive,
            candidates,
            provenance=self.provenance,
            progress=self.progress,
            cancelled=self.cancelled,
            on_item=self.on_item,
        )
        self.report.cancelled = self.report.cancelled or result.cancelled
        return result


def import_export(
    archive: Archive,
    path: Path,
    *,
    provenance: Provenance,
    zone: StatedZone | None = None,
    date_order: str | None = None,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancelled,
    on_item: Callable[[FileResult], None] | None = None,
) -> ExportImportReport:
    """Import the export at ``path``; ExportImportError when it cannot be read."""
    path = Path(path)
    try:
        reader = open_export(path)
    except ExportOpenError as exc:
        raise ExportImportError(f"{exc} (nothing was imported)") from None
    with reader:
        plan = detect(reader, path.name)
        if plan is None:
            raise ExportImportError(f"{path.name}: not a Telegram or WhatsApp chat export")
        report = ExportImportReport(str(path), plan.fmt, str(uuid.uuid4()))
        run = _Run(archive, path, reader, plan, provenance, report, progress, cancelled, on_item)
        export_items = _ingest_originals(run)
        if export_items is None:
            return report
        recorder = Recorder(archive, report.batch_uuid)
        _record_messages(run, zone, date_order, export_items, recorder)
        report.chats = list(recorder.tallies.values())
        if not report.cancelled:
            _ingest_media(run, recorder)
    return report


def _ingest_originals(run: _Run) -> dict[str, int] | None:
    """Ingest the export file(s); main file -> item id, or None when that failed."""
    reader, plan = run.reader, run.plan
    if isinstance(reader, (ZipBag, SingleFile)):
        candidates = [Candidate(run.path, run.path.stat().st_size, follow=True)]
    else:
        assert isinstance(reader, FolderBag)
        candidates = [Candidate(reader.root / n, reader.files[n]) for n in plan.main_files]
    result = run.ingest(candidates)
    run.report.originals = result.results
    failed = [r for r in result.results if r.item_id is None]
    if failed or not result.results:
        shown = failed[0].path if failed else str(run.path)
        why = "; ".join(failed[0].messages) if failed else "the import was cancelled"
        run.report.problems.append(
            f"{shown}: the export file could not be preserved ({why}); no message was recorded"
        )
        return None
    if len(candidates) == 1:
        return dict.fromkeys(plan.main_files, int(result.results[0].item_id or 0))
    ids = _ids_by_shown(result.results)
    return {
        name: ids[display_path(c.path)] for name, c in zip(plan.main_files, candidates, strict=True)
    }


def _record_messages(
    run: _Run,
    zone: StatedZone | None,
    date_order: str | None,
    export_items: dict[str, int],
    recorder: Recorder,
) -> None:
    report = run.report
    state = Progress(0, 0, 0, 0, current="messages")
    default_source = OFFSET_FROM_EXPORT[run.plan.fmt]
    for chat_reader in chat_readers(run.reader, run.plan, date_order):
        name = chat_reader.report.file
        export_item = export_items[name]
        batch: list[tuple[Message, str | None, int]] = []
        try:
            for msg in chat_reader:
                msg = check_media(msg, run.reader.files, chat_reader.report)
                source = (
                    default_source if msg.sent and msg.sent.offset_minutes is not None else None
                )
                if zone is not None and msg.sent is not None and msg.sent.offset_minutes is None:
                    edited = apply_zone(msg.edited, zone) if msg.edited else None
                    msg = replace(msg, sent=apply_zone(msg.sent, zone), edited=edited)
                    source = f"stated at import: {zone.text}"
                batch.append((msg, source, export_item))
                if len(batch) >= BATCH:
                    _flush(run, recorder, batch, state)
                    if run.cancelled():
                        report.cancelled = True
                        return
        except ExportFormatError as exc:
            report.problems.append(str(exc))
        finally:
            if batch and not report.cancelled:
                _flush(run, recorder, batch, state)
            report.problems += [str(p) for p in chat_reader.report.problems]
            report.notes += [f"{name}: {n}" for n in chat_reader.report.notes]
            if chat_reader.report.dropped_problems:
                report.problems.append(
                    f"{name}: {chat_reader.report.dropped_problems} more problems not listed"
                )
    report.media_missing = _count_missing(run.archive, report.batch_uuid)


def _flush(
    run: _Run, recorder: Recorder, batch: list[tuple[Message, str | None, int]], state: Progress
) -> None:
    with run.archive.db.writer() as session:
        new, known = recorder.record(session, batch)
    run.report.messages_new += new
    run.report.messages_known += known
    state.files_done += len(batch)
    state.new = run.report.messages_new
    state.duplicates = run.report.messages_known
    run.progress(state)
    batch.clear()


def _count_missing(archive: Archive, batch_uuid: str) -> int:
    with archive.db.reader() as session:
        return chat_records.missing_media_count(session, batch_uuid)


def _ingest_media(run: _Run, recorder: Recorder) -> None:
    reader, plan, report = run.reader, run.plan, run.report
    wanted = list(dict.fromkeys(p.path for p in recorder.pending))
    by_path: dict[str, int] = {}
    if isinstance(reader, FolderBag):
        # Nothing lost: files of the folder no message names are ingested too
        # (a zip needs no such care: the zip itself is the preserved item).
        taken = set(wanted) | set(plan.main_files)
        others = [r for r in sorted(reader.files) if r not in taken and not _asset(r, plan)]
        if others:
            report.notes.append(
                f"{len(others)} files in the folder are not named by any message; "
                "ingested as ordinary items"
            )
        candidates = [Candidate(reader.root / rel, reader.files[rel]) for rel in wanted + others]
        if not candidates:
            return
        result = run.ingest(candidates)
        report.media += result.results
        ids = _ids_by_shown(result.results)
        for rel, c in zip(wanted, candidates, strict=False):
            if display_path(c.path) in ids:
                by_path[rel] = ids[display_path(c.path)]
    elif isinstance(reader, ZipBag):
        _ingest_zip_media(run, reader, wanted, by_path)
    links = [(p, by_path[p.path]) for p in recorder.pending if p.path in by_path]
    for start in range(0, len(links), 1000):
        with run.archive.db.writer() as session:
            made, timed = link_media(session, run.archive, links[start : start + 1000])
        report.media_linked += made
        report.times_set += timed


def _asset(rel: str, plan: ExportPlan) -> bool:
    """Files Telegram's exporter makes itself: page styles, scripts and icons,
    and thumbnails of the files it exported (the full files are kept)."""
    if not plan.fmt.startswith("telegram"):
        return False
    parts = rel.split("/")
    if plan.fmt == "telegram_html" and parts[0] in ("css", "js", "images"):
        return True
    return parts[-1].endswith("_thumb.jpg")


def _ingest_zip_media(
    run: _Run, reader: ZipBag, wanted: list[str], by_path: dict[str, int]
) -> None:
    """Stage zip members beside the archive a slice at a time and ingest them,
    recording "<zip>/<member>" as each file's original path."""
    shown = str(run.path.absolute())
    start = 0
    while start < len(wanted) and not run.report.cancelled:
        stop, size = start, 0
        while stop < len(wanted) and stop - start < STAGE_FILES and size < STAGE_BYTES:
            size += reader.files[wanted[stop]]
            stop += 1
        part = wanted[start:stop]
        # In RAM for an encrypted archive: staged media are plaintext until ingested.
        stage = run.archive.scratch_dir(run.archive.root, prefix=".export-staging-")
        try:
            candidates = []
            for i, rel in enumerate(part):
                staged = stage / f"{i:05d}"
                with reader.open(rel) as src, open(staged, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
                candidates.append(
                    Candidate(staged, staged.stat().st_size, original=f"{shown}/{rel}")
                )
            result = run.ingest(candidates)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        run.report.media += result.results
        ids = _ids_by_shown(result.results)
        for rel, c in zip(part, candidates, strict=True):
            if c.original in ids:
                by_path[rel] = ids[c.original]
        start = stop
