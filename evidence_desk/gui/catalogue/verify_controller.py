"""Tools › Verify Archive…: re-hash every original in the background, then report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from evidence_desk.gui.shell.progress_widget import TaskProgress
from evidence_desk.gui.shell.report_dialog import ReportDialog, verify_report
from evidence_desk.gui.shell.tasks import Task, TaskRunner, error_text
from evidence_desk.services.archive.archive import Archive

if TYPE_CHECKING:
    from evidence_desk.services.catalogue.verify import VerifyReport


def run_verify(archive: Archive, **callbacks):
    """In the worker, so the verify and ingest modules load off the GUI thread."""
    from evidence_desk.services.catalogue.verify import verify

    return verify(archive, **callbacks)


class VerifyController(QObject):
    finished = Signal(object)  # VerifyReport, or None after an error

    def __init__(self, runner: TaskRunner, window: QWidget, status_bar: QStatusBar) -> None:
        super().__init__(window)
        self._runner = runner
        self._window = window
        self._status = status_bar
        self.archive: Archive | None = None
        self.task: Task | None = None
        self.report_dialog: ReportDialog | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def start(self) -> Task | None:
        if self.archive is None or self.busy:
            return None
        task = self._runner.submit(
            run_verify,
            self.archive,
            pool="long",
            name="verify",
            progress=True,
            cancellable=True,
        )
        self.task = task
        progress = TaskProgress(task, self.tr("Verifying"), self._status)
        progress.setObjectName("verifyProgress")
        self._status.addPermanentWidget(progress)
        task.succeeded.connect(self._on_done)
        task.failed.connect(self._on_failed)
        return task

    def _on_done(self, report: VerifyReport) -> None:
        self.task = None
        self.report_dialog = verify_report(report, self._window)
        self.report_dialog.exhibitActivated.connect(self._window.show_exhibit)  # type: ignore[attr-defined]
        self.report_dialog.open()
        self.finished.emit(report)

    def _on_failed(self, exc: BaseException) -> None:
        self.task = None
        QMessageBox.warning(
            self._window,
            self.tr("Verification failed"),
            self.tr("Verification stopped: %1").replace("%1", error_text(exc)),
        )
        self.finished.emit(None)
