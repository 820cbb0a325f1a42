"""Undo for form edits in the case editors, before they are saved.

The editors save explicitly (a new statement version is a custody event,
so it should not happen on every keystroke); until then a QUndoStack lets
the user step back through field changes. Line edits record on
``editingFinished``, check boxes on toggle, combo boxes on activation;
plain-text fields keep Qt's own per-widget undo.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from evidence_desk.gui.case.widgets import translate


def value_of(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    raise TypeError(widget)


def set_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(value)
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(value)


class _FieldCommand(QUndoCommand):
    def __init__(self, form: FormUndo, widget: QWidget, before: Any, after: Any, name: str) -> None:
        super().__init__(translate("CaseUI", "Change %1").replace("%1", name))
        self.form, self.widget, self.before, self.after = form, widget, before, after

    def undo(self) -> None:
        self.form.restore(self.widget, self.before)

    def redo(self) -> None:
        self.form.restore(self.widget, self.after)


class FormUndo:
    """Tracks the given widgets and pushes one undo command per committed change."""

    def __init__(self, parent: QWidget) -> None:
        self.stack = QUndoStack(parent)
        self._known: dict[int, Any] = {}
        self._names: dict[int, str] = {}
        self._restoring = False

    def watch(self, widget: QWidget, name: str) -> None:
        self._names[id(widget)] = name
        self._known[id(widget)] = value_of(widget)
        if isinstance(widget, QLineEdit):
            widget.editingFinished.connect(lambda w=widget: self._changed(w))
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(lambda _on, w=widget: self._changed(w))
        elif isinstance(widget, QComboBox):
            widget.activated.connect(lambda _i, w=widget: self._changed(w))

    def reset(self, widgets: list[QWidget]) -> None:
        """After loading a record: current values are the baseline, history is cleared."""
        for widget in widgets:
            self._known[id(widget)] = value_of(widget)
        self.stack.clear()

    def _changed(self, widget: QWidget) -> None:
        if self._restoring:
            return
        before, after = self._known.get(id(widget)), value_of(widget)
        if before == after:
            return
        self._known[id(widget)] = after
        command = _FieldCommand(self, widget, before, after, self._names.get(id(widget), ""))
        self._restoring = True
        try:
            self.stack.push(command)  # redo() re-applies the value it already has
        finally:
            self._restoring = False

    def restore(self, widget: QWidget, value: Any) -> None:
        self._restoring = True
        try:
            set_value(widget, value)
            self._known[id(widget)] = value
        finally:
            self._restoring = False
