"""Reports after long work: the import summary and the verification report.

Every line is selectable and copyable (Ctrl+C copies the selection, "Copy
all" everything, tab-separated), because researchers paste these into
their case notes and into messages to whoever sent the files.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.shell.formatting import service_words

if TYPE_CHECKING:
    from evidence_desk.services.catalogue.verify import VerifyReport
    from evidence_desk.services.intake.ingest import IngestReport

_ROOT = QModelIndex()
_PROBLEM_COLOURS = {"failed": "#b3261e", "missing": "#b3261e", "altered": "#b3261e"}


class _RowsModel(QAbstractTableModel):
    """The report's lines as a model, so a view paints only what is on screen.

    A summary of a 10,000-file phone dump built as tree items took the GUI
    thread about a second; a model costs nothing until rows are seen.
    """

    def __init__(self, columns: Sequence[str], rows: Sequence[Sequence[str]], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows = [list(r) for r in rows]
        self._colours = [_colour(r) for r in self.rows]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return self._colours[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section]
        return None


def _colour(values: Sequence[str]) -> QColor | None:
    colour = _PROBLEM_COLOURS.get(values[0].split(" ")[0].lower()) if values else None
    return QColor(colour) if colour else None


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
        self.model = _RowsModel(columns, rows, self)
        # A table, not a tree: QTreeView visits every row when shown (10,000
        # calls into Python for a big summary); QTableView only the visible ones.
        self.table = QTableView(self)
        self.table.setObjectName("reportTable")
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setModel(self.model)
        self._fit_columns()
        self.table.doubleClicked.connect(self._on_double_click)
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

    def _fit_columns(self) -> None:
        """Width of the longest text per column (the last one stretches), without
        asking the view to measure every row as ``resizeColumnToContents`` does."""
        metrics = self.table.fontMetrics()
        for col in range(len(self.model.columns) - 1):
            texts = [row[col] for row in self.model.rows] + [self.model.columns[col]]
            longest = max(texts, key=len)
            self.table.setColumnWidth(col, min(metrics.horizontalAdvance(longest) + 24, 360))

    def _lines(self, rows: Sequence[int]) -> str:
        return "\n".join("\t".join(self.model.rows[r]) for r in rows)

    def text(self) -> str:
        head = "\t".join(self.model.columns)
        return "\n".join([self.headline.text(), head, self._lines(range(len(self.model.rows)))])

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.text())

    def copy_selection(self) -> None:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        QGuiApplication.clipboard().setText(self._lines(rows))

    def _on_double_click(self, index: QModelIndex) -> None:
        if self._exhibit_column is not None:
            exhibit = self.model.rows[index.row()][self._exhibit_column]
            if exhibit:
                self.exhibitActivated.emit(exhibit)


translate = QCoreApplication.translate


def import_summary(report: IngestReport, parent: QWidget | None = None) -> ReportDialog:
    status = {
        "new": translate("ReportDialog", "New"),
        "duplicate": translate("ReportDialog", "Duplicate"),
        "failed": translate("ReportDialog", "Failed"),
        "skipped": translate("ReportDialog", "Skipped"),
    }
    base = _common_folder([r.path for r in report.results])
    words = service_words()  # warnings are recorded in English; shown in the user's language
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
                    words.message(message),
                ]
            )
    counts = [
        translate("ReportDialog", "%n new", None, len(report.new)),
        translate(
            "ReportDialog", "%n duplicate(s) (already in the archive)", None, len(report.duplicates)
        ),
        translate("ReportDialog", "%n failed", None, len(report.failed)),
        translate("ReportDialog", "%n skipped", None, len(report.skipped)),
    ]
    headline = ", ".join(counts) + "."
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
    """``path`` below ``base``, by slicing: ``os.path.relpath`` cost 0.2 s for 10,000 lines."""
    if base and path.startswith(base):
        rest = path[len(base) :]
        if base.endswith(os.sep):
            return rest
        if rest.startswith(os.sep):
            return rest[1:]
    return path


def verify_report(report: VerifyReport, parent: QWidget | None = None) -> ReportDialog:
    kinds = {
        "missing": translate("ReportDialog", "Missing"),
        "altered": translate("ReportDialog", "Altered"),
        "unexpected": translate("ReportDialog", "Unexpected"),
        "chain": translate("ReportDialog", "Custody log"),
    }
    words = service_words()
    rows = [
        [kinds.get(p.kind, p.kind), p.exhibit or "", words.message(p.message)]
        for p in report.problems
    ]
    # What verify repaired, recovered or could not record (e.g. fixity events on a full disk).
    note = translate("ReportDialog", "Note")
    rows += [[note, "", words.message(text)] for text in report.notes]
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
