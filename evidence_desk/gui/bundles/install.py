"""File › Export Bundle…, Verify Bundle…, Import Bundle…, added to a main window.

Kept out of ``main_window`` so the bundle features can be developed and tested
on their own; the window only calls :func:`install_bundle_ui` once. Only the
window's public attributes are used: ``runner`` (background tasks),
``archive``, ``model`` (current search result), ``selected_ids()``,
``statusBar()``, and its hooks (the File menu; announcing an import's changes).

All long work (export, verification, import) runs in the window's "long"
pool with a status-bar progress and a Cancel button. The services guarantee
that a cancelled export leaves nothing behind and a refused import writes
nothing. Translations live in ``resources/translations/bundle_<lang>.ts``;
``gui.i18n.install`` loads every ``*_<lang>.ts`` so nothing is installed here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from evidence_desk.gui.bundles.export_dialog import BundleExportDialog, ExportRequest
from evidence_desk.gui.bundles.importing import (
    ImportPreviewDialog,
    import_summary,
    run_import,
    run_preview,
)
from evidence_desk.gui.bundles.verify_dialog import bundle_report_dialog
from evidence_desk.gui.shell.hooks import Change, WindowHooks
from evidence_desk.gui.shell.i18n import current as ui_language
from evidence_desk.gui.shell.progress_widget import TaskProgress
from evidence_desk.gui.shell.read_only import refuse_read_only
from evidence_desk.gui.shell.tasks import Task, error_text
from evidence_desk.services.archive.archive import Archive

if TYPE_CHECKING:
    from evidence_desk.services.bundles.preview import ImportPreview as Preview


def run_export(archive: Archive, request: ExportRequest, **callbacks: Any) -> Any:
    """In the worker: turn catalogue ids into UUIDs, then export."""
    from evidence_desk.services.bundles.export import export_bundle
    from evidence_desk.services.catalogue.items import uuids_of

    refs: list[str] | None = None
    if request.scope in ("selection", "search"):
        refs = uuids_of(archive, list(request.item_ids))
    return export_bundle(
        archive,
        refs,
        incident=request.incident if request.scope == "incident" else None,
        profile=request.profile,
        zip=request.zip,
        out=request.out,
        exporter=request.exporter,
        language=ui_language(),
        recipients=request.recipients or None,
        **callbacks,
    )


def run_verify(path: Path, **callbacks: Any) -> Any:
    from evidence_desk.services.bundles.verify import verify_bundle

    return verify_bundle(path, **callbacks)


class BundleUi(QObject):
    """The three bundle commands of one main window."""

    exported = Signal(object)  # ExportReport
    verified = Signal(object)  # BundleReport
    imported = Signal(object)  # ImportReport, or None when refused or failed

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.hooks: WindowHooks = window.hooks  # type: ignore[attr-defined]  # the main window's
        self.export_dialog: BundleExportDialog | None = None
        self.preview_dialog: ImportPreviewDialog | None = None
        self.report_dialog: Any = None
        self.task: Task | None = None
        self.export_action = self._action(self.tr("&Export Bundle…"), self.export_bundle, "Ctrl+E")
        self.verify_action = self._action(self.tr("&Verify Bundle…"), self.verify_bundle)
        self.import_action = self._action(self.tr("Import &Bundle…"), self.import_bundle)

    def _action(self, text: str, slot: Any, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    @property
    def archive(self) -> Archive | None:
        return getattr(self.window, "archive", None)

    def _start(self, fn: Any, *args: Any, title: str) -> Task:
        task = self.window.runner.submit(  # type: ignore[attr-defined]
            fn, *args, pool="long", name=title, progress=True, cancellable=True
        )
        self.task = task
        bar = TaskProgress(task, title, self.window.statusBar())
        bar.setObjectName("bundleProgress")
        self.window.statusBar().addPermanentWidget(bar)
        task.finished.connect(self._clear)
        return task

    def _clear(self) -> None:
        self.task = None

    def _error(self, title: str, exc: BaseException) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, error_text(exc),
                          QMessageBox.StandardButton.Close, self.window)  # fmt: skip
        box.setObjectName("bundleError")
        self.report_dialog = box
        box.open()

    def _busy(self) -> bool:
        if self.task is None:
            return False
        QMessageBox.information(self.window, self.tr("Bundle"),
                                self.tr("A bundle task is still running."))  # fmt: skip
        return True

    # Export ------------------------------------------------------------------

    def export_bundle(self) -> BundleExportDialog | None:
        if self.archive is None or self._busy():
            return None
        model = self.window.model  # type: ignore[attr-defined]
        dialog = BundleExportDialog(
            self.window.selected_ids(),  # type: ignore[attr-defined]
            list(model.all_ids()),
            self.window,
            default_folder=Path.home(),
        )
        from evidence_desk.services.case.incidents import incident_rows

        incidents = self.window.runner.submit(incident_rows, self.archive)  # type: ignore[attr-defined]
        incidents.succeeded.connect(dialog.set_incidents)
        incidents.failed.connect(lambda _exc: dialog.set_incidents([]))
        dialog.accepted.connect(lambda: self.start_export(dialog.request))
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def start_export(self, request: ExportRequest | None) -> Task | None:
        if request is None or self.archive is None:
            return None
        task = self._start(run_export, self.archive, request, title=self.tr("Exporting bundle"))
        task.succeeded.connect(self._on_exported)
        task.failed.connect(lambda exc: self._error(self.tr("Export failed"), exc))
        return task

    def _on_exported(self, report: Any) -> None:
        if report.cancelled:
            self.window.statusBar().showMessage(self.tr("Export cancelled; nothing was written."))
        else:
            text = (
                self.tr(
                    "%n exhibit(s) exported to %2.\nKey fingerprint: %3", "", len(report.exported)
                )
                .replace("%2", str(report.path))
                .replace("%3", report.fingerprint or "")
            )
            if report.left_out:
                text += "\n" + self.tr(
                    "%n item(s) left out (see the bundle's report).", "", len(report.left_out)
                )
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Bundle exported"), text,
                              QMessageBox.StandardButton.Close, self.window)  # fmt: skip
            box.setObjectName("bundleExported")
            self.report_dialog = box
            box.open()
        self.exported.emit(report)

    # Verify ------------------------------------------------------------------

    def _choose_bundle(self, title: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, title, str(Path.home()),
            self.tr("Bundles (*.zip *.age bagit.txt);;All files (*)"),
        )  # fmt: skip
        if not path:
            return None
        chosen = Path(path)
        return chosen.parent if chosen.name == "bagit.txt" else chosen

    def verify_bundle(self, path: Path | None = None) -> Task | None:
        if self._busy():
            return None
        path = path or self._choose_bundle(self.tr("Verify Bundle — choose a .zip or bagit.txt"))
        if path is None:
            return None
        task = self._start(run_verify, path, title=self.tr("Checking bundle"))
        task.succeeded.connect(self._on_verified)
        task.failed.connect(lambda exc: self._error(self.tr("Check failed"), exc))
        return task

    def _on_verified(self, report: Any) -> None:
        self.report_dialog = bundle_report_dialog(report, self.window)
        self.report_dialog.open()
        self.verified.emit(report)

    # Import ------------------------------------------------------------------

    def import_bundle(self, path: Path | None = None) -> Task | None:
        if self.archive is None or self._busy() or refuse_read_only(self.window, self.archive):
            return None
        path = path or self._choose_bundle(self.tr("Import Bundle — choose a .zip or bagit.txt"))
        if path is None:
            return None
        task = self._start(run_preview, self.archive, path, title=self.tr("Checking bundle"))
        task.succeeded.connect(lambda preview: self._on_preview(path, preview))
        task.failed.connect(lambda exc: self._error(self.tr("Check failed"), exc))
        return task

    def _on_preview(self, path: Path, preview: Preview) -> None:
        if not preview.report.ok:
            self.report_dialog = bundle_report_dialog(preview.report, self.window)
            self.report_dialog.setWindowTitle(self.tr("Not imported: the bundle failed its check"))
            self.report_dialog.open()
            self.imported.emit(None)
            return
        dialog = ImportPreviewDialog(preview, self.window)
        dialog.accepted.connect(lambda: self.start_import(path, dialog.trust_new_signer))
        dialog.rejected.connect(lambda: self.imported.emit(None))
        self.preview_dialog = dialog
        dialog.open()

    def start_import(self, path: Path, trust_new_signer: bool = False) -> Task | None:
        if self.archive is None:
            return None
        task = self._start(
            run_import, self.archive, path, trust_new_signer, title=self.tr("Importing bundle")
        )
        task.succeeded.connect(self._on_imported)
        task.failed.connect(self._on_import_failed)
        return task

    def _on_imported(self, report: Any) -> None:
        self.hooks.announce(Change.ITEM_SET | Change.CASE_RECORDS)
        self.report_dialog = import_summary(report, self.window)
        self.report_dialog.open()
        self.imported.emit(report)

    def _on_import_failed(self, exc: BaseException) -> None:
        self._error(self.tr("Import failed"), exc)
        self.imported.emit(None)


def install_bundle_ui(window: QMainWindow) -> None:
    """Add the bundle commands to the window's File menu (before Quit)."""
    ui = BundleUi(window)
    window.bundle_ui = ui  # type: ignore[attr-defined]
    hooks: WindowHooks = window.hooks  # type: ignore[attr-defined]
    hooks.add_to_file_menu([ui.export_action, ui.verify_action, ui.import_action])
