"""Editing with undo, bulk changes, removal, same-scene links, verification, preview."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel

from evidence_desk.services.archive import custody
from evidence_desk.services.catalogue import items
from evidence_desk.services.catalogue import listing as catalogue
from tests import media
from tests.gui.conftest import import_by_drop, wait_idle, wait_query


def _import(qtbot, window, tmp_path: Path, n: int = 3):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(n):
        media.make_jpeg(src / f"photo{i}.jpg", color=(60 * i, 90, 160))
    report = import_by_drop(qtbot, window, [src])
    return sorted(report.new, key=lambda r: r.exhibit)


def _select_rows(qtbot, window, rows: list[int]) -> None:
    model = window.model
    for r in rows:
        model.index(r, 0).data()
    qtbot.waitUntil(lambda: all(model.cached_row(model.id_at(r)) for r in rows), timeout=10_000)
    selection = QItemSelection()
    for r in rows:
        selection.select(model.index(r, 0), model.index(r, model.columnCount() - 1))
    window.table.selectionModel().select(
        selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    window.table.selectionModel().setCurrentIndex(
        model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
    )


def _show_single(qtbot, window, row: int) -> None:
    _select_rows(qtbot, window, [row])
    qtbot.waitUntil(
        lambda: (
            window.detail.current is not None
            and window.detail.current.item_id == window.model.id_at(row)
        ),
        timeout=10_000,
    )


def test_edit_title_with_undo_redo_logs_custody(qtbot, window, tmp_path):
    first = _import(qtbot, window, tmp_path)[0]
    _show_single(qtbot, window, 0)
    form = window.detail.form
    form.title.setText("Задержание у акимата, Алматы")
    form.title.editingFinished.emit()
    wait_idle(qtbot, window)
    assert (
        items.get_item(window.archive, first.item_uuid)["title"] == "Задержание у акимата, Алматы"
    )
    qtbot.waitUntil(lambda: window.model.index(0, 1).data() == "Задержание у акимата, Алматы")
    event = custody.events_for_item(window.archive, first.item_uuid)[-1]
    assert event.event_type == "metadata modification" and event.details["field"] == "title"

    window.menu_actions.undo.trigger()
    wait_idle(qtbot, window)
    assert items.get_item(window.archive, first.item_uuid)["title"] == "photo0.jpg"
    qtbot.waitUntil(lambda: form.title.text() == "photo0.jpg", timeout=10_000)
    window.menu_actions.redo.trigger()
    wait_idle(qtbot, window)
    assert items.get_item(window.archive, first.item_uuid)["title"].startswith("Задержание")
    assert len(custody.events_for_item(window.archive, first.item_uuid)) >= 5

    form.tags.setText("задержание, Алматы")
    form.tags.editingFinished.emit()
    form.description.setPlainText("Видно двух сотрудников в форме")
    form.commit_pending()
    form.sensitivity.setCurrentIndex(form.sensitivity.findData("confidential"))
    form.sensitivity.activated.emit(form.sensitivity.currentIndex())
    wait_idle(qtbot, window)
    item = items.get_item(window.archive, first.item_uuid)
    assert sorted(item["tags"]) == ["Алматы", "задержание"]
    assert item["description"] == "Видно двух сотрудников в форме"
    assert item["sensitivity"] == "confidential"
    window.edits.stack.undo()
    window.edits.stack.undo()
    wait_idle(qtbot, window)
    item = items.get_item(window.archive, first.item_uuid)
    assert item["sensitivity"] == "restricted" and item["description"] == ""


def test_bulk_tags_and_sensitivity_with_undo(qtbot, window, tmp_path):
    results = _import(qtbot, window, tmp_path, n=4)
    _select_rows(qtbot, window, [0, 1, 2])
    qtbot.waitUntil(lambda: window.selection_label.text().startswith("3"), timeout=5000)
    assert window.detail.pages.currentWidget() is window.detail.multi
    items.set_tags(window.archive, [results[0].item_uuid], add=["Жаңаөзен"])
    dialog = window._ask_tags(remove=False)
    dialog.edit.setText("Жаңаөзен, расстрел")
    dialog.accept()
    wait_idle(qtbot, window)
    tags = [sorted(items.get_item(window.archive, r.item_uuid)["tags"]) for r in results]
    assert tags[:3] == [["Жаңаөзен", "расстрел"]] * 3 and tags[3] == []
    window.edits.stack.undo()
    wait_idle(qtbot, window)
    tags = [sorted(items.get_item(window.archive, r.item_uuid)["tags"]) for r in results]
    assert tags == [["Жаңаөзен"], [], [], []]  # the tag it already had stays

    window.menu_actions.sensitivity["public"].trigger()
    wait_idle(qtbot, window)
    levels = [items.get_item(window.archive, r.item_uuid)["sensitivity"] for r in results]
    assert levels == ["public", "public", "public", "restricted"]
    window.edits.stack.undo()
    wait_idle(qtbot, window)
    levels = [items.get_item(window.archive, r.item_uuid)["sensitivity"] for r in results]
    assert levels == ["restricted"] * 4


def test_delete_key_asks_for_reason_and_keeps_the_original(qtbot, window, tmp_path):
    results = _import(qtbot, window, tmp_path, n=2)
    _select_rows(qtbot, window, [0])
    dialog = window.remove_selected()
    assert dialog is not None and not dialog.ok.isEnabled()
    dialog.reason.setPlainText("copy of ED-000002 sent twice")
    assert not dialog.ok.isEnabled(), "a reason alone is not enough: confirmation too"
    dialog.confirm.setChecked(True)
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(window.model.queryFinished, timeout=10_000):
        dialog.accept()
    wait_query(qtbot, window)
    assert window.model.total() == 1
    removed = results[0]
    assert window.archive.store.exists(removed.sha256)
    event = custody.events_for_item(window.archive, removed.item_uuid)[-1]
    assert event.event_type == "deletion" and event.details["reason"].startswith("copy of")
    window.edits.stack.undo()
    wait_idle(qtbot, window)
    assert catalogue.count_items(window.archive) == 2


def test_verify_reports_altered_exhibit(qtbot, window, tmp_path):
    results = _import(qtbot, window, tmp_path, n=2)
    with qtbot.waitSignal(window.verifier.finished, timeout=30_000) as ok:
        window.menu_actions.verify.trigger()
    assert ok.args[0].ok
    assert "intact" in window.verifier.report_dialog.headline.text()
    window.verifier.report_dialog.close()

    victim = window.archive.store.path_for(results[1].sha256)
    os.chmod(victim, stat.S_IWUSR | stat.S_IRUSR)
    victim.write_bytes(victim.read_bytes() + b"tampered")
    with qtbot.waitSignal(window.verifier.finished, timeout=30_000) as bad:
        window.start_verify()
    assert not bad.args[0].ok
    dialog = window.verifier.report_dialog
    assert dialog.isVisible()
    assert results[1].exhibit in dialog.text() and "altered" in dialog.text()


def test_preview_applies_exif_orientation(qtbot, window, tmp_path):
    src = tmp_path / "rot"
    src.mkdir()
    media.make_jpeg(src / "rotated.jpg", size=(120, 60), orientation=6)
    import_by_drop(qtbot, window, [src])
    _show_single(qtbot, window, 0)
    preview = window.detail.preview
    qtbot.waitUntil(preview.has_image, timeout=10_000)
    pixmap = preview._item.pixmap()
    assert (pixmap.width(), pixmap.height()) == (60, 120)
    facts = window.detail.facts.values
    assert any(v.startswith("2022-01-05 18:30:00") for v in facts.values())


def test_mark_same_scene_from_similar_tab(qtbot, window, tmp_path):
    src = tmp_path / "dups"
    src.mkdir()
    media.make_jpeg(src / "orig.jpg", size=(640, 480), quality=95)
    media.make_jpeg(src / "telegram.jpg", size=(320, 240), quality=40, gps=None)
    import_by_drop(qtbot, window, [src])
    _show_single(qtbot, window, 0)
    similar = window.detail.similar
    qtbot.waitUntil(lambda: similar.list.count() == 1, timeout=10_000)
    assert similar.mark.isEnabled()
    with qtbot.waitSignal(window.edits.linksChanged, timeout=10_000):
        similar.mark.click()
    qtbot.waitUntil(
        lambda: similar.list.count() == 1 and similar.unmark.isEnabled(), timeout=10_000
    )
    current = window.detail.current.item
    events = custody.events_for_item(window.archive, current["id"])
    assert events[-1].details["relation"] == "same scene"


def test_publishable_title_checkbox(qtbot, window, tmp_path, monkeypatch):
    from evidence_desk.gui.shell import main_window

    shown: list[str] = []
    monkeypatch.setattr(main_window.QMessageBox, "warning", lambda _w, _t, text: shown.append(text))
    first = _import(qtbot, window, tmp_path, n=1)[0]
    _show_single(qtbot, window, 0)
    form = window.detail.form
    form.publishable.click()  # the title is still the file name: refused, box reset
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "file name" in shown[0]
    assert not items.get_item(window.archive, first.item_uuid)["title_publishable"]
    qtbot.waitUntil(lambda: not form.publishable.isChecked(), timeout=10_000)

    form.title.setText("Water cannon at the square")  # typed, then marked straight away
    form.publishable.click()
    wait_idle(qtbot, window)
    item = items.get_item(window.archive, first.item_uuid)
    assert item["title"] == "Water cannon at the square" and item["title_publishable"]
    window.edits.stack.undo()
    wait_idle(qtbot, window)
    assert not items.get_item(window.archive, first.item_uuid)["title_publishable"]
    qtbot.waitUntil(lambda: not form.publishable.isChecked(), timeout=10_000)
