"""Tools › Check Archive Health…: the ``doctor`` service in a dialog.

The same checks as ``evidence-desk doctor`` (services/archive/doctor.py),
run in a worker while the dialog shows that it is busy: the database's
integrity, the custody log and its signed checkpoint, the evidentiary
records, the protective triggers, leftovers of interrupted ingests,
temporary copies, backups and free space. What is safe to repair is offered
as one button (the same repairs as ``doctor --repair``). When the database
itself is damaged the dialog offers the way out, restoring the newest good
backup, after saying what that does; the window's open archive is closed
first and reopened after. The service opens the archive by itself, so an
encrypted archive's passphrase is asked when the dialog opens.

A window whose archive fails to open because its database is damaged offers
this dialog instead of a bare error (``offer_doctor``), so the way out is
one click away rather than a command line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.shell.formatting import service_words
from evidence_desk.gui.shell.hooks import Change
from evidence_desk.gui.shell.tasks import Task, error_text

if TYPE_CHECKING:
    from evidence_desk.gui.shell.main_window import MainWindow
    from evidence_desk.services.archive.doctor import DoctorReport, Restored

_PROBLEM = QColor("#b3261e")
_REPAIRED = QColor("#1b6e3a")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DoctorDialog", text)


def _check_names() -> dict[str, str]:
    """The doctor's check names (``Check.name``) as the interface shows them."""
    return {
        "keys": _tr("Keys"),
        "database": _tr("Database"),
        "open": _tr("Opening"),
        "medium": _tr("Medium"),
        "schema": _tr("Schema"),
        "custody": _tr("Custody log"),
        "records": _tr("Evidentiary records"),
        "triggers": _tr("Protective triggers"),
        "counts": _tr("Catalogue counts"),
        "note": _tr("Note"),
        "leftovers": _tr("Interrupted ingests"),
        "temporary copies": _tr("Temporary copies"),
        "backups": _tr("Backups"),
        "space": _tr("Free space"),
    }


def _source(passphrase: str | None) -> Any:
    """The doctor service's passphrase source: asked on the GUI thread, handed over once."""
    return None if passphrase is None else (lambda: passphrase)


def examine(
    root: Path, repair: bool = False, passphrase: str | None = None
) -> tuple[DoctorReport, bool]:
    """In a worker: the doctor's report, and whether it names a backup to restore (the
    database is damaged and the service found a good backup)."""
    from evidence_desk.services.archive import doctor

    report = doctor.diagnose(root, repair=repair, passphrase=_source(passphrase))
    restorable = any(
        c.name == "database" and not c.ok and "--restore-backup" in c.message for c in report.checks
    )
    return report, restorable


def restore_then_examine(
    root: Path, passphrase: str | None = None
) -> tuple[Restored, DoctorReport]:
    """In a worker: put the newest good backup in place, then check again."""
    from evidence_desk.services.archive import doctor

    restored = doctor.restore_backup(root, passphrase=_source(passphrase))
    return restored, doctor.diagnose(root, passphrase=_source(passphrase))


def finding_text(words: Any, message: str) -> str:
    """A finding in the interface language. The service joins several findings of one check
    with "; " (two dropped triggers, three edited records), and some single findings hold
    "; " themselves: from each part on, the shortest run of parts that is one known message
    is translated (a greedy pattern would swallow the next finding whole); a part no
    pattern knows stays as the service wrote it."""
    parts = message.split("; ")
    shown: list[str] = []
    start = 0
    while start < len(parts):
        for end in range(start + 1, len(parts) + 1):
            english = "; ".join(parts[start:end])
            translated = str(words.message(english))
            if translated != english:
                shown.append(translated)
                start = end
                break
        else:
            shown.append(parts[start])
            start += 1
    return "; ".join(shown)


def database_damaged(report: DoctorReport) -> bool:
    return any(c.name == "database" and not c.ok for c in report.checks)


class DoctorDialog(QDialog):
    """Findings of one archive's check, with the safe repairs and the way out."""

    examined = Signal(object)  # DoctorReport, after every check (also after a repair)

    def __init__(
        self,
        window: MainWindow,
        root: Path,
        parent: QWidget | None = None,
        *,
        passphrase: str | None = None,
    ) -> None:
        super().__init__(parent or window)
        self._passphrase = passphrase  # an encrypted archive's, asked when the dialog opened
        self.setObjectName("doctorDialog")
        self.window_ = window
        self.root = Path(root)
        self.report: DoctorReport | None = None
        self.restorable = False
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Archive Health"))
        self.resize(820, 460)
        layout = QVBoxLayout(self)
        self.where = QLabel(self.tr("Archive: %1").replace("%1", str(self.root)), self)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.headline = QLabel(self)
        self.headline.setObjectName("doctorHeadline")
        self.headline.setStyleSheet("font-weight: bold")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # the checks report no steps: a moving bar while they run
        self.busy.setTextVisible(False)
        self.findings = QTableWidget(0, 3, self)
        self.findings.setHorizontalHeaderLabels(
            [self.tr("State"), self.tr("Check"), self.tr("Finding")]
        )
        self.findings.verticalHeader().hide()
        self.findings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings.setWordWrap(True)  # a finding is one line of the CLI: shown whole
        self.findings.setShowGrid(False)
        header = self.findings.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Row heights follow the wrapped text: measured again whenever the columns move.
        header.sectionResized.connect(lambda *_a: self.findings.resizeRowsToContents())
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.repair_button = QPushButton(self.tr("&Repair What Is Safe"), self)
        self.repair_button.setToolTip(
            self.tr(
                "Removes temporary copies, half-written backups and leftovers of interrupted "
                "ingests (each removal recorded in custody) and puts back protective "
                "triggers. Nothing an item refers to is changed."
            )
        )
        self.restore_button = QPushButton(self.tr("Restore from &Backup…"), self)
        self.again_button = QPushButton(self.tr("Check &Again"), self)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        for button in (self.repair_button, self.restore_button, self.again_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.repair_button.clicked.connect(lambda: self.run(repair=True))
        self.restore_button.clicked.connect(self.ask_restore)
        self.again_button.clicked.connect(lambda: self.run(repair=False))
        close.clicked.connect(self.close)
        for widget in (self.where, self.headline, self.busy, self.findings, self.explanation):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self._set_busy(False)

    # Running

    def run(self, repair: bool = False) -> Task:
        """Check (and with ``repair``, repair what is safe) in a worker."""
        self.headline.setText(
            self.tr("Repairing what is safe…") if repair else self.tr("Checking the archive…")
        )
        self.explanation.clear()
        self._set_busy(True)
        task = self.window_.runner.submit(
            examine, self.root, repair, self._passphrase, pool="long", name="archive health"
        )
        task.succeeded.connect(self._on_examined)
        task.failed.connect(self._on_failed)
        self.task = task
        return task

    def ask_restore(self) -> Task | None:
        answer = QMessageBox.question(
            self,
            self.tr("Restore from backup"),
            self.tr(
                "Put the newest backup that passes SQLite's check in place of the damaged "
                "database?\n\nThe damaged file is kept in backups/, never deleted. Exhibit "
                "numbers given out after the backup are never given again. The restore is "
                "recorded in the custody log. Items ingested after the backup are not in "
                "it: their originals stay in the store and the report says how many."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return self.restore()

    def restore(self) -> Task | None:
        """Close the window's archive if it is this one, restore, check again, reopen."""
        if self.window_._busy_warning():  # an import or verify still uses the archive
            return None
        current = self.window_.archive
        if current is not None and Path(current.root).resolve() == self.root.resolve():
            self.window_.set_archive(None)
        self.headline.setText(self.tr("Restoring the database from the newest good backup…"))
        self._set_busy(True)
        task = self.window_.runner.submit(
            restore_then_examine, self.root, self._passphrase, pool="long", name="restore backup"
        )
        task.succeeded.connect(self._on_restored)
        task.failed.connect(self._on_failed)
        self.task = task
        return task

    # Results

    def _on_examined(self, result: tuple[DoctorReport, bool]) -> None:
        self.task = None
        report, self.restorable = result
        self.show_report(report)

    def _on_restored(self, result: tuple[Restored, DoctorReport]) -> None:
        self.task = None
        restored, report = result
        self.restorable = False
        self.show_report(report)
        lines = [
            self.tr("The database was restored from %1 (%2 items).")
            .replace("%1", restored.backup.name)
            .replace("%2", str(restored.items))
        ]
        if restored.set_aside is not None:
            lines.append(
                self.tr("The damaged database is kept as %1.").replace(
                    "%1", str(restored.set_aside)
                )
            )
        if restored.unrecorded_objects:
            lines.append(
                self.tr(
                    "%1 original(s) in the store are not in the restored catalogue (stored "
                    "after that backup): import their sources again."
                ).replace("%1", str(restored.unrecorded_objects))
            )
        self.explanation.setText("\n".join(lines))
        if report.ok or not database_damaged(report):
            self.window_.open_archive_at(self.root)

    def _on_failed(self, exc: BaseException) -> None:
        self.task = None
        self._set_busy(False)
        self.headline.setText(self.tr("The check stopped: %1").replace("%1", error_text(exc)))

    def show_report(self, report: DoctorReport) -> None:
        self.report = report
        self._set_busy(False)
        names = _check_names()
        words = service_words()  # the service's own lines, translated where known
        self.findings.setRowCount(0)
        for check in report.checks:
            if check.repaired:
                state, colour = self.tr("Repaired"), _REPAIRED
            elif check.ok:
                state, colour = self.tr("OK"), None
            else:
                state, colour = self.tr("Problem"), _PROBLEM
            row = self.findings.rowCount()
            self.findings.insertRow(row)
            texts = (state, names.get(check.name, check.name), finding_text(words, check.message))
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if column == 0 and colour is not None:
                    cell.setForeground(colour)
                self.findings.setItem(row, column, cell)
        self.findings.resizeRowsToContents()
        QTimer.singleShot(0, self.findings.resizeRowsToContents)  # once the columns are laid out
        damaged = database_damaged(report)
        if damaged:
            self.headline.setText(self.tr("The archive's database is damaged."))
            self.explanation.setText(
                self.tr(
                    "Nothing in the archive was changed. Restore the newest good backup to "
                    "work with the archive again."
                )
                if self.restorable
                else self.tr(
                    "No usable backup was found in the archive's backups folder. Copy the "
                    "database back from a copy of the archive kept elsewhere."
                )
            )
        elif report.ok:
            self.headline.setText(self.tr("The archive is healthy."))
        else:
            self.headline.setText(self.tr("Problems were found."))
            if self.can_repair():
                self.explanation.setText(
                    self.tr("“Repair What Is Safe” fixes what can be fixed without judgement.")
                )
        self._update_buttons()
        self.examined.emit(report)

    # State

    def can_repair(self) -> bool:
        report = self.report
        if report is None or report.ok or database_damaged(report):
            return False
        return not any(c.name == "medium" for c in report.checks)  # a read-only medium

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self._update_buttons(busy)

    def _update_buttons(self, busy: bool | None = None) -> None:
        busy = self.task is not None if busy is None else busy
        report = self.report
        self.again_button.setEnabled(not busy)
        self.repair_button.setEnabled(not busy and self.can_repair())
        damaged = report is not None and database_damaged(report)
        self.restore_button.setVisible(damaged)
        self.restore_button.setEnabled(not busy and damaged and self.restorable)


def open_doctor(window: MainWindow, root: Path | None = None) -> DoctorDialog | None:
    """Show the dialog for ``root`` (else the open archive) and start the check; an
    encrypted archive's passphrase is asked first (the service opens the archive itself)."""
    from evidence_desk.gui.shell.lock import ask_unlock
    from evidence_desk.services.archive.archive import is_encrypted_archive

    if root is None:
        if window.archive is None:
            return None
        root = Path(window.archive.root)
    passphrase = None
    if is_encrypted_archive(root):
        passphrase = ask_unlock(window, root)
        if passphrase is None:
            return None
    dialog = DoctorDialog(window, root, passphrase=passphrase)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.doctor_dialog = dialog  # type: ignore[attr-defined]
    dialog.open()
    dialog.run()
    return dialog


def damaged_database(exc: BaseException) -> bool:
    """An open that failed on the database itself: damaged, emptied, lost or not ours.

    The services name ``doctor`` as the way out in exactly those messages."""
    from evidence_desk.services.archive.errors import DatabaseDamaged

    return isinstance(exc, DatabaseDamaged) or "evidence-desk doctor" in str(exc)


def offer_doctor(window: MainWindow, root: Path, text: str) -> QMessageBox:
    """The open failed on a damaged database: say so, with the dialog one click away."""
    box = QMessageBox(window)
    box.setObjectName("damagedDatabaseBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("The archive's database is damaged"))
    box.setText(_tr("Could not open the archive: %1").replace("%1", text))
    box.setInformativeText(
        _tr("Check its health to see what can be saved, and restore a backup if there is one.")
    )
    check = box.addButton(_tr("Check Archive Health…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    check.clicked.connect(lambda: open_doctor(window, root))
    box.open()
    window.damaged_box = box  # type: ignore[attr-defined]
    return box


def install_doctor_ui(window: MainWindow) -> QAction:
    """Tools › Check Archive Health…, after Verify Archive."""
    action = QAction(_tr("Check Archive &Health…"), window)
    action.setObjectName("checkHealthAction")
    action.triggered.connect(lambda: open_doctor(window))
    window.hooks.add_after(window.menu_actions.verify, [action])

    def update(*_args: Any) -> None:
        action.setEnabled(window.archive is not None)

    window.hooks.subscribe(Change.ARCHIVE, update)
    update()
    window.doctor_action = action  # type: ignore[attr-defined]
    return action
