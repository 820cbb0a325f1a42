"""The item model: ids only, rows fetched lazily in batches, paging with fetchMore."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt

from evidence_desk.gui.catalogue import model as catalogue_model
from evidence_desk.gui.catalogue.model import COLUMNS, ID_ROLE, CatalogueModel
from evidence_desk.gui.catalogue.thumbnails import ThumbnailCache
from evidence_desk.gui.shell.tasks import TaskRunner
from evidence_desk.services.catalogue import items
from evidence_desk.services.catalogue.listing import Filters
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests import media


@pytest.fixture
def model(qapp, archive, tmp_path, monkeypatch):
    monkeypatch.setattr(catalogue_model, "PAGE_ROWS", 3)
    src = tmp_path / "src"
    src.mkdir()
    for i in range(8):
        media.make_jpeg(src / f"p{i}.jpg", size=(32, 24), model=f"Phone {i}")
    ingest(archive, [src], provenance=Provenance())
    runner = TaskRunner()
    thumbnails = ThumbnailCache()
    m = CatalogueModel(runner, thumbnails)
    yield m
    runner.shutdown()
    # Destroy the Qt objects here, on the GUI thread: left to Python's cyclic
    # garbage collector they could be freed from a worker thread, which Qt
    # does not allow (their timers and queued events belong to this thread).
    for obj in (m, thumbnails, runner):
        shiboken6.delete(obj)


def test_pages_rows_and_fetches_them_lazily(qtbot, model, archive):
    with qtbot.waitSignal(model.queryFinished, timeout=10_000) as done:
        model.set_archive(archive)
    assert done.args == [8]
    assert model.rowCount() == 3 and model.canFetchMore()
    index = model.index(1, COLUMNS.index("title"))
    assert index.data() is None, "no row is read on the GUI thread"
    qtbot.waitUntil(lambda: index.data() is not None, timeout=10_000)
    assert index.data().endswith(".jpg")
    assert model.index(1, 0).data(ID_ROLE) == model.id_at(1)
    assert not model.index(3, 0).isValid(), "rows not yet exposed have no index"
    assert not model.index(0, len(COLUMNS)).isValid()
    assert not model.index(0, 0, model.index(0, 0)).isValid(), "a table: no children"
    model.fetchMore()
    assert model.rowCount() == 6
    assert model.index(3, 0).isValid()
    model.expose_all()
    assert model.rowCount() == 8 and not model.canFetchMore()


def test_sort_filter_and_reload_after_an_edit(qtbot, model, archive):
    with qtbot.waitSignal(model.queryFinished, timeout=10_000):
        model.set_archive(archive)
    with qtbot.waitSignal(model.queryFinished, timeout=10_000):
        model.sort(COLUMNS.index("exhibit"), Qt.SortOrder.DescendingOrder)
    model.expose_all()
    first = model.index(0, 0)
    qtbot.waitUntil(lambda: first.data() is not None, timeout=10_000)
    assert first.data() == "ED-000008"
    uuid = model.cached_row(model.id_at(0)).uuid
    items.update_fields(archive, uuid, title="Алматы, площадь")
    model.reload([model.id_at(0)])
    title = model.index(0, COLUMNS.index("title"))
    qtbot.waitUntil(lambda: title.data() == "Алматы, площадь", timeout=10_000)
    with qtbot.waitSignal(model.queryFinished, timeout=10_000) as done:
        model.set_filters(Filters(text="алматы"))
    assert done.args == [1]
