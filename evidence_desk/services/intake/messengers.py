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
import tempfile
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
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.intake.ingest import (
    FileResult,
    Progress,
    Provenance,
    ingest_candidates,
)
from evidence_desk.services.intake.messenger_records import ChatTally, Recorder, link_media
from evidence_desk.services.intake.walk import Candidate, display_path

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


def _never() -> bool:
    return False


def _quiet(_: Progress) -> None:
    pass


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


def import_export(
    archive: Archive,
    path: Path,
    *,
    provenance: Provenance,
    zone: StatedZone | None = None,
    date_order: str | None = None,
    progress: Callable[[Progress], None] = _quiet,
    cancelled: Callable[[], bool] = _never,
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
        export_items = _ingest_originals(archive, path, reader, plan, provenance, report)
        if export_items is None:
            return report
        recorder = Recorder(archive, report.batch_uuid)
        _record_messages(
            archive,
            reader,
            plan,
            zone,
            date_order,
            export_items,
            recorder,
            report,
            progress,
            cancelled,
        )
        report.chats = list(recorder.tallies.values())
        if not report.cancelled:
            _ingest_media(
                archive, path, reader, plan, recorder, provenance, report, progress, cancelled
            )
    return report


def _ingest_originals(
    archive: Archive,
    path: Path,
    reader: BagReader,
    plan: ExportPlan,
    provenance: Provenance,
    report: ExportImportReport,
) -> dict[str, int] | None:
    """Ingest the export file(s); main file -> item id, or None when that failed."""
    if isinstance(reader, (ZipBag, SingleFile)):
        candidates = [Candidate(path, path.stat().st_size, follow=True)]
    else:
        assert isinstance(reader, FolderBag)
        candidates = [Candidate(reader.root / n, reader.files[n]) for n in plan.main_files]
    result = ingest_candidates(archive, candidates, provenance=provenance)
    report.originals = result.results
    failed = [r for r in result.results if r.item_id is None]
    if failed:
        report.problems.append(
            f"{failed[0].path}: the export file could not be preserved "
            f"({'; '.join(failed[0].messages)}); no message was recorded"
        )
        return None
    if len(candidates) == 1:
        return dict.fromkeys(plan.main_files, int(result.results[0].item_id or 0))
    ids = _ids_by_shown(result.results)
    return {
        name: ids[display_path(c.path)] for name, c in zip(plan.main_files, candidates, strict=True)
    }


def _record_messages(
    archive: Archive,
    reader: BagReader,
    plan: ExportPlan,
    zone: StatedZone | None,
    date_order: str | None,
    export_items: dict[str, int],
    recorder: Recorder,
    report: ExportImportReport,
    progress: Callable[[Progress], None],
    cancelled: Callable[[], bool],
) -> None:
    state = Progress(0, 0, 0, 0, current="messages")
    default_source = OFFSET_FROM_EXPORT[plan.fmt]
    for chat_reader in chat_readers(reader, plan, date_order):
        name = chat_reader.report.file
        export_item = export_items[name]
        batch: list[tuple[Message, str | None, int]] = []
        try:
            for msg in chat_reader:
                msg = check_media(msg, reader.files, chat_reader.report)
                source = (
                    default_source if msg.sent and msg.sent.offset_minutes is not None else None
                )
                if zone is not None and msg.sent is not None and msg.sent.offset_minutes is None:
                    edited = apply_zone(msg.edited, zone) if msg.edited else None
                    msg = replace(msg, sent=apply_zone(msg.sent, zone), edited=edited)
                    source = f"stated at import: {zone.text}"
                batch.append((msg, source, export_item))
                if len(batch) >= BATCH:
                    _flush(archive, recorder, batch, report, state, progress)
                    if cancelled():
                        report.cancelled = True
                        return
        except ExportFormatError as exc:
            report.problems.append(str(exc))
        finally:
            if batch and not report.cancelled:
                _flush(archive, recorder, batch, report, state, progress)
            report.problems += [str(p) for p in chat_reader.report.problems]
            report.notes += [f"{name}: {n}" for n in chat_reader.report.notes]
            if chat_reader.report.dropped_problems:
                report.problems.append(
                    f"{name}: {chat_reader.report.dropped_problems} more problems not listed"
                )
    report.media_missing = _count_missing(archive, report.batch_uuid)


def _flush(archive, recorder, batch, report, state, progress) -> None:  # type: ignore[no-untyped-def]
    with archive.db.writer() as session:
        new, known = recorder.record(session, batch)
    report.messages_new += new
    report.messages_known += known
    state.files_done += len(batch)
    state.new = report.messages_new
    state.duplicates = report.messages_known
    progress(state)
    batch.clear()


def _count_missing(archive: Archive, batch_uuid: str) -> int:
    from sqlalchemy import func, select

    from evidence_desk.db.models_messages import ChatMessage

    with archive.db.reader() as session:
        return int(
            session.scalar(
                select(func.count()).where(
                    ChatMessage.batch_uuid == batch_uuid, ChatMessage.media_missing_json != "[]"
                )
            )
            or 0
        )


def _ingest_media(
    archive: Archive,
    path: Path,
    reader: BagReader,
    plan: ExportPlan,
    recorder: Recorder,
    provenance: Provenance,
    report: ExportImportReport,
    progress: Callable[[Progress], None],
    cancelled: Callable[[], bool],
) -> None:
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
        result = ingest_candidates(
            archive, candidates, provenance=provenance, progress=progress, cancelled=cancelled
        )
        report.media += result.results
        report.cancelled = report.cancelled or result.cancelled
        ids = _ids_by_shown(result.results)
        for rel, c in zip(wanted, candidates, strict=False):
            if display_path(c.path) in ids:
                by_path[rel] = ids[display_path(c.path)]
    elif isinstance(reader, ZipBag):
        _ingest_zip_media(
            archive, path, reader, wanted, provenance, report, by_path, progress, cancelled
        )
    links = [(p, by_path[p.path]) for p in recorder.pending if p.path in by_path]
    for start in range(0, len(links), 1000):
        with archive.db.writer() as session:
            made, timed = link_media(session, archive, links[start : start + 1000])
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
    archive: Archive,
    path: Path,
    reader: ZipBag,
    wanted: list[str],
    provenance: Provenance,
    report: ExportImportReport,
    by_path: dict[str, int],
    progress: Callable[[Progress], None],
    cancelled: Callable[[], bool],
) -> None:
    """Stage zip members beside the archive a slice at a time and ingest them,
    recording "<zip>/<member>" as each file's original path."""
    shown = str(path.absolute())
    start = 0
    while start < len(wanted) and not report.cancelled:
        stop, size = start, 0
        while stop < len(wanted) and stop - start < STAGE_FILES and size < STAGE_BYTES:
            size += reader.files[wanted[stop]]
            stop += 1
        part = wanted[start:stop]
        stage = Path(tempfile.mkdtemp(prefix=".export-staging-", dir=archive.root))
        try:
            candidates = []
            for i, rel in enumerate(part):
                staged = stage / f"{i:05d}"
                with reader.open(rel) as src, open(staged, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
                candidates.append(
                    Candidate(staged, staged.stat().st_size, original=f"{shown}/{rel}")
                )
            result = ingest_candidates(
                archive, candidates, provenance=provenance, progress=progress, cancelled=cancelled
            )
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        report.media += result.results
        report.cancelled = report.cancelled or result.cancelled
        ids = _ids_by_shown(result.results)
        for rel, c in zip(part, candidates, strict=True):
            if c.original in ids:
                by_path[rel] = ids[c.original]
        start = stop
