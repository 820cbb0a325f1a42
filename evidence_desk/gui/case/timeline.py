"""The timeline canvas: items, incidents and periods on one zoomable time axis.

A custom-painted widget rather than a QGraphicsScene: with tens of
thousands of capture times a scene item per dot costs memory and layout
time, while painting only what is visible is cheap. Zoomed out, when dots
would overlap, the item lane shows a density histogram whose counts come
from ``case_timeline.density`` (run in a worker by the panel, which owns
the data); zoomed in it shows one dot per item, coloured by kind.
Times are naive UTC as the services return them; the axis is labelled in
Almaty time (UTC+6), the time the January 2022 events are told in.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from evidence_desk.gui.case import timeline_ticks
from evidence_desk.gui.case.timeline_data import (
    KIND_COLOURS,
    PERIOD_COLOURS,
    VERIFICATION_COLOURS,
    Point,
    Span,
    parse,
    utc_naive,
)
from evidence_desk.gui.case.timeline_messages import (
    MESSAGE_BAND_H,
    band_count,
    paint_message_band,
)
from evidence_desk.gui.case.widgets import translate

if TYPE_CHECKING:
    from evidence_desk.services.case.timeline_records import Timeline

__all__ = ["TimelineView", "Point", "Span", "parse", "utc_naive", "KIND_COLOURS"]

DISPLAY_OFFSET = timedelta(hours=6)
MIN_SPAN_S = 600.0
MAX_SPAN_S = 40 * 365 * 86400.0
DOT = 9
DENSE_PX = 6  # closer than this on average and the lane switches to density bars
AXIS_H = 34
BAND_LABEL_H = 18
LANE_H = 20


class TimelineView(QWidget):
    """Paints the data it is given; asks (``rangeChanged``) for density when zoomed out."""

    itemClicked = Signal(int)
    incidentClicked = Signal(int)
    incidentActivated = Signal(int)
    rangeChanged = Signal(object, object, int)  # start, end (naive UTC), buckets wanted
    viewChanged = Signal(object, object, int)  # any zoom or pan: start, end, width in px

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseTimelineView")
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.points: list[Point] = []
        self.incidents: list[Span] = []
        self.periods: list[Span] = []
        self.selected_item: int | None = None
        self.density: tuple[datetime, datetime, list[int]] | None = None
        self.message_density: tuple[datetime, datetime, list[int]] | None = None  # see
        # gui/case/timeline_messages.py: a band of chat messages above the axis
        self.start = datetime(2022, 1, 1)
        self.span_s = 21 * 86400.0
        self._drag_x: float | None = None
        self._lanes = 1

    # Data

    def set_data(self, data: Timeline | None) -> None:
        """Show what ``services.case.timeline.timeline`` found (None: nothing)."""
        self.points = [
            Point(p.item_id, utc_naive(p.at), p.kind, p.exhibit, p.title, p.corrected)
            for p in (data.items if data else [])
            if p.at
        ]
        self.incidents = []
        for inc in data.incidents if data else []:
            if inc.start_sort is None:
                continue
            start = utc_naive(inc.start_sort)
            end = utc_naive(inc.end_sort) if inc.end_sort else start
            colour = VERIFICATION_COLOURS.get(inc.verification, "#78909c")
            self.incidents.append(
                Span(inc.id, start, max(end, start), inc.title, colour, inc.start_precision or "")
            )
        self._assign_lanes()
        self.periods = [
            Span(
                i,
                utc_naive(p.start_utc),
                utc_naive(p.end_utc),
                p.label,
                p.color or PERIOD_COLOURS[i % len(PERIOD_COLOURS)],
            )
            for i, p in enumerate(data.periods if data else [])
        ]
        self.density = None
        self.update()
        self._announce()

    def set_density(self, start: datetime, end: datetime, counts: list[int]) -> None:
        self.density = (start, end, counts)
        self.update()

    def _assign_lanes(self) -> None:
        """Greedy interval packing, so overlapping incidents get separate rows."""
        ends: list[datetime] = []
        for span in sorted(self.incidents, key=lambda s: s.start):
            for lane, end in enumerate(ends):
                if end < span.start:
                    span.lane, ends[lane] = lane, span.end
                    break
            else:
                span.lane = len(ends)
                ends.append(span.end)
        self._lanes = max(1, min(len(ends), 8))

    # Geometry

    def end(self) -> datetime:
        return self.start + timedelta(seconds=self.span_s)

    def x_of(self, moment: datetime) -> float:
        return (moment - self.start).total_seconds() / self.span_s * max(self.width(), 1)

    def time_at(self, x: float) -> datetime:
        return self.start + timedelta(seconds=x / max(self.width(), 1) * self.span_s)

    def _rows(self) -> tuple[float, float, float]:
        """Top of the incident lanes, top of the item lane, top of the axis."""
        incidents_top = BAND_LABEL_H * max(1, min(len(self.periods), 3)) + 6
        axis_top = self.height() - AXIS_H
        items_top = incidents_top + self._lanes * LANE_H + 10
        return incidents_top, items_top, axis_top

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        anchor_x = self.width() / 2 if anchor_x is None else anchor_x
        anchor = self.time_at(anchor_x)
        self.span_s = min(max(self.span_s / factor, MIN_SPAN_S), MAX_SPAN_S)
        self.start = anchor - timedelta(seconds=anchor_x / max(self.width(), 1) * self.span_s)
        self.update()
        self._announce()

    def fit(self) -> None:
        """Show everything: items, incidents and periods, with a small margin."""
        moments = [p.at for p in self.points]
        for span in self.incidents + self.periods:
            moments += [span.start, span.end]
        if not moments:
            return
        first, last = min(moments), max(moments)
        seconds = max((last - first).total_seconds(), MIN_SPAN_S)
        self.span_s = min(seconds * 1.08, MAX_SPAN_S)
        self.start = first - timedelta(seconds=seconds * 0.04)
        self.update()
        self._announce()

    def show_range(self, start: datetime, end: datetime) -> None:
        self.start = start
        self.span_s = max((end - start).total_seconds(), MIN_SPAN_S)
        self.update()
        self._announce()

    def dense(self) -> bool:
        visible = sum(1 for p in self.points if self.start <= p.at < self.end())
        return visible > 0 and self.width() / visible < DENSE_PX

    def _announce(self) -> None:
        self.viewChanged.emit(self.start, self.end(), max(self.width(), 1))
        if self.dense():
            self.rangeChanged.emit(self.start, self.end(), max(self.width() // 4, 1))

    # Painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        self._pack_visible(QFontMetrics(self.font()))
        incidents_top, items_top, axis_top = self._rows()
        self._paint_periods(painter, axis_top)
        self._paint_axis(painter, axis_top)
        self._paint_incidents(painter, incidents_top)
        band = axis_top - (MESSAGE_BAND_H if self.message_density is not None else 0)
        self._paint_items(painter, items_top, band)
        paint_message_band(painter, self, band, axis_top)
        painter.end()

    def _paint_periods(self, painter: QPainter, bottom: float) -> None:
        """Bands with their labels; a label may run past a short band up to the next label
        on its row, is elided only then, and its full text is in the tooltip."""
        metrics = QFontMetrics(self.font())
        self.period_labels = []
        rows: dict[int, list[Span]] = {}
        for row, span in enumerate(self.periods):
            rows.setdefault(row % 3, []).append(span)
        for row, span in enumerate(self.periods):
            left, right = self.x_of(span.start), self.x_of(span.end)
            if right < 0 or left > self.width():
                continue
            colour = QColor(span.colour)
            colour.setAlpha(34)
            painter.fillRect(QRectF(left, 0, right - left, bottom), colour)
            edge = QColor(span.colour)
            edge.setAlpha(140)
            painter.setPen(QPen(edge, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(left, 0), QPointF(left, bottom))
            painter.drawLine(QPointF(right, 0), QPointF(right, bottom))
            y = (row % 3) * BAND_LABEL_H + 2
            text_left = max(left, 0) + 4
            later = [
                self.x_of(o.start) for o in rows[row % 3] if o is not span and o.start > span.start
            ]
            limit = min([*later, float(self.width())])
            width = max(limit - text_left - 4, 0)
            text = metrics.elidedText(span.title, Qt.TextElideMode.ElideRight, int(width))
            painter.setPen(QColor(span.colour).darker(140))
            rect = QRectF(
                text_left, y, min(width, metrics.horizontalAdvance(text) + 4), BAND_LABEL_H
            )
            painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, text)
            self.period_labels.append((rect, span, text))

    def period_at(self, pos: QPointF) -> Span | None:
        """The period whose label is under ``pos`` (for its full name in a tooltip)."""
        for rect, span, _text in getattr(self, "period_labels", []):
            if rect.contains(pos):
                return span
        return None

    def _paint_axis(self, painter: QPainter, top: float) -> None:
        text_colour = self.palette().text().color()
        painter.setPen(QPen(text_colour, 1))
        painter.drawLine(QPointF(0, top), QPointF(self.width(), top))
        metrics = QFontMetrics(self.font())
        local_start = self.start + DISPLAY_OFFSET
        _step, ticks = timeline_ticks.choose(
            local_start,
            local_start + timedelta(seconds=self.span_s),
            self.width(),
            metrics.horizontalAdvance,
        )
        self.tick_labels = ticks
        grid = QColor(text_colour)
        grid.setAlpha(28)
        for tick in ticks:
            x = tick.x
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, 0), QPointF(x, top))
            painter.setPen(QPen(text_colour, 1))
            painter.drawLine(QPointF(x, top), QPointF(x, top + 5))
            painter.drawText(
                QRectF(x + 3, top + 6, metrics.horizontalAdvance(tick.text) + 2, 16),
                Qt.AlignmentFlag.AlignLeft,
                tick.text,
            )
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() * 0.85, 6))
        painter.setFont(small)
        painter.drawText(
            QRectF(0, top + 18, self.width() - 4, 14),
            Qt.AlignmentFlag.AlignRight,
            translate("CaseUI", "Almaty time (UTC+6)"),
        )
        painter.setFont(self.font())

    def _pack_visible(self, metrics: QFontMetrics) -> None:
        """Lanes by on-screen extent (bar plus its label), so labels never overlap bars."""
        ends: list[float] = []
        for span in sorted(self.incidents, key=lambda s: s.start):
            left = self.x_of(span.start)
            text_w = metrics.horizontalAdvance(
                metrics.elidedText(span.title, Qt.TextElideMode.ElideRight, 260)
            )
            right = max(self.x_of(span.end), left + 6)
            if right - left < text_w + 8:
                right += text_w + 8
            for lane, end in enumerate(ends):
                if end + 4 < left:
                    span.lane, ends[lane] = lane, right
                    break
            else:
                span.lane = len(ends)
                ends.append(right)
        self._lanes = max(1, min(len(ends), 8))

    def _paint_incidents(self, painter: QPainter, top: float) -> None:
        metrics = QFontMetrics(self.font())
        for span in self.incidents:
            left, right = self.x_of(span.start), self.x_of(span.end)
            if right < 0 or left > self.width():
                continue
            right = max(right, left + 6)
            rect = QRectF(left, top + min(span.lane, 7) * LANE_H, right - left, LANE_H - 4)
            colour = QColor(span.colour)
            if span.precision == "approximate":
                colour.setAlpha(120)
            painter.setPen(QPen(colour.darker(130), 1))
            painter.setBrush(colour)
            painter.drawRoundedRect(rect, 3, 3)
            text = metrics.elidedText(span.title, Qt.TextElideMode.ElideRight, 260)
            text_w = metrics.horizontalAdvance(text)
            inside = rect.width() >= text_w + 8
            painter.setPen(QColor("white") if inside else self.palette().text().color())
            x = rect.left() + 4 if inside else rect.right() + 4
            painter.drawText(
                QRectF(x, rect.top(), text_w + 4, rect.height()),
                Qt.AlignmentFlag.AlignVCenter,
                text,
            )

    def _paint_items(self, painter: QPainter, top: float, bottom: float) -> None:
        height = bottom - top - 6
        if height <= 4:
            return
        if self.dense() and self.density is not None:
            start, end, counts = self.density
            if counts:
                peak = max(counts) or 1
                width = (end - start) / len(counts)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor("#1e88e5"))
                for i, count in enumerate(counts):
                    if not count:
                        continue
                    left = self.x_of(start + width * i)
                    right = self.x_of(start + width * (i + 1))
                    bar = max(height * count / peak, 2)
                    painter.drawRect(QRectF(left, bottom - 3 - bar, max(right - left - 1, 1), bar))
                return
        kinds = sorted({p.kind for p in self.points}) or ["photo"]
        lane_h = min(height / len(kinds), 26)
        lanes = {kind: top + lane_h * i + lane_h / 2 for i, kind in enumerate(kinds)}
        for point in self.points:
            x = self.x_of(point.at)
            if x < -DOT or x > self.width() + DOT:
                continue
            y = lanes[point.kind]
            colour = QColor(KIND_COLOURS.get(point.kind, "#757575"))
            painter.setBrush(colour)
            selected = point.item_id == self.selected_item
            painter.setPen(
                QPen(QColor("black") if selected else colour.darker(140), 2 if selected else 1)
            )
            size = DOT + 4 if selected else DOT
            painter.drawEllipse(QPointF(x, y), size / 2, size / 2)
            if point.corrected:
                painter.setPen(QPen(colour.darker(160), 1))
                painter.drawLine(QPointF(x, y - size / 2 - 3), QPointF(x, y - size / 2 - 1))

    # Interaction

    def item_at(self, pos: QPointF) -> Point | None:
        _, top, bottom = self._rows()
        bottom -= MESSAGE_BAND_H if self.message_density is not None else 0
        if self.dense():
            return None
        kinds = sorted({p.kind for p in self.points}) or ["photo"]
        lane_h = min((bottom - top - 6) / len(kinds), 26)
        best, best_d = None, DOT * 1.2
        for point in self.points:
            y = top + lane_h * kinds.index(point.kind) + lane_h / 2
            d = abs(self.x_of(point.at) - pos.x()) + abs(y - pos.y())
            if d < best_d:
                best, best_d = point, d
        return best

    def incident_at(self, pos: QPointF) -> Span | None:
        top, _, _ = self._rows()
        for span in self.incidents:
            left, right = self.x_of(span.start), max(self.x_of(span.end), self.x_of(span.start) + 6)
            y = top + min(span.lane, 7) * LANE_H
            if left - 2 <= pos.x() <= right + 2 and y <= pos.y() <= y + LANE_H - 4:
                return span
        return None

    def wheelEvent(self, event) -> None:
        delta = event.angleDelta().y() or event.angleDelta().x()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.25 if delta > 0 else 0.8, event.position().x())
        else:
            self.start -= timedelta(seconds=self.span_s * 0.1 * (1 if delta > 0 else -1))
            self.update()
            self._announce()
        event.accept()

    def mousePressEvent(self, event) -> None:
        pos = event.position()
        point = self.item_at(pos)
        if point is not None:
            self.selected_item = point.item_id
            self.update()
            self.itemClicked.emit(point.item_id)
            return
        span = self.incident_at(pos)
        if span is not None:
            self.incidentClicked.emit(span.ident)
            return
        self._drag_x = pos.x()

    def mouseDoubleClickEvent(self, event) -> None:
        span = self.incident_at(event.position())
        if span is not None:
            self.incidentActivated.emit(span.ident)

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        if self._drag_x is not None:
            dx = pos.x() - self._drag_x
            self._drag_x = pos.x()
            self.start -= timedelta(seconds=dx / max(self.width(), 1) * self.span_s)
            self.update()
            return
        point = self.item_at(pos)
        span = None if point else self.incident_at(pos)
        if point is not None:
            when = (point.at + DISPLAY_OFFSET).strftime("%Y-%m-%d %H:%M:%S")
            note = translate("CaseUI", " (clock corrected)") if point.corrected else ""
            self.setToolTip(f"{point.exhibit} · {point.title}\n{when}{note}")
        elif span is not None:
            self.setToolTip(span.title)
        elif (count := band_count(self, pos)) is not None:
            self.setToolTip(translate("CaseUI", "%Ln chat message(s)", None, count))
        elif (period := self.period_at(pos)) is not None:
            first = (period.start + DISPLAY_OFFSET).strftime("%Y-%m-%d %H:%M")
            last = (period.end + DISPLAY_OFFSET).strftime("%Y-%m-%d %H:%M")
            self.setToolTip(f"{period.title}\n{first} – {last}")
        else:
            self.setToolTip(
                self.time_at(pos.x()).__add__(DISPLAY_OFFSET).strftime("%Y-%m-%d %H:%M")
            )

    def mouseReleaseEvent(self, event) -> None:
        if self._drag_x is not None:
            self._drag_x = None
            self._announce()

    def keyPressEvent(self, event) -> None:
        """Arrows pan (a tenth of the view; a page with Shift), +/- zoom at the mouse
        pointer when it is over the timeline (else the middle), Home (or 0) shows all."""
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.5, self._cursor_x())
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / 1.5, self._cursor_x())
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_0):
            self.fit()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            page = shift or key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
            direction = -1 if key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp) else 1
            self.pan(direction * (0.9 if page else 0.1))
        else:
            super().keyPressEvent(event)

    def pan(self, fraction: float) -> None:
        """Move the view by ``fraction`` of its width (negative: towards the past)."""
        self.start += timedelta(seconds=self.span_s * fraction)
        self.update()
        self._announce()

    def _cursor_x(self) -> float | None:
        pos = self.mapFromGlobal(QCursor.pos())
        return float(pos.x()) if self.rect().contains(pos) else None

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._announce()
