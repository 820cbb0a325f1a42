"""How window features plug in and learn about each other's changes, without patching.

Features (case records, bundles, later ones) get ``window.hooks`` and use it to

- add a menu before Help (``add_menu``), commands to the File menu
  (``add_to_file_menu``) or after another command (``add_after``), and
  entries to the catalogue's context menu (``extend_context_menu``);
- find the item views, to start drags from them (``item_views``);
- add a tab to the item detail panel (``add_detail_tab``) and learn which item
  it shows (``item_shown``);
- announce what a finished operation changed (``announce``) and subscribe to
  what others changed (``subscribe``): one mechanism for "the catalogue rows,
  the case lists, the timeline must reload", instead of each feature calling
  the others' refresh methods.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Flag, auto

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QMainWindow, QMenu, QTabWidget, QWidget


class Change(Flag):
    """What an operation changed."""

    ITEMS = auto()  # fields, tags, links or times of items (the ids, or all when none given)
    ITEM_SET = auto()  # items added, removed or restored: lists and counts change
    CASE_RECORDS = auto()  # incidents, persons, places, testimonies, periods, clock corrections
    ARCHIVE = auto()  # another archive was opened (or the archive was closed)


ChangeHandler = Callable[[Change, list[int]], None]
MenuExtension = Callable[[QMenu], None]


class WindowHooks(QObject):
    """The extension points of one main window."""

    changed = Signal(object, list)  # Change, item ids (empty: not known / all)
    item_shown = Signal(int)  # the one item the detail panel has loaded (its row id)

    def __init__(
        self,
        window: QMainWindow,
        item_views: Callable[[], list[QAbstractItemView]],
        detail_tabs: QTabWidget,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._item_views = item_views
        self._detail_tabs = detail_tabs
        self._menu_extensions: list[MenuExtension] = []

    # Changes

    def announce(self, what: Change, ids: Iterable[int] = ()) -> None:
        """Tell every subscriber that ``what`` changed (for ``ids``, when known)."""
        self.changed.emit(what, list(ids))

    def subscribe(self, what: Change, handler: ChangeHandler) -> None:
        """Call ``handler(change, ids)`` whenever a change overlapping ``what`` is announced."""

        def deliver(change: Change, ids: list[int]) -> None:
            if change & what:
                handler(change, ids)

        self.changed.connect(deliver)

    # Menus and views

    def add_menu(self, menu: QMenu) -> None:
        """Put a feature's menu in the menu bar, before Help (which the window adds last)."""
        bar = self._window.menuBar()
        existing = bar.actions()
        if existing:
            bar.insertMenu(existing[-1], menu)
        else:
            bar.addMenu(menu)

    def add_to_file_menu(self, actions: list[QAction]) -> None:
        """Add a feature's commands to the File menu, in a group before Quit."""
        file_menu = self._window.menuBar().actions()[0].menu()
        assert isinstance(file_menu, QMenu)
        quit_action = getattr(getattr(self._window, "menu_actions", None), "quit", None)
        existing = file_menu.actions()
        before = None
        if quit_action in existing:
            index = existing.index(quit_action)
            previous = existing[index - 1] if index else None
            before = previous if previous is not None and previous.isSeparator() else quit_action
        if before is None:
            file_menu.addSeparator()
            file_menu.addActions(actions)
        else:
            file_menu.insertSeparator(before)
            file_menu.insertActions(before, actions)

    def add_after(self, anchor: QAction, actions: list[QAction]) -> None:
        """Add a feature's commands to the menu bar's menu holding ``anchor``, right after it."""
        for entry in self._window.menuBar().actions():
            menu = entry.menu()
            if isinstance(menu, QMenu) and anchor in menu.actions():
                existing = menu.actions()
                index = existing.index(anchor) + 1
                if index < len(existing):
                    menu.insertActions(existing[index], actions)
                else:
                    menu.addActions(actions)
                return
        raise ValueError(f"{anchor.text()!r} is in no menu of the menu bar")

    def extend_context_menu(self, extend: MenuExtension) -> None:
        """Have ``extend(menu)`` add entries whenever the catalogue's context menu opens."""
        self._menu_extensions.append(extend)

    def context_menu_opening(self, menu: QMenu) -> None:
        """Called by the window with its own entries in place."""
        for extend in self._menu_extensions:
            extend(menu)

    def add_detail_tab(self, widget: QWidget, title: str) -> None:
        """Add a tab after the detail panel's own; ``item_shown`` says what it should show."""
        self._detail_tabs.addTab(widget, title)

    def item_views(self) -> list[QAbstractItemView]:
        """The views showing catalogue items (table and grid)."""
        return self._item_views()
