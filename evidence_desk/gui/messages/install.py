"""View › Conversations… and View › Messages of Selected Item, added to a main window.

Uses only the window's public attributes: ``runner``, ``archive``,
``menuBar()``, ``selected_ids()`` and ``show_exhibit()``. The View menu is
the third of the window's menus (File, Edit, View…), found by position so
that it is found in every interface language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from evidence_desk.gui.messages.conversation import ConversationDialog


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
        view = (
            menus[2]
            if len(menus) > 2
            else window.menuBar().addMenu(QCoreApplication.translate("MessagesUI", "&Messages"))
        )
        view.addSeparator()
        view.addActions([self.conversations, self.item_messages])

    def open_conversations(self) -> ConversationDialog | None:
        archive = self.window.archive
        if archive is None:
            return None
        if self.dialog is not None:
            self.dialog.close()
        dialog = ConversationDialog(archive, self.window.runner, self.window)
        dialog.exhibitActivated.connect(self.window.show_exhibit)
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
