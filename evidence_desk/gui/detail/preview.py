"""The zoomable preview of an item.

Photos are decoded from the original in a worker, with the EXIF orientation
applied (``QImageReader.setAutoTransform``, Pillow for formats Qt cannot
read such as HEIC), and capped in size so converting to a pixmap on the GUI
thread stays cheap. Videos show their poster frame (the thumbnail made at
ingest); other kinds a placeholder.
"""

from __future__ import annotations

import io

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPainter, QPixmap, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsPixmapItem, QGraphicsScene, QGraphicsView

from evidence_desk.services.archive.archive import Archive

MAX_EDGE = 3000
MAX_ORIGINAL_BYTES = 300 * 1024 * 1024
ZOOM_STEP = 1.25


def load_preview_image(archive: Archive, sha256: str, kind: str, size: int) -> QImage:
    """Runs in a worker: the best image to show for an item (may be null)."""
    image = QImage()
    if kind == "photo" and size <= MAX_ORIGINAL_BYTES:
        with archive.store.open(sha256) as f:
            data = f.read()
        image = _decode_qt(data)
        if image.isNull():
            image = _decode_pillow(data)
    if image.isNull():
        image = QImage(str(archive.thumbnail_path(sha256)))
    return image


def _decode_qt(data: bytes) -> QImage:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_EDGE:
        factor = MAX_EDGE / max(size.width(), size.height())
        reader.setScaledSize(QSize(int(size.width() * factor), int(size.height() * factor)))
    image = reader.read()
    buffer.close()
    return image


def _decode_pillow(data: bytes) -> QImage:
    try:
        from PIL import Image, ImageOps

        with Image.open(io.BytesIO(data)) as img:
            img = ImageOps.exif_transpose(img)
            img.thumbnail((MAX_EDGE, MAX_EDGE))
            rgb = img.convert("RGB")
            raw = rgb.tobytes()
            qimage = QImage(raw, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888)
            return qimage.copy()
    except Exception:  # noqa: BLE001 - a preview must never fail loudly
        return QImage()


class PreviewView(QGraphicsView):
    """Fit-to-window by default; the wheel zooms around the cursor, dragging pans."""

    zoomChanged = Signal(float)

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
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

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if self._fit:
            self.fit()
