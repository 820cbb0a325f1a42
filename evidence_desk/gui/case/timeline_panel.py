"""The timeline dock: filter bar, zoom buttons and the canvas, fed from workers.

All data comes from ``case_timeline.timeline`` and ``case_timeline.density``
in the runner's query pool; each request carries a generation number so a
slow answer to an old filter never overwrites a newer one. The filters are
the catalogue's case filters (kind, violation, place, incident), built into
a ``CaseFilter`` exactly as the services expect.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.gui.case.timeline import TimelineView
from evidence_desk.gui.case.timeline_messages import MessageBand
from evidence_desk.gui.case.widgets import PlacePicker, fill_terms, run, translate, ui_language
from evidence_desk.gui.shell.flow_layout import FlowLayout
from evidence_desk.gui.shell.formatting import KINDS, kind_plural
from evidence_desk.gui.shell.tasks import Latest, TaskRunner

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.case.incident_records import IncidentRow
    from evidence_desk.services.case.timeline_records import Timeline
    from evidence_desk.services.case.vocabularies import Term


def _load(archive: Archive, flt: Any, lang: str) -> Timeline:
    from evidence_desk.services.case import timeline as case_timeline

    return case_timeline.timeline(archive, flt, lang=lang)


def _density(archive: Archive, flt: Any, start: datetime, end: datetime, buckets: int) -> Any:
    from evidence_desk.services.case import timeline as case_timeline

    return start, end, case_timeline.density(archive, flt, start, end, buckets)


class TimelinePanel(QWidget):
    """Filters + canvas; ``itemClicked`` carries a catalogue item id."""

    itemClicked = Signal(int)
    incidentActivated = Signal(int)
    loaded = Signal()
    periodsRequested = Signal()
    clockRequested = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseTimelinePanel")
        self.runner = runner
        self._stale = False
        self.archive: Archive | None = None
        self.loading = False
        self._generation = Latest()
        self._fitted = False
        self.view = TimelineView(self)
        self.kind = QComboBox(self)
        self.kind.addItem(translate("CaseUI", "All kinds"), None)
        for kind in (*KINDS, "testimony"):
            label = kind_plural(kind) if kind in KINDS else translate("CaseUI", "Testimonies")
            self.kind.addItem(label, kind)
        self.violation = QComboBox(self)
        self.violation.setMinimumContentsLength(14)
        self.place = PlacePicker(self)
        self.place.setItemText(0, translate("CaseUI", "All places"))
        self.incident = QComboBox(self)
        self.incident.setMinimumContentsLength(16)
        self.incident.addItem(translate("CaseUI", "All incidents"), None)
        self.status = QLabel(self)
        bar = self._bar = FlowLayout(spacing=4)  # wraps in a narrow dock, not a wider window
        bar.setContentsMargins(4, 2, 4, 2)
        for widget in (self.kind, self.violation, self.place, self.incident):
            bar.addWidget(widget)
            widget.currentIndexChanged.connect(self._schedule)
        self.buttons: dict[str, QToolButton] = {}
        for key, text, tip, slot in (
            (
                "out",
                "−",
                translate("CaseUI", "Zoom out (Ctrl+wheel down)"),
                lambda: self.view.zoom(1 / 1.5),
            ),
            (
                "in",
                "+",
                translate("CaseUI", "Zoom in (Ctrl+wheel up)"),
                lambda: self.view.zoom(1.5),
            ),
            (
                "fit",
                translate("CaseUI", "Fit"),
                translate("CaseUI", "Show everything"),
                self.view.fit,
            ),
            (
                "periods",
                translate("CaseUI", "Periods…"),
                translate("CaseUI", "Add, change or remove periods"),
                self.periodsRequested.emit,
            ),
            (
                "clock",
                translate("CaseUI", "Clock…"),
                translate("CaseUI", "Correct a device's clock"),
                self.clockRequested.emit,
            ),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _c=False, s=slot: s())
            self.buttons[key] = button
        for keys in (("out", "in", "fit"), ("periods", "clock")):  # a group wraps as one
            group = QWidget(self)
            row = QHBoxLayout(group)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(2)
            for key in keys:
                self.buttons[key].setParent(group)
                row.addWidget(self.buttons[key])
            bar.addWidget(group)
        self.messages = MessageBand(self)
        bar.addWidget(self.messages.widget())
        bar.add_stretch_widget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(150)
        self._reload_timer.timeout.connect(self.reload)
        self._density_timer = QTimer(self)
        self._density_timer.setSingleShot(True)
        self._density_timer.setInterval(120)
        self._density_timer.timeout.connect(self._request_density)
        self._density_range: tuple[datetime, datetime, int] | None = None
        self.view.rangeChanged.connect(self._on_range)
        self.view.itemClicked.connect(self.itemClicked)
        self.view.incidentActivated.connect(self.incidentActivated)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Keep room for the wrapped filter rows above the canvas: a dock does not ask
        its widget for height-for-width, so the canvas (and its axis) would be cut off."""
        super().resizeEvent(event)
        needed = self._bar.heightForWidth(self.width()) + self.view.minimumHeight()
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.reload()

    def set_archive(self, archive: Archive | None) -> None:
        """Forget everything of the previous archive before loading this one.

        Its incidents, places and filter choices mean nothing here: a filter
        still naming the old archive's incident would make the first load fail.
        """
        self.archive = archive
        self._fitted = False
        self._generation.advance()  # late results for the previous archive are dropped
        self.loading = False
        for combo in (self.kind, self.violation, self.incident):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        while self.incident.count() > 1:
            self.incident.removeItem(self.incident.count() - 1)
        self.place.set_places([])
        self.view.set_data(None)
        self.status.setText("")
        if archive is not None:
            self.reload_choices()
            self.reload()

    def reload_choices(self) -> None:
        """Violation terms, places and incidents for the filter combos."""
        from evidence_desk.services.case import incidents as case_incidents
        from evidence_desk.services.case import vocabularies as case_vocabularies

        if self.archive is None:
            return
        lang = ui_language()

        def terms(rows: list[Term]) -> None:
            fill_terms(self.violation, rows, lang)
            self.violation.setItemText(0, translate("CaseUI", "All violations"))

        run(
            self.runner,
            self,
            case_vocabularies.list_terms,
            self.archive,
            "violation_types",
            on_ok=terms,
            pool="records",
        )
        self.place.load(self.runner, self.archive)
        run(
            self.runner,
            self,
            case_incidents.incident_rows,
            self.archive,
            on_ok=self._set_incidents,
            pool="records",
        )

    def _set_incidents(self, rows: list[IncidentRow]) -> None:
        current = self.incident.currentData()
        self.incident.blockSignals(True)
        self.incident.clear()
        self.incident.addItem(translate("CaseUI", "All incidents"), None)
        for row in rows:
            self.incident.addItem(f"{row.ref} {row.title}", row.ref)
        self.incident.setCurrentIndex(max(self.incident.findData(current), 0))
        self.incident.blockSignals(False)

    def case_filter(self) -> Any:
        from evidence_desk.services.case.search import CaseFilter

        kind = self.kind.currentData()
        violation = self.violation.currentData()
        return CaseFilter(
            kinds=(kind,) if kind else (),
            violations=(violation,) if violation else (),
            place=self.place.ref(),
            incident=self.incident.currentData(),
        )

    def _schedule(self, *_args: object) -> None:
        self._reload_timer.start()

    def reload(self) -> None:
        """Load the timeline now if it is on screen, else when it is next shown.

        A timeline of a large archive takes seconds to gather; doing it for a
        hidden dock would hold up the catalogue's own queries at start-up.
        """
        if self.archive is None:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._generation.advance()
        generation = self._generation.token
        self.loading = True
        self.status.setText(translate("CaseUI", "Loading…"))
        task = self.runner.submit(
            _load, self.archive, self.case_filter(), ui_language(), pool="records", name="timeline"
        )
        task.succeeded.connect(lambda data: self._on_data(generation, data))
        task.failed.connect(lambda exc: self._on_failed(generation, exc))

    def _on_data(self, generation: int, data: Timeline) -> None:
        if not self._generation.is_current(generation):
            return
        self.view.set_data(data)
        if not self._fitted:
            self._fitted = True
            self.view.fit()
        self.loading = False
        text = ", ".join(
            (
                translate("CaseUI", "%Ln item(s)", None, len(data.items)),
                translate("CaseUI", "%Ln incident(s)", None, len(data.incidents)),
            )
        )
        if data.undated:
            text += " · " + translate("CaseUI", "%Ln without a capture time", None, data.undated)
        self.status.setText(text)
        self.loaded.emit()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        from evidence_desk.gui.shell.tasks import error_text

        if self._generation.is_current(generation):
            self.loading = False
            self.status.setText(error_text(exc))

    def _on_range(self, start: datetime, end: datetime, buckets: int) -> None:
        self._density_range = (start, end, buckets)
        self._density_timer.start()

    def _request_density(self) -> None:
        if self.archive is None or self._density_range is None:
            return
        generation = self._generation.token
        start, end, buckets = self._density_range
        task = self.runner.submit(
            _density,
            self.archive,
            self.case_filter(),
            start,
            end,
            buckets,
            pool="records",
            name="timeline density",
        )

        def done(result: Any) -> None:
            if self._generation.is_current(generation) and self._density_range is not None:
                if result[0] == self._density_range[0] and result[1] == self._density_range[1]:
                    self.view.set_density(*result)

        task.succeeded.connect(done)

    def select_item(self, item_id: int | None) -> None:
        self.view.selected_item = item_id
        self.view.update()
