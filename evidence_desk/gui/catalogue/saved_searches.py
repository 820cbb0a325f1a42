"""Saved searches: the window's filters under a name.

Beside a plain archive (or none) the list is the one shared in the settings
folder; an encrypted archive has its own, sealed inside it, so nothing typed
while it is open reaches the unencrypted settings (services.catalogue.saved_searches).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from evidence_desk.services.catalogue import saved_searches as store
from evidence_desk.services.catalogue.listing import SavedSearch

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from evidence_desk.gui.catalogue.filter_bar import FilterBar
    from evidence_desk.gui.catalogue.sidebar import Sidebar
    from evidence_desk.services.archive.archive import Archive


class SavedSearchesMixin:
    """Part of the main window; needs its ``archive``, ``filter_bar``, ``sidebar`` and
    ``saved_searches``."""

    archive: Archive | None
    filter_bar: FilterBar
    sidebar: Sidebar
    saved_searches: list[SavedSearch]

    def reload_saved_searches(self) -> None:
        """The list that belongs with the window's archive (called when it changes)."""
        try:
            self.saved_searches = store.load_saved_searches(self.archive)
        except store.SavedSearchesError as exc:
            self.saved_searches = []
            self._saved_search_problem(str(exc))
        self.sidebar.set_saved_searches(self.saved_searches)

    def ask_save_search(self) -> None:
        name, ok = QInputDialog.getText(
            self._parent(), translate("MainWindow", "Save search"), translate("MainWindow", "Name:")
        )
        if ok and name.strip():
            self.save_search(name.strip())

    def save_search(self, name: str) -> None:
        searches = [s for s in self.saved_searches if s.name != name]
        searches.append(SavedSearch(name, self.filter_bar.filters()))
        self._store(searches)

    def delete_saved_search(self, name: str) -> None:
        self._store([s for s in self.saved_searches if s.name != name])

    def _store(self, searches: list[SavedSearch]) -> None:
        try:
            store.save_saved_searches(searches, self.archive)
        except store.SavedSearchesError as exc:
            self._saved_search_problem(str(exc))
            return
        self.saved_searches = searches
        self.sidebar.set_saved_searches(searches)

    def _saved_search_problem(self, text: str) -> None:
        QMessageBox.warning(
            self._parent(),
            translate("MainWindow", "Saved searches"),
            translate("MainWindow", "The saved searches could not be kept: %1").replace("%1", text),
        )

    def _parent(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self
