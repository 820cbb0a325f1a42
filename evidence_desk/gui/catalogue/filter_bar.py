"""The search box and filters above the catalogue.

Typing is debounced (a query starts 250 ms after the last key stroke) and
the query itself runs in a worker, so the window never waits for it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.shell import icons
from evidence_desk.gui.shell.flow_layout import FlowLayout
from evidence_desk.gui.shell.formatting import KINDS, SENSITIVITIES, kind_label, sensitivity_label
from evidence_desk.services.catalogue.listing import Filters

DEBOUNCE_MS = 250


class FilterBar(QWidget):
    filtersChanged = Signal(object)
    saveSearchRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tag: str | None = None
        self._removed = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)

        self.search = QLineEdit(self)
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search titles, notes, tags, file names and metadata (Ctrl+F)")
        )
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._emit_now)

        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Any kind"), None)
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.sensitivity = QComboBox(self)
        self.sensitivity.addItem(self.tr("Any sensitivity"), None)
        for value in SENSITIVITIES:
            self.sensitivity.addItem(sensitivity_label(value), value)
        self.gps = QComboBox(self)
        self.gps.addItem(self.tr("GPS: any"), None)
        self.gps.addItem(self.tr("With GPS"), True)
        self.gps.addItem(self.tr("Without GPS"), False)
        self.warnings = QCheckBox(self.tr("With warnings"), self)
        self.dated = QCheckBox(self.tr("Captured from"), self)
        self.date_from = QDateEdit(QDate(2022, 1, 1), self)
        self.date_to = QDateEdit(QDate.currentDate(), self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self._emit_now)
        self.dated.toggled.connect(self._on_dated)
        self.tag_chip = QToolButton(self)
        self.tag_chip.setObjectName("tagChip")
        self.tag_chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.tag_chip.setIcon(icons.clear())
        self.tag_chip.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the cross after
        self.tag_chip.setToolTip(self.tr("Click to stop filtering by this tag"))
        self.tag_chip.clicked.connect(lambda: self.set_tag(None))
        self.tag_chip.hide()
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        self.save_button = QToolButton(self)
        self.save_button.setText(self.tr("Save search…"))
        self.save_button.clicked.connect(self.saveSearchRequested)
        for combo in (self.kind, self.sensitivity, self.gps):
            combo.currentIndexChanged.connect(self._emit_now)
        self.warnings.toggled.connect(self._emit_now)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.save_button)
        top.addWidget(self.clear_button)
        bottom = FlowLayout(spacing=6)  # wraps on a narrow window instead of widening it
        for widget in (self.kind, self.sensitivity, self.gps, self.warnings):
            bottom.addWidget(widget)
        for first, second in ((self.dated, self.date_from), (QLabel(self.tr("to")), self.date_to)):
            pair = QWidget(self)  # a label stays on the line of its date
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(first)
            row.addWidget(second)
            bottom.addWidget(pair)
        bottom.addWidget(self.tag_chip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 2)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(bottom)

    def _on_dated(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self._emit_now()

    def filters(self) -> Filters:
        kind = self.kind.currentData()
        dated = self.dated.isChecked()
        return Filters(
            text=self.search.text().strip(),
            kinds=(kind,) if kind else (),
            tag=self._tag,
            captured_from=_day(self.date_from.date()) if dated else None,
            captured_to=_day(self.date_to.date()) if dated else None,
            has_gps=self.gps.currentData(),
            sensitivity=self.sensitivity.currentData(),
            has_warnings=True if self.warnings.isChecked() else None,
            removed=self._removed,
        )

    def set_filters(self, filters: Filters) -> None:
        """Show ``filters`` in the controls (e.g. a saved search) and apply them."""
        widgets = (
            self.search,
            self.kind,
            self.sensitivity,
            self.gps,
            self.warnings,
            self.dated,
            self.date_from,
            self.date_to,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.search.setText(filters.text)
        _select(self.kind, filters.kinds[0] if filters.kinds else None)
        _select(self.sensitivity, filters.sensitivity)
        _select(self.gps, filters.has_gps)
        self.warnings.setChecked(bool(filters.has_warnings))
        dated = filters.captured_from is not None or filters.captured_to is not None
        self.dated.setChecked(dated)
        self.date_from.setEnabled(dated)
        self.date_to.setEnabled(dated)
        if filters.captured_from:
            self.date_from.setDate(_qdate(filters.captured_from))
        if filters.captured_to:
            self.date_to.setDate(_qdate(filters.captured_to))
        for widget in widgets:
            widget.blockSignals(False)
        self._removed = filters.removed
        self._show_tag(filters.tag)
        self._emit_now()

    def change(self, **changes: object) -> None:
        """Apply the current filters with some fields replaced."""
        self.set_filters(replace(self.filters(), **changes))  # type: ignore[arg-type]

    def set_tag(self, tag: str | None) -> None:
        self._show_tag(tag)
        self._emit_now()

    def _show_tag(self, tag: str | None) -> None:
        self._tag = tag
        self.tag_chip.setVisible(tag is not None)
        if tag is not None:
            self.tag_chip.setText(self.tr("Tag: %1").replace("%1", tag))

    def clear(self) -> None:
        self.set_filters(Filters(removed=self._removed))

    def _emit_now(self) -> None:
        self._debounce.stop()
        self._emit()

    def _emit(self) -> None:
        self.filtersChanged.emit(self.filters())


def _select(combo: QComboBox, value: object) -> None:
    """Select the entry whose data is ``value`` (``findData`` cannot match None or False)."""
    for i in range(combo.count()):
        data = combo.itemData(i)
        if data is value or (data is not None and value is not None and data == value):
            combo.setCurrentIndex(i)
            return
    combo.setCurrentIndex(0)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)
