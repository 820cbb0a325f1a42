"""A conversation: the messages of one chat by time, with author, text and files.

Messages come from the chat exports recorded at import. Rows load in the
window's query pool, never on the GUI thread; thumbnails of attached files
are read from the archive's derived thumbnails when a row is first shown.
Double-clicking a message with files shows its first file in the catalogue;
the catalogue's "Messages of Selected Item" opens this view on the messages
that carried an item.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.messages.incident_link import IncidentChooser, link_messages
from evidence_desk.gui.shell.read_only import refuse_read_only
from evidence_desk.gui.shell.tasks import Task, TaskRunner, error_text
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.catalogue.messages import ChatSummary, MessageRecord

THUMB = 48
AnyIndex = QModelIndex | QPersistentModelIndex


def load_chats(archive: Archive) -> list[ChatSummary]:
    from evidence_desk.services.catalogue.messages import list_chats

    return list_chats(archive)


def load_messages(
    archive: Archive,
    chat_id: int | None,
    author: str | None,
    search: str | None,
    item_id: int | None,
    days: tuple[date | None, date | None] = (None, None),
) -> tuple[list[MessageRecord], dict[str, bytes]]:
    """In the worker: the messages and the thumbnails of their files."""
    from evidence_desk.services.catalogue import messages

    if item_id is not None:
        rows = messages.messages_for_item(archive, item_id)
    elif chat_id is not None:
        rows = messages.chat_messages(
            archive, chat_id, author=author, search=search, first_day=days[0], last_day=days[1]
        )
    else:
        rows = []
    exhibits = [e for r in rows for e in r.media[:1]]
    return rows, messages.thumbnails(archive, exhibits)


class ConversationModel(QAbstractTableModel):
    HEADERS = ("Sent", "Author", "Message", "Files")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[MessageRecord] = []
        self.thumbs: dict[str, bytes] = {}
        self._pixmaps: dict[str, QPixmap] = {}

    def set_rows(self, rows: list[MessageRecord], thumbs: dict[str, bytes]) -> None:
        self.beginResetModel()
        self.rows, self.thumbs, self._pixmaps = rows, thumbs, {}
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = (self.tr("Sent"), self.tr("Author"), self.tr("Message"), self.tr("Files"))
            return headers[section]
        return None

    def data(self, index: AnyIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            source = r.sent_at_offset_source
            return (
                self.tr("%1 (%2; %3)")
                .replace("%1", r.sent_at or "")
                .replace("%2", r.sent_at_source or "")
                .replace("%3", self._offset(source))
            )
        if role == Qt.ItemDataRole.DecorationRole and column == 3 and r.media:
            return self._pixmap(r.media[0])
        return None

    def _offset(self, source: str) -> str:
        return self.tr("offset unknown") if source == "offset unknown" else source

    def _text(self, r: MessageRecord, column: int) -> str:
        if column == 0:
            return (r.sent_at or "").replace("T", " ")
        if column == 1:
            return r.author or ""
        if column == 2:
            text = r.text
            if r.service:
                text = str(r.service.get("text") or self._service_text(r.service))
            if r.forwarded_from is not None:
                origin = r.forwarded_from or self.tr("unknown")
                text = self.tr("Forwarded from %1:").replace("%1", origin) + " " + text
            if r.reply_to:
                text = self.tr("In reply to %1:").replace("%1", r.reply_to) + " " + text
            return text
        parts = list(r.media)
        if r.media_missing:
            parts.append(
                self.tr("%1 left out by the export").replace("%1", str(len(r.media_missing)))
            )
        return ", ".join(parts)

    def _service_text(self, service: dict[str, Any]) -> str:
        """A Telegram service event in words (WhatsApp's carry the phone's own line)."""
        labels = {
            "create_group": self.tr("created the group"),
            "create_channel": self.tr("created the channel"),
            "migrate_to_supergroup": self.tr("turned the group into a supergroup"),
            "invite_members": self.tr("added members"),
            "join_group_by_link": self.tr("joined by invitation link"),
            "remove_members": self.tr("removed members"),
            "edit_group_title": self.tr("renamed the group"),
            "edit_group_photo": self.tr("changed the group photo"),
            "delete_group_photo": self.tr("removed the group photo"),
            "pin_message": self.tr("pinned a message"),
            "phone_call": self.tr("call"),
            "group_call": self.tr("group call"),
        }
        action = str(service.get("action") or "")
        text = labels.get(action, action)
        details = [str(m) for m in service.get("members") or []]
        if service.get("title"):
            details.insert(0, f"«{service['title']}»")
        if service.get("target_message_id"):
            details.append(self.tr("message %1").replace("%1", str(service["target_message_id"])))
        return f"{text}: {', '.join(details)}" if details else text

    def _pixmap(self, exhibit: str) -> QPixmap | None:
        jpeg = self.thumbs.get(exhibit)
        if jpeg is None:
            return None
        if exhibit not in self._pixmaps:
            pixmap = QPixmap()
            pixmap.loadFromData(jpeg)
            self._pixmaps[exhibit] = pixmap.scaled(
                THUMB,
                THUMB,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        return self._pixmaps[exhibit]


class ConversationDialog(QDialog):
    """Chats on top, the chosen chat's messages below; filters by author, days and text."""

    exhibitActivated = Signal(str)
    incidentsLinked = Signal(str)  # the incident's ref

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conversationDialog")
        self.setWindowTitle(self.tr("Conversations"))
        self.archive, self.runner = archive, runner
        self.item_id: int | None = None
        self.chats: list[ChatSummary] = []
        self.task: Task | None = None
        self._generation = 0
        self.chat = QComboBox(self)
        self.author = QComboBox(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search the messages"))
        self.first_day = self._day_edit()
        self.last_day = self._day_edit()
        self.status = QLabel(self)
        self.model = ConversationModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.chooser: IncidentChooser | None = None
        top = QHBoxLayout()
        for label, widget in (
            (self.tr("Chat:"), self.chat),
            (self.tr("Author:"), self.author),
        ):
            top.addWidget(QLabel(label, self))
            top.addWidget(widget, 1)
        top.addWidget(QLabel(self.tr("From:"), self))
        top.addWidget(self.first_day)
        top.addWidget(QLabel(self.tr("To:"), self))
        top.addWidget(self.last_day)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.chat.currentIndexChanged.connect(self._chat_changed)
        self.author.currentIndexChanged.connect(lambda _i: self.reload())
        self.search.returnPressed.connect(self.reload)
        self.first_day.dateChanged.connect(lambda _d: self.reload())
        self.last_day.dateChanged.connect(lambda _d: self.reload())
        self.resize(1000, 640)
        self.status.setText(self.tr("Loading…"))
        self.reload_chats()

    def reload_chats(self) -> None:
        """Load the list of chats again (after an import), keeping the chosen one."""
        task = self.runner.submit(load_chats, self.archive, name="conversation chats")
        task.succeeded.connect(self._chats_loaded)
        task.failed.connect(self._failed)

    def _day_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(QDate(1990, 1, 1))
        edit.setSpecialValueText(self.tr("any day"))  # shown at the minimum: no limit
        edit.setDate(edit.minimumDate())
        return edit

    def days(self) -> tuple[date | None, date | None]:
        """The chosen first and last day; None where "any day" is shown."""
        chosen: list[date | None] = []
        for edit in (self.first_day, self.last_day):
            d = edit.date()
            chosen.append(None if d == edit.minimumDate() else date(d.year(), d.month(), d.day()))
        return chosen[0], chosen[1]

    def show_item(self, item_id: int) -> None:
        """Show the messages that carried one item, whatever their chat."""
        self.item_id = item_id
        self.reload()

    def _chats_loaded(self, chats: list[ChatSummary]) -> None:
        previous = self.chat.currentData()
        self.chats = chats
        self.chat.blockSignals(True)
        self.chat.clear()
        for c in chats:
            name = c.name or c.chat_key
            self.chat.addItem(
                self.tr("%1 (%2, %3 messages)")
                .replace("%1", name)
                .replace("%2", c.platform)
                .replace("%3", str(c.messages)),
                c.id,
            )
        keep = self.chat.findData(previous) if previous is not None else -1
        self.chat.setCurrentIndex(max(keep, 0))
        self.chat.blockSignals(False)
        if not chats:
            self.status.setText(self.tr("No chat exports in this archive."))
            return
        if self.item_id is None:
            self._chat_changed(self.chat.currentIndex())

    def _chat_changed(self, index: int) -> None:
        self.item_id = None
        self.author.blockSignals(True)
        self.author.clear()
        self.author.addItem(self.tr("Everyone"), None)
        if 0 <= index < len(self.chats):
            for name in self.chats[index].authors:
                self.author.addItem(name, name)
        self.author.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        chat_id = self.chat.currentData()
        task = self.runner.submit(
            load_messages,
            self.archive,
            chat_id,
            self.author.currentData(),
            self.search.text(),
            self.item_id,
            self.days(),
            name="conversation messages",
        )
        self.task = task
        task.succeeded.connect(lambda result: self._loaded(generation, result))
        task.failed.connect(self._failed)

    def _loaded(
        self, generation: int, result: tuple[list[MessageRecord], dict[str, bytes]]
    ) -> None:
        if generation != self._generation:
            return  # a newer choice is on its way
        rows, thumbs = result
        self.model.set_rows(rows, thumbs)
        self.table.resizeRowsToContents()
        self.status.setText(self.tr("%1 messages").replace("%1", str(len(rows))))
        self.task = None

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(
            self.tr("Could not load the messages: %1").replace("%1", error_text(exc))
        )
        self.task = None

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.rows[index.row()]
        if row.media:
            self.exhibitActivated.emit(row.media[0])

    # Linking to incidents

    def selected_messages(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r].id for r in rows if r < len(self.model.rows)]

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        action = menu.addAction(self.tr("Link to Incident…"), self.link_to_incident)
        action.setObjectName("linkMessagesToIncident")
        action.setEnabled(bool(self.selected_messages()))
        return menu

    def _context_menu(self, pos: Any) -> None:
        self.context_menu().exec(self.table.viewport().mapToGlobal(pos))

    def link_to_incident(self) -> IncidentChooser | None:
        ids = self.selected_messages()
        if not ids or refuse_read_only(self, self.archive):
            return None
        chooser = IncidentChooser(self.archive, self.runner, len(ids), self)
        chooser.accepted.connect(lambda: self._link(chooser, ids))
        self.chooser = chooser
        chooser.open()
        return chooser

    def _link(self, chooser: IncidentChooser, ids: list[int]) -> None:
        ref = chooser.chosen()
        if ref is None:
            return
        task = self.runner.submit(
            link_messages, self.archive, ref, ids, chooser.note.text().strip(), pool="edit"
        )

        def done(count: int) -> None:
            self.status.setText(
                self.tr("Linked %n message(s) to %2", None, count).replace("%2", ref)
            )
            self.incidentsLinked.emit(ref)

        task.succeeded.connect(done)
        task.failed.connect(
            lambda exc: self.status.setText(
                self.tr("Could not link: %1").replace("%1", error_text(exc))
            )
        )
