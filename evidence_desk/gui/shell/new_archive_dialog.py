""" "New archive": a name and a place, and the folder is made for the user.

Asking for "an empty folder" made people create one in a file dialog first,
and the archive got whatever name that folder had. Here the name is asked
for, the folder ``location/name`` is created, and a clash is said before
anything is written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# Characters no common file system accepts in a folder name.
_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def folder_name(name: str) -> str:
    """The folder to create for an archive called ``name`` (empty when unusable)."""
    cleaned = _FORBIDDEN.sub("_", " ".join(name.split())).strip(". ")
    return cleaned[:120]


class NewArchiveDialog(QDialog):
    def __init__(self, location: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newArchiveDialog")
        self.setWindowTitle(self.tr("New archive"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("For example: Almaty January 2022"))
        self.location = QLineEdit(str(location), self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        place = QHBoxLayout()
        place.addWidget(self.location, 1)
        place.addWidget(browse)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Location:"), place)
        self.encrypt = QCheckBox(self.tr("Encrypt it with a passphrase"), self)
        self.encrypt.setObjectName("encrypt")
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("newPassphrase")
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("repeatPassphrase")
        for edit in (self.passphrase, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._update)
        self.recovery = QCheckBox(self.tr("Also make a recovery key (shown once)"), self)
        self.recovery.setObjectName("recoveryKey")
        form.addRow(self.encrypt)
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow(self.tr("Repeat it:"), self.repeat)
        form.addRow(self.recovery)
        self.encrypt.toggled.connect(self._update)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._update)
        self.location.textChanged.connect(self._update)
        self.resize(520, 0)
        self._update()

    def target(self) -> Path | None:
        name = folder_name(self.name.text())
        location = self.location.text().strip()
        if not name or not location:
            return None
        return Path(location).expanduser() / name

    def archive_name(self) -> str:
        return " ".join(self.name.text().split())

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Where to create the archive folder"), self.location.text()
        )
        if folder:
            self.location.setText(folder)

    def encryption(self) -> Any:
        """The gui.shell.lock choice: a passphrase (and a recovery key) or a plain archive."""
        from evidence_desk.gui.shell.lock import NewArchiveChoice

        if not self.encrypt.isChecked():
            return NewArchiveChoice(None, False)
        return NewArchiveChoice(self.passphrase.text(), self.recovery.isChecked())

    def _passphrase_problem(self) -> str | None:
        from evidence_desk.gui.shell.lock import MIN_PASSPHRASE

        if len(self.passphrase.text()) < MIN_PASSPHRASE:
            return self.tr("The passphrase must have at least %1 characters.").replace(
                "%1", str(MIN_PASSPHRASE)
            )
        if self.passphrase.text() != self.repeat.text():
            return self.tr("The two passphrases differ.")
        return None

    def problem(self) -> str | None:
        if self.encrypt.isChecked() and (trouble := self._passphrase_problem()):
            return trouble
        target = self.target()
        if target is None:
            return self.tr("Give the archive a name.")
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            return self.tr("%1 already exists and is not empty; choose another name.").replace(
                "%1", str(target)
            )
        parent = target.parent
        if not parent.is_dir():
            return self.tr("The location %1 does not exist.").replace("%1", str(parent))
        return None

    def _update(self) -> None:
        for widget in (self.passphrase, self.repeat, self.recovery):
            widget.setEnabled(self.encrypt.isChecked())
        problem = self.problem()
        target = self.target()
        if problem is None and target is not None:
            self.result_label.setText(
                self.tr("The folder %1 will be created.").replace("%1", str(target))
            )
        else:
            self.result_label.setText(problem or "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)


def _create(window: Any, dialog: NewArchiveDialog) -> None:
    window.open_archive_at(
        dialog.target(), create=True, name=dialog.archive_name(), new=dialog.encryption()
    )


def ask_new_archive(window: Any) -> NewArchiveDialog:
    """Ask ``window``'s user for a name and a location; the archive is created there."""
    start = window.archive.root.parent if window.archive is not None else Path.home()
    dialog = NewArchiveDialog(start, window)
    dialog.accepted.connect(lambda: _create(window, dialog))
    dialog.open()
    return dialog
