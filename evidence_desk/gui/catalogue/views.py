"""The two catalogue views over one model: a sortable table and a thumbnail grid.

Both are tuned for very large models: fixed row heights in the table and
uniform item sizes in the grid (a wrapping list, which lays out in constant
time per item, rather than icon mode), so Qt never measures every row.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from evidence_desk.gui.catalogue.model import COLUMNS, CatalogueModel
from evidence_desk.gui.shell.formatting import SENSITIVITIES, human_duration, sensitivity_label
from evidence_desk.services.catalogue.listing import Filters

ROW_HEIGHT = 26
TABLE_ICON = QSize(22, 22)
GRID_CELL = QSize(208, 214)
GRID_ICON = QSize(192, 144)
GRID_LAYOUT_BATCH = 500

_DEFAULT_WIDTHS = {
    "exhibit": 120,
    "title": 280,
    "kind": 90,
    "captured": 190,
    "received_from": 150,
    "tags": 180,
    "sensitivity": 110,
    "size": 80,
    "sha256": 120,
    "warnings": 80,
}
_SENSITIVITY_COLOURS = {"public": "#2e7d32", "restricted": "#b26a00", "confidential": "#b3261e"}
_COLOUR_NAMES = {
    "public": QT_TRANSLATE_NOOP("CatalogueGrid", "green dot"),
    "restricted": QT_TRANSLATE_NOOP("CatalogueGrid", "orange dot"),
    "confidential": QT_TRANSLATE_NOOP("CatalogueGrid", "red dot"),
}


def _colour_name(sensitivity: str) -> str:
    name = _COLOUR_NAMES.get(sensitivity)
    return QCoreApplication.translate("CatalogueGrid", str(name)) if name else ""


def sensitivity_legend() -> str:
    """What the coloured dot on a tile means, one line per colour."""
    return "\n".join(f"{_colour_name(v)}: {sensitivity_label(v)}" for v in SENSITIVITIES)


def empty_message(model: CatalogueModel) -> str | None:
    """What an empty view says once its query has finished (None while rows or loading)."""
    if model.rowCount() or model.loading:
        return None
    if model._archive is None:  # locked, closed for a restore, or none opened yet
        return QCoreApplication.translate(
            "CatalogueViews", "No archive is open.\nUse File → Open Archive or File → New Archive."
        )
    if model.filters.removed:
        return QCoreApplication.translate("CatalogueViews", "No removed items.")
    if model.filters != Filters():
        return QCoreApplication.translate(
            "CatalogueViews", "Nothing matches this search.\nChange the words or clear the filters."
        )
    return QCoreApplication.translate(
        "CatalogueViews",
        "The archive is empty.\nDrop files or folders here, or use File → Import.",
    )


def paint_empty_message(view: QAbstractItemView, model: CatalogueModel) -> None:
    text = empty_message(model)
    if text is None:
        return
    painter = QPainter(view.viewport())
    painter.setPen(view.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
    painter.drawText(
        view.viewport().rect().adjusted(20, 20, -20, -20),
        int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
        text,
    )
    painter.end()


class TableDelegate(QStyledItemDelegate):
    """Fills each cell's style option straight from the model's row cache.

    Qt's default asks the model for seven roles per cell, each a call from
    C++ into Python; one call per cell keeps painting cheap even while
    background threads compete for the interpreter.
    """

    def __init__(self, model: CatalogueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        option.index = index  # type: ignore[assignment]  # Qt accepts a persistent index here
        cell = self._model.cell(index.row(), index.column())
        if cell is None:
            return
        option.text = cell.text
        if cell.icon is not None:
            option.icon = cell.icon
            option.features |= _TEXT_AND_ICON
        else:
            option.features |= _TEXT
        option.displayAlignment = _RIGHT if cell.align_right else _LEFT
        if cell.font is not None:
            option.font = cell.font
            option.fontMetrics = QFontMetrics(cell.font)
        if cell.colour is not None:
            palette = QPalette(option.palette)
            palette.setColor(QPalette.ColorRole.Text, cell.colour)
            option.palette = palette


_TEXT = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_TEXT_AND_ICON = _TEXT | QStyleOptionViewItem.ViewItemFeature.HasDecoration
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class CatalogueTable(QTableView):
    def __init__(self, model: CatalogueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogueTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setIconSize(TABLE_ICON)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        for column, key in enumerate(COLUMNS):
            header.resizeSection(column, _DEFAULT_WIDTHS[key])
        self.setItemDelegate(TableDelegate(model, self))
        self.setSortingEnabled(True)
        self._catalogue = model

    def paintEvent(self, event: QPaintEvent) -> None:
        # Entering Python here takes the interpreter lock for the whole paint, so
        # the per-cell calls back into Python (index, initStyleOption) run with it
        # held instead of queueing for it cell by cell behind a busy import
        # thread; it is still handed over every switch interval. Longest table
        # paint measured during a 300-file import: 41 ms (7 ms when idle).
        super().paintEvent(event)
        paint_empty_message(self, self._catalogue)


class GridDelegate(QStyledItemDelegate):
    """A tile: the thumbnail, the exhibit number and the title, elided."""

    def __init__(self, model: CatalogueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return GRID_CELL - QSize(8, 8)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        rect = option.rect.adjusted(3, 3, -3, -3)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        cell = self._model.cell(index.row(), 0)
        icon = cell.icon if cell is not None else None
        icon_rect = QRect(rect.x() + 4, rect.y() + 4, rect.width() - 8, GRID_ICON.height())
        if icon is not None:
            icon.paint(painter, icon_rect, Qt.AlignmentFlag.AlignCenter)
        row = self._model.cached_row(self._model.id_at(index.row()) or -1)
        if row is not None and row.duration_s and row.kind in ("video", "audio"):
            _paint_duration(painter, option, icon_rect, human_duration(row.duration_s))
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        painter.setPen(text_colour)
        line = option.fontMetrics.height()
        text_top = icon_rect.bottom() + 6
        if row is not None:
            bold = QFont(option.font)
            bold.setBold(True)
            painter.setFont(bold)
            exhibit_rect = QRect(rect.x() + 6, text_top, rect.width() - 12, line)
            painter.drawText(exhibit_rect, Qt.AlignmentFlag.AlignLeft, row.exhibit)
            colour = QColor(_SENSITIVITY_COLOURS.get(row.sensitivity, "#888888"))
            painter.setBrush(colour)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.drawEllipse(rect.right() - 16, text_top + line // 2 - 5, 10, 10)
            painter.setPen(text_colour)
            painter.setFont(option.font)
            title_rect = QRect(rect.x() + 6, text_top + line + 2, rect.width() - 12, line)
            title = option.fontMetrics.elidedText(
                row.title, Qt.TextElideMode.ElideRight, title_rect.width()
            )
            painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft, title)
        painter.restore()


def _paint_duration(
    painter: QPainter, option: QStyleOptionViewItem, area: QRect, text: str
) -> None:
    """A video's or recording's length on its tile, as video sites show it."""
    metrics = option.fontMetrics
    badge = QRect(0, 0, metrics.horizontalAdvance(text) + 10, metrics.height() + 4)
    badge.moveBottomRight(area.bottomRight() - QPoint(4, 4))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 170))
    painter.drawRoundedRect(badge, 3, 3)
    painter.setPen(QColor("white"))
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


class CatalogueGrid(QListView):
    def __init__(self, model: CatalogueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogueGrid")
        self.setModel(model)
        self.setModelColumn(0)
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        # Laying out means one call into Python per item (Qt asks the model for
        # each row's index); in batches, 5,000 new rows cost a few short turns
        # of the event loop instead of one 170 ms block, even while hidden.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(GRID_LAYOUT_BATCH)
        self.setGridSize(GRID_CELL)
        self.setIconSize(GRID_ICON)
        self.setSpacing(0)
        self.setMouseTracking(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(GRID_CELL.height() // 3)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setItemDelegate(GridDelegate(model, self))
        self._catalogue = model

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        paint_empty_message(self, self._catalogue)

    def tile_tooltip(self, row_number: int) -> str | None:
        """Exhibit, title and the sensitivity the tile's coloured dot stands for."""
        row = self._catalogue.cached_row(self._catalogue.id_at(row_number) or -1)
        if row is None:
            return None
        dot = _colour_name(row.sensitivity) if row.sensitivity in _COLOUR_NAMES else ""
        sensitivity = QCoreApplication.translate("CatalogueGrid", "Sensitivity: %1").replace(
            "%1", sensitivity_label(row.sensitivity)
        )
        lines = [
            f"{row.exhibit}  {row.title}".strip(),
            f"{sensitivity} ({dot})" if dot else sensitivity,
        ]
        return "\n".join(lines)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.indexAt(event.pos())
            # over a tile: that item; between tiles: the legend of the coloured dots
            text = self.tile_tooltip(index.row()) if index.isValid() else None
            if self._catalogue.rowCount():
                QToolTip.showText(event.globalPos(), text or sensitivity_legend(), self.viewport())
            return True
        return super().viewportEvent(event)

    def dataChanged(
        self,
        topLeft: QModelIndex | QPersistentModelIndex,
        bottomRight: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        # QListView answers any change of data by laying out every item again
        # (390 ms at 100,000 items, each time a batch of rows or a thumbnail
        # arrives). Tiles here all have one fixed size, so a repaint is enough.
        self.viewport().update()
