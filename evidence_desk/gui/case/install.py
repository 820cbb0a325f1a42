"""Adds the case-record interface to the main window: ``install_case_ui(window)``.

Everything here goes through the window's public attributes (``runner``,
``archive``, ``model``, ``selected_targets()``, ``select_item()``,
``statusBar()``) and its hooks (``window.hooks``): the Case menu and the
catalogue's context-menu entries are added through them, drags start from
the views they list, and what an editor or a link changes is announced there
(``Change.CASE_RECORDS``, ``Change.ITEMS``) rather than refreshed by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from evidence_desk.gui.case.item_tab import ItemCaseTab
from evidence_desk.gui.case.linking import DragStarter, link, unlink
from evidence_desk.gui.case.panel import RecordListPanel
from evidence_desk.gui.case.timeline_panel import TimelinePanel
from evidence_desk.gui.case.widgets import run, translate
from evidence_desk.gui.shell.hooks import Change
from evidence_desk.gui.shell.read_only import refuse_read_only

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive

CONTEXT_MENU_LIMIT = 15


def install_case_ui(window: Any) -> None:
    """Give ``window`` the Case menu, the record docks, the timeline and item linking."""
    window.case_ui = CaseUI(window)


def _free_shortcut(window: QMainWindow, wanted: str, fallback: str) -> QKeySequence:
    taken = {s.toString() for a in window.findChildren(QAction) for s in a.shortcuts()}
    return QKeySequence(wanted if QKeySequence(wanted).toString() not in taken else fallback)


class CaseUI(QObject):
    """Owns the case docks, the Case menu and the open editors of one main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self._pending_archive: Archive | None = None
        window.model.queryFinished.connect(self._load_pending)
        window.model.queryFailed.connect(self._load_pending)
        self.window = window
        self.runner = window.runner
        self.editors: list[QWidget] = []
        self.panels = {
            kind: RecordListPanel(self.runner, kind, window)
            for kind in ("incident", "person", "place")
        }
        self.timeline = TimelinePanel(self.runner, window)
        self.docks = self._docks()
        self.actions = self._menu()
        for kind, panel in self.panels.items():
            panel.list.itemsDropped.connect(lambda ref, refs, k=kind: self.link(k, ref, refs))
            panel.activated.connect(lambda ref, k=kind: self.open_record(k, ref))
        self.panels["incident"].newRequested.connect(self.new_incident)
        self.panels["person"].newRequested.connect(lambda: self.open_record("person", None))
        self.panels["place"].newRequested.connect(lambda: self.open_record("place", None))
        self.timeline.itemClicked.connect(window.select_item)
        self.timeline.incidentActivated.connect(
            lambda i: self.open_record("incident", f"INC-{i:04d}")
        )
        self.timeline.periodsRequested.connect(self.show_periods)
        self.timeline.clockRequested.connect(self.show_clock_correction)
        hooks = window.hooks
        self.drags = [DragStarter(view, self.selected_refs) for view in hooks.item_views()]
        hooks.extend_context_menu(self.extend_context_menu)
        hooks.subscribe(Change.ARCHIVE, lambda _c, _ids: self.set_archive(window.archive))
        hooks.subscribe(Change.CASE_RECORDS, lambda _c, _ids: self.refresh())
        self.item_tab = ItemCaseTab(self.runner, window)
        hooks.add_detail_tab(self.item_tab, translate("CaseUI", "Case"))
        hooks.item_shown.connect(self.item_tab.show_item)
        links_shown = Change.CASE_RECORDS | Change.ITEMS | Change.ITEM_SET
        hooks.subscribe(links_shown, lambda _c, _i: self.item_tab.reload())
        self.item_tab.openRequested.connect(self._open_link)
        self.item_tab.showItemRequested.connect(window.select_item)
        self.item_tab.unlinkRequested.connect(self.unlink)
        if window.archive is not None:
            self.set_archive(window.archive)

    # Building

    def _docks(self) -> dict[str, QDockWidget]:
        titles = {
            "incident": translate("CaseUI", "Incidents"),
            "person": translate("CaseUI", "Persons"),
            "place": translate("CaseUI", "Places"),
        }
        docks: dict[str, QDockWidget] = {}
        area = Qt.DockWidgetArea.LeftDockWidgetArea
        for kind, panel in self.panels.items():
            dock = QDockWidget(titles[kind], self.window)
            dock.setObjectName(f"case{kind.title()}Dock")
            dock.setWidget(panel)
            self.window.addDockWidget(area, dock)
            docks[kind] = dock
        self.window.tabifyDockWidget(docks["incident"], docks["person"])
        self.window.tabifyDockWidget(docks["person"], docks["place"])
        docks["incident"].raise_()
        for kind in ("incident", "person", "place"):
            self.panels[kind].setMinimumWidth(200)
        timeline = QDockWidget(translate("CaseUI", "Timeline"), self.window)
        timeline.setObjectName("caseTimelineDock")
        timeline.setWidget(self.timeline)
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, timeline)
        timeline.hide()
        docks["timeline"] = timeline
        for dock in docks.values():
            dock.setFeatures(dock.features() | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        return docks

    def _menu(self) -> dict[str, QAction]:
        menu = QMenu(translate("CaseUI", "&Case"), self.window)
        menu.setObjectName("caseMenu")
        self.window.hooks.add_menu(menu)
        self.menu = menu

        def act(key: str, text: str, slot: Any, shortcut: QKeySequence | None = None) -> QAction:
            action = QAction(text, self.window)
            action.setObjectName(f"case-{key}")
            if shortcut is not None:
                action.setShortcut(shortcut)
            action.triggered.connect(lambda _c=False: slot())
            menu.addAction(action)
            return action

        actions = {
            "new_testimony": act(
                "new-testimony",
                translate("CaseUI", "New &Testimony…"),
                self.new_testimony,
                QKeySequence("Ctrl+Shift+T"),
            ),
            "new_incident": act(
                "new-incident", translate("CaseUI", "New &Incident…"), self.new_incident
            ),
        }
        menu.addSeparator()
        actions["persons"] = act(
            "persons", translate("CaseUI", "&Persons"), lambda: self.show_dock("person")
        )
        actions["places"] = act(
            "places", translate("CaseUI", "P&laces"), lambda: self.show_dock("place")
        )
        actions["incidents"] = act(
            "incidents", translate("CaseUI", "In&cidents"), lambda: self.show_dock("incident")
        )
        actions["vocabularies"] = act(
            "vocabularies", translate("CaseUI", "&Vocabularies…"), self.show_vocabularies
        )
        menu.addSeparator()
        actions["timeline"] = act(
            "timeline",
            translate("CaseUI", "Ti&meline"),
            lambda: self.show_dock("timeline"),
            _free_shortcut(self.window, "Ctrl+T", "Ctrl+Alt+T"),
        )
        actions["periods"] = act("periods", translate("CaseUI", "P&eriods…"), self.show_periods)
        actions["clock"] = act(
            "clock", translate("CaseUI", "Clock Co&rrection…"), self.show_clock_correction
        )
        menu.aboutToShow.connect(self._update_actions)
        return actions

    def _update_actions(self) -> None:
        has = self.window.archive is not None
        for action in self.actions.values():
            action.setEnabled(has)

    # Archive and selection

    def set_archive(self, archive: Archive | None) -> None:
        """Show the archive's case records once the catalogue's first page is in.

        The record lists have their own pool ("records"), but loading them at
        the same time would still compete with the catalogue's first queries
        for the database and the interpreter, delaying the rows a user opened
        the archive to see.
        """
        self._pending_archive = archive
        self.item_tab.set_archive(archive)
        self._update_actions()
        if archive is None or not self.window.model.loading:
            self._load_pending()

    def _load_pending(self, *_args: object) -> None:
        """Called at once, or when the catalogue's query is done (see ``__init__``)."""
        archive, self._pending_archive = self._pending_archive, None
        if archive is None and self.window.archive is not None:
            return  # nothing waiting: a later query of the same archive
        for panel in self.panels.values():
            panel.set_archive(archive)
        self.timeline.set_archive(archive)

    def selected_refs(self) -> list[str]:
        return [uuid for _id, uuid in self.window.selected_targets()]

    def show_dock(self, kind: str) -> None:
        dock = self.docks[kind]
        first = kind == "timeline" and not dock.isVisible()
        dock.show()
        dock.raise_()
        if first:  # room for the periods, incident lanes and the axis, not the minimum
            self.window.resizeDocks([dock], [260], Qt.Orientation.Vertical)
        if kind == "timeline" and self.timeline.archive is not None:
            self.timeline.reload()

    def refresh(self, *_args: object) -> None:
        for panel in self.panels.values():
            panel.reload()
        self.timeline.reload_choices()
        self.timeline.reload()

    # Linking

    def extend_context_menu(self, menu: QMenu) -> None:
        refs = self.selected_refs()
        if not refs or self.window.archive is None:
            return
        menu.addSeparator()
        labels = {
            "incident": translate("CaseUI", "Link to &Incident"),
            "person": translate("CaseUI", "Link to &Person"),
            "place": translate("CaseUI", "Set P&lace"),
        }
        for kind, label in labels.items():
            sub = menu.addMenu(label)
            sub.setObjectName(f"case-link-{kind}")
            for row in self.panels[kind].rows[:CONTEXT_MENU_LIMIT]:
                sub.addAction(f"{row.ref} {row.label}", self._linker(kind, row.ref))
            sub.setEnabled(not sub.isEmpty())
        attach = menu.addMenu(translate("CaseUI", "&Attach to Testimony"))
        attach.setObjectName("case-link-testimony")
        for editor in self.editors:
            ref = getattr(editor, "ref", None)
            if editor.objectName() == "caseTestimonyEditor" and ref:
                attach.addAction(editor.windowTitle(), self._linker("testimony", ref))
        attach.addAction(translate("CaseUI", "New Testimony with These Items…"), self.new_testimony)
        menu.addAction(translate("CaseUI", "New Incident from Selection…"), self.new_incident)

    def _linker(self, kind: str, ref: str) -> Callable[[], object]:
        """A menu entry's action: link the items selected when it is chosen."""
        return lambda: self.link(kind, ref, self.selected_refs())

    def link(self, kind: str, ref: str, item_refs: list[str]) -> Any:
        if not item_refs or self.window.archive is None or refuse_read_only(self.window):
            return None

        def done(count: int) -> None:
            self.window.statusBar().showMessage(
                translate("CaseUI", "Linked %n item(s) to %2", None, count).replace("%2", ref),
                6000,
            )
            self._links_changed(ref)

        return run(
            self.runner, self.window, link, self.window.archive, kind, ref, item_refs, on_ok=done
        )

    def unlink(self, kind: str, ref: str, item_ref: str) -> Any:
        """Take back one link shown in the detail panel's Case tab."""
        if self.window.archive is None or refuse_read_only(self.window):
            return None

        def done(_result: object) -> None:
            self.window.statusBar().showMessage(
                translate("CaseUI", "Unlinked %1 from %2")
                .replace("%1", item_ref)
                .replace("%2", ref),
                6000,
            )
            self._links_changed(ref)

        archive = self.window.archive
        return run(self.runner, self.window, unlink, archive, kind, ref, item_ref, on_ok=done)

    def _links_changed(self, ref: str) -> None:
        """After links changed: every view reloads, and so does an open editor of ``ref``."""
        self.window.hooks.announce(Change.ITEMS | Change.CASE_RECORDS)
        for editor in self.editors:
            reload = getattr(editor, "reload", None)
            if getattr(editor, "ref", None) == ref and reload is not None:
                reload()

    def _open_link(self, kind: str, ref: str) -> Any:
        return self.new_testimony(ref) if kind == "testimony" else self.open_record(kind, ref)

    # Editors and dialogs

    def _keep(self, editor: QWidget) -> QWidget:
        self.editors.append(editor)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.destroyed.connect(lambda _o=None, e=editor: self._forget(e))
        saved = getattr(editor, "saved", None)
        if saved is not None:
            # A testimony is also a catalogue item: its save changes the item list and counts.
            changes = getattr(editor, "changes", Change.CASE_RECORDS)
            saved.connect(lambda *_a: self.window.hooks.announce(changes))
        shows = getattr(editor, "showItemRequested", None)
        if shows is not None:
            shows.connect(self.window.select_item)
        editor.show()
        editor.raise_()
        return editor

    def _forget(self, editor: QWidget) -> None:
        if editor in self.editors:
            self.editors.remove(editor)

    def new_testimony(self, ref: str | None = None) -> Any:
        from evidence_desk.gui.case.testimony_editor import TestimonyEditor

        if self.window.archive is None:
            return None
        if ref is None and refuse_read_only(self.window):  # an existing one opens to be read
            return None
        editor = TestimonyEditor(
            self.runner, self.window.archive, ref, self.window, selection=self.selected_refs
        )
        return self._keep(editor)

    def new_incident(self) -> Any:
        return self.open_record("incident", None)

    def open_record(self, kind: str, ref: str | None) -> Any:
        from evidence_desk.gui.case.incident_editor import IncidentEditor
        from evidence_desk.gui.case.person_editor import PersonEditor
        from evidence_desk.gui.case.place_editor import PlaceEditor

        if self.window.archive is None:
            return None
        if ref is None and refuse_read_only(self.window):  # an existing record opens to be read
            return None
        classes = {"incident": IncidentEditor, "person": PersonEditor, "place": PlaceEditor}
        editor = classes[kind](
            self.runner, self.window.archive, ref, self.window, selection=self.selected_refs
        )
        return self._keep(editor)

    def show_vocabularies(self) -> Any:
        from evidence_desk.gui.case.vocab_editor import VocabularyEditor

        if self.window.archive is None or refuse_read_only(self.window):
            return None
        return self._keep(VocabularyEditor(self.runner, self.window.archive, self.window))

    def show_periods(self) -> Any:
        from evidence_desk.gui.case.periods import PeriodEditor

        if self.window.archive is None or refuse_read_only(self.window):
            return None
        editor = PeriodEditor(self.runner, self.window.archive, self.window)
        editor.changed.connect(self.timeline.reload)
        return self._keep(editor)

    def show_clock_correction(self) -> Any:
        from evidence_desk.gui.case.clock_dialog import ClockDialog

        if self.window.archive is None or refuse_read_only(self.window):
            return None
        rows = [self.window.model.cached_row(i) for i in self.window.selected_ids()]
        dialog = ClockDialog(self.runner, self.window.archive, [r for r in rows if r], self.window)
        dialog.applied.connect(
            lambda _r: self.window.hooks.announce(Change.ITEMS | Change.CASE_RECORDS)
        )
        return self._keep(dialog)
