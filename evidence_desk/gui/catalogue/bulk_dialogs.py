"""Dialogs for changes to many items at once: tags, and removal from the catalogue."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.detail.form import split_tags
from evidence_desk.services.catalogue.removal import MIN_REASON_CHARS


class TagsDialog(QDialog):
    """Ask for tags to add to (or remove from) the selected items."""

    def __init__(self, count: int, known: list[str], remove: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tagsDialog")
        if remove:
            self.setWindowTitle(self.tr("Remove tags"))
            text = self.tr("Tags to remove from %Ln selected item(s) (comma-separated):", "", count)
        else:
            self.setWindowTitle(self.tr("Add tags"))
            text = self.tr("Tags to add to %Ln selected item(s) (comma-separated):", "", count)
        label = QLabel(text, self)
        label.setWordWrap(True)
        self.edit = QLineEdit(self)
        completer = QCompleter(QStringListModel(known, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.edit.setCompleter(completer)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)
        self.resize(440, 0)

    def tags(self) -> list[str]:
        return split_tags(self.edit.text())


class RemovalDialog(QDialog):
    """Removal is never silent: it needs a reason and an explicit confirmation."""

    def __init__(self, exhibits: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("removalDialog")
        self.setWindowTitle(self.tr("Remove from catalogue"))
        shown = ", ".join(exhibits[:8]) + (" …" if len(exhibits) > 8 else "")
        intro = QLabel(
            self.tr(
                "Remove %Ln item(s) (%2) from the catalogue?\n\n"
                "They will be hidden from the catalogue and searches. The originals stay in "
                "the archive's store, the removal is written to each item's custody log with "
                "your reason, and the items can be restored from “Removed items”.",
                "",
                len(exhibits),
            ).replace("%2", shown),
            self,
        )
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("removalReason")
        self.reason.setPlaceholderText(self.tr("Reason (required, kept in the custody log)"))
        self.reason.setFixedHeight(70)
        self.confirm = QCheckBox(self.tr("I understand this removal is logged"), self)
        self.confirm.setObjectName("removalConfirm")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Remove"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        self.confirm.toggled.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)
        self.resize(520, 0)
        self._update()

    def reason_text(self) -> str:
        return " ".join(self.reason.toPlainText().split())

    def _update(self) -> None:
        ready = self.confirm.isChecked() and len(self.reason_text()) >= MIN_REASON_CHARS
        self.ok.setEnabled(ready)
