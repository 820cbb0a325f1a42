"""Tools › Check Archive Health…: the doctor service in a dialog, on the real window.

A healthy archive says so; a safe problem (a dropped protective trigger) is
repaired from the dialog; a malformed
database met when opening offers the dialog, which restores the newest good
backup and the window opens the archive again.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from evidence_desk.gui.shell import doctor_dialog
from evidence_desk.services.archive.archive import create_archive, open_archive
from evidence_desk.services.catalogue import items
from tests import media
from tests.gui.conftest import WAIT_MS, wait_query
from tests.helpers.ingest import run

LONG_MS = 120_000


def _rows(dialog) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    table = dialog.findings
    return [
        (table.item(r, 0).text(), table.item(r, 1).text(), table.item(r, 2).text())
        for r in range(table.rowCount())
    ]


def _examined(qtbot, dialog):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.examined, timeout=LONG_MS) as blocker:
        pass
    return blocker.args[0]


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """A closed archive with three items (so its rotating backup is written)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        media.write_bytes(folder / f"n{i}.txt", f"note {i}\n".encode())
    root = tmp_path / "archive"
    with create_archive(root, "Health") as archive:
        assert len(run(archive, folder, received_from="W").new) == 3
    return root


@pytest.fixture
def archive(filled: Path):  # type: ignore[no-untyped-def]
    """``filled``, for the conftest's window (a fresh archive has no backup yet: the
    doctor would rightly call that a problem)."""
    with open_archive(filled) as opened:
        yield opened


def test_menu_entry_after_verify_and_a_healthy_archive(qtbot, window) -> None:
    doctor_dialog.install_doctor_ui(window)
    tools = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Tools")
    texts = [a.text() for a in tools.actions()]
    assert texts.index("Check Archive &Health…") == texts.index("&Verify Archive…") + 1
    assert window.doctor_action.isEnabled()
    window.doctor_action.trigger()
    dialog = window.doctor_dialog
    assert dialog.busy.isVisible() and not dialog.again_button.isEnabled()
    report = _examined(qtbot, dialog)
    assert report.ok
    assert not dialog.busy.isVisible()
    assert dialog.headline.text() == "The archive is healthy."
    rows = _rows(dialog)
    assert rows[0][:2] == ("OK", "Database") and all(r[0] == "OK" for r in rows), rows
    assert not dialog.repair_button.isEnabled() and not dialog.restore_button.isVisible()
    dialog.close()


def test_safe_repairs_from_the_dialog(qtbot, window) -> None:
    root = window.archive.root
    conn = sqlite3.connect(root / "evidence.sqlite")
    conn.execute("DROP TRIGGER sources_no_update")
    conn.close()
    dialog = doctor_dialog.open_doctor(window)
    assert dialog is not None
    report = _examined(qtbot, dialog)
    assert not report.ok
    assert dialog.headline.text() == "Problems were found."
    problems = {r[1] for r in _rows(dialog) if r[0] == "Problem"}
    assert problems == {"Protective triggers"}, _rows(dialog)
    assert dialog.repair_button.isEnabled()
    dialog.repair_button.click()
    repaired = _examined(qtbot, dialog)
    assert repaired.ok, [(c.name, c.message) for c in repaired.checks]
    fixed = {r[1] for r in _rows(dialog) if r[0] == "Repaired"}
    assert fixed == {"Protective triggers"}, _rows(dialog)
    conn = sqlite3.connect(root / "evidence.sqlite")
    assert conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='trigger' AND name='sources_no_update'"
    ).fetchone()
    conn.close()
    dialog.run()
    assert _examined(qtbot, dialog).ok
    dialog.close()


def test_malformed_database_offers_the_dialog_which_restores_a_backup(
    qtbot, filled: Path, monkeypatch
) -> None:
    from evidence_desk.gui.shell.main_window import MainWindow

    db = filled / "evidence.sqlite"
    data = bytearray(db.read_bytes())
    data[4096:8192] = b"\xa5" * 4096  # wreck pages past the header
    db.write_bytes(bytes(data))
    for extra in ("evidence.sqlite-wal", "evidence.sqlite-shm"):
        (filled / extra).unlink(missing_ok=True)
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    try:
        win.open_archive_at(filled)
        qtbot.waitUntil(lambda: getattr(win, "damaged_box", None) is not None, timeout=WAIT_MS)
        box = win.damaged_box
        assert str(db) in box.text() or str(filled) in box.text()
        check = next(b for b in box.buttons() if b.text() == "Check Archive Health…")
        check.click()
        dialog = win.doctor_dialog
        report = _examined(qtbot, dialog)
        assert not report.ok
        assert dialog.headline.text() == "The archive's database is damaged."
        assert dialog.restore_button.isVisible() and dialog.restore_button.isEnabled()
        assert not dialog.repair_button.isEnabled()
        monkeypatch.setattr(
            QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes
        )
        dialog.restore_button.click()
        restored = _examined(qtbot, dialog)
        assert restored.ok, [(c.name, c.message) for c in restored.checks]
        assert "restored from" in dialog.explanation.text()
        assert "damaged-" in dialog.explanation.text()  # the damaged file is kept
        qtbot.waitUntil(lambda: win.archive is not None, timeout=WAIT_MS)
        wait_query(qtbot, win)
        assert win.model.total() == 3
        assert len(items.list_items(win.archive)) == 3
        dialog.close()
    finally:
        win.shutdown()


def test_an_encrypted_archive_is_checked_after_asking_its_passphrase(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    from evidence_desk.gui.shell import lock
    from evidence_desk.gui.shell.main_window import MainWindow

    root = tmp_path / "sealed"
    create_archive(root, "Sealed", passphrase="x" * 20).close()
    win = MainWindow()
    qtbot.addWidget(win)
    try:
        monkeypatch.setattr(lock, "ask_unlock", lambda *_a, **_k: None)
        assert doctor_dialog.open_doctor(win, root) is None  # the passphrase was not given
        monkeypatch.setattr(lock, "ask_unlock", lambda *_a, **_k: "x" * 20)
        dialog = doctor_dialog.open_doctor(win, root)
        assert dialog is not None
        report = _examined(qtbot, dialog)
        assert not doctor_dialog.database_damaged(report), report.checks
        assert _rows(dialog)[0][:2] == ("OK", "Database")
        assert dialog.headline.text() != "The archive's database is damaged."
        dialog.close()
    finally:
        win.shutdown()
