"""The main window's actions and menus, in one place so shortcuts are easy to audit.

Delete is bound to "Remove from catalogue…", which always asks for a
reason and a confirmation; there is no silent delete anywhere.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from evidence_desk.gui.catalogue.model import COLUMNS, _header
from evidence_desk.gui.shell.formatting import SENSITIVITIES, sensitivity_label

if TYPE_CHECKING:
    from evidence_desk.gui.shell.main_window import MainWindow

translate = QCoreApplication.translate


class Actions:
    """Every QAction of the main window, created and wired once."""

    def __init__(self, w: MainWindow) -> None:
        def act(text: str, slot, shortcut=None, name: str = "") -> QAction:
            action = QAction(text, w)
            if shortcut is not None:
                if isinstance(shortcut, list):
                    action.setShortcuts(shortcut)
                else:
                    action.setShortcut(shortcut)
            action.triggered.connect(lambda _checked=False: slot())
            action.setObjectName(name)
            return action

        self.new_archive = act(
            translate("MainWindow", "&New Archive…"), w.choose_new_archive, None, "new"
        )
        self.open_archive = act(
            translate("MainWindow", "&Open Archive…"),
            w.choose_archive,
            QKeySequence.StandardKey.Open,
            "open",
        )
        self.import_files = act(
            translate("MainWindow", "&Import Files…"),
            w.choose_import_files,
            QKeySequence("Ctrl+I"),
            "import",
        )
        self.import_folder = act(
            translate("MainWindow", "Import &Folder…"),
            w.choose_import_folder,
            QKeySequence("Ctrl+Shift+I"),
        )
        self.quit = act(
            translate("MainWindow", "&Quit"), w.close, QKeySequence.StandardKey.Quit, "quit"
        )

        self.undo = w.edits.stack.createUndoAction(w, translate("MainWindow", "&Undo"))
        self.undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo = w.edits.stack.createRedoAction(w, translate("MainWindow", "&Redo"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.select_all = act(
            translate("MainWindow", "Select &All"), w.select_all, QKeySequence.StandardKey.SelectAll
        )
        self.find = act(
            translate("MainWindow", "&Find"), w.focus_search, QKeySequence("Ctrl+F"), "find"
        )
        self.add_tags = act(
            translate("MainWindow", "Add &Tags…"), w.add_tags, QKeySequence("Ctrl+T")
        )
        self.remove_tags = act(translate("MainWindow", "R&emove Tags…"), w.remove_tags)
        self.sensitivity = {
            value: act(
                sensitivity_label(value),
                lambda v=value: w.set_sensitivity(v),
                None,
                f"sensitivity-{value}",
            )
            for value in SENSITIVITIES
        }
        delete = QKeySequence.StandardKey.Delete
        self.remove = act(
            translate("MainWindow", "Remove from Catalogue…"), w.remove_selected, delete
        )
        self.remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.restore = act(translate("MainWindow", "Restore Removed Items"), w.restore_selected)
        self.copy_sha = act(translate("MainWindow", "Copy SHA-256"), w.copy_sha256)
        self.open_external = act(
            translate("MainWindow", "Open Working Copy Externally"), w.open_external
        )
        self.preferences = act(
            translate("MainWindow", "&Preferences…"),
            w.show_preferences,
            QKeySequence.StandardKey.Preferences,
        )

        self.view_group = QActionGroup(w)
        self.table_view = act(
            translate("MainWindow", "&Table"), lambda: w.set_view("table"), "Ctrl+1"
        )
        self.grid_view = act(translate("MainWindow", "&Grid"), lambda: w.set_view("grid"), "Ctrl+2")
        for action in (self.table_view, self.grid_view):
            action.setCheckable(True)
            self.view_group.addAction(action)
        self.table_view.setChecked(True)
        refresh = QKeySequence.StandardKey.Refresh
        self.refresh = act(translate("MainWindow", "&Refresh"), w.refresh_all, refresh)
        self.verify = act(
            translate("MainWindow", "&Verify Archive…"), w.start_verify, None, "verify"
        )
        self.about = act(translate("MainWindow", "&About Evidence Desk"), w.show_about)
        self.bulk = [
            self.add_tags,
            self.remove_tags,
            *self.sensitivity.values(),
            self.remove,
        ]

    def build_menus(self, w: MainWindow) -> None:
        bar = w.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        file_menu.addActions([self.new_archive, self.open_archive])
        w.recent_menu = file_menu.addMenu(translate("MainWindow", "Open &Recent"))
        w.recent_menu.aboutToShow.connect(w.fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.import_files, self.import_folder])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit = bar.addMenu(translate("MainWindow", "&Edit"))
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.select_all, self.find])
        edit.addSeparator()
        edit.addActions([self.add_tags, self.remove_tags])
        self.sensitivity_menu(edit)
        edit.addSeparator()
        edit.addActions([self.copy_sha, self.open_external])
        edit.addSeparator()
        edit.addActions([self.remove, self.restore])
        edit.addSeparator()
        edit.addAction(self.preferences)

        view = bar.addMenu(translate("MainWindow", "&View"))
        view.addActions([self.table_view, self.grid_view])
        sort_menu = view.addMenu(translate("MainWindow", "&Sort By"))
        for column, key in enumerate(COLUMNS):
            sort_menu.addAction(_header(key), partial(w.sort_by, column, False))
        sort_menu.addSeparator()
        sort_menu.addAction(translate("MainWindow", "Reverse Order"), w.reverse_sort)
        view.addSeparator()
        view.addAction(self.refresh)

        tools = bar.addMenu(translate("MainWindow", "&Tools"))
        tools.addAction(self.verify)
        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        help_menu.addAction(self.about)

    def sensitivity_menu(self, parent: QMenu) -> QMenu:
        menu = parent.addMenu(translate("MainWindow", "Set &Sensitivity"))
        menu.addActions(list(self.sensitivity.values()))
        return menu

    def context_menu(self, w: MainWindow) -> QMenu:
        menu = QMenu(w)
        menu.addActions([self.add_tags, self.remove_tags])
        self.sensitivity_menu(menu)
        menu.addSeparator()
        menu.addActions([self.copy_sha, self.open_external])
        menu.addSeparator()
        menu.addAction(self.restore if w.model.filters.removed else self.remove)
        w.hooks.context_menu_opening(menu)
        return menu
