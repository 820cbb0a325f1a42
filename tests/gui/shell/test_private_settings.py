"""Nothing identifying in plaintext settings: an encrypted archive's saved searches are
sealed inside it and its path joins Open Recent only when the user opts in."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtWidgets import QLabel

from evidence_desk.gui.shell import lock as lock_ui
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.archive.settings import load_settings, save_settings
from tests.gui.conftest import wait_idle

PASS = "correct horse battery"
CANARY = "CANARY-Жаңаөзен-witness-91c2"


pytestmark = pytest.mark.usefixtures("fast_kdf")


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    root = tmp_path / f"archive-{CANARY}"
    create_archive(root, "Encrypted", passphrase=PASS).close()
    return root


def _open(qtbot, win, root: Path) -> None:
    win.open_archive_at(root, passphrase=PASS)
    qtbot.waitUntil(lambda: win.archive is not None, timeout=30_000)
    wait_idle(qtbot, win)


def _settings_bytes() -> bytes:
    """Every file the application's settings live in: ours and Qt's."""
    QSettings().sync()
    qt_base = Path(QSettings().fileName()).parent.parent  # Evidence Desk's and QtProject.conf
    folders = [Path(os.environ["EVIDENCE_DESK_CONFIG_DIR"]), qt_base]
    return b"".join(
        p.read_bytes() for folder in folders if folder.exists()
        for p in sorted(folder.rglob("*")) if p.is_file()
    )  # fmt: skip


def test_canary_search_on_an_encrypted_archive_is_not_in_the_settings(
    qtbot, bare_window, encrypted
) -> None:
    _open(qtbot, bare_window, encrypted)
    bare_window.filter_bar.search.setText(CANARY)
    bare_window.save_search(f"about {CANARY}")
    assert [s.name for s in bare_window.saved_searches] == [f"about {CANARY}"]
    bare_window.save_state()  # geometry, splitters, header: written as at exit
    assert CANARY.encode() not in _settings_bytes()
    assert str(encrypted) not in load_settings().recent_archives

    bare_window.lock.lock(ask=False)
    assert bare_window.saved_searches == [], "locked: the archive's list is hidden"
    _open(qtbot, bare_window, encrypted)
    assert [s.filters.text for s in bare_window.saved_searches] == [CANARY]
    assert CANARY.encode() not in _settings_bytes()


def test_a_plain_archive_is_remembered_and_its_searches_shared(qtbot, bare_window, tmp_path):
    root = tmp_path / "plain"
    create_archive(root, "Plain").close()
    _open(qtbot, bare_window, root)
    bare_window.filter_bar.search.setText("Алматы")
    bare_window.save_search("plain search")
    assert load_settings().recent_archives[0] == str(root)
    assert b"plain search" in _settings_bytes()


def test_remembering_encrypted_archives_is_an_opt_in(qtbot, bare_window, encrypted) -> None:
    dialog = bare_window.show_preferences()
    qtbot.addWidget(dialog)
    box = dialog.remember_encrypted
    assert not box.isChecked(), "off by default"
    note = dialog.findChild(QLabel, "rememberEncryptedNote")
    assert note is not None and "unencrypted" in note.text()
    box.setChecked(True)
    dialog.accept()
    assert load_settings().remember_encrypted_archives
    _open(qtbot, bare_window, encrypted)
    assert load_settings().recent_archives[0] == str(encrypted)

    settings = load_settings()  # switched off again: the remembered path is forgotten
    dialog = bare_window.show_preferences()
    qtbot.addWidget(dialog)
    dialog.remember_encrypted.setChecked(False)
    dialog.accept()
    assert str(encrypted) not in load_settings().recent_archives
    assert settings.remember_encrypted_archives


def test_qt_file_dialog_history_forgets_an_encrypted_archive(qtbot, bare_window, encrypted):
    qt = QSettings(QSettings.Scope.UserScope, "QtProject")
    inside = QUrl.fromLocalFile(str(encrypted / "objects")).toString()
    qt.setValue("FileDialog/history", [inside, "file:///home/user/Pictures"])
    qt.setValue("FileDialog/lastVisited", QUrl.fromLocalFile(str(encrypted)))
    qt.sync()
    _open(qtbot, bare_window, encrypted)
    qt = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert qt.value("FileDialog/history") in (
        ["file:///home/user/Pictures"],
        "file:///home/user/Pictures",
    )
    assert qt.value("FileDialog/lastVisited") is None
    assert CANARY.encode() not in _settings_bytes()


def test_an_encrypted_archive_remembered_before_is_forgotten_on_open(
    qtbot, bare_window, encrypted, monkeypatch
) -> None:
    settings = load_settings()
    settings.recent_archives = [str(encrypted), "/elsewhere"]
    save_settings(settings)
    monkeypatch.setattr(lock_ui, "ask_unlock", lambda *_a, **_k: PASS)
    _open(qtbot, bare_window, encrypted)
    assert load_settings().recent_archives == ["/elsewhere"]
