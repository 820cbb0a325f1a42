"""Closing the window's archive (lock, a restore from the health dialog, any close) leaves
no counts of it behind: the sidebar and the status line speak of no archive."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTreeWidgetItemIterator

from evidence_desk.gui.catalogue.views import empty_message
from tests import media
from tests.gui.conftest import WAIT_MS, import_by_drop, wait_idle


def _sidebar_texts(win) -> list[str]:  # type: ignore[no-untyped-def]
    texts = []
    it = QTreeWidgetItemIterator(win.sidebar)
    while it.value():
        texts.append(it.value().text(0))
        it += 1
    return texts


def _with_counts(win) -> list[str]:  # type: ignore[no-untyped-def]
    return [t for t in _sidebar_texts(win) if t.endswith(")") and "(" in t and "none" not in t]


def test_closing_the_archive_clears_the_sidebar_and_counts(qtbot, window, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(2):
        media.make_jpeg(folder / f"p{i}.jpg", color=(40 * i, 80, 120))
    import_by_drop(qtbot, window, [folder])
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: "All items  (2)" in _sidebar_texts(window), timeout=WAIT_MS)
    assert window.count_label.text()

    window.set_archive(None)
    assert _with_counts(window) == [], _sidebar_texts(window)
    assert "All items" in _sidebar_texts(window)
    assert window.count_label.text() == ""
    assert window.model.rowCount() == 0
    # the empty view says no archive is open, not that the archive is empty
    assert "No archive is open" in (empty_message(window.model) or "")


def test_counts_read_before_a_close_are_dropped(qtbot, window) -> None:
    window.load_facets()  # still reading when the archive closes
    window.set_archive(None)
    wait_idle(qtbot, window)
    qtbot.wait(50)
    assert _with_counts(window) == [], _sidebar_texts(window)
