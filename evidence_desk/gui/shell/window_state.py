"""The main window's geometry, splitters, table columns and view, kept between runs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSplitter, QStackedWidget

    from evidence_desk.gui.catalogue.views import CatalogueGrid, CatalogueTable
    from evidence_desk.gui.detail.panel import DetailPanel


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

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if geometry:
            self.restoreGeometry(geometry)
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

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not self._sizes_restored:
            self._sizes_restored = True
            QTimer.singleShot(0, self, self._default_sizes)

    def _default_sizes(self) -> None:
        """First run: sidebar, catalogue and detail panel in useful proportions."""
        width = max(self.splitter.width(), 900)
        side, detail = 240, min(500, width // 3)
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
