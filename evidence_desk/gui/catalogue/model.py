"""The catalogue's item model: ids in order, rows fetched lazily in batches.

Like Anki's browser table, the model holds only the ordered ids of the
matching items plus a bounded LRU cache of rows. ``data()`` never touches
the database: a row that is not cached is drawn empty and its id joins a
batch request that a worker answers with plain ``CatalogueRow`` values;
``dataChanged`` then repaints. Rows are exposed page by page through
``canFetchMore``/``fetchMore`` (Orange's ``TablePreviewModel``), so views
only lay out what the user has scrolled towards. Sorting and filtering are
queries run in a worker; a newer query always wins over an older one.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from evidence_desk.gui.catalogue.thumbnails import ThumbnailCache
from evidence_desk.gui.shell.formatting import (
    capture_source_label,
    captured_text,
    human_duration,
    human_size,
    kind_label,
    sensitivity_label,
)
from evidence_desk.gui.shell.tasks import Latest, TaskRunner
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.catalogue import listing as catalogue
from evidence_desk.services.catalogue.listing import CatalogueRow, Filters, Sort

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

PAGE_ROWS = 5000
ROW_CACHE = 20_000
BATCH_MARGIN = 60
BATCH_MAX = 500

COLUMNS = catalogue.SORT_KEYS
_EXHIBIT = COLUMNS.index("exhibit")
_COLUMN_COUNT = len(COLUMNS)
_MISSING = object()
_AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_Ids = tuple[list[int], dict[int, int]]


_HEADERS = {
    "exhibit": QT_TRANSLATE_NOOP("CatalogueModel", "Exhibit"),
    "title": QT_TRANSLATE_NOOP("CatalogueModel", "Title"),
    "kind": QT_TRANSLATE_NOOP("CatalogueModel", "Kind"),
    "captured": QT_TRANSLATE_NOOP("CatalogueModel", "Captured at"),
    "received_from": QT_TRANSLATE_NOOP("CatalogueModel", "Received from"),
    "tags": QT_TRANSLATE_NOOP("CatalogueModel", "Tags"),
    "sensitivity": QT_TRANSLATE_NOOP("CatalogueModel", "Sensitivity"),
    "size": QT_TRANSLATE_NOOP("CatalogueModel", "Size"),
    "sha256": QT_TRANSLATE_NOOP("CatalogueModel", "SHA-256"),
    "warnings": QT_TRANSLATE_NOOP("CatalogueModel", "Warnings"),
}


def _header(key: str) -> str:
    return QCoreApplication.translate("CatalogueModel", str(_HEADERS[key]))


class CatalogueModel(QAbstractTableModel):
    """Ids of matching items with lazily fetched rows; see the module docstring."""

    queryFinished = Signal(int)  # number of matching items
    queryFailed = Signal(str)

    def __init__(self, runner: TaskRunner, thumbnails: ThumbnailCache, parent=None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._thumbs = thumbnails
        self._archive: Archive | None = None
        self._filters = Filters()
        self._sort = Sort()
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._exposed = 0
        self._cache: OrderedDict[int, object] = OrderedDict()
        # What each cached row's cells show, built on first paint: painting the
        # table is then a tuple lookup per cell, not date and size formatting.
        self._cells: dict[int, tuple[Cell, ...]] = {}
        self._sha_to_id: dict[str, int] = {}
        # Each id being read maps to the token of its newest read: an answer is
        # kept only for the ids whose newest read it is, so a read begun before
        # an edit or a Refresh never lands over what was read after it.
        self._in_flight: dict[int, int] = {}
        self._wanted: set[int] = set()
        self._query_gen = Latest()
        self._row_gen = Latest()
        self.loading = False
        self._full_arrived = True
        self._partial_shown = False
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._struck = QFont()
        self._struck.setStrikeOut(True)
        self._warn_icon = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        thumbnails.loaded.connect(self._on_thumbnail)

    # Query state

    @property
    def filters(self) -> Filters:
        return self._filters

    @property
    def sort_order(self) -> Sort:
        return self._sort

    def set_archive(self, archive: Archive | None) -> None:
        self._archive = archive
        self.beginResetModel()
        self._ids, self._row_of, self._exposed = [], {}, 0
        self._cache.clear()
        self._cells.clear()
        self._sha_to_id.clear()
        self._in_flight.clear()
        self.endResetModel()
        if archive is not None:
            self.refresh(first_page=True)

    def set_filters(self, filters: Filters) -> None:
        if filters != self._filters:
            self._filters = filters
            self.refresh(first_page=True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column]
        wanted = Sort(key, order == Qt.SortOrder.DescendingOrder)
        if wanted != self._sort:
            self._sort = wanted
            self.refresh(first_page=True)

    def refresh(self, reload_rows: bool = False, first_page: bool = False) -> None:
        """Re-run the query in a worker.

        Cached rows stay valid (they are keyed by id) unless ``reload_rows``
        asks to fetch them again, e.g. after changes made outside this window.
        With ``first_page`` a short query for the first page runs alongside,
        so a new search or sort of a large archive paints at once.
        """
        if self._archive is None:
            return
        self._query_gen.advance()
        gen = self._query_gen.token
        self.loading = True
        self._full_arrived = False
        args = (self._archive, self._filters, self._sort)
        if first_page and self._sort.key == "exhibit":  # an index gives the first page at once
            quick = self._runner.submit(_ordered_ids, *args, PAGE_ROWS)
            quick.succeeded.connect(lambda result: self._on_ids(gen, result, False, True))
        task = self._runner.submit(_ordered_ids, *args)
        task.succeeded.connect(lambda result: self._on_ids(gen, result, reload_rows, False))
        task.failed.connect(lambda exc: self._on_query_failed(gen, exc))

    def _on_query_failed(self, gen: int, exc: BaseException) -> None:
        if self._query_gen.is_current(gen):
            self.loading = False
            self.queryFailed.emit(str(exc))

    def _on_ids(self, gen: int, result: _Ids, reload_rows: bool, partial: bool) -> None:
        if not self._query_gen.is_current(gen) or (partial and self._full_arrived):
            return
        ids, row_of = result
        old, old_exposed = self._ids, self._exposed
        if reload_rows:
            self._cache.clear()
            self._cells.clear()
            self._in_flight.clear()  # reads begun before the refresh are stale
            if old_exposed:
                last = self.index(old_exposed - 1, len(COLUMNS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
        if old and len(ids) >= len(old) and ids[: len(old)] == old:
            # Same list, grown at the end (new items during an import, or the
            # rest of a first page): keep the view, expose new rows only when
            # the user could already see everything.
            self._ids, self._row_of = ids, row_of
            live = old_exposed == len(old) and not self._partial_shown
            target = len(ids) if live else old_exposed
            if target > old_exposed:
                self.beginInsertRows(QModelIndex(), old_exposed, target - 1)
                self._exposed = target
                self.endInsertRows()
        elif ids != old:
            self.beginResetModel()
            self._ids, self._row_of = ids, row_of
            self._exposed = min(len(ids), max(PAGE_ROWS, 0 if partial else old_exposed))
            self.endResetModel()
        self._partial_shown = partial
        if not partial:
            self._full_arrived = True
            self.loading = False
            self.queryFinished.emit(len(ids))

    # Paging

    def rowCount(self, parent: _AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._exposed

    def columnCount(self, parent: _AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def index(self, row: int, column: int, parent: _AnyIndex = _ROOT) -> QModelIndex:
        # Qt's own index() asks rowCount() and columnCount(), two more calls from
        # C++ into Python for every cell painted; each waits for the interpreter
        # lock while an import runs in a worker.
        if 0 <= row < self._exposed and 0 <= column < _COLUMN_COUNT and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def canFetchMore(self, parent: _AnyIndex = _ROOT) -> bool:
        return not parent.isValid() and self._exposed < len(self._ids)

    def fetchMore(self, parent: _AnyIndex = _ROOT) -> None:
        if parent.isValid() or self._exposed >= len(self._ids):
            return
        more = min(PAGE_ROWS, len(self._ids) - self._exposed)
        self.beginInsertRows(QModelIndex(), self._exposed, self._exposed + more - 1)
        self._exposed += more
        self.endInsertRows()

    def expose_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    def total(self) -> int:
        return len(self._ids)

    # Ids and rows

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < self._exposed else None

    def row_of(self, item_id: int) -> int | None:
        row = self._row_of.get(item_id)
        return row if row is not None and row < self._exposed else None

    def ids_for_rows(self, rows: Iterable[int]) -> list[int]:
        return [self._ids[r] for r in rows if 0 <= r < self._exposed]

    def all_ids(self) -> Sequence[int]:
        return self._ids

    def cached_row(self, item_id: int) -> CatalogueRow | None:
        row = self._cache.get(item_id)
        return row if isinstance(row, CatalogueRow) else None

    def _row(self, row_number: int) -> CatalogueRow | None:
        item_id = self._ids[row_number]
        row = self._cache.get(item_id)
        if row is None:
            self._want(row_number)
            return None
        self._cache.move_to_end(item_id)
        return row if isinstance(row, CatalogueRow) else None

    def _want(self, row_number: int) -> None:
        if not self._wanted:
            QTimer.singleShot(0, self, self._fetch_wanted)
        self._wanted.add(row_number)

    def _fetch_wanted(self) -> None:
        rows, self._wanted = self._wanted, set()
        if not rows or self._archive is None:
            return
        lo, hi = min(rows), max(rows)
        if hi - lo > BATCH_MAX:
            span: Iterable[int] = sorted(rows)
        else:
            span = range(max(0, lo - BATCH_MARGIN), min(self._exposed, hi + BATCH_MARGIN + 1))
        ids = [
            self._ids[r]
            for r in span
            if r < len(self._ids)
            and self._ids[r] not in self._cache
            and self._ids[r] not in self._in_flight
        ][:BATCH_MAX]
        self._load(ids)

    def _load(self, ids: list[int]) -> None:
        if not ids or self._archive is None:
            return
        gen = self._row_gen.advance()
        self._in_flight.update(dict.fromkeys(ids, gen))
        task = self._runner.submit(catalogue.fetch_rows, self._archive, ids, pool="rows")
        task.succeeded.connect(lambda rows: self._on_rows(gen, ids, rows))
        task.failed.connect(lambda _exc: self._newest_of(gen, ids))

    def _newest_of(self, gen: int, ids: list[int]) -> list[int]:
        """The ids whose newest read is ``gen``; they are no longer being read."""
        mine = [i for i in ids if self._in_flight.get(i) == gen]
        for item_id in mine:
            del self._in_flight[item_id]
        return mine

    def _on_rows(self, gen: int, ids: list[int], rows: dict[int, CatalogueRow]) -> None:
        # Ids read again since (an edit, a Refresh, another archive) are dropped:
        # this answer may predate the change, and the newer read is on its way.
        ids = self._newest_of(gen, ids)
        for item_id in ids:
            row = rows.get(item_id)
            self._cache[item_id] = row if row is not None else _MISSING
            self._cache.move_to_end(item_id)
            self._cells.pop(item_id, None)
            if row is not None:
                self._sha_to_id[row.sha256] = item_id
        while len(self._cache) > ROW_CACHE:
            gone, _row = self._cache.popitem(last=False)
            self._cells.pop(gone, None)
        numbers = [r for r in (self._row_of.get(i) for i in ids) if r is not None]
        numbers = [r for r in numbers if r < self._exposed]
        if numbers:
            last = len(COLUMNS) - 1
            self.dataChanged.emit(self.index(min(numbers), 0), self.index(max(numbers), last))

    def reload(self, ids: Iterable[int]) -> None:
        """Fetch these rows again after an edit; the stale rows show until then.

        Ids already being read are read again too: that read may have begun
        before the edit, and its answer is now dropped (see ``_on_rows``).
        """
        self._load(list(dict.fromkeys(ids)))

    def _on_thumbnail(self, sha256: str) -> None:
        item_id = self._sha_to_id.get(sha256)
        row = self.row_of(item_id) if item_id is not None else None
        if row is not None:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    # Presentation

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _header(COLUMNS[section])
        return None

    def cell(self, row_number: int, column: int) -> Cell | None:
        """What one cell shows, for delegates that paint without a ``data()`` call per role."""
        if not 0 <= row_number < self._exposed:
            return None
        item_id = self._ids[row_number]
        cells = self._cells.get(item_id)
        if cells is None:
            row = self._row(row_number)
            if row is None:
                return None
            cells = self._cells[item_id] = self._make_cells(row)
        cell = cells[column]
        if column == _EXHIBIT:  # the thumbnail arrives later than the row
            cached = self._cache.get(item_id)
            if isinstance(cached, CatalogueRow):
                self._cache.move_to_end(item_id)  # on screen: the last row to evict
                icon = self._thumbs.icon(cached.sha256, cached.kind, cached.has_thumbnail)
                return cell._replace(icon=icon)
        return cell

    def _make_cells(self, row: CatalogueRow) -> tuple[Cell, ...]:
        cells = []
        for key in COLUMNS:
            icon = self._warn_icon if key == "warnings" and row.warnings else None
            font = self._struck if row.removed else (self._mono if key == "sha256" else None)
            colour = None
            if key == "captured" and row.captured_source == "file_mtime":
                colour = _MTIME_COLOUR
            elif key == "sensitivity" and row.sensitivity == "confidential":
                colour = _CONFIDENTIAL_COLOUR
            right = key in ("size", "warnings")
            cells.append(Cell(_display(row, key), icon, right, font, colour))
        return tuple(cells)

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid():
            return None
        if role == ID_ROLE:
            return self.id_at(index.row())
        if role == ROW_ROLE:
            return self._row(index.row()) if index.row() < self._exposed else None
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self._row(index.row()) if index.row() < self._exposed else None
            return _tooltip(row, COLUMNS[index.column()]) if row is not None else None
        cell = self.cell(index.row(), index.column())
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.DecorationRole:
            return cell.icon
        if role == Qt.ItemDataRole.TextAlignmentRole and cell.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            return cell.font
        if role == Qt.ItemDataRole.ForegroundRole:
            return cell.colour
        return None


class Cell(NamedTuple):
    text: str
    icon: QIcon | None
    align_right: bool
    font: QFont | None
    colour: QColor | None


_MTIME_COLOUR = QColor("#9a6a00")
_CONFIDENTIAL_COLOUR = QColor("#b3261e")
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        ID_ROLE,
        ROW_ROLE,
    }
)


def _ordered_ids(
    archive: Archive, filters: Filters, sort: Sort, limit: int | None = None
) -> tuple[list[int], dict[int, int]]:
    ids = catalogue.query_ids(archive, filters, sort, limit)
    return ids, {item_id: n for n, item_id in enumerate(ids)}


def _display(row: CatalogueRow, key: str) -> str:
    if key == "exhibit":
        return row.exhibit
    if key == "title":
        return row.title
    if key == "kind":
        if row.duration_s and row.kind in ("video", "audio"):
            return f"{kind_label(row.kind)} · {human_duration(row.duration_s)}"
        return kind_label(row.kind)
    if key == "captured":
        return captured_text(row.captured_local, row.captured_offset_min)
    if key == "received_from":
        return row.received_from
    if key == "tags":
        return ", ".join(row.tags)
    if key == "sensitivity":
        return sensitivity_label(row.sensitivity)
    if key == "size":
        return human_size(row.size)
    if key == "sha256":
        return row.sha256[:12]
    if key == "warnings":
        return str(row.warnings) if row.warnings else ""
    return ""


def _tooltip(row: CatalogueRow, key: str) -> str | None:
    if key == "sha256":
        return row.sha256
    if key == "captured" and row.captured_local is not None:
        return QCoreApplication.translate("CatalogueModel", "Source: %1").replace(
            "%1", capture_source_label(row.captured_source)
        )
    if key == "size":
        return QCoreApplication.translate("CatalogueModel", "%1 bytes").replace(
            "%1", f"{row.size:,}"
        )
    if key in ("title", "tags"):
        return _display(row, key) or None
    return None
