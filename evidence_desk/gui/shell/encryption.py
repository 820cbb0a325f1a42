"""Converting an archive to an encrypted one in the window, and finishing an interrupted run.

A conversion stopped by a crash, a kill or Cancel leaves ``keys/converting``;
the archive then opens only through the conversion (services.catalogue.
conversion continues where it stopped: what is encrypted stays so, each
remaining original is checked before its plaintext is replaced). Opening such
an archive in the window says so and offers to finish, with the passphrase
chosen when the conversion started, progress and Cancel.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from evidence_desk.gui.shell.tasks import Task, error_text
from evidence_desk.services.archive.archive import WrongPassphraseError

if TYPE_CHECKING:
    from evidence_desk.gui.shell.lock import NewArchiveChoice
    from evidence_desk.gui.shell.main_window import MainWindow
    from evidence_desk.services.catalogue.conversion import ConversionReport

translate = QCoreApplication.translate


def interrupted_conversion(path: Path) -> bool:
    """True when ``path`` is an archive whose conversion to encrypted did not finish."""
    from evidence_desk.services.catalogue.conversion import conversion_pending

    return conversion_pending(Path(path))


def resume_box(window: QWidget | None, root: Path) -> tuple[QMessageBox, QPushButton]:
    """The explanation of an interrupted conversion, with Finish encryption and Cancel."""
    box = QMessageBox(window)
    box.setObjectName("resumeEncryptionBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("ArchiveEncryption", "Encryption not finished"))
    text = translate(
        "ArchiveEncryption",
        "The encryption of %1 was interrupted. The archive opens again only when it is finished.",
    )
    box.setText(text.replace("%1", root.name))
    box.setInformativeText(
        translate(
            "ArchiveEncryption",
            "What is already encrypted stays encrypted; every remaining original is checked "
            "before its plaintext is replaced. Finishing needs the passphrase chosen when the "
            "encryption started, and can be cancelled again.",
        )
    )
    finish = box.addButton(
        translate("ArchiveEncryption", "Finish encryption"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(finish)
    return box, finish


def ask_resume(window: QWidget, root: Path) -> bool:
    """Explain the interrupted conversion and ask whether to finish it now."""
    box, finish = resume_box(window, root)
    box.exec()
    return box.clickedButton() is finish


def offer_resume(window: MainWindow, root: Path, problem: str = "") -> Task | None:
    """The window's answer to opening an archive whose encryption was interrupted."""
    from evidence_desk.gui.shell import lock as lock_ui

    if not problem and not ask_resume(window, root):
        window.statusBar().showMessage(
            translate(
                "ArchiveEncryption", "%1 was not opened: its encryption is not finished."
            ).replace("%1", str(root)),
            15000,
        )
        return None
    passphrase = lock_ui.ask_unlock(window, root, problem)
    if passphrase is None:
        return None
    return run_encryption(window, root, lock_ui.NewArchiveChoice(passphrase, False), resume=True)


def run_encryption(
    window: MainWindow, root: Path, choice: NewArchiveChoice, *, resume: bool = False
) -> Task:
    """Encrypt (or finish encrypting) the archive at ``root`` in a worker, with progress and
    Cancel in the status bar; the encrypted archive is opened when it is done."""
    from evidence_desk.gui.shell import lock as lock_ui
    from evidence_desk.gui.shell.progress_widget import TaskProgress
    from evidence_desk.services.catalogue.conversion import encrypt_archive

    window.set_archive(None)
    title = (
        translate("ArchiveEncryption", "Finishing the encryption")
        if resume
        else translate("ArchiveEncryption", "Encrypting the archive")
    )
    task = window.runner.submit(
        encrypt_archive,
        root,
        choice.passphrase,
        recovery_key=choice.recovery_key,
        pool="long",
        name=title,
        progress=True,
        cancellable=True,
    )
    bar = TaskProgress(task, title, window.statusBar())
    bar.setObjectName("encryptionProgress")
    window.statusBar().addPermanentWidget(bar)
    passphrase = choice.passphrase or ""

    def done(report: ConversionReport) -> None:
        if report.recovery_key:
            lock_ui.show_recovery_key(window, report.recovery_key)
        if report.cancelled:
            window._show_error(
                translate(
                    "ArchiveEncryption",
                    "Encryption stopped. The archive opens again only when it is finished: "
                    "open it again to continue (or run evidence-desk encrypt --archive %1).",
                ).replace("%1", str(root))
            )
            return
        lock_ui.open_archive_in(window, root, passphrase=passphrase)

    def failed(exc: BaseException) -> None:
        if resume and isinstance(exc, WrongPassphraseError):
            offer_resume(
                window, root, translate("ArchiveEncryption", "Wrong passphrase; try again.")
            )
            return
        window._show_error(
            translate("ArchiveEncryption", "The archive was not encrypted: %1").replace(
                "%1", error_text(exc)
            )
        )

    task.succeeded.connect(done)
    task.failed.connect(failed)
    return task
