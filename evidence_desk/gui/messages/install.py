"""View › Conversations…, and "Messages of This Item" in the catalogue's context menu.

Uses the window's public attributes (``runner``, ``archive``, ``menuBar()``,
``selected_ids()``, ``show_exhibit()``) and its hooks: the context-menu
extension, and the change notification, so an open conversation view follows
imports and a switch to another archive. The View menu is the window's third
menu (File, Edit, View…), found by position in every interface language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from evidence_desk.gui.messages.conversation import ConversationDialog
from evidence_desk.gui.shell.hooks import Change


class MessagesUI(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ConversationDialog | None = None
        self.conversations = QAction(
            QCoreApplication.translate("MessagesUI", "&Conversations…"), window
        )
        self.conversations.setObjectName("conversationsAction")
        self.conversations.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.conversations.triggered.connect(self.open_conversations)
        self.item_messages = QAction(
            QCoreApplication.translate("MessagesUI", "&Messages of Selected Item"), window
        )
        self.item_messages.setObjectName("itemMessagesAction")
        self.item_messages.triggered.connect(self.open_item_messages)
        menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
        if len(menus) > 2:
            view = menus[2]
        else:
            view = QMenu(QCoreApplication.translate("MessagesUI", "&Messages"), window)
            window.hooks.add_menu(view)
        view.addSeparator()
        view.addActions([self.conversations, self.item_messages])
        window.hooks.extend_context_menu(self._extend_context_menu)
        window.hooks.subscribe(Change.ITEM_SET | Change.ARCHIVE, self._on_change)

    def _extend_context_menu(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addAction(self.item_messages)

    def _on_change(self, change: Change, _ids: list[int]) -> None:
        if self.dialog is None:
            return
        if change & Change.ARCHIVE:
            self.dialog.close()  # its archive is no longer the window's
        else:
            self.dialog.reload_chats()

    def open_conversations(self) -> ConversationDialog | None:
        archive = self.window.archive
        if archive is None:
            return None
        if self.dialog is not None:
            self.dialog.close()
        dialog = ConversationDialog(archive, self.window.runner, self.window)
        dialog.exhibitActivated.connect(self.window.show_exhibit)
        dialog.incidentsLinked.connect(lambda _ref: self.window.hooks.announce(Change.CASE_RECORDS))
        dialog.finished.connect(lambda _code: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.show()
        return dialog

    def open_item_messages(self) -> ConversationDialog | None:
        ids = self.window.selected_ids()
        dialog = self.open_conversations() if ids else None
        if dialog is not None:
            dialog.show_item(ids[0])
        return dialog


def install_messages_ui(window: Any) -> None:
    """Give ``window`` the conversation view."""
    window.messages_ui = MessagesUI(window)
