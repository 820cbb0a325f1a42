"""An archive on write-protected media in the window: open, list, search, verify, export.

The medium is a real tmpfs remounted read-only (tests/fs_faults.py; skipped
where mounting is not permitted): the tests run as root here, and root
writes through ``chmod a-w``, so only the kernel's EROFS is an honest test.
Edits are refused with one clear message naming the read-only medium.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from evidence_desk.gui.bundles.install import install_bundle_ui
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.bundles.verify import verify_bundle
from evidence_desk.services.case import persons as case_persons
from evidence_desk.services.catalogue import items
from tests import media
from tests.fs_faults import small_fs
from tests.gui.conftest import WAIT_MS, drop, wait_idle, wait_query
from tests.helpers.ingest import run

LONG_MS = 120_000


@pytest.fixture
def read_only_window(qtbot, tmp_path: Path, monkeypatch) -> Iterator[tuple]:
    """The window showing a three-item archive on a medium remounted read-only."""
    from evidence_desk.gui.shell.main_window import MainWindow

    with small_fs(tmp_path / "stick", "16m") as stick:
        folder = tmp_path / "in"
        folder.mkdir()
        for i in range(3):
            media.make_jpeg(folder / f"photo{i}.jpg", color=(60 * i, 90, 160))
        root = stick.path / "archive"
        with create_archive(root, "On a stick") as archive:
            assert len(run(archive, folder, received_from="W").new) == 3
            person = case_persons.add_person(archive, ["Witness"])
            case_persons.add_status(archive, person.ref, "detained")
            case_persons.link_item(archive, "ED-1", person.ref)
        stick.read_only()
        shown: list[str] = []
        monkeypatch.setattr(
            QMessageBox, "warning", lambda _w, _t, text, *a, **k: shown.append(text)
        )
        win = MainWindow()
        qtbot.addWidget(win)
        win.show()
        win.open_archive_at(root)  # as File › Open does: in a worker
        qtbot.waitUntil(lambda: win.archive is not None, timeout=WAIT_MS)
        assert win.archive.read_only
        wait_query(qtbot, win)
        try:
            yield win, shown
        finally:
            win.shutdown()  # closes the archive, before the medium is unmounted


def test_lists_and_searches(qtbot, read_only_window) -> None:
    win, shown = read_only_window
    assert win.model.total() == 3
    win.filter_bar.search.setText("photo1")
    qtbot.waitUntil(lambda: not win.model.loading and win.model.total() == 1, timeout=WAIT_MS)
    assert shown == []


def test_verify_reports_and_says_fixity_was_not_recorded(qtbot, read_only_window) -> None:
    win, shown = read_only_window
    with qtbot.waitSignal(win.verifier.finished, timeout=LONG_MS) as done:
        win.start_verify()
    report = done.args[0]
    assert report is not None and report.problems == [], [p.message for p in report.problems]
    assert not report.fixity_recorded
    dialog = win.verifier.report_dialog
    assert dialog is not None and "NOT recorded" in dialog.text()
    assert shown == []


def test_exports_to_another_place(qtbot, read_only_window, tmp_path: Path) -> None:
    win, shown = read_only_window
    install_bundle_ui(win)
    ui = win.bundle_ui
    win.table.selectAll()
    dialog = ui.export_bundle()
    assert dialog is not None
    qtbot.waitUntil(
        lambda: dialog.incident.count() > 0 and "loading" not in dialog.incident.itemText(0),
        timeout=10_000,
    )
    out = tmp_path / "elsewhere"
    out.mkdir()
    dialog.destination.setText(str(out / "from-stick"))
    with qtbot.waitSignal(ui.exported, timeout=LONG_MS) as blocker:
        dialog.accept()
    report = blocker.args[0]
    assert report.path == out / "from-stick" and len(report.exported) == 3
    assert not report.custody_recorded
    assert verify_bundle(report.path).ok
    wait_idle(qtbot, win)
    assert shown == []


def test_an_edit_is_refused_with_one_clear_message(qtbot, read_only_window) -> None:
    win, shown = read_only_window
    first = win.model.id_at(0)
    win.table.selectRow(0)
    qtbot.waitUntil(
        lambda: win.detail.current is not None and win.detail.current.item_id == first,
        timeout=WAIT_MS,
    )
    exhibit = win.detail.current.item["exhibit"]
    before = items.get_item(win.archive, exhibit)["title"]
    form = win.detail.form
    form.title.setText("A new title")
    form.title.editingFinished.emit()
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
    assert len(shown) == 1 and "read-only" in shown[0], shown
    assert "Traceback" not in shown[0] and "\n" not in shown[0].strip()
    assert items.get_item(win.archive, exhibit)["title"] == before


def _refusal(shown: list[str], root: Path) -> str:
    assert len(shown) == 1, shown
    text = shown[0]
    assert "read-only medium" in text and str(root) in text, text
    assert "Traceback" not in text and "\n" not in text.strip()
    return text


def _new_dialogs(before: set[int]) -> list[str]:
    return [
        type(w).__name__
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog) and w.isVisible() and id(w) not in before
    ]


def test_an_import_is_refused_before_provenance_is_asked(
    qtbot, read_only_window, tmp_path: Path
) -> None:
    win, shown = read_only_window
    src = tmp_path / "more"
    src.mkdir()
    media.make_jpeg(src / "new.jpg", color=(1, 2, 3))
    drop(win, [src])
    assert win.importer.dialog is None  # no provenance asked for an import that cannot happen
    _refusal(shown, win.archive.root)
    wait_idle(qtbot, win)
    assert win.model.total() == 3


def test_every_editing_action_is_refused_before_its_dialog(
    qtbot, read_only_window, monkeypatch
) -> None:
    """Each action that would open a dialog (or a file chooser) to change the archive says
    why it cannot, once, and opens nothing."""
    from evidence_desk.gui.shell.features import install_features

    win, shown = read_only_window
    install_features(win)

    def no_chooser(*_a, **_k):
        raise AssertionError("a file chooser opened on a read-only archive")

    for name in ("getOpenFileNames", "getOpenFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, no_chooser)
    case = win.case_ui.actions
    actions = {
        "import files": win.menu_actions.import_files,
        "import folder": win.menu_actions.import_folder,
        "import bundle": win.bundle_ui.import_action,
        "add tags": win.menu_actions.add_tags,
        "remove tags": win.menu_actions.remove_tags,
        "sensitivity": win.menu_actions.sensitivity["confidential"],
        "remove": win.menu_actions.remove,
        "new testimony": case["new_testimony"],
        "new incident": case["new_incident"],
        "vocabularies": case["vocabularies"],
        "periods": case["periods"],
        "clock correction": case["clock"],
        "encrypt": win.lock.encrypt_action,
    }
    before = {id(w) for w in QApplication.topLevelWidgets()}
    for label, action in actions.items():
        win.table.selectRow(0)  # the item actions need a selection
        qtbot.waitUntil(lambda a=action: a.isEnabled(), timeout=WAIT_MS)
        shown.clear()
        assert action.isEnabled(), label  # enabled: the message says why it cannot work
        action.trigger()
        assert _new_dialogs(before) == [], label
        assert len(shown) == 1, (label, shown)
        _refusal(shown, win.archive.root)
    wait_idle(qtbot, win)
    assert all(not i["tags"] for i in items.list_items(win.archive))
    assert win.model.total() == 3


def test_links_and_statuses_are_refused_before_anything_is_asked(
    qtbot, read_only_window, monkeypatch
) -> None:
    """An existing record opens to be read; taking back a status or a link, in the person
    editor or the item's Case tab, says why it cannot before any confirmation."""
    win, shown = read_only_window
    asked: list[object] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes
    )
    editor = win.case_ui.open_record("person", "P-1")
    qtbot.waitUntil(
        lambda: editor.statuses.count() == 1 and editor.items.count() == 1, timeout=WAIT_MS
    )
    tab = win.case_ui.item_tab
    win.detail.tabs.setCurrentWidget(tab)
    win.table.selectRow(0)
    qtbot.waitUntil(lambda: tab.tree.topLevelItemCount() == 1, timeout=WAIT_MS)
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0).child(0))
    editor.statuses.setCurrentRow(0)
    editor.items.setCurrentRow(0)
    for attempt in (editor.remove_status, editor.unlink_current, tab.unlink_current):
        shown.clear()
        attempt()
        _refusal(shown, win.archive.root)
    assert asked == []
    person = case_persons.get_person(win.archive, "P-1")
    assert len(person.statuses) == 1
    assert len(case_persons.items_of_person(win.archive, "P-1")) == 1


def test_health_check_reports_the_medium_and_offers_no_repair(qtbot, read_only_window) -> None:
    from evidence_desk.gui.shell.doctor_dialog import open_doctor

    win, shown = read_only_window
    dialog = open_doctor(win)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=LONG_MS)
    assert dialog.report.ok, dialog.report.checks  # not "damaged": the medium is read-only
    assert any(c.name == "medium" for c in dialog.report.checks)
    assert not dialog.repair_button.isEnabled() and not dialog.restore_button.isVisible()
    dialog.close()
    assert shown == []
