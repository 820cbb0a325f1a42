"""A layout that wraps its widgets onto further lines when the row is too narrow.

Rows of filters and buttons laid out with ``QHBoxLayout`` demand the sum of
their widths, which in Russian and Kazakh pushed the main window past a
1366-pixel laptop screen. A flow layout demands only its widest widget and
grows downwards instead (Qt ships this only as an example, not a class).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    """Left-to-right rows; an item marked with ``add_stretch_widget`` takes the row's rest."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._stretchy: set[int] = set()

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def add_stretch_widget(self, widget: QWidget) -> None:
        """Add ``widget`` so that it fills what is left of its line (a search box, a label)."""
        self.addWidget(widget)
        self._stretchy.add(id(widget))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        if 0 <= index < len(self._items):
            return self._items.pop(index)
        return None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._lay_out(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._lay_out(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """One line of everything: what the layout would like when there is room."""
        width = sum(i.sizeHint().width() for i in self._visible()) + self._spacing * max(
            0, len(self._visible()) - 1
        )
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        """The widest single item: anything narrower than the row wraps."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m: QMargins = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _gap(self, item: QLayoutItem, horizontal: bool) -> int:
        if self._spacing >= 0:
            return self._spacing
        widget = item.widget()
        style = widget.style() if widget is not None else None
        if style is None:
            return 6
        orientation = Qt.Orientation.Horizontal if horizontal else Qt.Orientation.Vertical
        return style.layoutSpacing(
            QSizePolicy.ControlType.PushButton,
            QSizePolicy.ControlType.PushButton,
            orientation,
        ) or style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)

    def _lay_out(self, rect: QRect, *, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        lines: list[list[QLayoutItem]] = [[]]
        x = 0
        for item in self._visible():
            width = min(item.sizeHint().width(), area.width())
            gap = self._gap(item, True) if lines[-1] else 0
            if lines[-1] and x + gap + width > area.width():
                lines.append([])
                x, gap = 0, 0
            lines[-1].append(item)
            x += gap + width
        y = area.y()
        for n, line in enumerate(lines):
            if not line:
                continue
            height = max(i.sizeHint().height() for i in line)
            if apply:
                self._place_line(line, area, y, height)
            y += height + (self._gap(line[0], False) if n < len(lines) - 1 else 0)
        return y - rect.y() + m.bottom()

    def _place_line(self, line: list[QLayoutItem], area: QRect, y: int, height: int) -> None:
        widths = [min(i.sizeHint().width(), area.width()) for i in line]
        gaps = [self._gap(i, True) for i in line[1:]]
        spare = area.width() - sum(widths) - sum(gaps)
        stretchy = [n for n, i in enumerate(line) if id(i.widget()) in self._stretchy]
        if spare > 0 and stretchy:
            share = spare // len(stretchy)
            for n in stretchy:
                widths[n] += share
        x = area.x()
        for n, item in enumerate(line):
            top = y + (height - item.sizeHint().height()) // 2
            item.setGeometry(QRect(QPoint(x, top), QSize(widths[n], item.sizeHint().height())))
            x += widths[n] + (gaps[n] if n < len(gaps) else 0)
