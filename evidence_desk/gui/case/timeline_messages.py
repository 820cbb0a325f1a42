"""Chat messages on the timeline: a density band above the axis, for all chats or one.

A chat can hold 100,000 messages, so the band never draws one mark per
message: for every zoom or pan, the counts per slice of the visible span
(three pixels a slice) are counted by the database in a worker
(``services.case.timeline_messages.message_density``) and drawn as bars
scaled to the busiest slice. The panel's "messages" chooser picks no band,
every chat, or one chat; hovering the band shows the count under the cursor.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QComboBox, QWidget

from evidence_desk.gui.case.widgets import translate

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive

MESSAGE_BAND_H = 16
SLICE_PX = 3
NO_BAND, ALL_CHATS = "none", "all"


def _counts(
    archive: Archive, chat: int | None, start: datetime, end: datetime, buckets: int
) -> Any:
    from evidence_desk.services.case.timeline_messages import message_density

    return start, end, message_density(archive, start, end, buckets, chat)


def _chats(archive: Archive) -> list[Any]:
    from evidence_desk.services.catalogue.messages import list_chats

    return list_chats(archive)


def paint_message_band(painter: QPainter, view: Any, top: float, bottom: float) -> None:
    """Bars of message counts between ``top`` and ``bottom`` (nothing without data)."""
    if view.message_density is None:
        return
    start, end, counts = view.message_density
    height = bottom - top - 3
    painter.fillRect(QRectF(0, top, view.width(), bottom - top), QColor(255, 143, 0, 28))
    if not counts or height <= 1:
        return
    peak = max(counts) or 1
    width = (end - start) / len(counts)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#ef6c00"))
    for i, count in enumerate(counts):
        if count:
            left, right = view.x_of(start + width * i), view.x_of(start + width * (i + 1))
            bar = max(height * count / peak, 1.5)
            painter.drawRect(QRectF(left, bottom - 1 - bar, max(right - left - 0.5, 1), bar))


def band_count(view: Any, pos: Any) -> int | None:
    """The count of the band's slice under ``pos``, or None off the band."""
    if view.message_density is None:
        return None
    _, _, axis_top = view._rows()
    if not axis_top - MESSAGE_BAND_H <= pos.y() < axis_top:
        return None
    x = pos.x()
    start, end, counts = view.message_density
    if not counts or end <= start:
        return None
    moment = view.time_at(x)
    if not start <= moment < end:
        return None
    return counts[min(int((moment - start) / ((end - start) / len(counts))), len(counts) - 1)]


class MessageBand(QObject):
    """Keeps the view's message band in step with the chooser, the archive and the zoom."""

    def __init__(self, panel: Any) -> None:
        super().__init__(panel)
        self.panel, self.view = panel, panel.view
        self.chooser = QComboBox(panel)
        self.chooser.setObjectName("timelineMessages")
        self.chooser.setMinimumContentsLength(14)
        self._fill([])
        self.chooser.currentIndexChanged.connect(self._chosen)
        self._range: tuple[datetime, datetime, int] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.request)
        self.view.viewChanged.connect(self._on_view)
        panel.loaded.connect(self.reload_chats)
        self.pending = 0

    def widget(self) -> QWidget:
        return self.chooser

    def _fill(self, chats: list[Any]) -> None:
        previous = self.chooser.currentData()
        self.chooser.blockSignals(True)
        self.chooser.clear()
        self.chooser.addItem(translate("CaseUI", "No chat messages"), NO_BAND)
        if chats:
            self.chooser.addItem(translate("CaseUI", "Messages of all chats"), ALL_CHATS)
        for chat in chats:
            name = chat.name or chat.chat_key
            self.chooser.addItem(translate("CaseUI", "Messages: %1").replace("%1", name), chat.id)
        keep = self.chooser.findData(previous) if previous is not None else -1
        self.chooser.setCurrentIndex(max(keep, 0))
        self.chooser.blockSignals(False)
        self.chooser.setVisible(bool(chats))

    def reload_chats(self) -> None:
        if self.panel.archive is None:
            return
        task = self.panel.runner.submit(
            _chats, self.panel.archive, pool="records", name="timeline chats"
        )
        task.succeeded.connect(self._chats_loaded)

    def _chats_loaded(self, chats: list[Any]) -> None:
        self._fill(chats)
        self.request()

    def _chosen(self, _index: int) -> None:
        if self.chooser.currentData() == NO_BAND:
            self.view.message_density = None
            self.view.update()
        self.request()

    def _on_view(self, start: datetime, end: datetime, width: int) -> None:
        self._range = (start, end, max(width // SLICE_PX, 1))
        self._timer.start()

    def request(self) -> None:
        choice = self.chooser.currentData()
        if self.panel.archive is None or choice in (None, NO_BAND) or self._range is None:
            return
        start, end, buckets = self._range
        chat = None if choice == ALL_CHATS else int(choice)
        self.pending += 1
        task = self.panel.runner.submit(
            _counts, self.panel.archive, chat, start, end, buckets,
            pool="records", name="timeline messages",
        )  # fmt: skip

        def done(result: Any) -> None:
            self.pending -= 1
            if self.chooser.currentData() == choice and self._range is not None:
                if result[0] == self._range[0] and result[1] == self._range[1]:
                    self.view.message_density = result
                    self.view.update()

        def failed(_exc: BaseException) -> None:
            self.pending -= 1

        task.succeeded.connect(done)
        task.failed.connect(failed)
