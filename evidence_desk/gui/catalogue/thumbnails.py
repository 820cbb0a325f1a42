"""Thumbnails for the catalogue, loaded in a pool and delivered by signal.

Views ask for an icon while painting; the answer is immediate (the cached
thumbnail or a drawn placeholder for the item's kind) and, when a thumbnail
exists on disk but is not cached, a load is queued. Requests are served
newest first, so when the user scrolls fast the rows now on screen win over
the ones already scrolled past. Decoding happens off the GUI thread into a
``QImage``; only the cheap conversion to ``QPixmap`` happens on it.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import cache

from PySide6.QtCore import QObject, QRectF, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPixmap

from evidence_desk.gui.shell.formatting import kind_label
from evidence_desk.gui.shell.tasks import Latest
from evidence_desk.services.archive.archive import Archive

THUMB_EDGE = 192
CACHE_SIZE = 3000
MAX_PENDING = 400
WORKERS = 2

_KIND_COLOURS = {
    "photo": "#4f7cac",
    "video": "#7a5c99",
    "audio": "#3f8f6f",
    "document": "#9a7b3c",
    "other": "#6b6f76",
}


@cache
def placeholder_icon(kind: str) -> QIcon:
    """A flat tile naming the kind: shown until (or instead of) a real thumbnail."""
    pix = QPixmap(THUMB_EDGE, THUMB_EDGE * 3 // 4)
    pix.fill(QColor(_KIND_COLOURS.get(kind, "#6b6f76")))
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(255, 255, 255, 220))
    font = QFont()
    font.setPixelSize(22)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(pix.rect()), Qt.AlignmentFlag.AlignCenter, kind_label(kind))
    painter.end()
    return QIcon(pix)


class ThumbnailCache(QObject):
    """A bounded cache of thumbnail icons keyed by SHA-256."""

    loaded = Signal(str)
    _delivered = Signal(int, str, QImage)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._archive: Archive | None = None
        self._generation = Latest()
        self._icons: OrderedDict[str, QIcon] = OrderedDict()
        self._failed: set[str] = set()
        self._pending: OrderedDict[str, None] = OrderedDict()
        self._active = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(WORKERS)
        self._delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)

    def set_archive(self, archive: Archive | None) -> None:
        self._archive = archive
        self._generation.advance()
        self._icons.clear()
        self._failed.clear()
        self._pending.clear()

    def cached(self, sha256: str) -> QIcon | None:
        icon = self._icons.get(sha256)
        if icon is not None:
            self._icons.move_to_end(sha256)
        return icon

    def icon(self, sha256: str, kind: str, has_thumbnail: bool) -> QIcon:
        """The thumbnail if cached; otherwise a placeholder, and a load is queued."""
        icon = self.cached(sha256)
        if icon is not None:
            return icon
        if has_thumbnail and self._archive is not None and sha256 not in self._failed:
            self._request(sha256)
        return placeholder_icon(kind)

    def _request(self, sha256: str) -> None:
        if sha256 in self._pending:
            self._pending.move_to_end(sha256)
        else:
            self._pending[sha256] = None
            while len(self._pending) > MAX_PENDING:
                self._pending.popitem(last=False)
        self._pump()

    def _pump(self) -> None:
        while self._active < WORKERS and self._pending and self._archive is not None:
            sha256, _ = self._pending.popitem(last=True)
            archive = self._archive
            generation = self._generation.token
            self._active += 1
            self._pool.start(lambda a=archive, s=sha256, g=generation: self._load(g, s, a))

    def _load(self, generation: int, sha256: str, archive: Archive) -> None:
        jpeg = archive.read_thumbnail(sha256)  # decrypted in memory for an encrypted archive
        image = QImage.fromData(jpeg) if jpeg else QImage()
        if not image.isNull() and max(image.width(), image.height()) > THUMB_EDGE:
            image = image.scaled(
                THUMB_EDGE,
                THUMB_EDGE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        try:
            self._delivered.emit(generation, sha256, image)
        except RuntimeError:
            # The cache was deleted while this load ran (its window closed):
            # there is nobody left to deliver to.
            pass

    @Slot(int, str, QImage)
    def _on_delivered(self, generation: int, sha256: str, image: QImage) -> None:
        self._active -= 1
        if self._generation.is_current(generation):
            if image.isNull():
                self._failed.add(sha256)
            else:
                self._icons[sha256] = QIcon(QPixmap.fromImage(image))
                while len(self._icons) > CACHE_SIZE:
                    self._icons.popitem(last=False)
                self.loaded.emit(sha256)
        self._pump()

    def wait(self, timeout_ms: int = 10_000) -> bool:
        return self._pool.waitForDone(timeout_ms)

    def stop(self, timeout_ms: int = 10_000) -> bool:
        """Queue nothing more (paints after shutdown get placeholders) and drain the pool."""
        self._archive = None
        self._generation.advance()
        self._pending.clear()
        self._pool.clear()
        return self._pool.waitForDone(timeout_ms)
