"""Import: from dropped or chosen paths, through the provenance dialog, to the summary.

The same path serves File › Import… and drag and drop. The ingest service
runs unchanged in a worker; its per-file results stream back (batched) so
new rows appear in the catalogue while the import is still running.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from evidence_desk.gui.intake.dialog import ProvenanceDialog
from evidence_desk.gui.shell.progress_widget import TaskProgress
from evidence_desk.gui.shell.read_only import refuse_read_only
from evidence_desk.gui.shell.report_dialog import ReportDialog, import_summary
from evidence_desk.gui.shell.tasks import Task, TaskRunner, error_text
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.archive.settings import load_settings, save_settings

if TYPE_CHECKING:
    from evidence_desk.services.intake.ingest import FileResult, IngestReport, Provenance


def local_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders in a drop; remote URLs are ignored (we stay offline)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def _load_ingest_modules() -> None:
    import evidence_desk.services.intake.messenger_importer  # noqa: F401


def run_ingest(archive: Archive, paths: list[Path], *, provenance, zone=None, **callbacks):
    """In the worker: the ingest service, imported here so its heavy modules
    (NumPy, PyAV, Pillow) never load on the GUI thread. Each path goes to the
    importer that claims it: Telegram and WhatsApp exports are imported with
    their messages, everything else as loose files."""
    from evidence_desk.core.messengers.timezone import parse_zone
    from evidence_desk.services.intake.ingest import Provenance
    from evidence_desk.services.intake.messenger_importer import ingest_with_exports

    if isinstance(provenance, dict):
        provenance = Provenance(**provenance)
    stated = parse_zone(zone) if zone else None
    return ingest_with_exports(archive, paths, provenance=provenance, zone=stated, **callbacks)


class ImportController(QObject):
    started = Signal(object)  # Task
    itemsArrived = Signal(list)  # FileResults of new items
    finished = Signal(object)  # IngestReport, or None after an error

    def __init__(self, runner: TaskRunner, window: QWidget, status_bar: QStatusBar) -> None:
        super().__init__(window)
        self._runner = runner
        self._window = window
        self._status = status_bar
        self.archive: Archive | None = None
        self.task: Task | None = None
        self.dialog: ProvenanceDialog | None = None
        self.summary: ReportDialog | None = None
        self.show_summary = True

    @property
    def busy(self) -> bool:
        return self.task is not None

    def request_import(self, paths: list[Path]) -> ProvenanceDialog | None:
        """Ask for the batch provenance; the import starts when the dialog is accepted."""
        if not paths or self.archive is None:
            return None
        if refuse_read_only(self._window, self.archive):  # before provenance is asked
            return None
        if self.busy:
            QMessageBox.information(
                self._window,
                self.tr("Import in progress"),
                self.tr("Wait for the current import to finish, or cancel it, first."),
            )
            return None
        # Ingest's modules (PyAV, pypdf, imagehash...) load while the user fills in
        # the dialog. Not earlier: loading them in a worker stalls the GUI thread
        # for up to 0.8 s (measured while scrolling 100,000 items).
        self._runner.submit(_load_ingest_modules, pool="long", name="load ingest modules")
        dialog = ProvenanceDialog(paths, load_settings(), self._window)
        dialog.accepted.connect(lambda: self._on_accepted(dialog))
        dialog.finished.connect(lambda _code: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_accepted(self, dialog: ProvenanceDialog) -> None:
        provenance = dialog.provenance()
        settings = load_settings()
        # Who handed evidence over is remembered for the next import only for a plain
        # archive: the settings file is not encrypted, and a source's name is what an
        # encrypted archive exists to protect.
        encrypted = self.archive is not None and self.archive.encrypted
        settings.last_received_from = "" if encrypted else str(provenance["received_from"])
        settings.last_method = str(provenance["method"])
        if provenance["collector"]:
            settings.collector = str(provenance["collector"])
            if self.archive is not None:
                self.archive.actor = settings.collector
        save_settings(settings)
        self.start(dialog.paths, provenance, dialog.time_zone())

    def start(
        self, paths: list[Path], provenance: Provenance | dict, zone: str | None = None
    ) -> Task:
        assert self.archive is not None
        task = self._runner.submit(
            run_ingest,
            self.archive,
            paths,
            provenance=provenance,
            zone=zone,
            pool="long",
            name="import",
            progress=True,
            cancellable=True,
            on_item=True,
        )
        self.task = task
        progress = TaskProgress(task, self.tr("Importing"), self._status)
        progress.setObjectName("importProgress")
        self._status.addPermanentWidget(progress)
        task.items.connect(self._on_items)
        task.succeeded.connect(self._on_done)
        task.failed.connect(self._on_failed)
        self.started.emit(task)
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _on_items(self, results: list[FileResult]) -> None:
        new = [r for r in results if r.status == "new"]
        if new:
            self.itemsArrived.emit(new)

    def _on_done(self, report: IngestReport) -> None:
        self.task = None
        if self.show_summary:
            self.summary = import_summary(report, self._window)
            self.summary.exhibitActivated.connect(self._window.show_exhibit)  # type: ignore[attr-defined]
            self.summary.open()
        self.finished.emit(report)

    def _on_failed(self, exc: BaseException) -> None:
        self.task = None
        QMessageBox.warning(
            self._window,
            self.tr("Import failed"),
            self.tr("The import stopped: %1").replace("%1", error_text(exc)),
        )
        self.finished.emit(None)
