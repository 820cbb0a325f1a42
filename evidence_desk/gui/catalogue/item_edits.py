"""The window's commands on selected items: tags, sensitivity, removal, copying hashes.

A mixin of the main window (its menus and shortcuts call these by name); the
edits themselves run through ``EditController`` with Undo/Redo.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from evidence_desk.gui.catalogue.bulk_dialogs import RemovalDialog, TagsDialog
from evidence_desk.gui.shell.read_only import refuse_read_only

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from evidence_desk.gui.catalogue.edits import EditController
    from evidence_desk.gui.catalogue.model import CatalogueModel
    from evidence_desk.gui.catalogue.sidebar import Sidebar


class ItemEditsMixin:
    """Needs the window's ``model``, ``edits``, ``sidebar`` and selection."""

    model: CatalogueModel
    edits: EditController
    sidebar: Sidebar

    if TYPE_CHECKING:  # provided by the window; declared for type checking only

        def selected_ids(self) -> list[int]: ...
        def selected_targets(self) -> list[tuple[int, str]]: ...

    def add_tags(self) -> None:
        self._ask_tags(remove=False)

    def remove_tags(self) -> None:
        self._ask_tags(remove=True)

    def _ask_tags(self, remove: bool) -> TagsDialog | None:
        targets = self.selected_targets()
        if not targets or refuse_read_only(self._widget()):
            return None
        known = [name for name, _ in (self.sidebar._facets.tags if self.sidebar._facets else [])]
        dialog = TagsDialog(len(targets), known, remove, self._widget())

        def apply() -> None:
            tags = dialog.tags()
            if remove:
                self.edits.change_tags(targets, [], tags)
            else:
                self.edits.change_tags(targets, tags, [])

        dialog.accepted.connect(apply)
        dialog.open()
        return dialog

    def set_sensitivity(self, value: str) -> None:
        if refuse_read_only(self._widget()):
            return
        self.edits.change_sensitivity(self.selected_targets(), value)

    def remove_selected(self) -> RemovalDialog | None:
        targets = self.selected_targets()
        if not targets or self.model.filters.removed or refuse_read_only(self._widget()):
            return None
        exhibits = [self.model.cached_row(i).exhibit for i, _ in targets]  # type: ignore[union-attr]
        dialog = RemovalDialog(exhibits, self._widget())
        dialog.accepted.connect(lambda: self.edits.remove(targets, dialog.reason_text()))
        dialog.open()
        return dialog

    def restore_selected(self) -> None:
        targets = self.selected_targets()
        if targets and self.model.filters.removed and not refuse_read_only(self._widget()):
            self.edits.restore(
                targets, translate("MainWindow", "restored from the Removed items list")
            )

    def copy_sha256(self) -> None:
        rows = [self.model.cached_row(i) for i in self.selected_ids()]
        text = "\n".join(f"{r.sha256}  {r.exhibit}" for r in rows if r is not None)
        QGuiApplication.clipboard().setText(text)

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self
