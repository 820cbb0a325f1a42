"""The sidebar: all items, saved searches, kinds, tags, sensitivity, removed items.

Counts come from one facet query run in a worker; this widget only shows
them. A few dozen entries, so a tree widget is fine here (the catalogue
itself is never a widget-based view).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from evidence_desk.gui.shell.formatting import kind_plural, sensitivity_label
from evidence_desk.services.catalogue.listing import Facets, Filters, SavedSearch

_ROLE = Qt.ItemDataRole.UserRole


class Sidebar(QTreeWidget):
    """Emits ``picked(kind, value)``: ("all", None), ("saved", SavedSearch), ("kind", "photo")…"""

    picked = Signal(str, object)
    deleteSavedRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setIndentation(14)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.itemClicked.connect(self._on_clicked)
        self.itemActivated.connect(self._on_clicked)
        self._facets: Facets | None = None
        self._saved: list[SavedSearch] = []
        self._expanded: dict[str, bool] = {}
        self._rebuild()

    def set_facets(self, facets: Facets | None) -> None:
        self._facets = facets
        self._rebuild()

    def set_saved_searches(self, searches: list[SavedSearch]) -> None:
        self._saved = list(searches)
        self._rebuild()

    def _section(self, key: str, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [title])
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        item.setData(0, _ROLE, ("section", key))
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setExpanded(self._expanded.get(key, True))
        return item

    @staticmethod
    def _entry(parent: QTreeWidgetItem | QTreeWidget, text: str, count: int | None, data) -> None:
        label = f"{text}  ({count:,})" if count is not None else text
        item = QTreeWidgetItem(parent, [label])
        item.setData(0, _ROLE, data)
        item.setToolTip(0, text)

    def _rebuild(self) -> None:
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            if top is None:
                continue
            data = top.data(0, _ROLE)
            if data and data[0] == "section":
                self._expanded[data[1]] = top.isExpanded()
        self.clear()
        facets = self._facets
        self._entry(self, self.tr("All items"), facets.total if facets else None, ("all", None))
        saved = self._section("saved", self.tr("Saved searches"))
        if not self._saved:
            hint = QTreeWidgetItem(saved, [self.tr("(none yet: use “Save search…”)")])
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
        for search in self._saved:
            self._entry(saved, search.name, None, ("saved", search))
        kinds = self._section("kinds", self.tr("Kinds"))
        for kind, count in facets.kinds if facets else []:
            self._entry(kinds, kind_plural(kind), count, ("kind", kind))
        tags = self._section("tags", self.tr("Tags"))
        for name, count in facets.tags if facets else []:
            self._entry(tags, name, count, ("tag", name))
        if facets and not facets.tags:
            hint = QTreeWidgetItem(tags, [self.tr("(no tags yet)")])
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
        sens = self._section("sensitivity", self.tr("Sensitivity"))
        counts = dict(facets.sensitivities) if facets else {}
        for value in ("public", "restricted", "confidential"):
            label = sensitivity_label(value)
            shown = counts.get(value, 0) if facets else None  # no archive: no counts
            self._entry(sens, label, shown, ("sensitivity", value))
        self._entry(
            self, self.tr("Removed items"), facets.removed if facets else None, ("removed", True)
        )

    def _on_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, _ROLE)
        if not data:
            return
        if data[0] == "section":
            item.setExpanded(not item.isExpanded())
            return
        self.picked.emit(data[0], data[1])

    def _context_menu(self, pos) -> None:
        item = self.itemAt(pos)
        data = item.data(0, _ROLE) if item else None
        if not data or data[0] != "saved":
            return
        menu = QMenu(self)
        delete = QAction(self.tr("Delete saved search “%1”").replace("%1", data[1].name), menu)
        delete.triggered.connect(lambda: self.deleteSavedRequested.emit(data[1].name))
        menu.addAction(delete)
        menu.exec(self.viewport().mapToGlobal(pos))


def filters_for_pick(kind: str, value: object, current: Filters) -> Filters:
    """The filters a sidebar click means: it narrows one dimension, keeping the others."""
    if kind == "all":
        return Filters()
    if kind == "saved":
        assert isinstance(value, SavedSearch)
        return value.filters
    if kind == "kind":
        return replace(current, kinds=(str(value),), removed=False)
    if kind == "tag":
        return replace(current, tag=str(value), removed=False)
    if kind == "sensitivity":
        return replace(current, sensitivity=str(value), removed=False)
    if kind == "removed":
        return Filters(removed=True)
    return current
