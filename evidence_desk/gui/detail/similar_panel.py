"""Near-duplicates of the shown item, and marking them as the same scene."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.catalogue.thumbnails import ThumbnailCache
from evidence_desk.gui.shell.flow_layout import FlowLayout
from evidence_desk.services.catalogue.similar import SimilarItem

_ROLE = Qt.ItemDataRole.UserRole


class SimilarPanel(QWidget):
    linkRequested = Signal(object, bool)  # SimilarItem, mark (True) or unmark (False)
    showRequested = Signal(int)  # item id

    def __init__(self, thumbnails: ThumbnailCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("similarPanel")
        self._thumbs = thumbnails
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setIconSize(QSize(64, 48))
        self.list.setUniformItemSizes(True)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list.itemDoubleClicked.connect(
            lambda item: self.showRequested.emit(item.data(_ROLE).id)
        )
        self.mark = QPushButton(self.tr("Mark as same scene"), self)
        self.mark.setObjectName("markSameScene")
        self.unmark = QPushButton(self.tr("Unmark"), self)
        self.show_button = QPushButton(self.tr("Show in catalogue"), self)
        self.mark.clicked.connect(lambda: self._link(True))
        self.unmark.clicked.connect(lambda: self._link(False))
        self.show_button.clicked.connect(self._show)
        buttons = FlowLayout(spacing=6)
        for button in (self.mark, self.unmark, self.show_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        thumbnails.loaded.connect(self._on_thumbnail)
        self._update_buttons()

    def show_loading(self) -> None:
        self.list.clear()
        self.status.setText(self.tr("Looking for similar items…"))
        self._update_buttons()

    def show_results(self, results: list[SimilarItem], has_phash: bool) -> None:
        self.list.clear()
        for sim in results:
            if sim.distance is None:
                detail = self.tr("linked")
            else:
                detail = self.tr("%1 bits apart").replace("%1", str(sim.distance))
            if sim.same_scene:
                detail += " · " + self.tr("marked as the same scene")
            item = QListWidgetItem(f"{sim.exhibit}  {sim.title}\n{detail}")
            item.setData(_ROLE, sim)
            item.setIcon(self._thumbs.icon(sim.sha256, sim.kind, sim.has_thumbnail))
            self.list.addItem(item)
        if results:
            self.status.setText(
                self.tr("%1 near-duplicates or linked items (closest first).").replace(
                    "%1", str(len(results))
                )
            )
        elif has_phash:
            self.status.setText(self.tr("No similar items in the archive."))
        else:
            self.status.setText(
                self.tr("This item has no perceptual hash (only photos and videos have one).")
            )
        if results:
            self.list.setCurrentRow(0)
        self._update_buttons()

    def _current(self) -> SimilarItem | None:
        item = self.list.currentItem()
        return item.data(_ROLE) if item is not None else None

    def _update_buttons(self) -> None:
        sim = self._current()
        self.mark.setEnabled(sim is not None and not sim.same_scene)
        self.unmark.setEnabled(sim is not None and sim.same_scene)
        self.show_button.setEnabled(sim is not None)

    def _link(self, on: bool) -> None:
        sim = self._current()
        if sim is not None:
            self.linkRequested.emit(sim, on)

    def _show(self) -> None:
        sim = self._current()
        if sim is not None:
            self.showRequested.emit(sim.id)

    def _on_thumbnail(self, sha256: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            sim = item.data(_ROLE)
            if sim.sha256 == sha256:
                item.setIcon(self._thumbs.icon(sim.sha256, sim.kind, sim.has_thumbnail))
