"""Encrypted archives in the window: unlock, create, lock (Ctrl+L, idle), change passphrase.

Locking closes the archive: the window drops every reference to it (model,
detail panel, thumbnails, decrypted viewer copies), so its keys are no longer
held and nothing of its contents stays on screen; unlocking opens it again.
Python cannot promise the key bytes are erased from RAM at once, which
docs/security.md says. Passphrases are only ever typed into these dialogs;
Argon2id runs in a worker so the window stays responsive.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.shell.hooks import Change
from evidence_desk.gui.shell.read_only import refuse_read_only
from evidence_desk.gui.shell.tasks import Task, error_text
from evidence_desk.services.archive.archive import (
    Archive,
    WrongPassphraseError,
    change_passphrase,
    create_archive,
    is_encrypted_archive,
    open_archive,
)
from evidence_desk.services.archive.settings import load_settings

if TYPE_CHECKING:
    from evidence_desk.gui.shell.main_window import MainWindow

MIN_PASSPHRASE = 8
IDLE_CHECK_MS = 15_000
_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


@dataclass(frozen=True)
class NewArchiveChoice:
    passphrase: str | None  # None: a plain archive
    recovery_key: bool


class PassphraseDialog(QDialog):
    """Asks for the passphrase of an encrypted archive (again, after a wrong one)."""

    def __init__(self, root: Path, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("Unlock archive"))
        intro = QLabel(self.tr("%1 is encrypted. Enter its passphrase.").replace("%1", root.name))
        intro.setWordWrap(True)
        self.field = QLineEdit(self)
        self.field.setObjectName("passphrase")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel(problem, self)
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setVisible(bool(problem))
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Unlock"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.field)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def passphrase(self) -> str:
        return self.field.text()


class NewPassphraseDialog(QDialog):
    """A new passphrase typed twice; for a new archive (optional) or a change."""

    def __init__(
        self, *, new_archive: bool, convert: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newPassphraseDialog")
        self.new_archive = new_archive or convert
        if convert:
            self.setWindowTitle(self.tr("Encrypt this archive"))
        else:
            self.setWindowTitle(
                self.tr("New archive") if new_archive else self.tr("Change passphrase")
            )
        form = QFormLayout()
        self.encrypt = QCheckBox(self.tr("Encrypt this archive with a passphrase"), self)
        self.encrypt.setObjectName("encrypt")
        self.encrypt.setChecked(True)
        self.old = QLineEdit(self)
        self.old.setObjectName("oldPassphrase")
        self.first = QLineEdit(self)
        self.first.setObjectName("newPassphrase")
        self.second = QLineEdit(self)
        self.second.setObjectName("repeatPassphrase")
        for edit in (self.old, self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.recovery = QCheckBox(self.tr("Also make a recovery key (shown once)"), self)
        self.recovery.setObjectName("recoveryKey")
        if convert:
            intro = QLabel(
                self.tr(
                    "Every original, thumbnail and key and the database are encrypted in place; "
                    "each original is checked before its plaintext is replaced. Old plaintext "
                    "may remain in the disk's free space."
                ),
                self,
            )
            intro.setWordWrap(True)
            form.addRow(intro)
        elif new_archive:
            form.addRow(self.encrypt)
        else:
            form.addRow(self.tr("Current passphrase:"), self.old)
        form.addRow(self.tr("New passphrase:"), self.first)
        form.addRow(self.tr("Repeat it:"), self.second)
        if self.new_archive:
            form.addRow(self.recovery)
            self.old.hide()  # not in the layout: would sit over the form's corner
        else:
            self.recovery.hide()
        if convert or not new_archive:
            self.encrypt.hide()
        hint = QLabel(
            self.tr(
                "Several words are best: anyone holding the archive folder can try guesses. "
                "Without the passphrase (or the recovery key) nothing can be recovered."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        self.encrypt.toggled.connect(self._sync)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._sync()

    def _sync(self) -> None:
        on = self.encrypt.isChecked()
        for widget in (self.first, self.second, self.recovery):
            widget.setEnabled(on)

    def _check(self) -> None:
        if self.new_archive and not self.encrypt.isChecked():
            self.accept()
            return
        if len(self.first.text()) < MIN_PASSPHRASE:
            self.problem.setText(
                self.tr("The passphrase must have at least %1 characters.").replace(
                    "%1", str(MIN_PASSPHRASE)
                )
            )
        elif self.first.text() != self.second.text():
            self.problem.setText(self.tr("The two passphrases differ."))
        else:
            self.accept()

    def choice(self) -> NewArchiveChoice:
        if self.new_archive and not self.encrypt.isChecked():
            return NewArchiveChoice(None, False)
        return NewArchiveChoice(self.first.text(), self.recovery.isChecked())


def ask_unlock(window: QWidget, root: Path, problem: str = "") -> str | None:
    dialog = PassphraseDialog(root, problem, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase()


def show_recovery_key(window: QWidget, key: str) -> None:
    box = QMessageBox(window)
    box.setObjectName("recoveryKeyBox")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QApplication.translate("ArchiveLock", "Recovery key"))
    box.setText(
        QApplication.translate(
            "ArchiveLock",
            "Write this recovery key down and keep it apart from the laptop. It is shown "
            "only now; with it a forgotten passphrase can be replaced.",
        )
    )
    box.setInformativeText(f"<pre>{key}</pre>")
    box.setTextInteractionFlags(box.textInteractionFlags())
    box.exec()


class ArchiveLock(QObject):
    """Ctrl+L, the idle timer and passphrase changes for the window's archive."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.locked_root: Path | None = None
        self._last_input = time.monotonic()
        self.lock_action = QAction(self.tr("&Lock Archive"), window)
        self.lock_action.setObjectName("lockArchive")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.change_action = QAction(self.tr("Change &Passphrase…"), window)
        self.change_action.setObjectName("changePassphrase")
        self.change_action.triggered.connect(self.change_passphrase)
        self.encrypt_action = QAction(self.tr("&Encrypt This Archive…"), window)
        self.encrypt_action.setObjectName("encryptArchive")
        self.encrypt_action.triggered.connect(self.encrypt_current)
        window.addAction(self.lock_action)
        self._idle = QTimer(self)
        self._idle.setInterval(IDLE_CHECK_MS)
        self._idle.timeout.connect(self._check_idle)
        self._idle.start()
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        self.update_actions()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def update_actions(self) -> None:
        archive = self.window.archive
        encrypted = archive is not None and archive.encrypted
        self.lock_action.setEnabled(encrypted)
        self.change_action.setEnabled(encrypted)
        self.encrypt_action.setEnabled(archive is not None and not encrypted)

    def _check_idle(self) -> None:
        archive = self.window.archive
        minutes = load_settings().auto_lock_minutes
        if archive is None or not archive.encrypted or minutes <= 0:
            return
        if self.window.importer.busy or self.window.verifier.busy:
            self._last_input = time.monotonic()  # never lock under a running import
            return
        if time.monotonic() - self._last_input >= minutes * 60:
            self.lock(ask=False)

    def lock(self, ask: bool = True) -> None:
        """Close the archive (dropping its keys) and hide everything, then offer to unlock."""
        archive = self.window.archive
        if archive is None or not archive.encrypted:
            return
        if self.window.importer.busy or self.window.verifier.busy:
            if ask:
                self.window._busy_warning()
            return
        self.locked_root = archive.root
        self.window.set_archive(None)
        self.window.setWindowTitle(self.tr("Evidence Desk — locked"))
        self.window.statusBar().showMessage(self.tr("The archive is locked."))
        if ask:
            QTimer.singleShot(0, self.unlock)

    def unlock(self) -> None:
        if self.locked_root is not None:
            self.window.open_archive_at(self.locked_root)

    def encrypt_current(self) -> Task | None:
        """Convert the open plain archive: it is closed, converted in a worker, reopened."""
        archive = self.window.archive
        if archive is None or archive.encrypted or self.window._busy_warning():
            return None
        if refuse_read_only(self.window, archive):
            return None
        dialog = NewPassphraseDialog(new_archive=True, convert=True, parent=self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.start_encryption(archive.root, dialog.choice())

    def start_encryption(self, root: Path, choice: NewArchiveChoice) -> Task:
        from evidence_desk.gui.shell.encryption import run_encryption

        return run_encryption(self.window, root, choice)

    def change_passphrase(self) -> None:
        archive = self.window.archive
        if archive is None or not archive.encrypted or refuse_read_only(self.window, archive):
            return
        dialog = NewPassphraseDialog(new_archive=False, parent=self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        old, new = dialog.old.text(), dialog.first.text()
        task = self.window.runner.submit(change_passphrase, archive.root, old, new, pool="long")
        task.succeeded.connect(
            lambda _r: self.window.statusBar().showMessage(self.tr("Passphrase changed."), 8000)
        )
        task.failed.connect(
            lambda exc: QMessageBox.warning(
                self.window,
                self.tr("Change passphrase"),
                self.tr("The passphrase was not changed: %1").replace("%1", error_text(exc)),
            )
        )


def _show_recovery_once(window: QWidget, archive: Archive) -> None:
    if archive.recovery_key:
        show_recovery_key(window, archive.recovery_key)
        archive.recovery_key = None  # shown once, then forgotten


def install_lock_ui(window: MainWindow) -> ArchiveLock:
    """Lock, Change Passphrase and Encrypt This Archive in the File menu, before Quit."""
    lock = ArchiveLock(window)
    window.lock = lock
    window.hooks.add_to_file_menu([lock.lock_action, lock.change_action, lock.encrypt_action])
    window.hooks.subscribe(Change.ARCHIVE, lambda _change, _ids: lock.update_actions())
    return lock


def open_archive_in(
    window: MainWindow,
    path: Path,
    *,
    create: bool = False,
    or_create: bool = False,
    new: NewArchiveChoice | None = None,
    problem: str = "",
    passphrase: str | None = None,
    name: str | None = None,
):
    """The window's open/create: the passphrase is asked here, on the GUI thread, and
    again after a wrong one; Argon2id and the database open run in a worker."""
    source = None
    if not create and is_encrypted_archive(path):
        from evidence_desk.gui.shell import encryption

        if encryption.interrupted_conversion(path):  # offer to finish it, or explain
            return encryption.offer_resume(window, path, problem)
        if passphrase is None:
            passphrase = ask_unlock(window, path, problem)
        if passphrase is None:
            return None
        known = passphrase
        source = lambda: known  # noqa: E731 - called once, in the worker
    window.statusBar().showMessage(
        QApplication.translate("ArchiveLock", "Opening %1…").replace("%1", str(path))
    )
    if create:
        choice = new or NewArchiveChoice(None, False)
        task = window.runner.submit(
            create_archive,
            path,
            name,
            passphrase=choice.passphrase,
            recovery_key=choice.recovery_key,
            pool="long",
        )
    else:
        task = window.runner.submit(
            open_archive, path, create=or_create, passphrase=source, pool="long"
        )
    task.succeeded.connect(window._on_archive_ready)
    task.succeeded.connect(lambda archive: _show_recovery_once(window, archive))

    def failed(exc: BaseException) -> None:
        window.statusBar().clearMessage()
        if isinstance(exc, WrongPassphraseError):
            window.open_archive_at(
                path, problem=QApplication.translate("ArchiveLock", "Wrong passphrase; try again.")
            )
            return
        from evidence_desk.gui.shell.doctor_dialog import damaged_database, offer_doctor

        if damaged_database(exc):  # the way out, one click away: Check Archive Health
            offer_doctor(window, Path(path), error_text(exc))
            return
        window._show_error(
            QApplication.translate("ArchiveLock", "Could not open the archive: %1").replace(
                "%1", error_text(exc)
            )
        )

    task.failed.connect(failed)
    return task
