"""Docked lists of incidents, persons and places, each a drop target for catalogue rows.

The lists are small (hundreds to a few thousand records) and show light
rows from the services (``incident_rows``, ``list_persons``,
``list_places``) loaded in the query pool, so a QListWidget is enough here;
the catalogue itself stays a paged model. Dropping catalogue rows on a
record emits ``itemsDropped(record_ref, item_uuids)``; the installer turns
that into the matching link service call.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.case.widgets import (
    ITEMS_MIME,
    decode_refs,
    place_label,
    run,
    translate,
    ui_language,
)
from evidence_desk.gui.shell import icons
from evidence_desk.gui.shell.tasks import TaskRunner

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.case.incident_records import IncidentRow
    from evidence_desk.services.case.person_records import PersonRecord
    from evidence_desk.services.case.place_records import PlaceRecord

REF_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class PanelRow:
    """A record as its list shows it; ``label`` (title or name) is for menus."""

    ref: str
    label: str
    text: str
    tip: str
    sensitive: bool


class DropList(QListWidget):
    """A list whose rows accept catalogue items dropped on them."""

    itemsDropped = Signal(str, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)

    def _target(self, event: Any) -> QListWidgetItem | None:
        if not event.mimeData().hasFormat(ITEMS_MIME):
            return None
        return self.itemAt(event.position().toPoint())

    def dragEnterEvent(self, event: Any) -> None:
        if event.mimeData().hasFormat(ITEMS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        target = self._target(event)
        if target is not None:
            self.setCurrentItem(target)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: Any) -> None:
        target = self._target(event)
        if target is None:
            event.ignore()
            return
        refs = decode_refs(event.mimeData().data(ITEMS_MIME).data())
        event.acceptProposedAction()
        if refs:
            self.itemsDropped.emit(target.data(REF_ROLE), refs)


class RecordListPanel(QWidget):
    """Filter box, list and a New button for one kind of case record."""

    activated = Signal(str)
    newRequested = Signal()
    loaded = Signal()

    def __init__(self, runner: TaskRunner, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"case{kind.title()}List")
        self.runner = runner
        self.kind = kind
        self.archive: Archive | None = None
        self.rows: list[PanelRow] = []
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(translate("CaseUI", "Filter…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._fill)
        self.list = DropList(self)
        self.list.itemActivated.connect(lambda entry: self.activated.emit(entry.data(REF_ROLE)))
        self.new_button = QPushButton(translate("CaseUI", "New…"), self)
        self.new_button.clicked.connect(self.newRequested)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)

    def set_archive(self, archive: Archive | None) -> None:
        self.archive = archive
        self.rows = []
        self._fill()
        if archive is not None:
            self.reload()

    def reload(self) -> None:
        if self.archive is None:
            return
        loader = _LOADERS[self.kind]
        run(self.runner, self, loader, self.archive, on_ok=self._on_rows, pool="records")

    def _on_rows(self, rows: list[Any]) -> None:
        self.rows = [_panel_row(self.kind, row) for row in rows]
        self._fill()
        self.loaded.emit()

    def _fill(self, *_args: object) -> None:
        needle = self.filter.text().casefold().strip()
        current = self.list.currentItem().data(REF_ROLE) if self.list.currentItem() else None
        self.list.clear()
        for row in self.rows:
            if needle and needle not in (row.text + " " + row.tip).casefold():
                continue
            entry = QListWidgetItem(row.text, self.list)
            entry.setData(REF_ROLE, row.ref)
            entry.setToolTip(row.tip)
            if row.sensitive:
                entry.setIcon(icons.lock())
            if row.ref == current:
                self.list.setCurrentItem(entry)

    def current_ref(self) -> str | None:
        entry = self.list.currentItem()
        return entry.data(REF_ROLE) if entry else None

    def entry_for(self, ref: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            if self.list.item(row).data(REF_ROLE) == ref:
                return self.list.item(row)
        return None


def _incidents(archive: Archive) -> list[IncidentRow]:
    from evidence_desk.services.case import incidents as case_incidents

    return case_incidents.incident_rows(archive)


def _persons(archive: Archive) -> list[PersonRecord]:
    from evidence_desk.services.case import persons as case_persons

    return case_persons.list_persons(archive, redact=True)


def _places(archive: Archive) -> list[PlaceRecord]:
    from evidence_desk.services.case import places as case_places

    rows = case_places.list_places(archive)
    return sorted(rows, key=lambda p: " / ".join(reversed(p.path)))


_LOADERS = {"incident": _incidents, "person": _persons, "place": _places}


def _panel_row(kind: str, row: Any) -> PanelRow:
    """One service row (a typed incident, person or place) as the panel shows it."""
    if kind == "person":
        person: PersonRecord = row
        others = ", ".join(n.name for n in person.names[1:])
        if person.sensitive:
            hidden = translate("CaseUI", "Sensitive: names hidden in redacted exports")
            others = f"{others}\n{hidden}" if others else hidden
        text = f"{person.ref}  {person.name}"
        return PanelRow(person.ref, person.name, text, others, person.sensitive)
    if kind == "place":
        place: PlaceRecord = row
        indent = "  " * (len(place.path) - 1)
        text = f"{indent}{place_label(place, ui_language())}"
        variants = ", ".join(n.name for n in place.names)
        return PanelRow(place.ref, place.name, text, variants, False)
    incident: IncidentRow = row
    text, tip = _describe_incident(incident)
    return PanelRow(incident.ref, incident.title or "", text, tip, False)


def _describe_incident(row: IncidentRow) -> tuple[str, str]:
    day = (row.start or "")[:10]
    text = f"{row.ref}  {day}  {row.title}".replace("  ", " ", 1)
    tip = ", ".join(
        (
            translate("CaseUI", "%n item(s)", None, row.items),
            translate("CaseUI", "%n person(s)", None, row.persons),
        )
    )
    return text, " · ".join(p for p in (row.place or "", tip) if p)
