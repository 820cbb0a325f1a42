"""Case editors driven through their real widgets; results checked in the services."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from evidence_desk.gui.shell.hooks import Change
from evidence_desk.services.archive import custody
from evidence_desk.services.case import incidents as case_incidents
from evidence_desk.services.case import persons as case_persons
from evidence_desk.services.case import places as case_places
from evidence_desk.services.case import testimonies as case_testimonies
from evidence_desk.services.case import testimony_attachments as case_testimony_attachments
from evidence_desk.services.case import vocabularies as case_vocabularies
from tests import media
from tests.gui.conftest import import_by_drop, wait_idle

WAIT = 15_000


@pytest.fixture
def case(qtbot, window):
    wait_idle(qtbot, window)
    return window.case_ui


def import_photos(qtbot, window, tmp_path: Path, n: int = 3):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(n):
        media.make_jpeg(
            src / f"p{i}.jpg", exif_datetime=f"2022:01:0{5 + i} 1{i}:30:00", color=(50 * i, 90, 9)
        )
    report = import_by_drop(qtbot, window, [src])
    return sorted(report.new, key=lambda r: r.exhibit)


def save_and_wait(qtbot, editor) -> None:
    with qtbot.waitSignal(editor.saved, timeout=WAIT):
        editor.save()


def test_testimony_editor_creates_edits_and_versions(qtbot, window, case):
    editor = case.new_testimony()
    qtbot.waitUntil(lambda: editor.consent_method.count() > 1, timeout=WAIT)
    editor.pseudonym.setText("Айгерим")
    editor.interviewer.setText("Researcher One")
    editor.interview_date.setText("2022-01-12")
    editor.statement.setPlainText("Я видела, как задержали двоих у акимата.")
    editor.consent["consent_court"].setChecked(True)
    editor.identity_fields["real_name"].setText("Real Person")
    qtbot.waitUntil(lambda: editor.place.count() > 5, timeout=WAIT)
    editor.place.setCurrentIndex(editor.place.findText("Almaty", Qt.MatchFlag.MatchContains))
    save_and_wait(qtbot, editor)
    data = case_testimonies.get_testimony(window.archive, editor.ref)
    assert data.pseudonym == "Айгерим" and data.consent.court
    assert data.statement.startswith("Я видела") and data.identity_recorded
    assert data.interview_place.name.startswith("Almaty")

    editor.statement.setPlainText("Я видела, как задержали троих у акимата.")
    save_and_wait(qtbot, editor)
    data = case_testimonies.get_testimony(window.archive, editor.ref)
    assert data.statement_version == 2
    qtbot.waitUntil(lambda: editor.versions.list.count() == 2, timeout=WAIT)
    editor.versions.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: "двоих" in editor.versions.text.toPlainText(), timeout=WAIT)

    editor.pseudonym.setText("Other")
    editor.pseudonym.editingFinished.emit()
    assert editor.undo.stack.canUndo()
    editor.undo_button.click()
    assert editor.pseudonym.text() == "Айгерим"


def test_reveal_asks_for_a_reason_and_is_logged(qtbot, window, case):
    created = case_testimonies.add_testimony(
        window.archive, statement="text", identity={"real_name": "Secret Name"}
    )
    editor = case.new_testimony(created.exhibit)
    qtbot.waitUntil(lambda: editor.data is not None, timeout=WAIT)
    assert not editor.identity_form.isVisibleTo(editor)
    assert editor.identity_fields["real_name"].text() == ""
    dialog = editor.ask_reveal()
    dialog.setTextValue("")
    dialog.accept()
    assert "reason" in editor.status.text()
    dialog = editor.ask_reveal()
    dialog.setTextValue("court request 12/2022")
    dialog.accept()
    qtbot.waitUntil(
        lambda: editor.identity_fields["real_name"].text() == "Secret Name", timeout=WAIT
    )
    assert editor.identity_form.isVisibleTo(editor)
    events = custody.events_for_item(window.archive, created.id)
    assert events[-1].details["action"] == "reveal identity"
    assert events[-1].details["reason"] == "court request 12/2022"


def test_incident_editor_and_context_menu_linking(qtbot, window, case, tmp_path):
    results = import_photos(qtbot, window, tmp_path)
    editor = case.new_incident()
    qtbot.waitUntil(lambda: editor.violations.count() > 5, timeout=WAIT)
    editor.title.setText("Задержания у акимата")
    editor.start.setText("2022-01-05T18:00+06:00")
    editor.end.setText("2022-01-05T21:00+06:00")
    editor.violations.check("arbitrary_detention")
    editor.violations.check("torture")
    editor.verification.setCurrentIndex(editor.verification.findData("partly_verified"))
    save_and_wait(qtbot, editor)
    data = case_incidents.get_incident(window.archive, editor.ref)
    assert data.title == "Задержания у акимата" and data.verification == "partly_verified"
    assert {v.code for v in data.violations} == {"arbitrary_detention", "torture"}
    assert data.start_precision == "exact"

    qtbot.waitUntil(lambda: len(case.panels["incident"].rows) == 1, timeout=WAIT)
    from tests.gui.catalogue.test_edit_verify_remove import _select_rows

    _select_rows(qtbot, window, [0, 1])
    menu = window.menu_actions.context_menu(window)
    sub = next(
        a.menu()
        for a in menu.actions()
        if a.menu() and a.menu().objectName() == "case-link-incident"
    )
    with qtbot.waitSignal(window.runner.taskStarted, timeout=WAIT):
        sub.actions()[0].trigger()
    wait_idle(qtbot, window)
    linked = {
        i.exhibit for i in case_incidents.get_incident(window.archive, data.ref).items
    }
    assert linked == {results[0].exhibit, results[1].exhibit}
    editor.close()


def test_drop_catalogue_rows_on_a_person_links_them(qtbot, window, case, tmp_path):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    from evidence_desk.gui.case.linking import items_mime

    results = import_photos(qtbot, window, tmp_path, n=2)
    editor = case.open_record("person", None)
    editor.names.setPlainText("Иван Петров\nIvan Petrov")
    editor.occupation.setText("journalist")
    save_and_wait(qtbot, editor)
    person = case_persons.get_person(window.archive, editor.ref)
    assert [n.name for n in person.names] == ["Иван Петров", "Ivan Petrov"]
    panel = case.panels["person"]
    qtbot.waitUntil(lambda: panel.entry_for(editor.ref) is not None, timeout=WAIT)
    case.show_dock("person")
    qtbot.waitUntil(lambda: panel.list.isVisible(), timeout=WAIT)
    rect = panel.list.visualItemRect(panel.entry_for(editor.ref))
    mime = items_mime([r.item_uuid for r in results])  # the event does not own it
    event = QDropEvent(
        QPointF(rect.center()),
        Qt.DropAction.LinkAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    panel.list.dropEvent(event)
    wait_idle(qtbot, window)
    from evidence_desk.services.case import links as case_links

    context = case_links.item_case_context(window.archive, results[1].item_uuid)
    assert any(p.ref == editor.ref for p in context.persons)


def test_merge_keeps_links(qtbot, window, case, tmp_path):
    (photo,) = import_photos(qtbot, window, tmp_path, n=1)
    archive = window.archive
    keep = case_persons.add_person(archive, ["Серик Ахметов"])
    other = case_persons.add_person(archive, ["Serik Akhmetov"])
    incident = case_incidents.add_incident(archive, "Задержание", start="2022-01-06")
    case_incidents.add_person(archive, incident.ref, other.ref, "victim")
    case_persons.link_item(archive, photo.exhibit, other.ref)
    editor = case.open_record("person", keep.ref)
    qtbot.waitUntil(
        lambda: len(editor.persons) == 2 and editor.merge_button.isEnabled(), timeout=WAIT
    )
    dialog = editor.ask_merge()
    dialog.close()
    with qtbot.waitSignal(editor.saved, timeout=WAIT):
        editor.merge_with(other.ref, "same man", confirm=False)
    merged = case_persons.get_person(archive, keep.ref)
    assert {n.name for n in merged.names} == {"Серик Ахметов", "Serik Akhmetov"}
    assert [i.ref for i in merged.incidents] == [incident.ref]
    assert case_persons.get_person(archive, other.ref).id == keep.id
    # the other record's item link moved here, and the open editor lists it
    qtbot.waitUntil(lambda: editor.items.count() == 1, timeout=WAIT)
    assert editor.items.item(0).text().startswith(photo.exhibit)


def test_place_and_vocabulary_editors(qtbot, window, case):
    editor = case.open_record("place", None)
    qtbot.waitUntil(
        lambda: editor.kind.count() > 3 and editor.parent_place.count() > 5, timeout=WAIT
    )
    editor.name.setText("Abay Avenue")
    editor.kind.setCurrentIndex(editor.kind.findData("street"))
    editor.parent_place.set_ref(case_places.get_place(window.archive, "Almaty").ref)
    editor.variants.setPlainText("проспект Абая | ru\nАбай даңғылы | kk")
    save_and_wait(qtbot, editor)
    place = case_places.get_place(window.archive, "Абай даңғылы")
    assert place.name == "Abay Avenue" and place.path[1].startswith("Almaty")

    vocab = case.show_vocabularies()
    qtbot.waitUntil(lambda: vocab.vocabulary.count() > 3, timeout=WAIT)
    vocab.vocabulary.setCurrentIndex(vocab.vocabulary.findData("occupations"))
    qtbot.waitUntil(lambda: vocab.table.rowCount() > 2, timeout=WAIT)
    with qtbot.waitSignal(vocab.changed, timeout=WAIT):
        vocab.add_term(
            "street_medic", {"en": "street medic", "ru": "уличный медик", "kk": "көше медигі"}
        )
    assert vocab.status.text() == "Saved."
    terms = {t.code: t for t in case_vocabularies.list_terms(window.archive, "occupations")}
    assert terms["street_medic"].labels["ru"] == "уличный медик"
    with qtbot.waitSignal(vocab.changed, timeout=WAIT):
        vocab.retire("street_medic")
    assert "street_medic" not in {
        t.code for t in case_vocabularies.list_terms(window.archive, "occupations")
    }


def test_person_editor_lists_links_and_takes_back_links_and_statuses(
    qtbot, window, case, tmp_path
):
    results = import_photos(qtbot, window, tmp_path, n=2)
    archive = window.archive
    person = case_persons.add_person(archive, ["Дана Ержанова"])
    case_persons.add_status(archive, person.ref, "detained", started="2022-01-06")
    case_persons.add_status(archive, person.ref, "killed", started="2022-01-07")
    editor = case.open_record("person", person.ref)
    qtbot.waitUntil(lambda: editor.statuses.count() == 2, timeout=WAIT)
    editor.selection = lambda: [r.item_uuid for r in results]
    with qtbot.waitSignal(editor.saved, timeout=WAIT):
        editor.link_selected()
    assert [editor.items.item(i).text().split()[0] for i in range(editor.items.count())] == [
        r.exhibit for r in results
    ]
    editor.items.setCurrentRow(0)
    with qtbot.waitSignal(editor.saved, timeout=WAIT):
        editor.unlink_current()
    assert editor.items.count() == 1
    left = case_persons.items_of_person(archive, person.ref)
    assert [r.exhibit for r in left] == [results[1].exhibit]
    editor.statuses.setCurrentRow(1)  # "killed", recorded by mistake
    with qtbot.waitSignal(editor.saved, timeout=WAIT):
        editor.remove_status(confirm=False)
    assert editor.statuses.count() == 1
    assert [s.status for s in case_persons.get_person(archive, person.ref).statuses] == [
        "detained"
    ]
    editor.close()


def test_a_status_not_yet_saved_is_removed_from_the_new_person(qtbot, window, case):
    editor = case.open_record("person", None)
    qtbot.waitUntil(lambda: editor.status_pick.count() > 1, timeout=WAIT)
    for code in ("detained", "released"):
        editor.status_pick.setCurrentIndex(editor.status_pick.findData(code))
        editor.add_status()
    editor.statuses.setCurrentRow(0)
    editor.remove_status()
    assert [s for s, _ in editor.pending_statuses] == ["released"]
    editor.names.setPlainText("Ерлан С.")
    save_and_wait(qtbot, editor)
    saved = case_persons.get_person(window.archive, editor.ref)
    assert [s.status for s in saved.statuses] == ["released"]
    editor.close()


def test_the_case_tab_shows_an_items_links_opens_them_and_takes_them_back(
    qtbot, window, case, tmp_path
):
    results = import_photos(qtbot, window, tmp_path, n=2)
    archive = window.archive
    photo = results[0]
    incident = case_incidents.add_incident(archive, "Задержание у акимата", start="2022-01-05")
    case_incidents.link_items(archive, incident.ref, [photo.exhibit])
    person = case_persons.add_person(archive, ["Ерлан С."])
    case_persons.link_item(archive, photo.exhibit, person.ref)
    case_places.set_item_place(archive, photo.exhibit, "Almaty")
    window.hooks.announce(Change.CASE_RECORDS)
    tab = case.item_tab
    window.detail.tabs.setCurrentWidget(tab)
    window.select_item(photo.item_id)

    def rows() -> list[str]:
        out = []
        for g in range(tab.tree.topLevelItemCount()):
            group = tab.tree.topLevelItem(g)
            out += [group.child(i).text(0) for i in range(group.childCount())]
        return out

    qtbot.waitUntil(lambda: len(rows()) == 3, timeout=WAIT)
    assert rows()[0] == f"{incident.ref}  Задержание у акимата"
    assert rows()[1].startswith(f"{person.ref}  Ерлан С.")
    assert rows()[2].startswith("Almaty")
    group = tab.tree.topLevelItem(1)  # persons
    tab.tree.setCurrentItem(group.child(0))
    editors = len(case.editors)
    tab.open_current()
    assert len(case.editors) == editors + 1 and case.editors[-1].ref == person.ref
    case.editors[-1].close()
    with qtbot.waitSignal(window.runner.taskStarted, timeout=WAIT):
        tab.unlink_current()
    qtbot.waitUntil(lambda: len(rows()) == 2, timeout=WAIT)
    assert case_persons.items_of_person(archive, person.ref) == []
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0).child(0))
    tab.unlink_current()
    qtbot.waitUntil(lambda: len(rows()) == 1, timeout=WAIT)
    assert case_incidents.get_incident(archive, incident.ref).items == []
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0).child(0))
    tab.unlink_current()
    qtbot.waitUntil(lambda: tab.empty.isVisible(), timeout=WAIT)
    window.select_item(results[1].item_id)  # another item, never linked
    qtbot.waitUntil(lambda: tab.shown is not None and tab.shown.item_id == results[1].item_id,
                    timeout=WAIT)  # fmt: skip
    assert rows() == [] and tab.empty.isVisible()


def test_the_case_tab_shows_both_sides_of_a_testimony_attachment(qtbot, window, case, tmp_path):
    (photo,) = import_photos(qtbot, window, tmp_path, n=1)
    archive = window.archive
    t = case_testimonies.add_testimony(archive, pseudonym="Д.", statement="…")
    case_testimony_attachments.attach(archive, t.exhibit, [photo.exhibit])
    window.hooks.announce(Change.ITEM_SET | Change.CASE_RECORDS)
    wait_idle(qtbot, window)
    tab = case.item_tab
    window.detail.tabs.setCurrentWidget(tab)

    def shown_rows(item_id: int) -> list[str]:
        if tab.shown is None or tab.shown.item_id != item_id:
            return []
        group = tab.tree.topLevelItem(0)
        return [group.child(i).text(0) for i in range(group.childCount())] if group else []

    window.select_item(t.item_id)  # the testimony: its attachment, which opens by selection
    qtbot.waitUntil(lambda: shown_rows(t.item_id) != [], timeout=WAIT)
    assert shown_rows(t.item_id)[0].startswith(photo.exhibit)
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0).child(0))
    tab.open_current()
    qtbot.waitUntil(lambda: tab.shown is not None and tab.shown.item_id == photo.item_id,
                    timeout=WAIT)  # fmt: skip
    assert shown_rows(photo.item_id) == [f"{t.witness_code}  {t.exhibit}"]
    editor = case.new_testimony(t.exhibit)  # open: an unlink refreshes it
    qtbot.waitUntil(lambda: editor.ref is not None, timeout=WAIT)
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0).child(0))
    tab.unlink_current()
    qtbot.waitUntil(lambda: tab.empty.isVisible(), timeout=WAIT)
    with archive.db.reader() as session:
        assert case_testimony_attachments.attachments_of(session, t.item_id) == []
    editor.close()
