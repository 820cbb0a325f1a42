"""The detail panel's "Case" tab: the shown item's incidents, people, place and testimonies.

Links are made by dragging items onto a record or through the context menu;
this tab is where an item's links are seen, opened and taken back. It loads
in a worker whenever the panel shows another item or case records change,
and only while it is the visible tab (a hidden tab is marked stale and
loads when shown), so browsing the catalogue costs nothing extra.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.case.widgets import run, translate
from evidence_desk.gui.shell.formatting import kind_label
from evidence_desk.gui.shell.tasks import Latest, TaskRunner

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.case.links import ItemCase

LINK = Qt.ItemDataRole.UserRole  # the _Link of a row


@dataclass(frozen=True)
class _Link:
    """One row: the record (``kind``, ``ref``) linked to the item with exhibit ``item``;
    ``show`` is the row id of an attached item, which opens by being selected."""

    kind: str
    ref: str
    item: str
    show: int = 0


def _relation(code: str) -> str:
    """How an item concerns a person, in the interface language (other codes as typed)."""
    known = {
        "depicted": translate("CaseUI", "depicted"),
        "mentioned": translate("CaseUI", "mentioned"),
    }
    return known.get(code, code)


def _load(archive: Archive, item_id: int) -> ItemCase:
    from evidence_desk.services.case import links as case_links

    return case_links.item_case(archive, item_id)


class ItemCaseTab(QWidget):
    """What the case records say about one item, with Open and Unlink."""

    openRequested = Signal(str, str)  # record kind, reference
    showItemRequested = Signal(int)
    unlinkRequested = Signal(str, str, str)  # record kind, reference, the item's exhibit

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemCaseTab")
        self.runner = runner
        self.archive: Archive | None = None
        self.item_id: int | None = None
        self.shown: ItemCase | None = None
        self._stale = False
        self._latest = Latest()
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.itemActivated.connect(lambda _e, _c=0: self.open_current())
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.empty = QLabel(
            translate(
                "CaseUI",
                "Not linked to any case record. Drag it onto an incident, a person or a "
                "place, or use “Link to” in its context menu.",
            ),
            self,
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.open_button = QPushButton(translate("CaseUI", "Open"), self)
        self.open_button.clicked.connect(self.open_current)
        self.unlink_button = QPushButton(translate("CaseUI", "Unlink"), self)
        self.unlink_button.clicked.connect(self.unlink_current)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.unlink_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        self._show_nothing()

    # What to show

    def set_archive(self, archive: Archive | None) -> None:
        self.archive, self.item_id = archive, None
        self._show_nothing()

    def show_item(self, item_id: int) -> None:
        if item_id == self.item_id:
            return  # the panel reloaded it after a change, which reloads this tab too
        self.item_id = item_id
        self._show_nothing()
        self.reload()

    def reload(self) -> Any:
        """Load the current item's links now if visible, else when next shown."""
        if self.archive is None or self.item_id is None:
            return None
        if not self.isVisible():
            self._stale = True
            return None
        self._stale = False
        token = self._latest.advance()
        return run(
            self.runner,
            None,
            _load,
            self.archive,
            self.item_id,
            on_ok=lambda data: self._show(token, data),
            on_error=lambda _exc: None,  # the item went away: the panel says so itself
            pool="query",
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _show_nothing(self) -> None:
        self._latest.advance()  # an answer still on its way is for what was shown before
        self.shown = None
        self.tree.clear()
        self.empty.hide()
        self._update_buttons()

    def _show(self, token: int, data: ItemCase) -> None:
        if not self._latest.is_current(token) or data.item_id != self.item_id:
            return
        self.shown = data
        self.tree.clear()
        c, here = data.context, data.exhibit
        groups: list[tuple[str, list[tuple[_Link, str]]]] = [
            (
                translate("CaseUI", "Incidents"),
                [(_Link("incident", i.ref, here), f"{i.ref}  {i.title}") for i in c.incidents],
            ),
            (
                translate("CaseUI", "Persons"),
                [(_Link("person", p.ref, here), f"{p.ref}  {p.name} — {_relation(p.relation)}")
                 for p in c.persons],  # fmt: skip
            ),
            (
                translate("CaseUI", "Places"),
                [(_Link("place", f"PL-{p.id:04d}", here), self._place_text(p))
                 for p in c.places],  # fmt: skip
            ),
            (
                translate("CaseUI", "Testimonies"),
                [(_Link("testimony", t.exhibit, here), f"{t.witness_code}  {t.exhibit}")
                 for t in c.testimonies],  # fmt: skip
            ),
            (
                translate("CaseUI", "Attachments"),
                [(_Link("testimony", here, a.exhibit, a.item_id),
                  f"{a.exhibit}  {a.title}  ({kind_label(a.kind)})")
                 for a in c.attachments],  # fmt: skip
            ),
        ]
        for title, rows in groups:
            if not rows:
                continue
            group = QTreeWidgetItem(self.tree, [title])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for link, text in rows:
                QTreeWidgetItem(group, [text]).setData(0, LINK, link)
            group.setExpanded(True)
        self.empty.setVisible(self.tree.topLevelItemCount() == 0)
        self.tree.setVisible(self.tree.topLevelItemCount() > 0)
        self._update_buttons()

    @staticmethod
    def _place_text(p: Any) -> str:
        path = " › ".join(p.path)
        if p.method == "gps":
            away = f", {p.distance_m:,.0f} m" if p.distance_m is not None else ""
            return f"{path}  ({translate('CaseUI', 'from GPS')}{away})"
        return path

    # Actions

    def current_link(self) -> _Link | None:
        entry = self.tree.currentItem()
        link = entry.data(0, LINK) if entry is not None else None
        return link if isinstance(link, _Link) else None

    def _update_buttons(self) -> None:
        has = self.current_link() is not None
        self.open_button.setEnabled(has)
        self.unlink_button.setEnabled(has)

    def open_current(self) -> None:
        link = self.current_link()
        if link is not None and link.show:
            self.showItemRequested.emit(link.show)
        elif link is not None:
            self.openRequested.emit(link.kind, link.ref)

    def unlink_current(self) -> None:
        link = self.current_link()
        if link is not None:
            self.unlinkRequested.emit(link.kind, link.ref, link.item)
