"""A one-line value (SHA-256, UUID) elided in the middle, with its full text a click away.

A 64-digit hash has no place to wrap: shown whole it forced the detail
panel wider than a 1366-pixel laptop leaves it, and shown cut it lost the
end a reader compares. Eliding in the middle keeps both ends visible; the
tooltip shows the whole value and the context menu (and a Copy button
beside it, where the panel adds one) copies it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QPainter
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

MIN_CHARS = 12


class ElidedLabel(QWidget):
    """Paints ``text`` elided in the middle to fit; never asks for more than a dozen chars."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = text
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)

    def text(self) -> str:
        return self._text

    def shown_text(self) -> str:
        """What is painted at the current width (the middle replaced by "…" when too narrow)."""
        return self.fontMetrics().elidedText(
            self._text, Qt.TextElideMode.ElideMiddle, self.contentsRect().width()
        )

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self._text) + 4, metrics.height() + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        metrics = self.fontMetrics()
        return QSize(metrics.averageCharWidth() * MIN_CHARS, metrics.height() + 2)

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            self.contentsRect(),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.shown_text(),
        )

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self._text)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = QMenu(self)
        menu.addAction(QCoreApplication.translate("FactsPanel", "Copy"), self.copy)
        menu.exec(event.globalPos())
