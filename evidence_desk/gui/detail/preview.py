"""The zoomable preview of an item.

Decoding runs in a worker thread, never on the GUI thread. JPEG, PNG, GIF,
BMP and WebP (well-fuzzed decoders) are read by Qt in that thread, with the
EXIF orientation applied and the size capped; every other format (TIFF, DNG,
HEIC, …) and anything Qt could not read is decoded by Pillow in a separate
process (``services.sandbox``), so a decoder crashing on a hostile
file costs its preview, not the application. Videos show their poster frame
(the thumbnail made at ingest); other kinds a placeholder.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPainter, QPixmap, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsPixmapItem, QGraphicsScene, QGraphicsView

from evidence_desk.services.archive.archive import Archive

# Pillow (``core.preview_decode``) and the sandbox load with the first preview,
# in its worker, or earlier once the window has painted its first rows
# (``gui.shell.features``); they are not needed to show the window.

MAX_ORIGINAL_BYTES = 300 * 1024 * 1024
ZOOM_STEP = 1.25


@dataclass(frozen=True)
class PreviewImage:
    """What the worker hands back: an image (maybe null) and, if none, why."""

    image: QImage
    problem: str = ""


def load_preview_image(archive: Archive, sha256: str, kind: str, size: int) -> PreviewImage:
    """Runs in a worker thread: the best image to show for an item."""
    from evidence_desk.core.preview_decode import is_safe_for_qt

    problem = ""
    image = QImage()
    if kind == "photo":
        if size > MAX_ORIGINAL_BYTES:
            problem = "too large to preview"
        else:
            with archive.store.open(sha256) as f:
                data = f.read()
            if is_safe_for_qt(data[:16]):
                image = _decode_qt(data)
            if image.isNull():
                image, problem = _decode_isolated(data)
    if image.isNull():
        jpeg = archive.read_thumbnail(sha256)  # decrypted in memory for an encrypted archive
        thumb = QImage.fromData(jpeg) if jpeg else QImage()
        if not thumb.isNull():
            image = thumb
    return PreviewImage(image, "" if not image.isNull() else problem)


def _decode_qt(data: bytes) -> QImage:
    """Decode with Qt; the reader is destroyed before the buffer it reads from.

    Letting Python collect them in the other order made the TIFF plug-in touch
    a freed device and kill the process.
    """
    from evidence_desk.core.preview_decode import MAX_EDGE

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    try:
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid() and max(size.width(), size.height()) > MAX_EDGE:
            factor = MAX_EDGE / max(size.width(), size.height())
            reader.setScaledSize(QSize(int(size.width() * factor), int(size.height() * factor)))
        image = reader.read()
    finally:
        reader.setDevice(None)  # type: ignore[arg-type]  # None detaches the buffer
        del reader
        buffer.close()
    return image


def _decode_isolated(data: bytes) -> tuple[QImage, str]:
    from evidence_desk.core.preview_decode import MAX_EDGE, decode_for_preview
    from evidence_desk.services.sandbox import SandboxFailure, shared_sandbox

    try:
        result = shared_sandbox().run(decode_for_preview, data, MAX_EDGE)
    except SandboxFailure as exc:
        return QImage(), str(exc)
    decoded = result.image
    if decoded is None:
        return QImage(), result.reason
    fmt = QImage.Format.Format_RGBA8888 if decoded.mode == "RGBA" else QImage.Format.Format_RGB888
    channels = 4 if decoded.mode == "RGBA" else 3
    image = QImage(decoded.pixels, decoded.width, decoded.height, decoded.width * channels, fmt)
    return image.copy(), ""  # the copy owns its pixels; ``decoded.pixels`` may go


class PreviewView(QGraphicsView):
    """Fit-to-window by default; the wheel zooms around the cursor, dragging pans."""

    zoomChanged = Signal(float)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setScene(QGraphicsScene(self))
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._item)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(Qt.GlobalColor.darkGray)
        self.setMinimumHeight(160)
        self._fit = True

    def set_image(self, image: QImage | QPixmap | None) -> None:
        if image is None or image.isNull():
            self._item.setPixmap(QPixmap())
            self.scene().setSceneRect(QRectF())
            return
        pixmap = image if isinstance(image, QPixmap) else QPixmap.fromImage(image)
        self._item.setPixmap(pixmap)
        self.scene().setSceneRect(QRectF(pixmap.rect()))
        self.fit()

    def has_image(self) -> bool:
        return not self._item.pixmap().isNull()

    def fit(self) -> None:
        self._fit = True
        if self.has_image():
            self.fitInView(self._item, Qt.AspectRatioMode.KeepAspectRatio)
            self.zoomChanged.emit(self.transform().m11())

    def actual_size(self) -> None:
        self._fit = False
        self.resetTransform()
        self.zoomChanged.emit(1.0)

    def zoom(self, factor: float) -> None:
        scale = self.transform().m11() * factor
        if 0.02 < scale < 40:
            self._fit = False
            self.scale(factor, factor)
            self.zoomChanged.emit(scale)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not self.has_image():
            return
        self.zoom(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fit:
            self.fit()
