"""The timeline dock and the clock correction dialog, against a real archive."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPointF, Qt

from evidence_desk.services.case import incidents as case_incidents
from tests.gui.case.test_case_editors import WAIT, case, import_photos  # noqa: F401
from tests.gui.catalogue.test_edit_verify_remove import _select_rows
from tests.gui.conftest import wait_idle


def test_timeline_loads_items_incidents_periods_and_zooms(qtbot, window, case, tmp_path):  # noqa: F811
    results = import_photos(qtbot, window, tmp_path)
    case_incidents.add_incident(
        window.archive, "Расстрел на площади", start="2022-01-06", violations=["killing"]
    )
    case_incidents.add_incident(
        window.archive, "Задержания", start="2022-01-05T18:00+06:00", end="2022-01-05T23:00+06:00"
    )
    panel = case.timeline
    with qtbot.waitSignal(panel.loaded, timeout=WAIT):
        case.actions["timeline"].trigger()
    view = panel.view
    assert len(view.points) == 3 and len(view.incidents) == 2
    labels = [p.title for p in view.periods]
    assert len(labels) == 2 and any("shutdown" in t.lower() for t in labels)
    assert view.start <= datetime(2022, 1, 5) and view.end() >= datetime(2022, 1, 19)
    span = view.span_s
    panel.buttons["in"].click()
    assert view.span_s < span
    panel.buttons["out"].click()
    panel.buttons["out"].click()
    assert view.span_s > span
    panel.buttons["fit"].click()
    assert abs(view.span_s - span) < 1

    point = view.points[1]
    view.show_range(datetime(2022, 1, 5), datetime(2022, 1, 8))
    _, top, bottom = view._rows()
    lane_h = min((bottom - top - 6) / 1, 26)
    with qtbot.waitSignal(panel.itemClicked, timeout=WAIT) as clicked:
        qtbot.mouseClick(
            view,
            Qt.MouseButton.LeftButton,
            pos=QPointF(view.x_of(point.at), top + lane_h / 2).toPoint(),
        )
    assert clicked.args[0] == point.item_id
    qtbot.waitUntil(lambda: window.selected_ids() == [point.item_id], timeout=WAIT)

    panel.violation.setCurrentIndex(panel.violation.findData("killing"))
    qtbot.waitUntil(lambda: not panel.loading and len(view.incidents) == 1, timeout=WAIT)
    assert view.incidents[0].title == "Расстрел на площади"
    assert results


def test_clock_correction_dialog_applies_an_offset(qtbot, window, case, tmp_path):  # noqa: F811
    import_photos(qtbot, window, tmp_path, n=2)
    _select_rows(qtbot, window, [0])
    dialog = case.show_clock_correction()
    qtbot.waitUntil(lambda: dialog.target.count() >= 2, timeout=WAIT)
    dialog.target.setCurrentIndex(1)  # the device (Apple iPhone 12)
    dialog.offset.setText("+1h")
    assert "→" in dialog.samples.item(0).text()
    before, after = dialog.samples.item(0).text().split("  →  ")
    assert (datetime.fromisoformat(after) - datetime.fromisoformat(before)).total_seconds() == 3600
    dialog.reason.setText("compared with a dated photo")
    with qtbot.waitSignal(dialog.applied, timeout=WAIT) as applied:
        dialog.apply_button.click()
    assert applied.args[0] == 2
    wait_idle(qtbot, window)
    from evidence_desk.services.case import links as case_links

    row = window.model.cached_row(window.model.id_at(0))
    times = case_links.item_case_context(window.archive, row.uuid).capture_time
    assert times.offset_s == 3600 and times.corrected is not None
    assert times.original != times.corrected


def test_timeline_shows_chat_messages_as_a_band(qtbot, window, case, tmp_path):  # noqa: F811
    from datetime import UTC, timedelta

    from evidence_desk.gui.case.timeline_messages import ALL_CHATS, NO_BAND, band_count
    from evidence_desk.services.intake.ingest import Provenance
    from evidence_desk.services.intake.messengers import import_export
    from tests.chat_exports import tg_chat, tg_message, write_json

    import_photos(qtbot, window, tmp_path, n=1)
    t0 = datetime(2022, 1, 5, 12, 0, tzinfo=UTC)
    for name, count in (("Алматы", 40), ("Жаңаөзен", 5)):
        root = tmp_path / name
        msgs = [tg_message(i, t0 + timedelta(minutes=i), text=f"{i}") for i in range(1, count + 1)]
        write_json(root / "result.json", tg_chat(msgs, name=name, cid=len(name)))
        import_export(window.archive, root, provenance=Provenance())
    panel = case.timeline
    with qtbot.waitSignal(panel.loaded, timeout=WAIT):
        case.actions["timeline"].trigger()
    band, view = panel.messages, panel.view
    qtbot.waitUntil(lambda: band.chooser.count() == 4, timeout=WAIT)  # none, all, two chats
    assert band.chooser.currentData() == NO_BAND and view.message_density is None
    view.show_range(datetime(2022, 1, 5, 11), datetime(2022, 1, 5, 14))
    band.chooser.setCurrentIndex(band.chooser.findData(ALL_CHATS))
    qtbot.waitUntil(lambda: view.message_density is not None, timeout=WAIT)
    assert sum(view.message_density[2]) == 45
    assert len(view.message_density[2]) <= view.width()  # slices, never a mark per message
    chat = next(i for i in range(band.chooser.count()) if "Жаңаөзен" in band.chooser.itemText(i))
    band.chooser.setCurrentIndex(chat)
    qtbot.waitUntil(lambda: sum(view.message_density[2]) == 5, timeout=WAIT)
    view.grab()  # paints the band
    _, _, axis_top = view._rows()
    x = view.x_of(datetime(2022, 1, 5, 12, 2, 30))
    assert band_count(view, QPointF(x, axis_top - 4)) is not None
    assert band_count(view, QPointF(x, 5)) is None
    band.chooser.setCurrentIndex(0)
    assert view.message_density is None
    wait_idle(qtbot, window)
