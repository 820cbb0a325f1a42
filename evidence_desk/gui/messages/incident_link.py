"""Linking chat messages to an incident from the conversation view.

The conversation view's context menu offers "Link to Incident…": this
dialog lists the archive's incidents (loaded in the query pool) with a note
field; the link itself runs in the edit pool. The catalogue's item links
are made by dragging items onto the case panel (``gui/case/linking.py``);
messages are not catalogue rows, so they get this chooser instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.shell.tasks import Task, TaskRunner, error_text
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.case.incident_records import IncidentRow


def link_messages(archive: Archive, ref: str, message_ids: list[int], note: str) -> int:
    from evidence_desk.services.case.incident_messages import link_messages as link

    link(archive, ref, list(message_ids), note)
    return len(message_ids)


class IncidentChooser(QDialog):
    """Pick one incident (and a note) for the selected messages."""

    def __init__(self, archive: Archive, runner: TaskRunner, count: int, parent: QWidget | None):
        super().__init__(parent)
        self.setObjectName("messageIncidentChooser")
        self.setWindowTitle(self.tr("Link to Incident"))
        self.list = QListWidget(self)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Why these messages document the incident"))
        self.status = QLabel(self.tr("Loading…"), self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Link %n message(s) to the incident:", None, count), self))
        layout.addWidget(self.list, 1)
        layout.addWidget(QLabel(self.tr("Note:"), self))
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._enable()
        from evidence_desk.services.case.incidents import incident_rows

        self.task: Task = runner.submit(incident_rows, archive, name="incidents for messages")
        self.task.succeeded.connect(self._loaded)
        self.task.failed.connect(
            lambda exc: self.status.setText(
                self.tr("Could not load the incidents: %1").replace("%1", error_text(exc))
            )
        )

    def _loaded(self, rows: list[IncidentRow]) -> None:
        for row in rows:
            text = f"{row.ref}  {row.start or '-'}  {row.title or ''}"
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, row.ref)
        self.status.setText("" if rows else self.tr("No incidents yet: record one first."))
        if rows:
            self.list.setCurrentRow(0)
        self._enable()

    def _enable(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.list.currentItem() is not None)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))
