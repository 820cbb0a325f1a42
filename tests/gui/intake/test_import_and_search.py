"""Import through a drop, rows appearing, Cyrillic search and filters, on the real window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from evidence_desk.gui.catalogue.model import COLUMNS, ID_ROLE
from evidence_desk.services.catalogue import items
from tests import media
from tests.gui.conftest import drop, import_by_drop, wait_idle, wait_query


def _titles(win) -> list[str]:
    col = COLUMNS.index("title")
    return [win.model.index(r, col).data() for r in range(win.model.rowCount())]


def _load_all_rows(qtbot, win) -> None:
    for r in range(win.model.rowCount()):
        win.model.index(r, 0).data()
    qtbot.waitUntil(
        lambda: all(win.model.index(r, 1).data() is not None for r in range(win.model.rowCount())),
        timeout=10_000,
    )


def _sample(tmp_path: Path) -> Path:
    src = tmp_path / "from-volunteer"
    src.mkdir()
    media.make_jpeg(src / "square.jpg", color=(200, 30, 30))
    media.make_jpeg(src / "zhanaozen.jpg", color=(30, 200, 30), gps=None)
    media.make_jpeg(src / "rotated.jpg", size=(80, 40), orientation=6, color=(30, 30, 200))
    media.make_pdf(src / "statement.pdf")
    media.make_mp4(src / "clip.mp4")
    return src


def test_drop_imports_with_provenance_and_rows_appear(qtbot, window, tmp_path):
    src = _sample(tmp_path)
    report = import_by_drop(qtbot, window, [src], received_from="Алия, волонтёр")
    assert len(report.new) == 5 and not report.failed
    assert window.model.total() == 5
    _load_all_rows(qtbot, window)
    assert sorted(_titles(window)) == sorted(
        ["square.jpg", "zhanaozen.jpg", "rotated.jpg", "statement.pdf", "clip.mp4"]
    )
    item = items.get_item(window.archive, report.new[0].item_uuid)
    assert item["sources"][0]["received_from"] == "Алия, волонтёр"
    assert item["sources"][0]["method"] == "Telegram export"
    assert item["sources"][0]["collector"] == "Researcher One"
    assert "5" in window.count_label.text()

    again = import_by_drop(qtbot, window, [src / "square.jpg"])
    assert [r.status for r in again.results] == ["duplicate"]
    drop(window, [src / "square.jpg"])  # the summary names the existing exhibit
    dialog = window.importer.dialog
    with qtbot.waitSignal(window.importer.finished, timeout=30_000):
        dialog.accept()
    summary = window.importer.summary
    assert summary is not None and summary.isVisible()
    text = summary.text()
    assert "ED-" in text and "already in the archive" in text
    summary.copy_all()
    from PySide6.QtGui import QGuiApplication

    assert "square.jpg" in QGuiApplication.clipboard().text()
    exhibit = summary.model.rows[0][1]
    assert exhibit.startswith("ED-")
    summary.table.selectionModel().select(
        summary.model.index(0, 0),
        summary.table.selectionModel().SelectionFlag.Select
        | summary.table.selectionModel().SelectionFlag.Rows,
    )
    summary.copy_selection()
    assert QGuiApplication.clipboard().text().split("\t")[1] == exhibit
    # Double-clicking a line shows that exhibit in the catalogue.
    rect = summary.table.visualRect(summary.model.index(0, 1))
    qtbot.mouseClick(summary.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(summary.exhibitActivated, timeout=5_000):
        qtbot.mouseDClick(summary.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(
        lambda: (
            window.detail.current is not None and window.detail.current.item["exhibit"] == exhibit
        ),
        timeout=10_000,
    )
    assert window.model.total() == 1 and window.filter_bar.filters().text == exhibit
    summary.close()


def test_cyrillic_search_and_filters(qtbot, window, tmp_path):
    report = import_by_drop(qtbot, window, [_sample(tmp_path)])
    by_name = {Path(r.path).name: r for r in report.new}
    arch = window.archive
    items.update_fields(arch, by_name["square.jpg"].item_uuid, title="Площадь Республики, Алматы")
    items.update_fields(arch, by_name["zhanaozen.jpg"].item_uuid, title="Жаңаөзен, 4 января")
    items.update_fields(arch, by_name["statement.pdf"].item_uuid, title="Statement, Almaty")
    window.refresh_all()  # changes made outside the window
    wait_query(qtbot, window)
    search = window.filter_bar.search

    def search_for(text: str) -> list[str]:
        search.setText(text)  # debounced: the query starts after the pause
        # Wait for this text's query: an earlier refresh may finish first.
        qtbot.waitUntil(
            lambda: window.model.filters.text == text and not window.model.loading,
            timeout=10_000,
        )
        _load_all_rows(qtbot, window)
        return sorted(_titles(window))

    both = ["Statement, Almaty", "Площадь Республики, Алматы"]  # spellings find each other
    assert search_for("Алматы") == both
    assert search_for("алматы") == both
    assert search_for("Жаңаөзен") == ["Жаңаөзен, 4 января"]
    assert search_for("Almaty") == both
    assert search_for("") != []

    with qtbot.waitSignal(window.model.queryFinished, timeout=10_000):
        window.filter_bar.kind.setCurrentIndex(window.filter_bar.kind.findData("document"))
    _load_all_rows(qtbot, window)
    assert _titles(window) == ["Statement, Almaty"]
    with qtbot.waitSignal(window.model.queryFinished, timeout=10_000):
        window.filter_bar.clear()
    with qtbot.waitSignal(window.model.queryFinished, timeout=10_000):
        window.filter_bar.gps.setCurrentIndex(window.filter_bar.gps.findData(False))
    _load_all_rows(qtbot, window)
    assert "Жаңаөзен, 4 января" in _titles(window)
    assert "Площадь Республики, Алматы" not in _titles(window)

    window.filter_bar.clear()
    wait_query(qtbot, window)
    window.load_facets()
    wait_idle(qtbot, window)
    kinds = dict(window.sidebar._facets.kinds)
    assert kinds == {"photo": 3, "document": 1, "video": 1}
    with qtbot.waitSignal(window.model.queryFinished, timeout=10_000):
        window.sidebar.picked.emit("kind", "video")
    _load_all_rows(qtbot, window)
    assert _titles(window) == ["clip.mp4"]
    assert window.model.index(0, 0).data(ID_ROLE) == by_name["clip.mp4"].item_id


def test_sorting_by_column_uses_the_service_query(qtbot, window, tmp_path):
    import_by_drop(qtbot, window, [_sample(tmp_path)])
    col = COLUMNS.index("title")
    from PySide6.QtCore import Qt

    with qtbot.waitSignal(window.model.queryFinished, timeout=10_000):
        window.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    _load_all_rows(qtbot, window)
    assert _titles(window) == sorted(_titles(window), key=str.casefold)
    with qtbot.waitSignal(window.model.queryFinished, timeout=10_000):
        window.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    _load_all_rows(qtbot, window)
    assert _titles(window) == sorted(_titles(window), key=str.casefold, reverse=True)
