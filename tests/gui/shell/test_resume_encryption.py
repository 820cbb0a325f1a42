"""An archive whose conversion to encrypted was interrupted: the window says so when it is
opened and offers to finish it (passphrase, progress, Cancel), or explains why it did not open."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from evidence_desk.gui.shell import encryption
from evidence_desk.services.archive.archive import create_archive, open_archive
from evidence_desk.services.catalogue import conversion
from evidence_desk.services.catalogue.verify import verify
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests import media
from tests.gui.conftest import unlock_answers, wait_idle, wait_query

PASS = "correct horse battery"


pytestmark = pytest.mark.usefixtures("fast_kdf")


@pytest.fixture
def interrupted(tmp_path: Path) -> Path:
    """A plain archive of three photos whose encryption stopped after the first original."""
    root = tmp_path / "archive"
    archive = create_archive(root, "Half encrypted")
    photos = []
    for n in range(3):
        photos.append(tmp_path / f"IMG_{n}.jpg")
        media.make_jpeg(photos[-1], color=(40 * n, 90, 200))
    ingest(archive, photos, provenance=Provenance())
    archive.close()
    asked = iter([False, True])  # cancelled before the second original
    report = conversion.encrypt_archive(root, PASS, cancelled=lambda: next(asked, True))
    assert report.cancelled and report.objects_encrypted == 1
    assert conversion.conversion_pending(root)
    return root


@pytest.fixture
def bare_window(bare_window, monkeypatch):
    """The conftest's window, with the errors it would show in a box collected instead."""
    errors: list[str] = []
    monkeypatch.setattr(bare_window, "_show_error", errors.append)
    bare_window.errors = errors
    return bare_window


def test_declining_explains_and_opens_nothing(qtbot, bare_window, interrupted, monkeypatch):
    asked: list[Path] = []
    monkeypatch.setattr(encryption, "ask_resume", lambda _w, root: asked.append(root) or False)
    problems = unlock_answers(monkeypatch)
    assert bare_window.open_archive_at(interrupted) is None
    assert asked == [interrupted] and problems == [], "no passphrase asked after No"
    assert bare_window.archive is None
    assert "encryption is not finished" in bare_window.statusBar().currentMessage()
    assert conversion.conversion_pending(interrupted)


def test_finishing_asks_again_after_a_wrong_passphrase(
    qtbot, bare_window, interrupted, monkeypatch
):
    monkeypatch.setattr(encryption, "ask_resume", lambda _w, _root: True)
    problems = unlock_answers(monkeypatch, "not the passphrase", PASS)
    assert bare_window.open_archive_at(interrupted) is not None
    qtbot.waitUntil(
        lambda: bare_window.archive is not None and bare_window.archive.encrypted, timeout=60_000
    )
    assert problems == ["", "Wrong passphrase; try again."]
    wait_query(qtbot, bare_window)
    assert bare_window.model.rowCount() == 3
    assert not conversion.conversion_pending(interrupted)
    assert bare_window.errors == []
    wait_idle(qtbot, bare_window)
    bare_window.set_archive(None)
    with open_archive(interrupted, passphrase=lambda: PASS) as archive:
        assert verify(archive).ok


def test_finishing_can_be_cancelled_and_continued(qtbot, bare_window, interrupted, monkeypatch):
    monkeypatch.setattr(encryption, "ask_resume", lambda _w, _root: True)
    unlock_answers(monkeypatch, PASS, PASS)
    gate = threading.Event()
    encrypt_one = conversion._encrypt_one

    def held(*args, **kwargs):
        assert gate.wait(30)
        return encrypt_one(*args, **kwargs)

    monkeypatch.setattr(conversion, "_encrypt_one", held)
    task = bare_window.open_archive_at(interrupted)
    assert task is not None
    progress = bare_window.findChild(QWidget, "encryptionProgress")
    assert progress is not None and progress.cancel_button.isEnabled()
    progress.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: bare_window.errors != [], timeout=60_000)
    assert "Encryption stopped" in bare_window.errors[0]
    assert bare_window.archive is None and conversion.conversion_pending(interrupted)

    bare_window.errors.clear()
    bare_window.open_archive_at(interrupted)
    qtbot.waitUntil(
        lambda: bare_window.archive is not None and bare_window.archive.encrypted, timeout=60_000
    )
    assert not conversion.conversion_pending(interrupted) and bare_window.errors == []
    wait_idle(qtbot, bare_window)
