"""Preferences: interface language, the collector's name and the exporter identity (shared with
the CLI)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.shell.i18n import LANGUAGE_NAMES, SUPPORTED
from evidence_desk.services.archive.archive import is_encrypted_archive
from evidence_desk.services.archive.settings import Settings


def _encrypted(path: str) -> bool:
    try:
        return is_encrypted_archive(Path(path))
    except OSError:
        return False


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings
        self.language = QComboBox(self)
        self.language.addItem(self.tr("System default"), "")
        for code in SUPPORTED:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        index = self.language.findData(settings.language)
        self.language.setCurrentIndex(max(0, index))
        self.collector = QLineEdit(settings.collector, self)
        self.collector.setPlaceholderText(self.tr("Recorded as the actor of every custody event"))
        self.organisation = QLineEdit(settings.organisation, self)
        self.exporter = QLineEdit(settings.exporter, self)
        self.exporter.setObjectName("exporterIdentity")
        self.exporter.setPlaceholderText(self.tr("An organisation or a pseudonym"))
        self.exporter.setToolTip(
            self.tr(
                "How bundles name who exported them. A redacted bundle without it "
                "names the organisation, never your user name."
            )
        )
        self.auto_lock = QSpinBox(self)
        self.auto_lock.setObjectName("autoLockMinutes")
        self.auto_lock.setRange(0, 24 * 60)
        self.auto_lock.setValue(settings.auto_lock_minutes)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setSpecialValueText(self.tr("never"))
        self.remember_encrypted = QCheckBox(
            self.tr("List encrypted archives under Open Recent"), self
        )
        self.remember_encrypted.setObjectName("rememberEncrypted")
        self.remember_encrypted.setChecked(settings.remember_encrypted_archives)
        remember_note = QLabel(
            self.tr(
                "Off by default: the list is kept unencrypted in the settings folder, and an "
                "archive's folder name and path can say whose evidence it holds. Saved searches "
                "of an encrypted archive are always kept inside it, encrypted."
            ),
            self,
        )
        remember_note.setObjectName("rememberEncryptedNote")
        remember_note.setWordWrap(True)
        remember_note.setEnabled(False)
        note = QLabel(self.tr("A new language is used the next time Evidence Desk starts."), self)
        note.setWordWrap(True)
        note.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Collector name:"), self.collector)
        form.addRow(self.tr("Organisation:"), self.organisation)
        form.addRow(self.tr("Exported by:"), self.exporter)
        form.addRow(self.tr("Lock an encrypted archive when idle for:"), self.auto_lock)
        form.addRow(self.remember_encrypted)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(remember_note)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(460, 0)

    def updated(self) -> Settings:
        """The settings with this dialog's values applied (not yet saved)."""
        s = self._settings
        s.language = str(self.language.currentData() or "")
        s.collector = self.collector.text().strip()
        s.organisation = self.organisation.text().strip()
        s.exporter = self.exporter.text().strip()
        s.auto_lock_minutes = self.auto_lock.value()
        s.remember_encrypted_archives = self.remember_encrypted.isChecked()
        if not s.remember_encrypted_archives:
            s.recent_archives = [p for p in s.recent_archives if not _encrypted(p)]
        return s
