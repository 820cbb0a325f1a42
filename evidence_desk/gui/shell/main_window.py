"""The main window: sidebar, catalogue and detail panel, wired to the controllers.

The window only arranges and connects; queries, edits, imports and
verification live in the model and the controllers, which call services
in workers. Opening or creating an archive also happens in a worker, so a
large archive shows a responsive (if briefly empty) window at once.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evidence_desk import __version__
from evidence_desk.gui.catalogue.edits import EditController
from evidence_desk.gui.catalogue.filter_bar import FilterBar
from evidence_desk.gui.catalogue.item_edits import ItemEditsMixin
from evidence_desk.gui.catalogue.model import CatalogueModel
from evidence_desk.gui.catalogue.saved_searches import SavedSearchesMixin
from evidence_desk.gui.catalogue.sidebar import Sidebar, filters_for_pick
from evidence_desk.gui.catalogue.thumbnails import ThumbnailCache
from evidence_desk.gui.catalogue.verify_controller import VerifyController
from evidence_desk.gui.catalogue.views import CatalogueGrid, CatalogueTable
from evidence_desk.gui.detail.panel import DetailPanel
from evidence_desk.gui.intake.controller import ImportController, local_paths
from evidence_desk.gui.shell import lock as lock_ui
from evidence_desk.gui.shell.archive_warnings import ArchiveWarnings
from evidence_desk.gui.shell.features import install_features
from evidence_desk.gui.shell.hooks import Change, WindowHooks
from evidence_desk.gui.shell.main_actions import Actions
from evidence_desk.gui.shell.new_archive_dialog import NewArchiveDialog, ask_new_archive
from evidence_desk.gui.shell.preferences import PreferencesDialog
from evidence_desk.gui.shell.read_only import refuse_read_only
from evidence_desk.gui.shell.tasks import TaskRunner
from evidence_desk.gui.shell.window_state import WindowStateMixin
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.archive.settings import load_settings, save_settings
from evidence_desk.services.catalogue import listing as catalogue
from evidence_desk.services.catalogue.listing import Facets, Filters

LIVE_REFRESH_MS = 400
FACETS_REFRESH_MS = 1200


class MainWindow(ItemEditsMixin, SavedSearchesMixin, WindowStateMixin, QMainWindow):
    archiveOpened = Signal(object)
    facetsLoaded = Signal(object)

    def __init__(self, runner: TaskRunner | None = None, *, defer_features: bool = False) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Evidence Desk"))
        self.runner = runner or TaskRunner(self)
        self.archive: Archive | None = None
        self.lock: lock_ui.ArchiveLock | None = None  # set when the lock feature installs
        self.thumbnails = ThumbnailCache(self)
        self.model = CatalogueModel(self.runner, self.thumbnails, self)
        self.edits = EditController(self.runner, self)
        self.saved_searches = catalogue.load_saved_searches()
        self.recent_menu: QMenu | None = None
        self._build_widgets()
        self.hooks = WindowHooks(self, lambda: [self.table, self.grid], self.detail.tabs)
        self.detail.loaded.connect(self.hooks.item_shown)
        self.hooks.subscribe(Change.ITEMS | Change.ITEM_SET, self._on_change)
        self.archive_warnings = ArchiveWarnings(self, self.hooks, lambda: self.archive)
        self.importer = ImportController(self.runner, self, self.statusBar())
        self.verifier = VerifyController(self.runner, self, self.statusBar())
        self.menu_actions = Actions(self)
        self.menu_actions.build_menus(self)
        self.detail.set_bulk_actions(self.menu_actions.bulk)
        self.views.addAction(self.menu_actions.remove)
        self._live_refresh = self._timer(LIVE_REFRESH_MS, self.model.refresh)
        self._facets_refresh = self._timer(FACETS_REFRESH_MS, self.load_facets)
        self._selection_timer = self._timer(60, self._on_selection_settled)
        self._connect()
        self.setAcceptDrops(True)
        self._fit_screen(1400, 860)
        if not defer_features:  # the application installs them after the first rows
            install_features(self)
        self._restore_state()
        self._update_actions()

    def _timer(self, ms: int, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def _build_widgets(self) -> None:
        self.sidebar = Sidebar(self)
        self.sidebar.set_saved_searches(self.saved_searches)
        self.filter_bar = FilterBar(self)
        self.table = CatalogueTable(self.model, self)
        self.grid = CatalogueGrid(self.model, self)
        self.grid.setSelectionModel(self.table.selectionModel())
        self.views = QStackedWidget(self)
        self.views.addWidget(self.table)
        self.views.addWidget(self.grid)
        center = QWidget(self)
        layout = QVBoxLayout(center)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.views, 1)
        self.detail = DetailPanel(self.runner, self.thumbnails, self.edits, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        for widget in (self.sidebar, center, self.detail):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        # Minimums sized for a 1366x768 laptop: the window must fit in 1024 pixels.
        self.sidebar.setMinimumWidth(150)
        self.detail.setMinimumWidth(260)
        self._sizes_restored = False
        self.setCentralWidget(self.splitter)
        self.count_label = QLabel(self)
        self.selection_label = QLabel(self)
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addWidget(self.selection_label)

    def _connect(self) -> None:
        self.filter_bar.filtersChanged.connect(self.model.set_filters)
        self.filter_bar.saveSearchRequested.connect(self.ask_save_search)
        self.sidebar.picked.connect(self._on_sidebar_pick)
        self.sidebar.deleteSavedRequested.connect(self.delete_saved_search)
        self.model.queryFinished.connect(lambda _n: self._update_counts())
        self.model.queryFailed.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.model.modelReset.connect(self._on_selection_changed)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._on_selection_changed)
        for view in (self.table, self.grid):
            view.customContextMenuRequested.connect(self._context_menu)
        self.edits.itemsChanged.connect(lambda ids: self.hooks.announce(Change.ITEMS, ids))
        self.edits.removalChanged.connect(lambda ids: self.hooks.announce(Change.ITEM_SET, ids))
        self.edits.failed.connect(self._show_error)
        self.edits.stack.indexChanged.connect(lambda _i: self._update_actions())
        self.detail.showItemRequested.connect(self.select_item)
        self.detail.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.importer.itemsArrived.connect(lambda _r: self._schedule_live_refresh())
        self.importer.finished.connect(lambda _r: self.hooks.announce(Change.ITEM_SET))
        self.importer.started.connect(lambda _t: self._update_actions())
        self.importer.finished.connect(lambda _r: self._update_actions())
        self.verifier.finished.connect(lambda _r: self._update_actions())

    # Archives

    def set_archive(self, archive: Archive | None) -> None:
        old, self.archive = self.archive, archive
        self.detail.form.commit_pending()
        for part in (self.importer, self.verifier):
            part.archive = archive
        self.edits.set_archive(archive)
        self.thumbnails.set_archive(archive)
        self.detail.set_archive(archive)
        self.model.set_archive(archive)
        self.reload_saved_searches()  # an encrypted archive's own, sealed list
        if old is not None and old is not archive:
            old.close()
        if archive is not None:
            info_name = archive.root.name
            self.setWindowTitle(
                self.tr("Evidence Desk — %1").replace("%1", f"{info_name} ({archive.root})")
            )
            self._remember_recent(archive.root, encrypted=archive.encrypted)
            self.load_facets()
        else:  # closed (locked, restored, failed): no counts of an archive no longer shown
            self._on_facets(None)
        self._update_actions()
        self.archiveOpened.emit(archive)
        self.hooks.announce(Change.ARCHIVE)

    def open_archive_at(self, path: Path, **options: Any):
        """Open (or create) the archive at ``path`` in a worker, then show it (an encrypted
        archive's passphrase is asked first: ``lock.open_archive_in`` has the options)."""
        if self._busy_warning():
            return None
        return lock_ui.open_archive_in(self, Path(path), **options)

    def _on_archive_ready(self, archive: Archive) -> None:
        self.statusBar().clearMessage()
        self.set_archive(archive)
        if archive.last_backup is not None:
            self.statusBar().showMessage(
                self.tr("The archive was upgraded; a backup was saved to %1").replace(
                    "%1", str(archive.last_backup)
                ),
                15000,
            )

    def choose_archive(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open archive folder"))
        if folder:
            self.open_archive_at(Path(folder))

    def choose_new_archive(self) -> NewArchiveDialog:
        return ask_new_archive(self)

    def fill_recent_menu(self) -> None:
        assert self.recent_menu is not None
        self.recent_menu.clear()
        for entry in load_settings().recent_archives:
            self.recent_menu.addAction(entry, partial(self.open_archive_at, Path(entry)))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(no recent archives)")).setEnabled(False)

    def _busy_warning(self) -> bool:
        if self.importer.busy or self.verifier.busy:
            QMessageBox.information(
                self,
                self.tr("Please wait"),
                self.tr("An import or verification is running; wait for it or cancel it first."),
            )
            return True
        return False

    # Import

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.archive is not None and local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if self.archive is not None and local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.importer.request_import(paths)

    def choose_import_files(self) -> None:
        if refuse_read_only(self):  # before the file chooser
            return
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Import files"))
        if files:
            self.importer.request_import([Path(f) for f in files])

    def choose_import_folder(self) -> None:
        if refuse_read_only(self):
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"))
        if folder:
            self.importer.request_import([Path(folder)])

    def _schedule_live_refresh(self) -> None:
        if not self._live_refresh.isActive():
            self._live_refresh.start()
        self._schedule_facets()

    def _schedule_facets(self) -> None:
        if not self._facets_refresh.isActive():
            self._facets_refresh.start()

    # Catalogue

    def load_facets(self) -> None:
        if self.archive is None:
            return
        archive = self.archive
        task = self.runner.submit(catalogue.facets, archive, pool="records")
        # Counts of an archive closed (or replaced) while they were read are dropped.
        task.succeeded.connect(lambda f: self._on_facets(f) if self.archive is archive else None)

    def _on_facets(self, facets: Facets | None) -> None:
        self.sidebar.set_facets(facets)
        self.detail.form.set_known_tags([name for name, _ in facets.tags] if facets else [])
        self._total = facets.total if facets else None
        self._update_counts()
        if facets is not None:
            self.facetsLoaded.emit(facets)

    def refresh_all(self) -> None:
        self.model.refresh(reload_rows=True)
        self.load_facets()

    def _update_counts(self) -> None:
        shown = self.model.total()
        total = getattr(self, "_total", None)
        if self.archive is None:
            text = ""
        elif self.model.filters.removed:
            text = self.tr("%Ln removed item(s)", "", shown)
        elif total is not None and total != shown:
            text = self.tr("%1 of %Ln item(s)", "", total).replace("%1", f"{shown:,}")
        else:
            text = self.tr("%Ln item(s)", "", shown)
        self.count_label.setText(text)

    def _on_sidebar_pick(self, kind: str, value: object) -> None:
        self.filter_bar.set_filters(filters_for_pick(kind, value, self.filter_bar.filters()))
        self._update_actions()

    def set_view(self, which: str) -> None:
        self.views.setCurrentWidget(self.grid if which == "grid" else self.table)
        acts = self.menu_actions
        (acts.grid_view if which == "grid" else acts.table_view).setChecked(True)

    def sort_by(self, column: int, descending: bool) -> None:
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.table.sortByColumn(column, order)

    def reverse_sort(self) -> None:
        header = self.table.horizontalHeader()
        descending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
        self.sort_by(header.sortIndicatorSection(), descending)

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    def select_all(self) -> None:
        self.model.expose_all()
        self.table.selectAll()

    def select_item(self, item_id: int) -> None:
        row = self.model.row_of(item_id)
        if row is None:
            self.statusBar().showMessage(self.tr("That item is not in the current list."), 5000)
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            self.table.selectionModel().SelectionFlag.ClearAndSelect
            | self.table.selectionModel().SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        self.grid.scrollTo(index)

    def show_exhibit(self, exhibit: str) -> None:
        """Show an exhibit named in a report: search for its number and select it."""
        wanted = Filters(text=exhibit)

        def select_first(_count: int = 0) -> None:
            item_id = self.model.id_at(0)
            if item_id is not None:
                self.select_item(item_id)

        if self.model.filters == wanted and not self.model.loading:
            select_first()
            return
        self.model.queryFinished.connect(select_first, Qt.ConnectionType.SingleShotConnection)
        self.filter_bar.set_filters(wanted)

    # Selection

    def selected_ids(self) -> list[int]:
        rows: list[int] = []
        # PySide6's stub omits QItemSelection's iteration over its ranges.
        for selected in self.table.selectionModel().selection():  # type: ignore[attr-defined]
            rows.extend(range(selected.top(), selected.bottom() + 1))
        return self.model.ids_for_rows(sorted(set(rows)))

    def selected_targets(self) -> list[tuple[int, str]]:
        """(id, uuid) of selected rows whose data is loaded (all visible ones are)."""
        targets = []
        for item_id in self.selected_ids():
            row = self.model.cached_row(item_id)
            if row is not None:
                targets.append((item_id, row.uuid))
        return targets

    def _on_selection_changed(self, *_args: QItemSelection) -> None:
        self._selection_timer.start()

    def _on_selection_settled(self) -> None:
        ids = self.selected_ids()
        self.detail.show_selection(ids)
        self.selection_label.setText(self.tr("%Ln selected", "", len(ids)) if ids else "")
        self._update_actions()

    def _update_actions(self) -> None:
        has_archive = self.archive is not None
        has_selection = bool(self.table.selectionModel().hasSelection())
        acts = self.menu_actions
        for action in [*acts.bulk, acts.copy_sha, acts.open_external]:
            action.setEnabled(has_archive and has_selection)
        self.menu_actions.restore.setEnabled(has_selection and self.model.filters.removed)
        self.menu_actions.remove.setEnabled(has_selection and not self.model.filters.removed)
        for action in (self.menu_actions.import_files, self.menu_actions.import_folder):
            action.setEnabled(has_archive and not self.importer.busy)
        self.menu_actions.verify.setEnabled(has_archive and not self.verifier.busy)

    def _context_menu(self, pos) -> None:
        view = self.grid if self.views.currentWidget() is self.grid else self.table
        menu = self.menu_actions.context_menu(self)
        menu.exec(view.viewport().mapToGlobal(pos))

    def _on_change(self, change: Change, ids: list[int]) -> None:
        """Reload what an announced change affects (see ``hooks.Change``)."""
        if change & Change.ITEM_SET:
            if ids:
                self._on_removal_changed(ids)
            else:
                self.refresh_all()
        elif ids:
            self._on_items_changed(ids)
        else:
            self.model.refresh(reload_rows=True)

    def _on_items_changed(self, ids: list[int]) -> None:
        self.model.reload(ids)
        self.detail.reload_if_showing(ids)
        self._schedule_facets()

    def _on_removal_changed(self, ids: list[int]) -> None:
        self.model.refresh()
        self.detail.reload_if_showing(ids)
        self._schedule_facets()

    def open_external(self) -> None:
        self.detail.open_external()

    # Tools and dialogs

    def start_verify(self) -> None:
        self.verifier.start()
        self._update_actions()

    def show_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(load_settings(), self)

        def apply() -> None:
            settings = dialog.updated()
            save_settings(settings)
            if self.archive is not None and settings.collector:
                self.archive.actor = settings.collector

        dialog.accepted.connect(apply)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Evidence Desk"),
            self.tr(
                "<h3>Evidence Desk %1</h3>"
                "<p>An offline archive for evidence of human-rights violations: originals "
                "kept bit for bit, hashed on intake, with provenance and a hash-chained "
                "custody log.</p><p>Evidence Desk never opens a network connection.</p>"
                "<p>Licence: GPL-3.0-or-later.</p>"
            ).replace("%1", __version__),
        )

    def _show_error(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Evidence Desk"), text)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.importer.busy:
            answer = QMessageBox.question(
                self,
                self.tr("Import in progress"),
                self.tr(
                    "An import is running. Stop it after the current file and quit? "
                    "Files already imported stay in the archive."
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.detail.form.commit_pending()
        self.save_state()
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Stop background work and close the archive (also used by tests)."""
        self.runner.shutdown()
        self.thumbnails.stop()
        if self.archive is not None:
            self.archive.close()
