"""The editable fields of one item: title, description, notes, tags, sensitivity.

A field is committed when the user leaves it (or presses Enter in a
one-line field), becoming one undoable, logged change. Text being typed is
never overwritten by a refresh of the same item.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from evidence_desk.gui.catalogue.edits import EditController
from evidence_desk.gui.shell.formatting import SENSITIVITIES, sensitivity_label


def split_tags(text: str) -> list[str]:
    seen: set[str] = set()
    tags = []
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tags


class DetailForm(QWidget):
    def __init__(self, edits: EditController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailForm")
        self._edits = edits
        self._item: dict[str, Any] | None = None
        self._item_id: int | None = None
        self.title = QLineEdit(self)
        self.title.setObjectName("titleEdit")
        # A short label: the full sentence is wider than the detail panel on a 1366-pixel
        # screen in Russian and Kazakh; the explanation is in the tooltip and What's This.
        self.publishable = QCheckBox(self.tr("Publishable"), self)
        self.publishable.setObjectName("titlePublishableCheck")
        explanation = "\n\n".join(
            (
                self.tr("Title and description may be published"),
                self.tr(
                    "Redacted bundles show the exhibit number instead of a title unless the "
                    "title was set by hand and marked here; a title that is the file name "
                    "is never published."
                ),
            )
        )
        self.publishable.setToolTip(explanation)
        self.publishable.setWhatsThis(explanation)
        self.publishable.setAccessibleDescription(explanation)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("descriptionEdit")
        self.description.setPlaceholderText(self.tr("What the item shows, where and when"))
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("notesEdit")
        self.notes.setPlaceholderText(self.tr("Research notes (not shown in public exports)"))
        for edit in (self.description, self.notes):
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(60)
            edit.installEventFilter(self)
        self.tags = QLineEdit(self)
        self.tags.setObjectName("tagsEdit")
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. Жаңаөзен, detention"))
        self._tag_model = QStringListModel(self)
        completer = QCompleter(self._tag_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tags.setCompleter(completer)
        self.sensitivity = QComboBox(self)
        self.sensitivity.setObjectName("sensitivityCombo")
        for value in SENSITIVITIES:
            self.sensitivity.addItem(sensitivity_label(value), value)
        # Shrinks with the panel (eliding a long level name) instead of widening the form.
        self.sensitivity.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.sensitivity.setMinimumContentsLength(8)
        self.title.editingFinished.connect(lambda: self._commit("title"))
        self.tags.editingFinished.connect(self._commit_tags)
        self.sensitivity.activated.connect(lambda _i: self._commit("sensitivity"))
        self.publishable.clicked.connect(self._commit_publishable)
        layout = QFormLayout(self)
        # Fields stretch and shrink with the panel. Rows are not wrapped: a wrapping form
        # asks for the height of all rows wrapped and would stretch the description box.
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addRow(self.tr("Title:"), self.title)
        layout.addRow(self.publishable)  # the whole row: room for the label in any language
        layout.addRow(self.tr("Description:"), self.description)
        layout.addRow(self.tr("Notes:"), self.notes)
        layout.addRow(self.tr("Tags:"), self.tags)
        layout.addRow(self.tr("Sensitivity:"), self.sensitivity)

    def set_known_tags(self, names: list[str]) -> None:
        self._tag_model.setStringList(names)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            if watched is self.description:
                self._commit("description")
            elif watched is self.notes:
                self._commit("notes")
        return super().eventFilter(watched, event)

    def show_item(self, item_id: int, item: dict[str, Any]) -> None:
        same = self._item_id == item_id
        if not same:
            self.commit_pending()
        self._item_id, self._item = item_id, item
        self._put(self.title, item["title"], same)
        self._put(self.description, item["description"], same)
        self._put(self.notes, item["notes"], same)
        self._put(self.tags, ", ".join(item["tags"]), same)
        self.publishable.setChecked(bool(item.get("title_publishable")))
        index = self.sensitivity.findData(item["sensitivity"])
        self.sensitivity.setCurrentIndex(max(0, index))
        self.setEnabled(not item.get("removed"))

    @staticmethod
    def _put(widget: QLineEdit | QPlainTextEdit, value: str, same: bool) -> None:
        if same and widget.hasFocus():
            return
        current = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
        if current != value:
            if isinstance(widget, QLineEdit):
                widget.setText(value)
                widget.setCursorPosition(0)
            else:
                widget.setPlainText(value)

    def clear(self) -> None:
        self.commit_pending()
        self._item = self._item_id = None
        for widget in (self.title, self.tags):
            widget.clear()
        self.publishable.setChecked(False)
        for text_box in (self.description, self.notes):
            text_box.clear()

    def commit_pending(self) -> None:
        """Save what is being typed before the form shows another item."""
        if self._item is None:
            return
        for name in ("title", "description", "notes"):
            self._commit(name)
        self._commit_tags()

    def _value(self, name: str) -> str:
        if name == "title":
            return self.title.text().strip()
        if name == "sensitivity":
            return str(self.sensitivity.currentData())
        widget = self.description if name == "description" else self.notes
        return widget.toPlainText().strip()

    def _commit(self, name: str) -> None:
        item = self._item
        if item is None or self._item_id is None:
            return
        value = self._value(name)
        before = item[name] or ""
        if value == before.strip() or (name == "title" and not value):
            return
        item[name] = value
        self._edits.edit_field(self._item_id, item["id"], item["exhibit"], name, before, value)

    def _commit_publishable(self, checked: bool) -> None:
        """Marking is refused (and the box reset) when the title is still the file name."""
        item = self._item
        if item is None or self._item_id is None:
            return
        self._commit("title")  # the mark applies to the title as now typed
        before = bool(item.get("title_publishable"))
        if checked != before:
            item["title_publishable"] = checked
            self._edits.edit_field(
                self._item_id, item["id"], item["exhibit"], "title_publishable", before, checked
            )

    def _commit_tags(self) -> None:
        item = self._item
        if item is None or self._item_id is None:
            return
        wanted = split_tags(self.tags.text())
        current = list(item["tags"])
        have = {t.casefold() for t in current}
        want = {t.casefold() for t in wanted}
        add = [t for t in wanted if t.casefold() not in have]
        remove = [t for t in current if t.casefold() not in want]
        if add or remove:
            item["tags"] = wanted
            self._edits.change_tags([(self._item_id, item["id"])], add, remove)
