"""Fixtures for driving the real main window offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent

from evidence_desk.gui.shell.app import ORGANISATION
from evidence_desk.services.intake.ingest import IngestReport

WAIT_MS = 30_000


@pytest.fixture(autouse=True)
def _qt_names_and_cache(qapp, tmp_path_factory, monkeypatch):
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName("Evidence Desk tests")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    # Qt reads XDG_CONFIG_HOME once per process: point QSettings at a fresh
    # folder for every test, or a window's saved sort order, geometry and
    # recent archives leak into the next test's window.
    QSettings.setPath(
        QSettings.Format.NativeFormat,
        QSettings.Scope.UserScope,
        str(tmp_path_factory.mktemp("qsettings")),
    )


@pytest.fixture
def window(qtbot, archive):
    from evidence_desk.gui.shell.app import tune_runtime
    from evidence_desk.gui.shell.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    tune_runtime()  # as the application does at start-up
    win.importer.show_summary = True
    win.show()
    win.set_archive(archive)
    wait_query(qtbot, win)
    yield win
    win.shutdown()
    win.archive = None  # the archive fixture closes it


# Title bar and a taskbar: what a 768-pixel-high screen leaves for the window.
FRAME_AND_PANEL = 80


@pytest.fixture(params=["en", "ru", "kk"])
def language(request, qapp):
    """Each of the interface languages in turn, loaded from the .ts files as the
    application loads them."""
    from evidence_desk.gui.shell import i18n

    i18n.install(request.param)
    yield request.param
    i18n.install("en")


@pytest.fixture
def bare_window(qtbot):
    """A main window with no archive open (the tests open one the way the user does)."""
    from evidence_desk.gui.shell.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    yield win
    win.shutdown()


def unlock_answers(monkeypatch: pytest.MonkeyPatch, *answers: str | None) -> list[str]:
    """Stand in for the modal unlock dialog, answering ``answers`` in turn; returns the
    problems shown each time it was asked."""
    from evidence_desk.gui.shell import lock as lock_ui

    queue = list(answers)
    problems: list[str] = []

    def ask(_window, _root, problem: str = "") -> str | None:
        problems.append(problem)
        return queue.pop(0)

    monkeypatch.setattr(lock_ui, "ask_unlock", ask)
    return problems


def wait_query(qtbot, win) -> None:
    qtbot.waitUntil(lambda: not win.model.loading, timeout=WAIT_MS)


def wait_idle(qtbot, win) -> None:
    """Until every background task has finished and its results were delivered."""
    qtbot.waitUntil(lambda: not win.runner.running(), timeout=WAIT_MS)


def drop(win, paths: list[Path]) -> None:
    """Deliver a real drop event carrying file URLs, exactly as a file manager would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dropEvent(event)


def import_by_drop(qtbot, win, paths: list[Path], received_from: str = "Volunteer") -> IngestReport:
    drop(win, paths)
    dialog = win.importer.dialog
    assert dialog is not None, "dropping files must open the provenance dialog"
    dialog.received_from.setText(received_from)
    dialog.method.setCurrentText("Telegram export")
    dialog.collector.setText("Researcher One")
    with qtbot.waitSignal(win.importer.finished, timeout=120_000) as blocker:
        dialog.accept()
    wait_query(qtbot, win)
    wait_idle(qtbot, win)
    report = blocker.args[0]
    if win.importer.summary is not None:
        win.importer.summary.close()
    return report
