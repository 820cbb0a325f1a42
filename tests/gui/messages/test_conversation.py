"""The conversation view on the real main window, offscreen: chats, filters,
thumbnails, jumping from a message to its file and from an item to its messages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QMenu
from sqlalchemy import select

from evidence_desk.db.models_messages import MessageItem
from evidence_desk.gui.shell.hooks import Change
from evidence_desk.services.intake.ingest import Provenance
from evidence_desk.services.intake.messengers import import_export
from tests.chat_exports import KAZAKH, tg_chat, tg_message, write_json
from tests.gui.conftest import WAIT_MS, wait_idle, wait_query
from tests.media import make_jpeg

T0 = datetime(2022, 1, 5, 12, 30, tzinfo=UTC)


def _import(archive, tmp_path: Path) -> None:
    root = tmp_path / "ChatExport"
    (root / "photos").mkdir(parents=True)
    make_jpeg(root / "photos" / "p.jpg", exif_datetime=None)
    msgs = [
        tg_message(1, T0, text="Алаңда адамдар көп", photo="photos/p.jpg"),
        tg_message(2, T0 + timedelta(minutes=1), author="Bob", text="ok", forwarded_from="Канал"),
        tg_message(3, T0 + timedelta(minutes=2), text="тағы", reply_to_message_id=1),
    ]
    write_json(root / "result.json", tg_chat(msgs, name="Алматы"))
    report = import_export(archive, root, provenance=Provenance())
    assert report.messages_new == 3


def _open(qtbot, window):
    dialog = window.messages_ui.open_conversations()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=WAIT_MS)
    return dialog


def test_conversation_lists_filters_and_jumps(qtbot, window, archive, tmp_path: Path) -> None:
    _import(archive, tmp_path)
    window.refresh_all()
    wait_query(qtbot, window)
    dialog = _open(qtbot, window)
    assert "Алматы" in dialog.chat.currentText() and "3" in dialog.chat.currentText()
    model = dialog.model
    texts = [model.index(r, 2).data() for r in range(3)]
    assert texts[0] == "Алаңда адамдар көп"
    assert texts[1] == "Forwarded from Канал: ok"
    assert texts[2].startswith("In reply to 1:")
    assert model.index(0, 1).data() == KAZAKH
    assert model.index(0, 0).data() == "2022-01-05 18:30:00+06:00"
    assert model.index(0, 3).data().startswith("ED-")
    assert model.index(0, 3).data(0x1) is not None  # DecorationRole: the thumbnail

    dialog.author.setCurrentIndex(dialog.author.findData("Bob"))
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=WAIT_MS)
    dialog.author.setCurrentIndex(0)
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=WAIT_MS)
    from PySide6.QtCore import QDate

    dialog.first_day.setDate(QDate(2022, 1, 6))
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=WAIT_MS)
    dialog.first_day.setDate(QDate(2022, 1, 5))
    dialog.last_day.setDate(QDate(2022, 1, 5))
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=WAIT_MS)
    assert dialog.days()[0] is not None
    dialog.search.setText("адамдар")
    dialog.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=WAIT_MS)

    with qtbot.waitSignal(dialog.exhibitActivated) as signal:
        dialog._activated(model.index(0, 2))
    assert signal.args[0].startswith("ED-")
    wait_idle(qtbot, window)


def test_messages_of_selected_item(qtbot, window, archive, tmp_path: Path) -> None:
    _import(archive, tmp_path)
    with archive.db.reader() as s:
        (item_id,) = s.scalars(select(MessageItem.item_id))
    window.refresh_all()
    wait_query(qtbot, window)
    window.select_item(item_id)
    qtbot.waitUntil(lambda: window.selected_ids() == [item_id], timeout=WAIT_MS)
    menu = QMenu()
    window.hooks.context_menu_opening(menu)
    assert window.messages_ui.item_messages in menu.actions()
    dialog = window.messages_ui.open_item_messages()
    qtbot.waitUntil(
        lambda: dialog.model.rowCount() == 1 and dialog.item_id == item_id, timeout=WAIT_MS
    )
    assert dialog.model.rows[0].message_id == "1"
    wait_idle(qtbot, window)


def test_import_dialog_states_the_zone_of_chat_times(qtbot, window, tmp_path: Path) -> None:
    from tests.chat_exports import wa_line
    from tests.gui.conftest import drop

    txt = tmp_path / "WhatsApp Chat with Бақыт.txt"
    txt.write_text(wa_line(datetime(2022, 1, 5, 18, 30), "Бақыт", "Сәлем") + "\n")
    drop(window, [txt])
    dialog = window.importer.dialog
    dialog.zone.setCurrentText("Mars/Base")
    dialog.accept()
    assert dialog.isVisible() and "not understood" in dialog.zone_error.text()
    dialog.zone.setCurrentIndex(1)  # UTC+6
    assert dialog.time_zone() == "+06:00"
    with qtbot.waitSignal(window.importer.finished, timeout=120_000) as blocker:
        dialog.accept()
    report = blocker.args[0]
    assert report.results[0].messages[0].startswith("whatsapp_txt export: 1 new messages")
    wait_idle(qtbot, window)
    if window.importer.summary is not None:
        window.importer.summary.close()
    ui = window.messages_ui.open_conversations()
    qtbot.waitUntil(lambda: ui.model.rowCount() == 1, timeout=WAIT_MS)
    window.hooks.announce(Change.ITEM_SET)  # as after another import: the view follows
    qtbot.waitUntil(lambda: not window.runner.running(), timeout=WAIT_MS)
    assert ui.model.rowCount() == 1 and ui.chat.count() == 1
    assert ui.model.rows[0].sent_at == "2022-01-05T18:30:00+06:00"
    assert ui.model.rows[0].sent_at_offset_source == "stated at import: +06:00"
    wait_idle(qtbot, window)


def test_link_messages_to_an_incident(qtbot, window, archive, tmp_path: Path) -> None:
    from PySide6.QtCore import QItemSelectionModel

    from evidence_desk.services.case import incidents

    _import(archive, tmp_path)
    incident = incidents.add_incident(archive, "Алаңдағы оқиға", start="2022-01-05")
    window.refresh_all()
    wait_query(qtbot, window)
    dialog = _open(qtbot, window)
    menu = dialog.context_menu()
    action = menu.findChild(type(menu.actions()[0]), "linkMessagesToIncident")
    assert action is not None and not action.isEnabled()  # nothing selected
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 2):
        dialog.table.selectionModel().select(dialog.model.index(row, 0), flags)
    assert dialog.context_menu().actions()[0].isEnabled()
    announced: list[Change] = []
    window.hooks.subscribe(Change.CASE_RECORDS, lambda change, _ids: announced.append(change))
    chooser = dialog.link_to_incident()
    qtbot.waitUntil(lambda: chooser.list.count() == 1, timeout=WAIT_MS)
    assert chooser.chosen() == incident.ref
    chooser.note.setText("видео с площади")
    with qtbot.waitSignal(dialog.incidentsLinked, timeout=WAIT_MS) as signal:
        chooser.accept()
    assert signal.args == [incident.ref]
    shown = incidents.get_incident(archive, incident.ref)
    assert [m.message_id for m in shown.messages] == ["1", "3"]
    assert {m.note for m in shown.messages} == {"видео с площади"}
    assert incident.ref in dialog.status.text()
    assert announced
    wait_idle(qtbot, window)
