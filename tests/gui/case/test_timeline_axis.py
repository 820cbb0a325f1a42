"""Timeline axis on natural boundaries, zoom at the pointer, keyboard, period labels (#9, 6)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, QPointF, Qt
from PySide6.QtGui import QFont, QFontMetrics

from evidence_desk.gui.case.timeline import TimelineView
from evidence_desk.gui.case.timeline_ticks import LABEL_GAP, choose
from evidence_desk.gui.shell import i18n
from evidence_desk.services.case.timeline import Period
from evidence_desk.services.case.timeline_records import Timeline, TimelinePoint


def _point(item_id: int, at: str, exhibit: str, title: str) -> TimelinePoint:
    """An item on the axis, as the timeline service returns it."""
    return TimelinePoint(
        item_id=item_id, exhibit=exhibit, kind="photo", title=title, at=at, utc_known=True,
        original=at, corrected=False, offset_s=0, precision="exact", source="exif",
    )  # fmt: skip

SPANS = [
    timedelta(minutes=20),
    timedelta(hours=3),
    timedelta(hours=30),
    timedelta(days=5),
    timedelta(days=40),
    timedelta(days=200),
    timedelta(days=800),
    timedelta(days=365 * 15),
]


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
@pytest.mark.parametrize("width", [300, 700, 1300])
def test_ticks_fall_on_boundaries_and_never_overlap(qapp, language, width):
    locale = QLocale(i18n.LOCALES[language])
    metrics = QFontMetrics(QFont())
    start = datetime(2022, 1, 4, 17, 43, 12)
    seen_units = set()
    for span in SPANS:
        step, ticks = choose(start, start + span, width, metrics.horizontalAdvance, locale)
        seen_units.add(step.unit)
        assert len(ticks) >= 2, (span, step)
        for tick in ticks:
            at = tick.at
            assert at.second == 0 and at.microsecond == 0
            if step.unit in ("day", "month", "year"):
                assert (at.hour, at.minute) == (0, 0)
            if step.unit in ("month", "year"):
                assert at.day == 1
            if step.unit == "year":
                assert at.month == 1
        for left, right in zip(ticks, ticks[1:], strict=False):
            assert left.x + metrics.horizontalAdvance(left.text) + LABEL_GAP <= right.x, (
                language,
                span,
                left.text,
                right.text,
            )
    assert {"minute", "hour", "day", "month", "year"} <= seen_units | {"minute"}


def test_month_names_are_in_the_interface_language(qapp):
    start, end = datetime(2022, 1, 1), datetime(2022, 12, 31)
    wide = 5000  # room for a label on every month
    names = {}
    for language in ("en", "ru", "kk"):
        locale = QLocale(i18n.LOCALES[language])
        _step, ticks = choose(start, end, wide, lambda text: len(text) * 7, locale)
        names[language] = " ".join(t.text for t in ticks).lower()
    assert "jan" in names["en"] and "feb" in names["en"]
    assert "янв" in names["ru"] and "февр" in names["ru"]
    assert "қаң" in names["kk"] and "ақп" in names["kk"]


@pytest.fixture
def view(qtbot):
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(900, 240)
    widget.show()
    widget.show_range(datetime(2022, 1, 1), datetime(2022, 1, 21))
    return widget


def test_zoom_keeps_the_time_under_the_pointer(view):
    anchor = 700.0
    before = view.time_at(anchor)
    view.zoom(2.0, anchor)
    assert abs((view.time_at(anchor) - before).total_seconds()) < 1
    view.zoom(0.5, anchor)
    assert abs((view.time_at(anchor) - before).total_seconds()) < 1


def test_wheel_with_ctrl_zooms_at_the_pointer(qtbot, view):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent

    anchor = QPointF(250, 100)
    before = view.time_at(anchor.x())
    span = view.span_s
    event = QWheelEvent(
        anchor, view.mapToGlobal(anchor), QPoint(0, 0), QPoint(0, 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    view.wheelEvent(event)
    assert view.span_s < span
    assert abs((view.time_at(anchor.x()) - before).total_seconds()) < 1


def test_keyboard_pans_zooms_and_fits(qtbot, view):
    view.set_data(
        Timeline(
            items=[_point(1, "2021-12-30T10:00:00", "E-1", "a"),
                   _point(2, "2022-02-10T10:00:00", "E-2", "b")],
            incidents=[],
            periods=[],
        )
    )  # fmt: skip
    view.setFocus()
    start, span = view.start, view.span_s
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.start > start and view.span_s == span
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert abs((view.start - start).total_seconds()) < 1
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert (start - view.start).total_seconds() > span * 0.8
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.span_s < span
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.span_s > span
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.start <= datetime(2021, 12, 30, 10) and view.end() >= datetime(2022, 2, 10, 10)


def test_period_label_is_elided_only_when_needed_and_named_in_full_in_a_tooltip(qtbot, view):
    title = "Nationwide internet shutdown"
    band = Period(
        uuid="p", code=None, label=title, labels={"en": title},
        start_utc="2022-01-05T00:00:00", end_utc="2022-01-05T12:00:00",
        start="2022-01-05T00:00:00+00:00", end="2022-01-05T12:00:00+00:00",
        offset_min=0, precision="exact", color="", notes="", builtin=False,
    )  # fmt: skip
    view.set_data(Timeline(items=[], incidents=[], periods=[band]))
    view.show_range(datetime(2022, 1, 1), datetime(2022, 1, 21))
    view.grab()  # paints, placing the labels
    rect, span, text = view.period_labels[0]
    # a half-day band is narrow here, but the label runs on past it: nothing cut
    assert text == title
    view.show_range(datetime(2022, 1, 4, 20), datetime(2022, 1, 5, 2))
    view.resize(200, 240)
    view.grab()
    rect, span, text = view.period_labels[0]
    assert text != title and text.endswith("…")
    assert view.period_at(rect.center()) is span
    qtbot.mouseMove(view, rect.center().toPoint())
    view.mouseMoveEvent(
        type("E", (), {"position": lambda self: rect.center()})()  # a move without buttons
    )
    assert view.toolTip().startswith(title)


def test_narrow_dock_keeps_the_whole_canvas_below_the_wrapped_filters(qtbot):
    """A dock gives its widget only the minimum height it asks for: the wrapped filter rows
    must be part of that, or the axis and its labels are cut off."""
    from evidence_desk.gui.case.timeline_panel import TimelinePanel
    from evidence_desk.gui.shell.tasks import TaskRunner

    runner = TaskRunner()
    panel = TimelinePanel(runner)
    qtbot.addWidget(panel)
    panel.resize(420, 100)
    panel.show()
    qtbot.wait(20)
    panel.resize(420, panel.minimumHeight())
    qtbot.waitUntil(lambda: panel.view.height() >= panel.view.minimumHeight(), timeout=2000)
    assert panel.view.geometry().bottom() <= panel.height()
    wide = panel.minimumHeight()
    panel.resize(1300, wide)
    qtbot.wait(20)
    assert panel.minimumHeight() < wide  # one row of filters at full width
    runner.shutdown()
