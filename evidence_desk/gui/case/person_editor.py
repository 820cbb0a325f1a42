"""The person editor: names in several scripts, aliases, status history, items, merge.

Names and aliases are one per line (the first name is the display name),
so Cyrillic and Latin spellings sit side by side. Statuses are added, never
overwritten, as the service keeps them; one recorded by mistake can be
removed after a confirmation (the custody log keeps the change). The items
that show or mention the person are listed: the catalogue's selection is
linked with one button and a wrong link taken back with another, since a
witness wrongly tied to a photo is a risk, not a detail. "Merge…" picks
the duplicate, asks for confirmation and a reason, and calls
``merge_persons``; the other record becomes a tombstone and every link
moves here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.case.widgets import (
    fill_terms,
    record_title,
    run,
    select_data,
    term_label,
    translate,
    ui_language,
)
from evidence_desk.gui.shell.formatting import kind_label
from evidence_desk.gui.shell.read_only import refuse_read_only
from evidence_desk.gui.shell.tasks import TaskRunner, error_text

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.case.person_records import PersonItem, PersonRecord

DATA = Qt.ItemDataRole.UserRole


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _save(
    archive: Archive,
    ref: str | None,
    names: list[str],
    aliases: list[str],
    fields: dict[str, Any],
    statuses: tuple[tuple[str, str | None], ...] = (),
) -> PersonRecord:
    """Create or update the person; statuses added before the first save go in with it."""
    from evidence_desk.services.case import persons as cp

    if ref is None:
        created = cp.add_person(archive, names, aliases=aliases, **fields)
        for status, started in statuses:
            cp.add_status(archive, created.ref, status, started=started)
        return cp.get_person(archive, created.ref) if statuses else created
    cp.update_person(archive, ref, **fields)
    current = cp.get_person(archive, ref)
    have = {(n.name, n.kind) for n in current.names}
    want = {(n, "name") for n in names} | {(a, "alias") for a in aliases}
    for name, kind in sorted(want - have):
        cp.add_name(archive, ref, name, kind=kind)
    for name, _kind in sorted(have - want):
        cp.remove_name(archive, ref, name)
    return cp.get_person(archive, ref)


def _call(archive: Archive, fn: str, ref: str, *args: Any, **kwargs: Any) -> PersonRecord:
    from evidence_desk.services.case import persons as case_persons

    getattr(case_persons, fn)(archive, ref, *args, **kwargs)
    return case_persons.get_person(archive, ref)


def _link(archive: Archive, ref: str, item_refs: list[str], remove: bool) -> list[PersonItem]:
    """Link items to the person (or take the links back); the person's items afterwards."""
    from evidence_desk.gui.case import linking
    from evidence_desk.services.case import persons as case_persons

    if remove:
        for item_ref in item_refs:
            linking.unlink(archive, "person", ref, item_ref)
    else:
        linking.link(archive, "person", ref, item_refs)
    return case_persons.items_of_person(archive, ref)


def _choices(archive: Archive) -> dict[str, Any]:
    from evidence_desk.services.case import persons as case_persons
    from evidence_desk.services.case import vocabularies as case_vocabularies

    return {
        "sexes": case_vocabularies.list_terms(archive, "sexes"),
        "statuses": case_vocabularies.list_terms(archive, "person_statuses"),
        "persons": case_persons.list_persons(archive, redact=True),
    }


class PersonEditor(QDialog):
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
        self.setObjectName("casePersonEditor")
        self.runner, self.archive, self.ref = runner, archive, ref
        self.selection = selection
        self.person_id = 0
        self.lang = ui_language()
        self.persons: list[PersonRecord] = []
        self.setWindowTitle(
            translate("CaseUI", "New Person") if ref is None else translate("CaseUI", "Person")
        )
        self.names = QPlainTextEdit(self)
        self.names.setPlaceholderText(
            translate("CaseUI", "One name per line, e.g. Cyrillic and Latin spellings")
        )
        self.names.setMaximumHeight(80)
        self.aliases = QPlainTextEdit(self)
        self.aliases.setMaximumHeight(60)
        self.kind = QComboBox(self)
        self.kind.addItem(translate("CaseUI", "individual"), "individual")
        self.kind.addItem(translate("CaseUI", "unit"), "unit")
        self.sex = QComboBox(self)
        self.birth_year = QSpinBox(self)
        self.birth_year.setRange(0, 2100)
        self.birth_year.setSpecialValueText(translate("CaseUI", "unknown"))
        self.age = QSpinBox(self)
        self.age.setRange(0, 130)
        self.age.setSpecialValueText(translate("CaseUI", "unknown"))
        self.occupation = QLineEdit(self)
        self.sensitive = QCheckBox(
            translate("CaseUI", "Sensitive (names hidden in redacted exports)"), self
        )
        self.notes = QPlainTextEdit(self)
        self.notes.setMaximumHeight(70)
        self.statuses = QListWidget(self)
        self.pending_statuses: list[tuple[str, str | None]] = []
        self.status_pick = QComboBox(self)
        self.status_pick.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status_pick.setMinimumContentsLength(11)
        self.status_date = QLineEdit(self)
        self.status_date.setPlaceholderText("2022-01-06")
        self.status_date.setMinimumWidth(self.status_date.fontMetrics().horizontalAdvance("2022-01-06__"))
        add_status = QPushButton(translate("CaseUI", "Add Status"), self)
        add_status.clicked.connect(self.add_status)
        self.remove_status_button = QPushButton(translate("CaseUI", "Remove Status"), self)
        self.remove_status_button.clicked.connect(lambda: self.remove_status())
        status_row = QHBoxLayout()
        for widget in (self.status_pick, self.status_date, add_status):
            status_row.addWidget(widget)
        status_row.addWidget(self.remove_status_button)
        self.items = QListWidget(self)
        self.items.setMaximumHeight(110)
        self.items.itemActivated.connect(
            lambda e: self.showItemRequested.emit(e.data(DATA).item_id)
        )
        link = QPushButton(translate("CaseUI", "Link Selected Catalogue Items"), self)
        link.clicked.connect(self.link_selected)
        unlink = QPushButton(translate("CaseUI", "Unlink"), self)
        unlink.clicked.connect(self.unlink_current)
        self._link_buttons = [link, unlink]
        for button in self._link_buttons:
            button.setEnabled(ref is not None)
        item_row = QHBoxLayout()
        item_row.addWidget(link)
        item_row.addWidget(unlink)
        item_row.addStretch(1)
        form = QFormLayout()
        form.addRow(translate("CaseUI", "Names"), self.names)
        form.addRow(translate("CaseUI", "Aliases"), self.aliases)
        form.addRow(translate("CaseUI", "Kind"), self.kind)
        form.addRow(translate("CaseUI", "Sex"), self.sex)
        form.addRow(translate("CaseUI", "Birth year"), self.birth_year)
        form.addRow(translate("CaseUI", "Age"), self.age)
        form.addRow(translate("CaseUI", "Occupation"), self.occupation)
        form.addRow("", self.sensitive)
        form.addRow(translate("CaseUI", "Notes"), self.notes)
        form.addRow(translate("CaseUI", "Status history"), self.statuses)
        form.addRow("", status_row)
        form.addRow(translate("CaseUI", "Items"), self.items)
        form.addRow("", item_row)
        self.status = QLabel(self)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            translate("CaseUI", "Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.clicked.connect(self.save)
        self.merge_button = buttons.addButton(
            translate("CaseUI", "Merge…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.merge_button.clicked.connect(self.ask_merge)
        self.merge_button.setEnabled(ref is not None)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addLayout(bottom)
        self.resize(600, 720)
        run(runner, self, _choices, archive, on_ok=self._set_choices, pool="query")
        if ref is not None:
            self.reload()

    def reload(self) -> None:
        from evidence_desk.services.case import persons as case_persons

        run(
            self.runner,
            self,
            case_persons.get_person,
            self.archive,
            self.ref,
            on_ok=self._show,
            pool="query",
        )
        self._reload_items()

    def _reload_items(self) -> None:
        from evidence_desk.services.case import persons as case_persons

        run(
            self.runner,
            self,
            case_persons.items_of_person,
            self.archive,
            self.ref,
            on_ok=self._show_items,
            pool="query",
        )

    def _set_choices(self, choices: dict[str, Any]) -> None:
        fill_terms(self.sex, choices["sexes"], self.lang)
        fill_terms(self.status_pick, choices["statuses"], self.lang, blank=False)
        self.persons = choices["persons"]

    def _show(self, data: PersonRecord) -> None:
        self.ref, self.person_id = data.ref, data.id
        self.setWindowTitle(record_title(translate("CaseUI", "Person"), data.ref, data.name))
        names = [n.name for n in data.names if n.kind == "name"]
        self.names.setPlainText("\n".join(names))
        self.aliases.setPlainText("\n".join(n.name for n in data.names if n.kind == "alias"))
        self.kind.setCurrentIndex(max(self.kind.findData(data.kind), 0))
        select_data(self.sex, data.sex)
        self.birth_year.setValue(data.birth_year or 0)
        self.age.setValue(data.age or 0)
        self.occupation.setText(data.occupation or "")
        self.sensitive.setChecked(bool(data.sensitive))
        self.notes.setPlainText(data.notes or "")
        self.statuses.clear()
        self.pending_statuses = []
        for s in data.statuses:
            span = " – ".join(x for x in (s.started, s.ended) if x)
            entry = QListWidgetItem(f"{self._status_label(s.status)}  {span}".strip())
            entry.setData(DATA, s.id)
            self.statuses.addItem(entry)
        self.merge_button.setEnabled(True)
        for button in self._link_buttons:
            button.setEnabled(True)

    def _show_items(self, rows: list[PersonItem]) -> None:
        self.items.clear()
        for row in rows:
            text = f"{row.exhibit}  {row.title}  ({kind_label(row.kind)})"
            QListWidgetItem(text, self.items).setData(DATA, row)

    def _status_label(self, code: str) -> str:
        """The vocabulary label in the interface language (the code only if unknown)."""
        return term_label(self.status_pick, code, "person_statuses")

    def fields(self) -> dict[str, Any]:
        return {
            "kind": self.kind.currentData(),
            "sex": self.sex.currentData(),
            "birth_year": self.birth_year.value() or None,
            "age": self.age.value() or None,
            "occupation": self.occupation.text().strip(),
            "sensitive": self.sensitive.isChecked(),
            "notes": self.notes.toPlainText(),
        }

    def save(self) -> Any:
        def done(data: PersonRecord) -> None:
            self._show(data)
            self.status.setText(translate("CaseUI", "Saved."))
            self.saved.emit(data.id)

        return run(
            self.runner,
            self,
            _save,
            self.archive,
            self.ref,
            _lines(self.names.toPlainText()),
            _lines(self.aliases.toPlainText()),
            self.fields(),
            tuple(self.pending_statuses) if self.ref is None else (),
            on_ok=done,
            on_error=lambda exc: self.status.setText(error_text(exc)),
        )

    def add_status(self) -> Any:
        """Record a status; on a person not yet saved it is kept and saved with the person."""
        status = self.status_pick.currentData()
        if not status:
            return None
        started = self.status_date.text().strip() or None
        if self.ref is None:
            self.pending_statuses.append((status, started))
            label = f"{self._status_label(status)}  {started or ''}".strip()
            self.statuses.addItem(
                translate("CaseUI", "%1 (recorded when the person is saved)").replace("%1", label)
            )
            self.status_date.clear()
            return None
        return run(
            self.runner,
            self,
            _call,
            self.archive,
            "add_status",
            self.ref,
            status,
            started=started,
            on_ok=self._show,
        )

    def remove_status(self, confirm: bool = True) -> Any:
        """Remove the chosen status: one not yet saved at once, a recorded one once confirmed."""
        row = self.statuses.currentRow()
        if row < 0:
            return None
        status_id = self.statuses.item(row).data(DATA)
        if self.ref is None or status_id is None:
            pending = row - (self.statuses.count() - len(self.pending_statuses))
            if 0 <= pending < len(self.pending_statuses):
                del self.pending_statuses[pending]
                self.statuses.takeItem(row)
            return None
        question = translate(
            "CaseUI", "Remove the status “%1”? The custody log keeps the change."
        ).replace("%1", self.statuses.item(row).text())
        title = translate("CaseUI", "Remove Status")
        return self._confirmed_call(confirm, title, question, "remove_status", status_id)

    def _confirmed_call(self, confirm: bool, title: str, question: str, fn: str, *args: Any) -> Any:
        """Ask first (unless ``confirm`` is False), then call the person service ``fn``; on a
        read-only archive say so instead, before asking anything."""
        if refuse_read_only(self, self.archive):
            return None
        if confirm:
            answer = QMessageBox.question(self, title, question)
            if answer != QMessageBox.StandardButton.Yes:
                return None
        return run(
            self.runner, self, _call, self.archive, fn, self.ref, *args, on_ok=self._on_saved
        )

    def _apply_links(self, item_refs: list[str], remove: bool) -> Any:
        if self.ref is None or not item_refs or refuse_read_only(self, self.archive):
            return None

        def done(rows: list[PersonItem]) -> None:
            self._show_items(rows)
            self.saved.emit(self.person_id)

        return run(
            self.runner, self, _link, self.archive, self.ref, item_refs, remove, on_ok=done
        )

    def link_selected(self) -> Any:
        return self._apply_links(self.selection() if self.selection else [], False)

    def unlink_current(self) -> Any:
        entry = self.items.currentItem()
        return self._apply_links([entry.data(DATA).exhibit] if entry else [], True)

    def ask_merge(self) -> QInputDialog | None:
        """Pick the duplicate; ``merge_with`` confirms and merges."""
        others = [p for p in self.persons if p.ref != self.ref]
        if self.ref is None or not others:
            return None
        dialog = QInputDialog(self)
        dialog.setObjectName("mergePersonDialog")
        dialog.setWindowTitle(translate("CaseUI", "Merge"))
        dialog.setLabelText(translate("CaseUI", "Merge this record with (its links move here):"))
        dialog.setComboBoxItems([f"{p.ref} {p.name}" for p in others])
        dialog.textValueSelected.connect(lambda text: self.merge_with(text.split(" ")[0]))
        dialog.open()
        return dialog

    def merge_with(self, other_ref: str, reason: str = "", confirm: bool = True) -> Any:
        question = (
            translate("CaseUI", "Merge %1 into %2? %1 will only point here afterwards.")
            .replace("%1", other_ref)
            .replace("%2", str(self.ref))
        )
        title = translate("CaseUI", "Merge")
        return self._confirmed_call(confirm, title, question, "merge_persons", other_ref, reason)

    def _on_saved(self, data: PersonRecord) -> None:
        self._show(data)
        self._reload_items()  # a merge moves the other record's item links here
        self.saved.emit(data.id)
