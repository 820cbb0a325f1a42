"""Reports after long work: the import summary and the verification report.

Every line is selectable and copyable (Ctrl+C copies the selection, "Copy
all" everything, tab-separated), because researchers paste these into
their case notes and into messages to whoever sent the files.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from evidence_desk.services.ingest import IngestReport
    from evidence_desk.services.verify import VerifyReport

_PROBLEM_COLOURS = {"failed": "#b3261e", "missing": "#b3261e", "altered": "#b3261e"}


class ReportDialog(QDialog):
    """A headline and a copyable table of lines; double-click names an exhibit."""

    exhibitActivated = Signal(str)

    def __init__(
        self,
        title: str,
        headline: str,
        columns: Sequence[str],
        rows: Sequence[Sequence[str]],
        parent: QWidget | None = None,
        exhibit_column: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 520)
        self._exhibit_column = exhibit_column
        self.headline = QLabel(headline, self)
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTreeWidget(self)
        self.table.setObjectName("reportTable")
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setHeaderLabels(list(columns))
        for values in rows:
            item = QTreeWidgetItem(self.table, list(values))
            colour = _PROBLEM_COLOURS.get(values[0].split(" ")[0].lower())
            if colour:
                item.setForeground(0, QColor(colour))
            for col, value in enumerate(values):
                item.setToolTip(col, value)
        for col in range(len(columns) - 1):
            self.table.resizeColumnToContents(col)
            self.table.setColumnWidth(col, min(self.table.columnWidth(col) + 12, 360))
        self.table.itemDoubleClicked.connect(self._on_double_click)
        copy_shortcut = QShortcut(QKeySequence.StandardKey.Copy, self.table)
        copy_shortcut.activated.connect(self.copy_selection)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy_all = QPushButton(self.tr("Copy all"), self)
        copy_all.clicked.connect(self.copy_all)
        buttons.addButton(copy_all, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _lines(self, items: Sequence[QTreeWidgetItem]) -> str:
        count = self.table.columnCount()
        return "\n".join("\t".join(item.text(c) for c in range(count)) for item in items)

    def text(self) -> str:
        header = self.table.headerItem()
        head = "\t".join(header.text(c) for c in range(self.table.columnCount()))
        items = [self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount())]
        return "\n".join([self.headline.text(), head, self._lines(items)])

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.text())

    def copy_selection(self) -> None:
        QGuiApplication.clipboard().setText(self._lines(self.table.selectedItems()))

    def _on_double_click(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._exhibit_column is not None and item.text(self._exhibit_column):
            self.exhibitActivated.emit(item.text(self._exhibit_column))


translate = QCoreApplication.translate


def import_summary(report: IngestReport, parent: QWidget | None = None) -> ReportDialog:
    status = {
        "new": translate("ReportDialog", "New"),
        "duplicate": translate("ReportDialog", "Duplicate"),
        "failed": translate("ReportDialog", "Failed"),
        "skipped": translate("ReportDialog", "Skipped"),
    }
    base = _common_folder([r.path for r in report.results])
    rows = []
    for result in report.results:
        messages = result.messages or [""]
        for n, message in enumerate(messages):
            first = n == 0
            rows.append(
                [
                    status.get(result.status, result.status) if first else "",
                    (result.exhibit or "") if first else "",
                    _relative(result.path, base) if first else "",
                    message,
                ]
            )
    headline = (
        translate(
            "ReportDialog", "%1 new, %2 duplicates (already in the archive), %3 failed, %4 skipped."
        )
        .replace("%1", str(len(report.new)))
        .replace("%2", str(len(report.duplicates)))
        .replace("%3", str(len(report.failed)))
        .replace("%4", str(len(report.skipped)))
    )
    if base:
        headline += " " + translate("ReportDialog", "Files from %1").replace("%1", base)
    if report.cancelled:
        headline += " " + translate(
            "ReportDialog",
            "The import was cancelled: the files listed are safely in the archive; "
            "the rest were not imported.",
        )
    if report.aborted:
        headline += " " + report.aborted
    columns = [
        translate("ReportDialog", "Status"),
        translate("ReportDialog", "Exhibit"),
        translate("ReportDialog", "File"),
        translate("ReportDialog", "Message"),
    ]
    dialog = ReportDialog(
        translate("ReportDialog", "Import summary"),
        headline,
        columns,
        rows,
        parent,
        exhibit_column=1,
    )
    dialog.setObjectName("importSummary")
    return dialog


def _common_folder(paths: list[str]) -> str:
    try:
        common = os.path.commonpath(paths) if paths else ""
    except ValueError:
        return ""
    if len(paths) == 1 or common in paths:
        common = os.path.dirname(common)
    return common


def _relative(path: str, base: str) -> str:
    return os.path.relpath(path, base) if base and path.startswith(base) else path


def verify_report(report: VerifyReport, parent: QWidget | None = None) -> ReportDialog:
    kinds = {
        "missing": translate("ReportDialog", "Missing"),
        "altered": translate("ReportDialog", "Altered"),
        "unexpected": translate("ReportDialog", "Unexpected"),
        "chain": translate("ReportDialog", "Custody log"),
    }
    rows = [[kinds.get(p.kind, p.kind), p.exhibit or "", p.message] for p in report.problems]
    size = f"{report.bytes_checked:,}"
    if report.cancelled:
        headline = translate(
            "ReportDialog", "Verification was cancelled after %1 objects."
        ).replace("%1", str(report.items_checked))
    elif report.ok:
        headline = (
            translate(
                "ReportDialog",
                "All %1 originals are intact (%2 bytes re-hashed) and the custody log "
                "of %3 events is unbroken.",
            )
            .replace("%1", str(report.items_checked))
            .replace("%2", size)
            .replace("%3", str(report.events_checked))
        )
    else:
        headline = (
            translate(
                "ReportDialog",
                "PROBLEMS FOUND: %1. %2 originals re-hashed, %3 custody events checked.",
            )
            .replace("%1", str(len(report.problems)))
            .replace("%2", str(report.items_checked))
            .replace("%3", str(report.events_checked))
        )
    columns = [
        translate("ReportDialog", "Problem"),
        translate("ReportDialog", "Exhibit"),
        translate("ReportDialog", "Details"),
    ]
    dialog = ReportDialog(
        translate("ReportDialog", "Verification report"), headline, columns, rows, parent, 1
    )
    dialog.setObjectName("verifyReport")
    return dialog
