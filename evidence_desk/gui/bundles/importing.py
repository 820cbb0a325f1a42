"""File › Import Bundle…: check first, show what would be added, then import.

The preview runs the full verification in the background and counts which
items are new and which are already in the archive, so the user decides with
the signer's fingerprint in front of them. Nothing is written until they
press Import; the import verifies again (the USB stick may have changed).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.signing import pretty_fingerprint
from evidence_desk.gui.bundles.verify_dialog import headline
from evidence_desk.gui.shell.report_dialog import ReportDialog
from evidence_desk.services.archive.archive import Archive

if TYPE_CHECKING:
    from evidence_desk.services.bundles.preview import ImportPreview as Preview

translate = QCoreApplication.translate


def run_preview(archive: Archive, path: Path, **callbacks: Any) -> Preview:
    """In the worker: verify, check the signer, then count new items and case records."""
    from evidence_desk.services.bundles.preview import preview_import

    return preview_import(archive, path, **callbacks)


def run_import(
    archive: Archive, path: Path, trust_new_signer: bool = False, **callbacks: Any
) -> Any:
    from evidence_desk.services.intake import importers

    return importers.get("bundle").run(
        archive, [path], provenance=None, trust_new_signer=trust_new_signer, **callbacks
    )


class ImportPreviewDialog(QDialog):
    """What the bundle holds and what importing it would add; Import or Cancel."""

    def __init__(self, preview: Preview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bundleImportPreview")
        self.setWindowTitle(self.tr("Import Bundle"))
        report = preview.report
        lines = [
            headline(report),
            "",
            self.tr("%n new item(s) will be added.", "", preview.new)
            + " "
            + self.tr(
                "%n item(s) already in this archive gain the sender's provenance and history.",
                "",
                preview.known,
            ),
        ]
        names = {
            "incidents": self.tr("incidents"),
            "persons": self.tr("persons"),
            "testimonies": self.tr("testimonies"),
            "places": self.tr("places"),
        }
        counts = [f"{n} {names.get(k, k)}" for k, n in sorted(preview.records.items()) if n]
        if counts:
            lines.append(
                self.tr("Case records to merge or add: %1.").replace("%1", ", ".join(counts))
            )
        self.label = QLabel("\n".join(lines), self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.signer_label = QLabel(self._signer_text(preview), self)
        self.signer_label.setObjectName("bundleSignerTrust")
        self.signer_label.setWordWrap(True)
        self.signer_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status = preview.signer.status if preview.signer is not None else "trusted"
        self.trust_box = QCheckBox(
            self.tr(
                "I have compared this fingerprint with the sender (by phone or in person) "
                "and trust this key for their archive."
            ),
            self,
        )
        self.trust_box.setVisible(status == "new")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        self.import_button.setEnabled(status == "trusted")
        if status == "new":
            self.trust_box.toggled.connect(self.import_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.signer_label)
        layout.addWidget(self.trust_box)
        layout.addWidget(self.buttons)
        self.resize(780, self.sizeHint().height())

    @property
    def trust_new_signer(self) -> bool:
        return not self.trust_box.isHidden() and self.trust_box.isChecked()

    def _signer_text(self, preview: Preview) -> str:
        """Whether this archive already trusts the bundle's key for the sending archive."""
        signer = preview.signer
        if signer is None:
            return ""
        fp = pretty_fingerprint(signer.fingerprint)
        if signer.status == "trusted":
            return self.tr("Signer: the key pinned for this sender's archive (%1).").replace(
                "%1", fp
            )
        if signer.status == "new":
            return self.tr(
                "First bundle from this archive. It is signed by key %1. Anyone can make a key "
                "and claim any archive: import only if the sender confirms this fingerprint."
            ).replace("%1", fp)
        if signer.status == "revoked":
            return self.tr("REFUSED: the bundle is signed by key %1, which was revoked.").replace(
                "%1", fp
            )
        return (
            self.tr(
                "REFUSED: this archive's bundles are signed by key %1, but this one is signed "
                "by key %2. It may be forged. If the sender really has a new key, confirm it "
                "with them and pin it (evidence-desk signers pin)."
            )
            .replace("%1", ", ".join(pretty_fingerprint(p) for p in signer.pinned))
            .replace("%2", fp)
        )


def import_summary(report: Any, parent: QWidget | None = None) -> ReportDialog:
    """One row per item (new, duplicate, failed) and a headline with the case records."""
    head = [
        translate("BundleImport", "Imported from %1 (%2).")
        .replace("%1", report.sender_name or "?")
        .replace("%2", report.sender_uuid or "?"),
        translate("BundleImport", "%1 new, %2 already here.")
        .replace("%1", str(report.count("new")))
        .replace("%2", str(report.count("duplicate"))),
        translate("BundleImport", "Signed by key: %1").replace(
            "%1", pretty_fingerprint(report.verification.signer_fingerprint or "")
        ),
    ]
    if report.trusted_now:
        head.append(translate("BundleImport", "This key is now pinned for the sender's archive."))
    if report.case is not None:
        added = ", ".join(f"{n} {k}" for k, n in sorted(report.case.added.items())) or "-"
        merged = ", ".join(f"{n} {k}" for k, n in sorted(report.case.merged.items())) or "-"
        head.append(
            translate("BundleImport", "Case records added: %1; merged: %2.")
            .replace("%1", added)
            .replace("%2", merged)
        )
        head += report.case.messages[:5]
    rows = [
        (r.status, r.sender_exhibit, r.exhibit or "", "; ".join(r.messages)) for r in report.results
    ]
    dialog = ReportDialog(
        translate("BundleImport", "Bundle imported"),
        "\n".join(head),
        [
            translate("BundleImport", "Result"),
            translate("BundleImport", "Sender's exhibit"),
            translate("BundleImport", "Exhibit here"),
            translate("BundleImport", "Notes"),
        ],
        rows,
        parent,
        exhibit_column=2,
    )
    dialog.setObjectName("bundleImportSummary")
    return dialog
