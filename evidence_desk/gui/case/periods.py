"""The period editor: named bands on the timeline (shutdown, state of emergency, curfews).

Periods are reference data (not logged in custody). Times are typed as
the services take them: a date, or a date-time with its UTC offset; a date
as the end includes that whole day. Edits run in the edit pool and
``changed`` tells the timeline to reload.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.case.widgets import run, translate, ui_language
from evidence_desk.gui.shell.tasks import TaskRunner, error_text

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.case.timeline import Period

DATA = Qt.ItemDataRole.UserRole


def _save(archive: Archive, uuid: str | None, values: dict[str, Any]) -> Any:
    from evidence_desk.services.case import timeline as case_timeline

    labels = values.pop("labels")
    if uuid is None:
        return case_timeline.add_period(
            archive,
            labels["en"] or labels["ru"] or labels["kk"],
            values["start"],
            values["end"],
            labels=labels,
            color=values["color"],
        )
    return case_timeline.update_period(archive, uuid, labels=labels, **values)


class PeriodEditor(QDialog):
    changed = Signal()

    def __init__(self, runner: TaskRunner, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("casePeriodEditor")
        self.setWindowTitle(translate("CaseUI", "Periods"))
        self.runner, self.archive = runner, archive
        self.list = QListWidget(self)
        self.list.currentItemChanged.connect(self._selected)
        self.labels = {lang: QLineEdit(self) for lang in ("en", "ru", "kk")}
        self.start, self.end = QLineEdit(self), QLineEdit(self)
        self.start.setPlaceholderText("2022-01-06T23:00+06:00")
        self.end.setPlaceholderText("2022-01-07T07:00+06:00")
        self.color = QLineEdit(self)
        self.color.setPlaceholderText("#e53935")
        form = QFormLayout()
        for lang, field in self.labels.items():
            form.addRow(translate("CaseUI", "Label (%1)").replace("%1", lang), field)
        form.addRow(translate("CaseUI", "Start"), self.start)
        form.addRow(translate("CaseUI", "End"), self.end)
        form.addRow(translate("CaseUI", "Colour"), self.color)
        row = QHBoxLayout()
        for text, slot in (
            (translate("CaseUI", "New"), self.clear_form),
            (translate("CaseUI", "Save"), self.save),
            (translate("CaseUI", "Remove"), self.remove),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            row.addWidget(button)
        self.status = QLabel(self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(520, 520)
        self.reload()

    def reload(self) -> None:
        from evidence_desk.services.case import timeline as case_timeline

        run(
            self.runner,
            self,
            case_timeline.list_periods,
            self.archive,
            ui_language(),
            on_ok=self._fill,
            pool="query",
        )

    def _fill(self, periods: list[Period]) -> None:
        self.list.clear()
        for p in periods:
            entry = QListWidgetItem(f"{p.label}   {p.start[:16]} – {p.end[:16]}", self.list)
            entry.setData(DATA, p)

    def _selected(self, entry: QListWidgetItem | None, _old: object = None) -> None:
        if entry is None:
            return
        p: Period = entry.data(DATA)
        for lang, field in self.labels.items():
            field.setText(p.labels.get(lang) or "")
        self.start.setText(p.start)
        self.end.setText(p.end)
        self.color.setText(p.color or "")

    def clear_form(self) -> None:
        self.list.setCurrentItem(None)  # type: ignore[call-overload]  # None clears it
        for field in (*self.labels.values(), self.start, self.end, self.color):
            field.clear()

    def save(self) -> Any:
        entry = self.list.currentItem()
        uuid = entry.data(DATA).uuid if entry else None
        values = {
            "labels": {lang: f.text().strip() for lang, f in self.labels.items()},
            "start": self.start.text().strip(),
            "end": self.end.text().strip(),
            "color": self.color.text().strip(),
        }
        return self._run(_save, uuid, values)

    def remove(self) -> Any:
        from evidence_desk.services.case import timeline as case_timeline

        entry = self.list.currentItem()
        return self._run(case_timeline.remove_period, entry.data(DATA).uuid) if entry else None

    def _run(self, fn: Any, *args: Any) -> Any:
        def done(_result: object) -> None:
            self.status.setText(translate("CaseUI", "Saved."))
            self.reload()
            self.changed.emit()

        return run(
            self.runner,
            self,
            fn,
            self.archive,
            *args,
            on_ok=done,
            on_error=lambda exc: self.status.setText(error_text(exc)),
        )
