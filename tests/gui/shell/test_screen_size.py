"""The main window, every dock shown, fits a 1366x768 laptop in each language (issue #9)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractButton

from tests.gui.conftest import FRAME_AND_PANEL

MAX_MIN_WIDTH = 1024
SCREEN = QSize(1366, 768)


def test_main_window_minimum_fits_a_laptop(qtbot, language, archive):
    from evidence_desk.gui.shell.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    for dock in win.case_ui.docks.values():
        dock.show()
    win.show()
    win.set_archive(archive)
    qtbot.waitUntil(lambda: not win.model.loading, timeout=30_000)
    qtbot.wait(50)
    needed = win.minimumSizeHint().expandedTo(win.minimumSize())
    assert needed.width() <= MAX_MIN_WIDTH, (language, needed)
    assert needed.height() <= SCREEN.height() - FRAME_AND_PANEL, (language, needed)
    # The window opens within the screen it is on, whatever size it had elsewhere.
    room = win.screen().availableGeometry()
    assert win.width() <= max(room.width(), needed.width())
    assert win.height() <= max(room.height(), needed.height())
    win.resize(SCREEN.width(), SCREEN.height() - FRAME_AND_PANEL)
    qtbot.wait(50)
    for button in win.findChildren(QAbstractButton):
        if button.isVisible() and button.text():
            hint = button.minimumSizeHint()
            assert button.width() >= hint.width() - 1, (language, button.text())
    win.shutdown()
    win.archive = None


def test_hash_is_elided_in_the_middle_with_the_whole_value_to_copy(qtbot, qapp):
    from PySide6.QtGui import QGuiApplication

    from evidence_desk.gui.detail.elided_label import ElidedLabel

    sha = "0123456789abcdef" * 4
    label = ElidedLabel(sha)
    qtbot.addWidget(label)
    label.resize(150, 20)
    shown = label.shown_text()
    assert "…" in shown and shown.startswith("0123") and shown.endswith("cdef")
    assert label.toolTip() == sha
    assert label.minimumSizeHint().width() < 150
    label.copy()
    assert QGuiApplication.clipboard().text() == sha


def test_dialogs_fit_the_screen(qtbot, language, window, tmp_path):
    """Every dialog and editor fits 1366x768 at its minimum, and none clips a button."""
    from tests import media
    from tests.gui.conftest import import_by_drop, wait_idle
    from tests.gui.shell.ui_walk import open_everything, sample_case

    media.make_jpeg(tmp_path / "a.jpg")
    report = import_by_drop(qtbot, window, [tmp_path / "a.jpg"])
    case = sample_case(window.archive, tmp_path)
    case["import_report"] = report
    window.select_item(window.model.id_at(0))
    qtbot.waitUntil(lambda: bool(window.selected_ids()), timeout=30_000)
    dialogs = open_everything(qtbot, window, case)
    wait_idle(qtbot, window)
    assert len(dialogs) >= 14
    for dialog in dialogs:
        dialog.show()
        hint = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
        name = type(dialog).__name__
        assert hint.width() <= SCREEN.width(), (language, name, hint)
        assert hint.height() <= SCREEN.height() - FRAME_AND_PANEL, (language, name, hint)
        dialog.resize(
            min(dialog.width(), SCREEN.width()),
            min(dialog.height(), SCREEN.height() - FRAME_AND_PANEL),
        )
        qtbot.wait(10)
        for button in dialog.findChildren(QAbstractButton):
            if button.isVisible() and button.text() and button.window() is dialog:
                assert button.width() >= button.minimumSizeHint().width() - 1, (
                    language,
                    name,
                    button.text(),
                )
        dialog.close()
