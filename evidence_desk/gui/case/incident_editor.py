"""The incident editor: what happened, when (with precision), where, which violations.

Fields are saved together with ``add_incident`` / ``update_incident`` in
the edit pool; links (items, testimonies, people with roles) are their own
custody events, so they apply at once through ``link_items`` /
``add_person`` once the incident exists. Violation types are ticked from
the vocabulary, labelled in the interface language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.case.form_undo import FormUndo
from evidence_desk.gui.case.widgets import (
    PlacePicker,
    TermChecklist,
    fill_terms,
    record_title,
    run,
    term_label,
    translate,
    ui_language,
)
from evidence_desk.gui.shell.formatting import kind_label
from evidence_desk.gui.shell.tasks import TaskRunner, error_text

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.case.incident_records import IncidentRecord, PersonRole

DATA = Qt.ItemDataRole.UserRole
PRECISIONS = ("exact", "day", "approximate")
VERIFICATION = ("unverified", "partly_verified", "verified")


def precision_label(value: str) -> str:
    return {
        "exact": translate("CaseUI", "exact"),
        "day": translate("CaseUI", "day"),
        "approximate": translate("CaseUI", "approximate"),
    }[value]


def verification_label(value: str) -> str:
    return {
        "unverified": translate("CaseUI", "unverified"),
        "partly_verified": translate("CaseUI", "partly verified"),
        "verified": translate("CaseUI", "verified"),
    }[value]


def _save(archive: Archive, ref: str | None, fields: dict[str, Any]) -> IncidentRecord:
    from evidence_desk.services.case import incidents as case_incidents

    if ref is None:
        return case_incidents.add_incident(archive, fields.pop("title"), **fields)
    return case_incidents.update_incident(archive, ref, **fields)


def _link(archive: Archive, ref: str, action: str, *args: Any) -> IncidentRecord:
    from evidence_desk.services.case import incidents as case_incidents

    getattr(case_incidents, action)(archive, ref, *args)
    return case_incidents.get_incident(archive, ref)


def _choices(archive: Archive) -> dict[str, Any]:
    from evidence_desk.services.case import persons as case_persons
    from evidence_desk.services.case import vocabularies as case_vocabularies

    return {
        "violations": case_vocabularies.list_terms(archive, "violation_types"),
        "roles": case_vocabularies.list_terms(archive, "roles"),
        "persons": case_persons.list_persons(archive, redact=True),
    }


class IncidentEditor(QDialog):
    saved = Signal(int)
    showItemRequested = Signal(int)

    def __init__(
        self,
        runner: TaskRunner,
        archive: Archive,
        ref: str | None = None,
        parent: QWidget | None = None,
        selection: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseIncidentEditor")
        self.runner, self.archive, self.ref, self.selection = runner, archive, ref, selection
        self.data: IncidentRecord | None = None
        self.lang = ui_language()
        self.setWindowTitle(
            translate("CaseUI", "New Incident") if ref is None else translate("CaseUI", "Incident")
        )
        self.undo = FormUndo(self)
        self._build()
        self.resize(880, 640)
        run(runner, self, _choices, archive, on_ok=self._set_choices, pool="query")
        self.place.load(runner, archive)
        if ref is not None:
            from evidence_desk.services.case import incidents as case_incidents

            run(
                runner,
                self,
                case_incidents.get_incident,
                archive,
                ref,
                on_ok=self._show,
                pool="query",
            )

    def _build(self) -> None:
        self.title = QLineEdit(self)
        self.start = QLineEdit(self)
        self.start.setPlaceholderText("2022-01-05 / 2022-01-05T18:30+06:00")
        self.end = QLineEdit(self)
        for edit in (self.start, self.end):
            edit.setMinimumWidth(200)
        self.start_precision, self.end_precision = QComboBox(self), QComboBox(self)
        for combo in (self.start_precision, self.end_precision):
            combo.addItem(translate("CaseUI", "(from the text)"), None)
            for value in PRECISIONS:
                combo.addItem(precision_label(value), value)
        self.place = PlacePicker(self)
        self.verification = QComboBox(self)
        for value in VERIFICATION:
            self.verification.addItem(verification_label(value), value)
        self.violations = TermChecklist(self)
        self.description = QPlainTextEdit(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setMaximumHeight(70)
        when = QHBoxLayout()
        for widget in (
            self.start,
            self.start_precision,
            QLabel("–", self),
            self.end,
            self.end_precision,
        ):
            when.addWidget(widget)
        form = QFormLayout()
        form.addRow(translate("CaseUI", "Title"), self.title)
        form.addRow(translate("CaseUI", "When"), when)
        form.addRow(translate("CaseUI", "Place"), self.place)
        form.addRow(translate("CaseUI", "Verification"), self.verification)
        form.addRow(translate("CaseUI", "Description"), self.description)
        form.addRow(translate("CaseUI", "Notes"), self.notes)
        left = QWidget(self)
        left.setLayout(form)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.violations, translate("CaseUI", "Violations"))
        self.tabs.addTab(self._items_page(), translate("CaseUI", "Items and testimonies"))
        self.tabs.addTab(self._people_page(), translate("CaseUI", "People"))
        body = QHBoxLayout()
        body.addWidget(left, 3)
        body.addWidget(self.tabs, 2)
        self.status = QLabel(self)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            translate("CaseUI", "Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(self.save)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.close)
        undo = QPushButton(translate("CaseUI", "Undo"), self)
        undo.clicked.connect(self.undo.stack.undo)
        self.undo.stack.canUndoChanged.connect(undo.setEnabled)
        undo.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.addWidget(undo)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)
        self._watched: list[tuple[QWidget, str]] = [
            (self.title, translate("CaseUI", "title")),
            (self.start, translate("CaseUI", "start")),
            (self.end, translate("CaseUI", "end")),
            (self.start_precision, translate("CaseUI", "precision")),
            (self.end_precision, translate("CaseUI", "precision")),
            (self.place, translate("CaseUI", "place")),
            (self.verification, translate("CaseUI", "verification")),
        ]
        for watched, name in self._watched:
            self.undo.watch(watched, name)

    def _items_page(self) -> QWidget:
        page = QWidget(self)
        self.items = QListWidget(page)
        self.items.itemActivated.connect(
            lambda e: self.showItemRequested.emit(e.data(DATA).item_id)
        )
        add = QPushButton(translate("CaseUI", "Link Selected Catalogue Items"), page)
        add.clicked.connect(self.link_selected)
        remove = QPushButton(translate("CaseUI", "Unlink"), page)
        remove.clicked.connect(self.unlink_current)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.items, 1)
        layout.addLayout(row)
        self._link_buttons = [add, remove]
        return page

    def _people_page(self) -> QWidget:
        page = QWidget(self)
        self.people = QListWidget(page)
        self.person_pick = QComboBox(page)
        self.person_pick.setMinimumContentsLength(16)
        self.role_pick = QComboBox(page)
        add = QPushButton(translate("CaseUI", "Add"), page)
        add.clicked.connect(self.add_person)
        remove = QPushButton(translate("CaseUI", "Remove"), page)
        remove.clicked.connect(self.remove_person)
        row = QHBoxLayout()
        for widget in (self.person_pick, self.role_pick, add, remove):
            row.addWidget(widget)
        layout = QVBoxLayout(page)
        layout.addWidget(self.people, 1)
        layout.addLayout(row)
        self._link_buttons += [add, remove]
        for button in self._link_buttons:
            button.setEnabled(self.ref is not None)
        return page

    def _set_choices(self, choices: dict[str, Any]) -> None:
        self.violations.set_terms(choices["violations"], self.lang)
        fill_terms(self.role_pick, choices["roles"], self.lang, blank=False)
        self.person_pick.clear()
        for person in choices["persons"]:
            self.person_pick.addItem(f"{person.ref} {person.name}", person.ref)

    def _show(self, data: IncidentRecord) -> None:
        self.data, self.ref = data, data.ref
        self.setWindowTitle(record_title(translate("CaseUI", "Incident"), data.ref, data.title))
        self.title.setText(data.title)
        self.start.setText(data.start or "")
        self.end.setText(data.end or "")
        self.start_precision.setCurrentIndex(
            max(self.start_precision.findData(data.start_precision), 0)
        )
        self.end_precision.setCurrentIndex(max(self.end_precision.findData(data.end_precision), 0))
        self.place.set_place_id(data.place)
        self.verification.setCurrentIndex(self.verification.findData(data.verification))
        self.description.setPlainText(data.description)
        self.notes.setPlainText(data.notes)
        self.violations.set_codes([v.code for v in data.violations])
        self._show_links(data)
        self.undo.reset([w for w, _ in self._watched])
        for button in self._link_buttons:
            button.setEnabled(True)

    def _show_links(self, data: IncidentRecord) -> None:
        self.items.clear()
        for item in data.items:
            entry = QListWidgetItem(
                f"{item.exhibit}  {item.title}  ({kind_label(item.kind)})", self.items
            )
            entry.setData(DATA, item)
        self.people.clear()
        for person in data.persons:
            role = term_label(self.role_pick, person.role, "roles")
            entry = QListWidgetItem(f"{person.ref} {person.name} — {role}", self.people)
            entry.setData(DATA, person)

    def fields(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "title": self.title.text().strip(),
            "start": self.start.text().strip() or None,
            "end": self.end.text().strip() or None,
            "place": self.place.ref(),
            "verification": self.verification.currentData(),
            "violations": self.violations.codes(),
            "description": self.description.toPlainText(),
            "notes": self.notes.toPlainText(),
        }
        for key, combo in (
            ("start_precision", self.start_precision),
            ("end_precision", self.end_precision),
        ):
            if combo.currentData():
                values[key] = combo.currentData()
        return values

    def save(self) -> Any:
        self.status.setText(translate("CaseUI", "Saving…"))

        def done(data: IncidentRecord) -> None:
            self._show(data)
            self.status.setText(translate("CaseUI", "Saved."))
            self.saved.emit(data.id)

        return run(
            self.runner,
            self,
            _save,
            self.archive,
            self.ref,
            self.fields(),
            on_ok=done,
            on_error=lambda exc: self.status.setText(error_text(exc)),
        )

    def _apply(self, action: str, *args: Any) -> Any:
        if self.ref is None:
            return None

        def done(data: IncidentRecord) -> None:
            self._show_links(data)
            self.saved.emit(data.id)

        return run(self.runner, self, _link, self.archive, self.ref, action, *args, on_ok=done)

    def link_selected(self) -> Any:
        refs = self.selection() if self.selection else []
        return self._apply("link_items", refs) if refs else None

    def unlink_current(self) -> Any:
        entry = self.items.currentItem()
        return self._apply("unlink_items", [entry.data(DATA).exhibit]) if entry else None

    def add_person(self) -> Any:
        person, role = self.person_pick.currentData(), self.role_pick.currentData()
        return self._apply("add_person", person, role) if person and role else None

    def remove_person(self) -> Any:
        entry = self.people.currentItem()
        if entry is None:
            return None
        row: PersonRole = entry.data(DATA)
        return self._apply("remove_person", row.ref, row.role)
