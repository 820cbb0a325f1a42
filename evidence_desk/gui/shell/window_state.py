"""The main window's geometry, splitters, table columns and view, kept between runs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QTimer, QUrl
from PySide6.QtGui import QGuiApplication, QShowEvent

from evidence_desk.services.archive.settings import load_settings, save_settings

MAX_RECENT = 8

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSplitter, QStackedWidget

    from evidence_desk.gui.catalogue.views import CatalogueGrid, CatalogueTable
    from evidence_desk.gui.detail.panel import DetailPanel


def _inside(entry: object, root: str) -> bool:
    text = str(entry)
    url = QUrl(text)
    path = url.toLocalFile() if url.isLocalFile() else text
    return path.rstrip("/") == root.rstrip("/") or path.startswith(root.rstrip("/") + "/")


def forget_in_file_dialog_history(root: str) -> None:
    """Qt's own file dialog (used where the desktop offers none) keeps the folders it
    visited in QtProject.conf, in plain text: drop ``root`` and what is inside it."""
    qt = QSettings(QSettings.Scope.UserScope, "QtProject")
    qt.beginGroup("FileDialog")
    history = qt.value("history")
    entries = [history] if isinstance(history, str) else list(history or [])
    kept = [e for e in entries if not _inside(e, root)]
    if len(kept) != len(entries):
        qt.setValue("history", kept)
    last = qt.value("lastVisited")
    if last is not None and _inside(last.toString() if isinstance(last, QUrl) else last, root):
        qt.remove("lastVisited")
    qt.endGroup()
    qt.sync()


class WindowStateMixin:
    """Restores at start and saves at close; the window provides the widgets named here."""

    splitter: QSplitter
    detail: DetailPanel
    table: CatalogueTable
    grid: CatalogueGrid
    views: QStackedWidget
    _sizes_restored: bool

    if TYPE_CHECKING:  # provided by the window; declared for type checking only

        def set_view(self, which: str) -> None: ...
        def restoreGeometry(self, geometry: Any) -> bool: ...
        def saveGeometry(self) -> Any: ...
        def width(self) -> int: ...
        def height(self) -> int: ...
        def screen(self) -> Any: ...
        def resize(self, *size: Any) -> None: ...

    def _remember_recent(self, root: Any, *, encrypted: bool = False) -> None:
        """The archive just opened goes first in File > Recent and is reopened at start.

        An encrypted archive's path stays out of the (plain) settings unless the user
        chose otherwise in Preferences: a folder name can say whose evidence it holds.
        """
        settings = load_settings()
        entry = str(root)
        others = [p for p in settings.recent_archives if p != entry]
        if encrypted and not settings.remember_encrypted_archives:
            if len(others) != len(settings.recent_archives):  # remembered before: forget it
                settings.recent_archives = others
                save_settings(settings)
            forget_in_file_dialog_history(entry)
            return
        settings.recent_archives = ([entry] + others)[:MAX_RECENT]
        save_settings(settings)

    def _fit_screen(self, width: int, height: int) -> None:
        """Open at ``width``x``height``, or smaller on a laptop screen (1366x768 is common)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width()), min(height, room.height())
        self.resize(width, height)

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if geometry:
            self.restoreGeometry(geometry)
            # saved on a bigger monitor: keep it within this screen
            self._fit_screen(self.width(), self.height())
        splitter = settings.value("mainWindow/splitter")
        if splitter:
            self._sizes_restored = self.splitter.restoreState(splitter)
        detail = settings.value("mainWindow/detailSplitter")
        if detail:
            self.detail.single.restoreState(detail)
        header = settings.value("mainWindow/tableHeader")
        if header:
            self.table.horizontalHeader().restoreState(header)
        self.set_view(str(settings.value("mainWindow/view", "table")))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[misc]  # the window's QMainWindow has it
        if not self._sizes_restored:
            self._sizes_restored = True
            QTimer.singleShot(0, self, self._default_sizes)  # type: ignore[call-overload]  # self is the window

    def _default_sizes(self) -> None:
        """First run: sidebar, catalogue and detail panel in useful proportions."""
        width = max(self.splitter.width(), 700)
        # on a laptop (1366 px, the case docks beside) the catalogue keeps the most room
        side, detail = max(180, min(240, width // 5)), min(500, width // 3)
        self.splitter.setSizes([side, width - side - detail, detail])
        height = self.detail.single.height()
        self.detail.single.setSizes([height * 9 // 20, height * 11 // 20])

    def save_state(self) -> None:
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/splitter", self.splitter.saveState())
        settings.setValue("mainWindow/detailSplitter", self.detail.single.saveState())
        settings.setValue("mainWindow/tableHeader", self.table.horizontalHeader().saveState())
        view = "grid" if self.views.currentWidget() is self.grid else "table"
        settings.setValue("mainWindow/view", view)
