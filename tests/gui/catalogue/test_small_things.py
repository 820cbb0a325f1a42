"""Small things users notice (issue #9, item 8), through the real widgets."""

from __future__ import annotations

from PySide6.QtGui import QImage

from evidence_desk.gui.case.widgets import record_title
from evidence_desk.gui.catalogue.views import empty_message, sensitivity_legend
from evidence_desk.gui.detail.info import late_capture
from evidence_desk.services.case import persons as case_persons
from evidence_desk.services.case import testimonies as case_testimonies
from evidence_desk.services.catalogue.listing import Filters
from tests import media
from tests.gui.conftest import import_by_drop, wait_idle, wait_query

WAIT = 15_000


def _painted_pixels(widget) -> int:
    """Pixels that differ from the top-left one: something was drawn."""
    image: QImage = widget.grab().toImage()
    background = image.pixel(2, 2)
    step = 3
    return sum(
        image.pixel(x, y) != background
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    )


def test_empty_search_result_says_so_in_both_views(qtbot, window, tmp_path):
    assert "archive is empty" in (empty_message(window.model) or "")
    media.make_jpeg(tmp_path / "a.jpg")
    import_by_drop(qtbot, window, [tmp_path / "a.jpg"])
    assert empty_message(window.model) is None
    before = _painted_pixels(window.table.viewport())
    window.filter_bar.search.setText("no such words anywhere")
    window.filter_bar._emit_now()
    wait_query(qtbot, window)
    assert window.model.rowCount() == 0
    assert "Nothing matches" in (empty_message(window.model) or "")
    window.table.viewport().repaint()
    assert _painted_pixels(window.table.viewport()) > 0 and before >= 0
    window.set_view("grid")
    assert _painted_pixels(window.grid.viewport()) > 0
    window.filter_bar.set_filters(Filters(removed=True))
    wait_query(qtbot, window)
    assert empty_message(window.model) == "No removed items."


def test_grid_tile_explains_its_coloured_dot(qtbot, window, tmp_path):
    media.make_jpeg(tmp_path / "a.jpg")
    import_by_drop(qtbot, window, [tmp_path / "a.jpg"])
    window.set_view("grid")
    wait_idle(qtbot, window)
    qtbot.waitUntil(  # a refresh after the import may still be bringing the rows back
        lambda: window.model.cached_row(window.model.id_at(0) or -1) is not None, timeout=WAIT
    )
    row = window.model.cached_row(window.model.id_at(0))
    tip = window.grid.tile_tooltip(0)
    assert tip is not None
    assert row.exhibit in tip and "Sensitivity:" in tip
    colour = {"public": "green", "restricted": "orange", "confidential": "red"}[row.sensitivity]
    assert f"{colour} dot" in tip
    legend = sensitivity_legend()
    assert "orange dot: Restricted" in legend and "red dot: Confidential" in legend


def test_capture_after_acquisition_is_flagged(qtbot, window, tmp_path):
    media.make_jpeg(tmp_path / "future.jpg", exif_datetime="2031:01:01 10:00:00")
    report = import_by_drop(qtbot, window, [tmp_path / "future.jpg"])
    window.select_item(window.model.id_at(0))
    qtbot.waitUntil(lambda: window.detail.current is not None, timeout=WAIT)
    assert report.new
    facts = window.detail.facts
    qtbot.waitUntil(lambda: "late_capture" in facts.values, timeout=WAIT)
    assert "later than the acquisition date" in facts.values["late_capture"]


def test_late_capture_compares_calendar_dates():
    item = {"captured_at": "2022-01-06T23:30:00+06:00", "sources": [{"acquired_at": "2022-01-06"}]}
    assert late_capture(item) is None  # same day: fine
    item["sources"].append({"acquired_at": "2022-01-05"})
    assert late_capture(item) == "2022-01-05"
    assert late_capture({"captured_at": None, "sources": [{"acquired_at": "2022-01-05"}]}) is None
    assert late_capture({"captured_at": "2022-01-06", "sources": [{"acquired_at": None}]}) is None


def test_window_titles_name_a_record_once():
    assert record_title("Testimony", "W-0001", "Testimony W-0001") == "Testimony W-0001"
    assert record_title("Testimony", "W-0001", "") == "Testimony W-0001"
    assert record_title("Incident", "INC-0002", "Detention") == "Incident INC-0002 — Detention"
    assert record_title("Place", "", "Kazakhstan / Almaty") == "Place — Kazakhstan / Almaty"


def test_testimony_editor_title_has_no_repetition(qtbot, window):
    wait_idle(qtbot, window)
    created = case_testimonies.add_testimony(window.archive, statement="text")
    editor = window.case_ui.new_testimony(created.exhibit)
    qtbot.waitUntil(lambda: editor.data is not None, timeout=WAIT)
    title = editor.windowTitle()
    assert title.count("Testimony") == 1, title
    assert created.witness_code in title


def test_person_statuses_can_be_added_before_the_first_save(qtbot, window):
    wait_idle(qtbot, window)
    editor = window.case_ui.open_record("person", None)
    qtbot.waitUntil(lambda: editor.status_pick.count() > 1, timeout=WAIT)
    editor.names.setPlainText("Серик Ахметов")
    detained = editor.status_pick.findData("detained")
    assert detained >= 0
    editor.status_pick.setCurrentIndex(detained)
    editor.status_date.setText("2022-01-06")
    editor.add_status()
    assert editor.statuses.count() == 1
    assert "saved" in editor.statuses.item(0).text()
    with qtbot.waitSignal(editor.saved, timeout=WAIT):
        editor.save()
    person = case_persons.get_person(window.archive, editor.ref)
    assert [(s.status, s.started) for s in person.statuses] == [("detained", "2022-01-06")]
    # the list shows the vocabulary label, not the stored code
    assert editor.statuses.item(0).text().startswith(editor.status_pick.itemText(detained))


def test_sensitive_person_has_a_lock_icon_not_an_emoji(qtbot, window):
    wait_idle(qtbot, window)
    case_persons.add_person(window.archive, ["Secret"], sensitive=True)
    panel = window.case_ui.panels["person"]
    panel.reload()
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=WAIT)
    entry = panel.list.item(0)
    assert "🔒" not in entry.text()
    assert not entry.icon().isNull()
    assert "redacted" in entry.toolTip()


def test_video_and_audio_show_their_length_before_opening(qtbot, window, tmp_path):
    media.make_mp4(tmp_path / "clip.mp4", seconds=2, size=(320, 240))
    media.make_wav(tmp_path / "talk.wav", seconds=3)
    import_by_drop(qtbot, window, [tmp_path / "clip.mp4", tmp_path / "talk.wav"])
    wait_idle(qtbot, window)
    window.model.expose_all()
    qtbot.waitUntil(
        lambda: all(window.model.cached_row(i) for i in window.model.all_ids()), timeout=WAIT
    )
    from evidence_desk.gui.catalogue.model import COLUMNS

    kind_column = COLUMNS.index("kind")
    texts = {
        window.model.cached_row(window.model.id_at(r)).kind: window.model.index(
            r, kind_column
        ).data()
        for r in range(window.model.rowCount())
    }
    assert texts["video"] == "Video · 0:02"
    assert texts["audio"] == "Audio · 0:03"
    window.set_view("grid")
    qtbot.wait(50)
    assert _painted_pixels(window.grid.viewport()) > 0
