"""Linking catalogue items to case records: drags out of the catalogue and the link calls.

The catalogue model and views belong to the main window and offer no
drag, so ``DragStarter`` watches their viewports: pressing on a selected
row and moving starts a drag of the selected items' UUIDs (a private MIME
type). Pressing on one of several selected rows is held back until
release, so a multi-row selection survives the start of a drag, as it does
in Qt's own drag-enabled views. ``link`` is the one place that turns
"these items → that record" into the service call for each record kind, and
``unlink`` the one that takes such a link back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QMimeData, QObject, QPoint, Qt
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import QAbstractItemView, QApplication

from evidence_desk.gui.case.widgets import ITEMS_MIME, encode_refs

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive


def link(archive: Archive, kind: str, ref: str, item_refs: list[str]) -> int:
    """Link items to an incident, a person or a testimony, or place them; returns the count."""
    from evidence_desk.services.case import incidents as case_incidents
    from evidence_desk.services.case import persons as case_persons
    from evidence_desk.services.case import places as case_places
    from evidence_desk.services.case import testimony_attachments as case_testimony_attachments

    if kind == "incident":
        case_incidents.link_items(archive, ref, item_refs)
    elif kind == "person":
        for item_ref in item_refs:
            case_persons.link_item(archive, item_ref, ref)
    elif kind == "place":
        for item_ref in item_refs:
            case_places.set_item_place(archive, item_ref, ref)
    elif kind == "testimony":
        case_testimony_attachments.attach(archive, ref, item_refs)
    else:
        raise ValueError(kind)
    return len(item_refs)


def unlink(archive: Archive, kind: str, ref: str, item_ref: str) -> None:
    """Take back one item's link to an incident, a person, a place or a testimony."""
    from evidence_desk.services.case import incidents as case_incidents
    from evidence_desk.services.case import persons as case_persons
    from evidence_desk.services.case import places as case_places
    from evidence_desk.services.case import testimony_attachments as case_testimony_attachments

    if kind == "incident":
        case_incidents.unlink_items(archive, ref, [item_ref])
    elif kind == "person":
        case_persons.unlink_item(archive, item_ref, ref)
    elif kind == "place":
        case_places.set_item_place(archive, item_ref, None)
    elif kind == "testimony":
        case_testimony_attachments.detach(archive, ref, [item_ref])
    else:
        raise ValueError(kind)


def items_mime(refs: list[str]) -> QMimeData:
    mime = QMimeData()
    mime.setData(ITEMS_MIME, encode_refs(refs))
    mime.setText("\n".join(refs))
    return mime


class DragStarter(QObject):
    """Event filter on a catalogue view's viewport that starts item drags."""

    def __init__(self, view: QAbstractItemView, selected_refs: Callable[[], list[str]]) -> None:
        super().__init__(view)
        self.view = view
        self.selected_refs = selected_refs
        self._press: QPoint | None = None
        self._held = False
        self.last_drag: QDrag | None = None
        view.viewport().installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            return self._pressed(event)
        if kind == QEvent.Type.MouseMove and self._press is not None:
            if not event.buttons() & Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
                self._press = None
                return False
            moved = (event.position().toPoint() - self._press).manhattanLength()  # type: ignore[attr-defined]
            if moved >= QApplication.startDragDistance():
                self._press = None
                self._held = False
                self.start_drag()
                return True
            return self._held
        if kind == QEvent.Type.MouseButtonRelease and self._press is not None:
            if self._held:
                self._select_only(self._press)
            self._press = None
            self._held = False
        return False

    def _pressed(self, event: Any) -> bool:
        self._press, self._held = None, False
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.position().toPoint()
        index = self.view.indexAt(pos)
        selection = self.view.selectionModel()
        if not index.isValid() or not selection.isSelected(index):
            return False
        self._press = pos
        plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
        self._held = plain and len(selection.selectedRows()) > 1
        return self._held

    def _select_only(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.view.selectionModel().setCurrentIndex(index, flags)

    def start_drag(self) -> QDrag | None:
        refs = self.selected_refs()
        if not refs:
            return None
        drag = QDrag(self.view)
        drag.setMimeData(items_mime(refs))
        self.last_drag = drag
        drag.exec(Qt.DropAction.LinkAction | Qt.DropAction.CopyAction, Qt.DropAction.LinkAction)
        return drag
