"""Two tabs of the testimony editor: attachments and the statement's version history.

Attachments are catalogue items (recordings, scans) linked to the
testimony; adding takes the catalogue selection, so files are ingested with
hashes and provenance through the normal import first. The history lists
every kept version of the statement and translation with its SHA-256 and
time; selecting one loads that text in a worker, read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.case.widgets import run, translate
from evidence_desk.gui.shell.tasks import TaskRunner

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.case.testimony_records import Attachment, Version

DATA = Qt.ItemDataRole.UserRole


def _change(archive: Archive, ref: str, item_refs: list[str], add: bool) -> list[Attachment]:
    """Attach or detach; both return the testimony's attachments afterwards."""
    from evidence_desk.services.case import testimony_attachments as case_testimony_attachments

    if add:
        return case_testimony_attachments.attach(archive, ref, item_refs)
    return case_testimony_attachments.detach(archive, ref, item_refs)


class AttachmentsBox(QWidget):
    """Linked items; ``selection()`` gives the catalogue's selected item UUIDs."""

    showItemRequested = Signal(int)
    changed = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        archive: Archive,
        selection: Callable[[], list[str]] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner, self.archive, self.selection = runner, archive, selection
        self.ref: str | None = None
        self.list = QListWidget(self)
        self.list.itemActivated.connect(self._open)
        self.add_button = QPushButton(translate("CaseUI", "Add Selected Catalogue Items"), self)
        self.add_button.clicked.connect(self.add_selected)
        self.remove_button = QPushButton(translate("CaseUI", "Remove"), self)
        self.remove_button.clicked.connect(self.remove_current)
        self.open_button = QPushButton(translate("CaseUI", "Show in Catalogue"), self)
        self.open_button.clicked.connect(lambda: self._open(self.list.currentItem()))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.hint = QLabel(
            translate("CaseUI", "Save the testimony first, then attach recordings and scans."), self
        )
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._enable()

    def _enable(self) -> None:
        has = self.ref is not None
        self.hint.setVisible(not has)
        for button in (self.add_button, self.remove_button, self.open_button):
            button.setEnabled(has)

    def set_testimony(self, ref: str, attachments: list[Attachment]) -> None:
        self.ref = ref
        self._enable()
        self.set_rows(attachments)

    def set_rows(self, rows: list[Attachment]) -> None:
        self.list.clear()
        for row in rows:
            entry = QListWidgetItem(f"{row.exhibit}  {row.title}  ({row.kind})", self.list)
            entry.setData(DATA, row)
            entry.setToolTip(f"SHA-256 {row.sha256}")

    def add_selected(self) -> Any:
        refs = self.selection() if self.selection else []
        if not refs or self.ref is None:
            return None
        return self._submit(refs, add=True)

    def add_items(self, refs: list[str]) -> Any:
        return self._submit(refs, add=True) if self.ref else None

    def remove_current(self) -> Any:
        entry = self.list.currentItem()
        if entry is None or self.ref is None:
            return None
        return self._submit([entry.data(DATA).id], add=False)

    def _submit(self, refs: list[str], add: bool) -> Any:
        def done(rows: list[Attachment]) -> None:
            self.set_rows(rows)
            self.changed.emit()

        return run(self.runner, self, _change, self.archive, self.ref, refs, add, on_ok=done)

    def _open(self, entry: QListWidgetItem | None) -> None:
        if entry is not None:
            self.showItemRequested.emit(entry.data(DATA).item_id)


class VersionsBox(QWidget):
    """Every version of statement and translation; select one to read it."""

    def __init__(self, runner: TaskRunner, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.archive = runner, archive
        self.ref: str | None = None
        self.list = QListWidget(self)
        self.list.currentItemChanged.connect(self._selected)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlaceholderText(translate("CaseUI", "Select a version to read it."))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.list.setFont(QFont(mono))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.text)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                translate(
                    "CaseUI", "Every edit keeps the previous text; each is hashed and logged."
                ),
                self,
            )
        )
        layout.addWidget(splitter, 1)

    def set_testimony(self, ref: str, versions: list[Version]) -> None:
        self.ref = ref
        self.list.clear()
        self.text.clear()
        names = {
            "statement": translate("CaseUI", "statement"),
            "translation": translate("CaseUI", "translation"),
        }
        for v in sorted(versions, key=lambda v: (v.created_at, v.field, v.version)):
            when = v.created_at[:19].replace("T", " ")
            label = f"{names.get(v.field, v.field)} v{v.version}  {when}  {v.sha256[:16]}…"
            entry = QListWidgetItem(label, self.list)
            entry.setData(DATA, v)
            entry.setToolTip(f"SHA-256 {v.sha256}\n{v.actor} {v.note}".strip())

    def _selected(self, entry: QListWidgetItem | None, _old: object = None) -> None:
        from evidence_desk.services.case import testimonies as case_testimonies

        if entry is None or self.ref is None:
            return
        v: Version = entry.data(DATA)
        run(
            self.runner,
            self,
            case_testimonies.version_text,
            self.archive,
            self.ref,
            v.field,
            v.version,
            on_ok=self.text.setPlainText,
            pool="query",
        )
