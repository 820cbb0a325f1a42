"""Encrypted archives in the window: unlock (again after a wrong passphrase), create,
lock with Ctrl+L and when idle, change the passphrase."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from evidence_desk.gui.shell import lock as lock_ui
from evidence_desk.services.archive.archive import create_archive, open_archive
from evidence_desk.services.archive.settings import load_settings, save_settings
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests import media
from tests.gui.conftest import unlock_answers, wait_idle, wait_query

PASS = "correct horse battery"


pytestmark = pytest.mark.usefixtures("fast_kdf")


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    archive = create_archive(root, "Encrypted", passphrase=PASS)
    media.make_jpeg(tmp_path / "IMG_1.jpg")
    ingest(archive, [tmp_path / "IMG_1.jpg"], provenance=Provenance())
    archive.close()
    return root


def test_unlock_asks_again_after_a_wrong_passphrase(qtbot, bare_window, encrypted, monkeypatch):
    problems = unlock_answers(monkeypatch, "wrong passphrase", PASS)
    bare_window.open_archive_at(encrypted)
    qtbot.waitUntil(lambda: bare_window.archive is not None, timeout=30_000)
    assert problems == ["", "Wrong passphrase; try again."]
    wait_query(qtbot, bare_window)
    assert bare_window.model.rowCount() == 1
    assert bare_window.archive.encrypted and bare_window.lock.lock_action.isEnabled()


def test_cancelled_unlock_opens_nothing(qtbot, bare_window, encrypted, monkeypatch):
    unlock_answers(monkeypatch, None)
    assert bare_window.open_archive_at(encrypted) is None
    assert bare_window.archive is None


def test_ctrl_l_closes_the_archive_and_unlocking_reopens_it(
    qtbot, bare_window, encrypted, monkeypatch
):
    unlock_answers(monkeypatch, PASS, PASS)
    bare_window.open_archive_at(encrypted)
    qtbot.waitUntil(lambda: bare_window.archive is not None, timeout=30_000)
    wait_query(qtbot, bare_window)
    opened = bare_window.archive
    bare_window.lock.lock(ask=False)
    assert bare_window.archive is None
    assert bare_window.model.rowCount() == 0
    assert "locked" in bare_window.windowTitle()
    assert bare_window.lock.locked_root == encrypted
    bare_window.lock.unlock()
    qtbot.waitUntil(lambda: bare_window.archive is not None, timeout=30_000)
    assert bare_window.archive is not opened
    wait_idle(qtbot, bare_window)


def test_idle_archive_locks_itself(qtbot, bare_window, encrypted, monkeypatch):
    settings = load_settings()
    settings.auto_lock_minutes = 1
    save_settings(settings)
    unlock_answers(monkeypatch, PASS)
    bare_window.open_archive_at(encrypted)
    qtbot.waitUntil(lambda: bare_window.archive is not None, timeout=30_000)
    wait_idle(qtbot, bare_window)
    bare_window.lock._check_idle()
    assert bare_window.archive is not None  # not idle yet
    bare_window.lock._last_input = time.monotonic() - 61
    bare_window.lock._check_idle()
    assert bare_window.archive is None and bare_window.lock.locked_root == encrypted


def test_new_archive_dialog_checks_the_passphrase(qtbot, tmp_path) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from evidence_desk.gui.shell.new_archive_dialog import NewArchiveDialog

    dialog = NewArchiveDialog(tmp_path)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.name.setText("Almaty")
    assert ok.isEnabled() and not dialog.passphrase.isEnabled()
    assert dialog.encryption() == lock_ui.NewArchiveChoice(None, False)
    dialog.encrypt.setChecked(True)
    dialog.passphrase.setText("short")
    dialog.repeat.setText("short")
    assert not ok.isEnabled() and "at least 8" in dialog.result_label.text()
    dialog.passphrase.setText("long enough words")
    dialog.repeat.setText("long enough wordz")
    assert not ok.isEnabled() and "differ" in dialog.result_label.text()
    dialog.repeat.setText("long enough words")
    dialog.recovery.setChecked(True)
    assert ok.isEnabled()
    assert dialog.encryption() == lock_ui.NewArchiveChoice("long enough words", True)


def test_passphrase_change_dialog_checks_the_new_one(qtbot) -> None:
    dialog = lock_ui.NewPassphraseDialog(new_archive=False)
    qtbot.addWidget(dialog)
    dialog.first.setText("long enough words")
    dialog.second.setText("other words here")
    dialog._check()
    assert "differ" in dialog.problem.text() and dialog.result() != QDialog.DialogCode.Accepted


def test_creating_an_encrypted_archive_from_the_window(qtbot, bare_window, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(lock_ui, "show_recovery_key", lambda _w, k: shown.append(k))
    root = tmp_path / "new"
    bare_window.open_archive_at(
        root, create=True, new=lock_ui.NewArchiveChoice("a good passphrase", True)
    )
    qtbot.waitUntil(lambda: bare_window.archive is not None, timeout=30_000)
    assert bare_window.archive.encrypted and len(shown) == 1
    assert bare_window.archive.recovery_key is None  # shown once, then forgotten
    wait_idle(qtbot, bare_window)


def test_change_passphrase_from_the_window(qtbot, bare_window, encrypted, monkeypatch):
    unlock_answers(monkeypatch, PASS)
    bare_window.open_archive_at(encrypted)
    qtbot.waitUntil(lambda: bare_window.archive is not None, timeout=30_000)
    wait_idle(qtbot, bare_window)

    class Filled(lock_ui.NewPassphraseDialog):
        def exec(self) -> int:
            self.old.setText(PASS)
            self.first.setText("the next passphrase")
            self.second.setText("the next passphrase")
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(lock_ui, "NewPassphraseDialog", Filled)
    bare_window.lock.change_passphrase()
    wait_idle(qtbot, bare_window)
    bare_window.shutdown()
    with open_archive(encrypted, passphrase=lambda: "the next passphrase") as archive:
        assert archive.encrypted


def test_encrypting_the_open_plain_archive_from_the_window(
    qtbot, bare_window, tmp_path, monkeypatch
):
    root = tmp_path / "plain"
    archive = create_archive(root, "Plain")
    media.make_jpeg(tmp_path / "IMG_2.jpg")
    ingest(archive, [tmp_path / "IMG_2.jpg"], provenance=Provenance())
    archive.close()
    bare_window.open_archive_at(root)
    qtbot.waitUntil(lambda: bare_window.archive is not None, timeout=30_000)
    wait_idle(qtbot, bare_window)
    assert bare_window.lock.encrypt_action.isEnabled()
    assert not bare_window.lock.lock_action.isEnabled()
    shown: list[str] = []
    monkeypatch.setattr(lock_ui, "show_recovery_key", lambda _w, key: shown.append(key))
    bare_window.lock.start_encryption(root, lock_ui.NewArchiveChoice("a long passphrase", True))
    qtbot.waitUntil(
        lambda: bare_window.archive is not None and bare_window.archive.encrypted,
        timeout=60_000,
    )
    assert len(shown) == 1
    wait_query(qtbot, bare_window)
    assert bare_window.model.rowCount() == 1
    assert bare_window.lock.lock_action.isEnabled()
    assert not bare_window.lock.encrypt_action.isEnabled()
    wait_idle(qtbot, bare_window)


def test_an_encrypted_archive_leaves_no_source_name_in_the_settings(
    qtbot, bare_window, encrypted, tmp_path, monkeypatch
):
    from evidence_desk.services.archive.settings import settings_path
    from tests.gui.conftest import import_by_drop

    unlock_answers(monkeypatch, PASS)
    bare_window.open_archive_at(encrypted)
    qtbot.waitUntil(lambda: bare_window.archive is not None, timeout=30_000)
    wait_idle(qtbot, bare_window)
    (tmp_path / "new").mkdir()
    media.make_jpeg(tmp_path / "new" / "IMG_9.jpg", color=(9, 99, 199))
    bare_window.importer.show_summary = False
    report = import_by_drop(qtbot, bare_window, [tmp_path / "new"], received_from="CNRY-Айгуль")
    assert len(report.new) == 1  # the provenance was recorded…
    assert "CNRY" not in settings_path().read_text(encoding="utf-8")
    wait_idle(qtbot, bare_window)
