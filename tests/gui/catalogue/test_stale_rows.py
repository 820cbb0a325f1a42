"""A row fetch begun before an edit must never paint over the edit.

The catalogue reads rows in a worker. These tests hold one such read after it
has read the database and until the title has been changed, then let it land
late: the table must still end up showing the new title, both for an edit
made in this window (announced through ``window.hooks``) and for one made
through the services elsewhere followed by Refresh (F5).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from evidence_desk.services.catalogue import items, listing
from evidence_desk.services.catalogue.listing import CatalogueRow
from tests import media
from tests.gui.conftest import import_by_drop, wait_idle

TITLE = 1  # column of the title in the catalogue table


class HeldFetch:
    """``fetch_rows`` whose next call, once armed, reads and then waits to be released."""

    def __init__(self) -> None:
        self._real = listing.fetch_rows
        self._lock = threading.Lock()
        self._armed = False
        self.started = threading.Event()
        self.release = threading.Event()

    def arm(self) -> None:
        with self._lock:
            self._armed = True

    def __call__(self, archive, ids: list[int]) -> dict[int, CatalogueRow]:  # type: ignore[no-untyped-def]
        rows = self._real(archive, ids)
        with self._lock:
            hold, self._armed = self._armed, False
        if hold:
            self.started.set()
            self.release.wait(30)
        return rows


@pytest.fixture
def held(monkeypatch):
    fetch = HeldFetch()
    monkeypatch.setattr(listing, "fetch_rows", fetch)
    yield fetch
    fetch.release.set()  # never leave a worker blocked past the test


def _import(qtbot, window, tmp_path: Path) -> list:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        media.make_jpeg(src / f"photo{i}.jpg", color=(60 * i, 90, 160))
    report = import_by_drop(qtbot, window, [src])
    wait_idle(qtbot, window)
    return sorted(report.new, key=lambda r: r.exhibit)


def _title_shown(window, row: int) -> str | None:
    return window.model.index(row, TITLE).data()


def _hold_a_fetch_of_row(qtbot, window, held: HeldFetch, row: int) -> None:
    """Start a row read now, as scrolling or an earlier edit would, and hold its answer."""
    held.arm()
    window.model.reload([window.model.id_at(row)])
    qtbot.waitUntil(held.started.is_set, timeout=10_000)


def test_edit_in_this_window_wins_over_a_fetch_begun_before_it(qtbot, window, tmp_path, held):
    first = _import(qtbot, window, tmp_path)[0]
    qtbot.waitUntil(lambda: _title_shown(window, 0) == "photo0.jpg", timeout=10_000)
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.detail.current is not None, timeout=10_000)

    _hold_a_fetch_of_row(qtbot, window, held, 0)
    form = window.detail.form
    with qtbot.waitSignal(window.edits.itemsChanged, timeout=10_000):
        form.title.setText("Задержание у акимата")
        form.title.editingFinished.emit()
    assert items.get_item(window.archive, first.item_uuid)["title"] == "Задержание у акимата"
    held.release.set()  # the read from before the edit lands now, late
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: _title_shown(window, 0) == "Задержание у акимата", timeout=5_000)


def test_refresh_after_an_outside_edit_wins_over_a_fetch_begun_before_it(
    qtbot, window, tmp_path, held
):
    report = _import(qtbot, window, tmp_path)
    for row in range(3):
        qtbot.waitUntil(lambda r=row: _title_shown(window, r) is not None, timeout=10_000)

    _hold_a_fetch_of_row(qtbot, window, held, 0)
    for n, entry in enumerate(report):  # as the CLI or a second window would
        items.update_fields(window.archive, entry.item_uuid, title=f"Площадь {n}")
    window.menu_actions.refresh.trigger()  # F5
    qtbot.waitUntil(lambda: not window.model.loading, timeout=10_000)
    for row in range(3):
        window.model.index(row, TITLE).data()  # the view asks for what it paints
    held.release.set()  # the read from before the edit lands after the refresh
    wait_idle(qtbot, window)
    wanted = [f"Площадь {n}" for n in range(3)]
    qtbot.waitUntil(lambda: [_title_shown(window, r) for r in range(3)] == wanted, timeout=5_000)
