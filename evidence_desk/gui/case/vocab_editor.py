"""The vocabulary editor: terms with English, Russian and Kazakh labels.

Vocabularies are short (tens of terms), so a QTableWidget with editable
label cells is enough; each edited cell is one ``update_term`` in the edit
pool (labels re-index the records that use the term). Terms in use are
retired rather than deleted, as the services require. Import and export
take CSV or JSON by file extension, so teams can share thesauri.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.case.widgets import run, translate
from evidence_desk.gui.shell.formatting import service_words
from evidence_desk.gui.shell.tasks import TaskRunner, error_text

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.case.vocabularies import Term

LANGS = ("en", "ru", "kk")
CODE_ROLE = Qt.ItemDataRole.UserRole


def _import_file(archive: Archive, path: str) -> Any:
    from evidence_desk.services.case import vocabularies as cv

    text = Path(path).read_text(encoding="utf-8-sig")
    if path.lower().endswith(".json"):
        return cv.import_json(archive, json.loads(text))
    return cv.import_csv(archive, text)


def _export_file(archive: Archive, path: str, vocabulary: str | None) -> str:
    from evidence_desk.services.case import vocabularies as cv

    names = [vocabulary] if vocabulary else None
    if path.lower().endswith(".json"):
        text = json.dumps(cv.export_json(archive, names).as_json(), ensure_ascii=False, indent=2)
    else:
        text = cv.export_csv(archive, names)
    Path(path).write_text(text, encoding="utf-8")
    return path


class VocabularyEditor(QDialog):
    changed = Signal()

    def __init__(self, runner: TaskRunner, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseVocabularyEditor")
        self.setWindowTitle(translate("CaseUI", "Vocabularies"))
        self.runner, self.archive = runner, archive
        self._filling = False
        self.vocabulary = QComboBox(self)
        self.vocabulary.currentIndexChanged.connect(self.reload)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                translate("CaseUI", "Code"),
                translate("CaseUI", "English"),
                translate("CaseUI", "Russian"),
                translate("CaseUI", "Kazakh"),
                translate("CaseUI", "Active"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(self._edited)
        self.status = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("CaseUI", "Vocabulary"), self))
        top.addWidget(self.vocabulary, 1)
        buttons = QHBoxLayout()
        for text, slot in (
            (translate("CaseUI", "Add Term…"), self.ask_add),
            (translate("CaseUI", "Retire"), lambda: self.retire(self._current_code())),
            (translate("CaseUI", "Import…"), self.ask_import),
            (translate("CaseUI", "Export…"), self.ask_export),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _c=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.resize(760, 520)
        from evidence_desk.services.case import vocabularies as case_vocabularies

        run(
            runner,
            self,
            case_vocabularies.list_vocabularies,
            archive,
            pool="query",
            on_ok=self._set_vocabularies,
        )

    def _set_vocabularies(self, names: list[str]) -> None:
        self.vocabulary.blockSignals(True)
        self.vocabulary.clear()
        words = service_words()
        for name in names:  # shown by its label in the interface language, kept by its name
            self.vocabulary.addItem(words.term("vocabulary", name), name)
        self.vocabulary.blockSignals(False)
        self.reload()

    def name(self) -> str:
        return str(self.vocabulary.currentData() or self.vocabulary.currentText())

    def reload(self, *_args: object) -> None:
        from evidence_desk.services.case import vocabularies as case_vocabularies

        if self.name():
            run(
                self.runner,
                self,
                case_vocabularies.list_terms,
                self.archive,
                self.name(),
                include_retired=True,
                on_ok=self._fill,
                pool="query",
            )

    def _fill(self, terms: list[Term]) -> None:
        self._filling = True
        self.table.setRowCount(len(terms))
        for row, term in enumerate(terms):
            code = QTableWidgetItem(term.code)
            code.setFlags(code.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, code)
            for col, lang in enumerate(LANGS, start=1):
                cell = QTableWidgetItem(term.labels.get(lang) or "")
                cell.setData(CODE_ROLE, term.code)
                self.table.setItem(row, col, cell)
            active = QTableWidgetItem(
                translate("CaseUI", "yes") if term.active else translate("CaseUI", "retired")
            )
            active.setFlags(active.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 4, active)
        self.table.resizeColumnsToContents()
        self._filling = False

    def _current_code(self) -> str | None:
        row = self.table.currentRow()
        cell = self.table.item(row, 0) if row >= 0 else None
        return cell.text() if cell is not None else None

    def _edited(self, cell: QTableWidgetItem) -> None:
        from evidence_desk.services.case import vocabularies as case_vocabularies

        if self._filling or cell.column() not in (1, 2, 3):
            return
        labels = {LANGS[cell.column() - 1]: cell.text().strip()}
        self._run(case_vocabularies.update_term, self.name(), cell.data(CODE_ROLE), labels=labels)

    def _run(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
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
            **kwargs,
        )

    def add_term(self, code: str, labels: dict[str, str]) -> Any:
        from evidence_desk.services.case import vocabularies as case_vocabularies

        return self._run(case_vocabularies.add_term, self.name(), code, labels)

    def ask_add(self) -> None:
        code, ok = QInputDialog.getText(
            self, translate("CaseUI", "Add Term"), translate("CaseUI", "Code (letters, digits, _):")
        )
        if not ok or not code.strip():
            return
        label, ok = QInputDialog.getText(
            self, translate("CaseUI", "Add Term"), translate("CaseUI", "English label:")
        )
        if ok:
            self.add_term(code.strip(), {"en": label.strip()})

    def retire(self, code: str | None) -> Any:
        from evidence_desk.services.case import vocabularies as case_vocabularies

        return (
            self._run(case_vocabularies.update_term, self.name(), code, active=False)
            if code
            else None
        )

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("CaseUI", "Import Vocabulary"),
            "",
            translate("CaseUI", "Vocabularies (*.csv *.json)"),
        )
        if path:
            self._run(_import_file, path)

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("CaseUI", "Export Vocabulary"),
            f"{self.name()}.csv",
            translate("CaseUI", "CSV (*.csv);;JSON (*.json)"),
        )
        if path:
            self._run(_export_file, path, self.name())
