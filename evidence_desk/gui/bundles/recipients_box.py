"""The export dialog's "Encrypt for recipients" box, over the recipients address book.

Checked recipients get an age-encrypted ``.zip.age`` that only they can open
(``age -d``); with none checked the bundle is not encrypted. Only public keys
are ever entered here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.bundles.recipients import (
    Recipient,
    add_recipient,
    address_book,
    remove_recipient,
)


def _short(key: str) -> str:
    return f"{key[:12]}…{key[-6:]}" if len(key) > 24 else key


class AddRecipientDialog(QDialog):
    """A name and an age public key; the key is checked before the dialog closes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addRecipientDialog")
        self.setWindowTitle(self.tr("Add recipient"))
        self.name = QLineEdit(self)
        self.name.setObjectName("recipientName")
        self.key = QLineEdit(self)
        self.key.setObjectName("recipientKey")
        self.key.setPlaceholderText("age1…")
        self.key.setMinimumWidth(460)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        self.added: Recipient | None = None
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Public key:"), self.key)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _check(self) -> None:
        try:
            self.added = add_recipient(self.name.text(), self.key.text())
        except EvidenceDeskError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()


class RecipientsBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Encrypt for recipients (age)"), parent)
        self.setObjectName("recipientsBox")
        self.list = QListWidget(self)
        self.list.setObjectName("recipientsList")
        self.list.setMaximumHeight(110)
        add = QPushButton(self.tr("Add…"), self)
        add.clicked.connect(self.add)
        self.remove = QPushButton(self.tr("Remove"), self)
        self.remove.clicked.connect(self.remove_selected)
        hint = QLabel(
            self.tr(
                "Only the checked recipients can open the bundle (with age -d and their key); "
                "it is written as .zip.age and nothing else reaches the destination. Leave all "
                "unchecked for an ordinary bundle."
            ),
            self,
        )
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        self.reload()

    def reload(self, checked: set[str] | None = None) -> None:
        checked = checked if checked is not None else set(self.checked_keys())
        self.list.clear()
        for recipient in address_book():
            item = QListWidgetItem(f"{recipient.name}  —  {_short(recipient.key)}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, recipient.key)
            item.setToolTip(recipient.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            state = recipient.key in checked
            item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)

    def checked_keys(self) -> list[str]:
        keys = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                keys.append(item.data(Qt.ItemDataRole.UserRole))
        return keys

    def add(self) -> None:
        dialog = AddRecipientDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.added is not None:
            self.reload({*self.checked_keys(), dialog.added.key})

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            remove_recipient(item.data(Qt.ItemDataRole.UserRole))
            self.reload()
