"""The provenance dialog shown before every import.

A court will ask where each file came from, so the batch's provenance is
asked for up front, with the last answers and the collector's name
remembered to keep the friction low.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.messengers.timezone import parse_zone
from evidence_desk.gui.shell.formatting import acquisition_methods
from evidence_desk.services.archive.settings import Settings

MAX_NAMES_SHOWN = 4


class ProvenanceDialog(QDialog):
    def __init__(self, paths: list[Path], settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("provenanceDialog")
        self.setWindowTitle(self.tr("Import evidence"))
        self.paths = paths
        self.resize(560, 0)

        what = QLabel(self._describe(paths), self)
        what.setWordWrap(True)
        # Each hand-over has its own source: the last one is offered (type its first
        # letters or press the down arrow), never filled in, so it is not carried into
        # a new batch unnoticed.
        self.received_from = QLineEdit(self)
        self.received_from.setObjectName("receivedFrom")
        self.received_from.setPlaceholderText(
            self.tr("Person, organisation or channel that handed the files over")
        )
        if settings.last_received_from:
            completer = QCompleter([settings.last_received_from], self.received_from)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
            self.received_from.setCompleter(completer)
            self.received_from.installEventFilter(self)
            self.received_from.setToolTip(
                self.tr("Last time: %1 (press the down arrow to reuse it)").replace(
                    "%1", settings.last_received_from
                )
            )
        self.method = QComboBox(self)
        self.method.setEditable(True)
        self.method.addItems(acquisition_methods())
        self.method.setCurrentText(settings.last_method or "")
        edit = self.method.lineEdit()  # an editable combo box always has one
        if edit is not None:
            edit.setPlaceholderText(self.tr("How the files reached you"))
        self.collector = QLineEdit(settings.collector, self)
        self.collector.setPlaceholderText(self.tr("Your name (remembered for next time)"))
        self.acquired = QDateEdit(QDate.currentDate(), self)
        self.acquired.setCalendarPopup(True)
        self.acquired.setDisplayFormat("yyyy-MM-dd")
        self.acquired_unknown = QCheckBox(self.tr("Unknown"), self)
        self.acquired_unknown.toggled.connect(lambda on: self.acquired.setEnabled(not on))
        date_row = QHBoxLayout()
        date_row.addWidget(self.acquired)
        date_row.addWidget(self.acquired_unknown)
        date_row.addStretch(1)
        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText(
            self.tr("Circumstances of the hand-over, consent, anything a court may ask later")
        )
        self.notes.setFixedHeight(90)
        self.zone = QComboBox(self)
        self.zone.setEditable(True)
        self.zone.addItem(self.tr("Not stated (offset unknown)"), "")
        self.zone.addItem(self.tr("UTC+6 (Almaty, most of Kazakhstan in 2022)"), "+06:00")
        self.zone.addItem(self.tr("UTC+5 (western Kazakhstan)"), "+05:00")
        self.zone.setToolTip(
            self.tr(
                "WhatsApp exports give local times without a UTC offset. State the zone of "
                "the phone (an IANA name such as Asia/Almaty, or +06:00); it is recorded "
                "as stated by you."
            )
        )
        self.zone_error = QLabel(self)
        self.zone_error.setWordWrap(True)
        self.zone_error.hide()

        form = QFormLayout()
        form.addRow(self.tr("Received from:"), self.received_from)
        form.addRow(self.tr("Method:"), self.method)
        form.addRow(self.tr("Collector:"), self.collector)
        form.addRow(self.tr("Acquisition date:"), date_row)
        form.addRow(self.tr("Notes:"), self.notes)
        form.addRow(self.tr("Chat times:"), self.zone)
        form.addRow("", self.zone_error)
        hint = QLabel(
            self.tr(
                "Originals are copied into the archive unchanged and hashed (SHA-256); "
                "the files you picked are never modified."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """The down arrow in "Received from" offers the previous source."""
        completer = self.received_from.completer()
        popup = completer.popup() if completer is not None else None
        if (
            watched is self.received_from
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and completer is not None
            and popup is not None
            and not popup.isVisible()
        ):
            completer.setCompletionPrefix("")
            completer.complete()
            return True
        return super().eventFilter(watched, event)

    def _describe(self, paths: list[Path]) -> str:
        names = ", ".join(p.name or str(p) for p in paths[:MAX_NAMES_SHOWN])
        if len(paths) > MAX_NAMES_SHOWN:
            names += self.tr(" and %1 more").replace("%1", str(len(paths) - MAX_NAMES_SHOWN))
        return self.tr("Import %1 (folders are imported with everything inside):").replace(
            "%1", names
        )

    def time_zone(self) -> str | None:
        """The zone stated for chat times without an offset, or None."""
        index = self.zone.currentIndex()
        text = self.zone.currentText().strip()
        if index >= 0 and text == self.zone.itemText(index):
            text = str(self.zone.itemData(index) or "")
        return text or None

    def accept(self) -> None:
        zone = self.time_zone()
        if zone is not None:
            try:
                parse_zone(zone)
            except ValueError as exc:
                self.zone_error.setText(str(exc))
                self.zone_error.show()
                return
        super().accept()

    def provenance(self) -> dict[str, str | None]:
        """Fields of ``services.ingest.Provenance``; the worker builds it (no heavy import here)."""
        acquired = None
        if not self.acquired_unknown.isChecked():
            acquired = self.acquired.date().toString("yyyy-MM-dd")
        return {
            "received_from": self.received_from.text().strip(),
            "method": self.method.currentText().strip(),
            "collector": self.collector.text().strip(),
            "acquired_at": acquired,
            "notes": self.notes.toPlainText().strip(),
        }
