"""File › Export Bundle…: what to export, for whom, and where.

The dialog only collects choices into an :class:`ExportRequest`; the export
itself runs in the background (``bundle_install``). The profile choice spells
out what redaction removes, because picking the wrong one either exposes a
witness or hands a court a copy it cannot use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.bundles.recipients_box import RecipientsBox
from evidence_desk.services.archive.settings import load_settings
from evidence_desk.services.case.incident_records import IncidentRow

SCOPES = ("selection", "search", "incident", "all")


@dataclass
class ExportRequest:
    scope: str  # one of SCOPES
    item_ids: list[int]  # for "selection" and "search"
    incident: str | None  # incident UUID for "incident"
    profile: str  # "full" | "redacted"
    zip: bool
    out: Path
    exporter: str | None = None  # who the bundle says exported it; None: the settings
    recipients: list[str] = field(default_factory=list)  # age public keys: a .zip.age


class BundleExportDialog(QDialog):
    """Scope, profile, folder or zip, destination."""

    def __init__(
        self,
        selected: list[int],
        result: list[int],
        parent: QWidget | None = None,
        default_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bundleExportDialog")
        self.setWindowTitle(self.tr("Export Bundle"))
        self._selected, self._result = list(selected), list(result)
        self._folder = default_folder or Path.home()
        self.request: ExportRequest | None = None

        scope_box = QGroupBox(self.tr("What to export"), self)
        self.scope_selection = QRadioButton(
            self.tr("Selected items (%1)").replace("%1", str(len(selected))), scope_box
        )
        self.scope_search = QRadioButton(
            self.tr("Current search result (%1)").replace("%1", str(len(result))), scope_box
        )
        self.scope_incident = QRadioButton(self.tr("An incident:"), scope_box)
        self.incident = QComboBox(scope_box)
        self.incident.setObjectName("incidentCombo")
        self.incident.setMinimumWidth(320)
        self.incident.addItem(self.tr("(loading incidents…)"), None)
        self.incident.setEnabled(False)
        self.scope_all = QRadioButton(self.tr("The whole archive"), scope_box)
        self.scopes = QButtonGroup(self)
        grid = QGridLayout(scope_box)
        for row, (key, button) in enumerate(
            zip(SCOPES, (self.scope_selection, self.scope_search, self.scope_incident,
                         self.scope_all), strict=True)
        ):  # fmt: skip
            self.scopes.addButton(button, row)
            button.setObjectName(f"scope_{key}")
            grid.addWidget(button, row, 0)
        grid.addWidget(self.incident, 2, 1)
        self.scope_selection.setEnabled(bool(selected))
        self.scope_search.setEnabled(bool(result))
        (self.scope_selection if selected else self.scope_all).setChecked(True)

        profile_box = QGroupBox(self.tr("Profile"), self)
        self.profile_full = QRadioButton(self.tr("Full — for a court or counsel"), profile_box)
        self.profile_full.setObjectName("profile_full")
        self.profile_redacted = QRadioButton(
            self.tr("Redacted — for publication or partners"), profile_box
        )
        self.profile_redacted.setObjectName("profile_redacted")
        self.profile_full.setChecked(True)
        self.explanation = QLabel(profile_box)
        self.explanation.setWordWrap(True)
        self.explanation.setMinimumHeight(96)
        self.exporter = QLineEdit(load_settings().exporter, profile_box)
        self.exporter.setObjectName("exporter")
        self.exporter.setPlaceholderText(
            self.tr("Organisation or pseudonym (default: Preferences, else the organisation)")
        )
        exporter_row = QHBoxLayout()
        exporter_row.addWidget(QLabel(self.tr("Exported by:"), profile_box))
        exporter_row.addWidget(self.exporter, 1)
        profile_layout = QVBoxLayout(profile_box)
        for widget in (self.profile_full, self.profile_redacted, self.explanation):
            profile_layout.addWidget(widget)
        profile_layout.addLayout(exporter_row)
        self.profile_full.toggled.connect(self._explain)

        format_box = QGroupBox(self.tr("Format and destination"), self)
        self.as_folder = QRadioButton(self.tr("Folder"), format_box)
        self.as_zip = QRadioButton(self.tr(".zip file (stored, not compressed)"), format_box)
        self.as_folder.setChecked(True)
        self.destination = QLineEdit(format_box)
        self.destination.setObjectName("destination")
        self.browse = QPushButton(self.tr("Choose…"), format_box)
        self.browse.clicked.connect(self._choose)
        self.as_zip.toggled.connect(self._fix_suffix)
        form = QGridLayout(format_box)
        choice = QHBoxLayout()
        choice.addWidget(self.as_folder)
        choice.addWidget(self.as_zip)
        choice.addStretch(1)
        form.addLayout(choice, 0, 0, 1, 2)
        form.addWidget(self.destination, 1, 0)
        form.addWidget(self.browse, 1, 1)
        stamp = datetime.now().strftime("%Y-%m-%d-%H%M")
        self.destination.setText(str(self._folder / f"evidence-bundle-{stamp}"))

        self.error = QLabel(self)
        self.error.setObjectName("exportError")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.recipients = RecipientsBox(self)
        self.recipients.list.itemChanged.connect(self._fix_suffix)
        layout = QVBoxLayout(self)
        parts: tuple[QWidget, ...] = (
            scope_box,
            profile_box,
            format_box,
            self.recipients,
            self.error,
            self.buttons,
        )
        for part in parts:
            layout.addWidget(part)
        self._explain()
        self.resize(620, self.sizeHint().height())

    def set_incidents(self, rows: list[IncidentRow]) -> None:
        """Fill the incident list (rows of ``case_incidents.incident_rows``)."""
        self.incident.clear()
        for row in rows:
            when = (row.start or "")[:10]
            label = f"{row.ref}  {row.title}" + (f"  ({when})" if when else "")
            self.incident.addItem(label, row.uuid)
        if not rows:
            self.incident.addItem(self.tr("(no incidents in this archive)"), None)
        self.incident.setEnabled(bool(rows))
        self.scope_incident.setEnabled(bool(rows))

    def _explain(self) -> None:
        if self.profile_full.isChecked():
            text = self.tr(
                "Everything as held in the archive: originals byte for byte, full records, "
                "the chain of custody. Testimonies only where the witness consented to court "
                "use. Witness identities are never exported."
            )
        else:
            text = self.tr(
                "Removes: confidential items; all metadata inside photos, videos and PDFs "
                "(images are rebuilt from their pixels); GPS, device, file names and paths, "
                "notes, tags and the names of who gave and who collected each item; the names "
                "of everyone in the chain of custody (shown as custodian 1, 2, …); testimonies "
                "without consent to publication; interviewers and risk notes; names of persons "
                "marked sensitive. Titles become exhibit numbers unless marked publishable. "
                "Faces, voices and names inside the content itself are NOT removed — review "
                "before publishing."
            )
        self.explanation.setText(text)

    def _fix_suffix(self) -> None:
        encrypted = bool(self.recipients.checked_keys()) if hasattr(self, "recipients") else False
        if encrypted and not self.as_zip.isChecked():
            self.as_zip.setChecked(True)  # an encrypted bundle is always one file
        self.as_folder.setEnabled(not encrypted)
        text = self.destination.text().strip()
        if text.lower().endswith(".zip.age"):
            text = text[:-4]
            self.destination.setText(text)
        if encrypted and text:
            self.destination.setText(
                (text if text.lower().endswith(".zip") else text + ".zip") + ".age"
            )
        elif self.as_zip.isChecked() and text and not text.lower().endswith(".zip"):
            self.destination.setText(text + ".zip")
        elif not self.as_zip.isChecked() and text.lower().endswith(".zip"):
            self.destination.setText(text[:-4])

    def _choose(self) -> None:
        current = self.destination.text().strip() or str(self._folder)
        if self.as_zip.isChecked():
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save bundle as"), current, self.tr("Zip files (*.zip)")
            )
        else:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Name of the new bundle folder"), current
            )
        if path:
            self.destination.setText(path)
            self._fix_suffix()

    def _build(self) -> ExportRequest | str:
        scope = SCOPES[self.scopes.checkedId()] if self.scopes.checkedId() >= 0 else "all"
        ids = self._selected if scope == "selection" else self._result if scope == "search" else []
        incident = self.incident.currentData() if scope == "incident" else None
        if scope == "incident" and not incident:
            return self.tr("Choose an incident.")
        text = self.destination.text().strip()
        if not text:
            return self.tr("Choose where to save the bundle.")
        out = Path(text).expanduser()
        recipients = self.recipients.checked_keys()
        if recipients:  # an encrypted bundle is always one file
            if out.suffix.lower() != ".zip" and not out.name.lower().endswith(".zip.age"):
                out = out.with_name(out.name + ".zip")
            if out.suffix.lower() == ".zip":
                out = out.with_name(out.name + ".age")
        elif self.as_zip.isChecked() and out.suffix.lower() != ".zip":
            out = out.with_name(out.name + ".zip")
        if out.exists():
            return self.tr("%1 already exists; choose a new name.").replace("%1", str(out))
        if not out.parent.is_dir():
            return self.tr("The folder %1 does not exist.").replace("%1", str(out.parent))
        profile = "full" if self.profile_full.isChecked() else "redacted"
        exporter = " ".join(self.exporter.text().split()) or None
        zipped = self.as_zip.isChecked() or bool(recipients)
        return ExportRequest(
            scope, ids, incident, profile, zipped, out, exporter=exporter, recipients=recipients
        )

    def accept(self) -> None:
        built = self._build()
        if isinstance(built, str):
            self.error.setText(built)
            return
        self.request = built
        super().accept()
