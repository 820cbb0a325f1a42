"""Saved searches: the window's filters under a name, kept in a file beside the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from evidence_desk.services.catalogue import listing as catalogue
from evidence_desk.services.catalogue.listing import SavedSearch

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from evidence_desk.gui.catalogue.filter_bar import FilterBar
    from evidence_desk.gui.catalogue.sidebar import Sidebar


class SavedSearchesMixin:
    """Part of the main window; needs its ``filter_bar``, ``sidebar`` and ``saved_searches``."""

    filter_bar: FilterBar
    sidebar: Sidebar
    saved_searches: list[SavedSearch]

    def ask_save_search(self) -> None:
        name, ok = QInputDialog.getText(
            self._parent(), translate("MainWindow", "Save search"), translate("MainWindow", "Name:")
        )
        if ok and name.strip():
            self.save_search(name.strip())

    def save_search(self, name: str) -> None:
        searches = [s for s in self.saved_searches if s.name != name]
        searches.append(SavedSearch(name, self.filter_bar.filters()))
        self.saved_searches = searches
        catalogue.save_saved_searches(searches)
        self.sidebar.set_saved_searches(searches)

    def delete_saved_search(self, name: str) -> None:
        self.saved_searches = [s for s in self.saved_searches if s.name != name]
        catalogue.save_saved_searches(self.saved_searches)
        self.sidebar.set_saved_searches(self.saved_searches)

    def _parent(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self
