"""The thumbnail cache: placeholders at once, loads in a pool, safe teardown."""

from __future__ import annotations

import shiboken6
from PIL import Image

from evidence_desk.gui.catalogue.thumbnails import THUMB_EDGE, ThumbnailCache


class _Archive:
    """Just what the cache needs from an archive: a thumbnail's bytes (or None)."""

    def __init__(self, root):
        self.root = root

    def read_thumbnail(self, sha256: str):
        path = self.root / f"{sha256}.jpg"
        return path.read_bytes() if path.is_file() else None


def _thumbnails(folder, count: int) -> list[str]:
    names = []
    for i in range(count):
        name = f"{i:064x}"
        Image.new("RGB", (640, 480), (i % 255, 80, 120)).save(folder / f"{name}.jpg")
        names.append(name)
    return names


def test_placeholder_first_then_the_scaled_thumbnail(qtbot, qapp, tmp_path):
    (name,) = _thumbnails(tmp_path, 1)
    cache = ThumbnailCache()
    cache.set_archive(_Archive(tmp_path))
    with qtbot.waitSignal(cache.loaded, timeout=10_000) as loaded:
        placeholder = cache.icon(name, "photo", True)
    assert not placeholder.isNull()
    assert loaded.args == [name]
    size = cache.cached(name).availableSizes()[0]
    assert max(size.width(), size.height()) == THUMB_EDGE
    cache.stop()
    shiboken6.delete(cache)


def test_a_missing_thumbnail_is_not_asked_for_again(qtbot, qapp, tmp_path):
    cache = ThumbnailCache()
    cache.set_archive(_Archive(tmp_path))
    cache.icon("f" * 64, "video", True)
    qtbot.waitUntil(lambda: "f" * 64 in cache._failed, timeout=10_000)
    cache.icon("f" * 64, "video", True)
    assert not cache._pending
    cache.stop()
    shiboken6.delete(cache)


def test_deleting_the_cache_while_loads_run_raises_nothing(qtbot, qapp, tmp_path):
    """A window closed mid-scroll: workers finishing later must not emit into a dead object."""
    names = _thumbnails(tmp_path, 40)
    for _ in range(5):
        cache = ThumbnailCache()
        cache.set_archive(_Archive(tmp_path))
        for name in names:
            cache.icon(name, "photo", True)
        shiboken6.delete(cache)  # its pool waits for the running loads
        qapp.processEvents()


def test_after_stop_paints_get_placeholders_and_queue_nothing(qtbot, qapp, tmp_path):
    names = _thumbnails(tmp_path, 3)
    cache = ThumbnailCache()
    cache.set_archive(_Archive(tmp_path))
    assert cache.stop()
    assert not cache.icon(names[0], "photo", True).isNull()
    assert not cache._pending and cache._pool.activeThreadCount() == 0
    shiboken6.delete(cache)
