"""A table model over a list of any size, read page by page from a service.

``rowCount`` is the list's total; ``data`` serves rows from a small LRU cache
of pages that are fetched on demand (short reads on the GUI thread, as Anki's
browser does). The view never holds the whole list, so a million rows cost the
same memory as two hundred.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: key, header title provider, cell text and sort key."""

    key: str
    title: Callable[[], str]
    text: Callable[[Any], str]
    sort_key: str | None = None
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    width: int = 140


FetchCount = Callable[[], int]
#: Wraps a fetched page for extra columns (e.g. attaches custom-field values).
Decorate = Callable[[Sequence[Any]], Sequence[Any]]
FetchPage = Callable[[int, int, int, str, bool], Sequence[Any]]
#: (limit, sort key, descending) -> (total, first page)
FetchFirst = Callable[[int, str, bool], tuple[int, Sequence[Any]]]
#: (record id, sort key, descending) -> its row, or None if the list lacks it
Locate = Callable[[str, str, bool], int | None]


class WindowedTableModel(QAbstractTableModel):
    """Pages of rows fetched through callbacks; rows are frozen DTOs with an ``id``."""

    PAGE_SIZE = 200
    MAX_PAGES = 24

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        fetch_count: FetchCount,
        fetch_page: FetchPage,
        default_sort: str,
        fetch_first: FetchFirst | None = None,
        locate: Locate | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._base_columns = self._columns
        self._decorate: Decorate | None = None
        self._fetch_count = fetch_count
        self._fetch_page = fetch_page
        self._fetch_first = fetch_first
        self._locate = locate
        self._total = 0
        #: page number -> [row, its cell texts or None until first shown]
        self._pages: OrderedDict[int, list[list[Any]]] = OrderedDict()
        self._sort_key = default_sort
        self._descending = False

    # ---- public API

    def refresh(self) -> None:
        """Re-count and drop cached pages (after a data change or filter)."""
        self.beginResetModel()
        self._pages.clear()
        if self._fetch_first is None:
            self._total = self._fetch_count()
        else:  # count and first page in one query (a search runs once)
            self._total, rows = self._fetch_first(
                self.PAGE_SIZE, self._sort_key, self._descending
            )
            if self._decorate is not None:
                rows = self._decorate(rows)
            self._pages[0] = [[r, None] for r in rows]
        self.endResetModel()

    def set_extra_columns(
        self, columns: Sequence[Column], decorate: Decorate | None = None
    ) -> None:
        """Show ``columns`` after the model's own; ``decorate`` prepares each page.

        Other capabilities add optional columns this way (custom fields): the
        decorator fetches what they show for a whole page at once.
        """
        self.beginResetModel()
        self._columns = self._base_columns + tuple(columns)
        self._decorate = decorate if columns else None
        self._pages.clear()
        self.endResetModel()

    def invalidate_rows(self) -> None:
        """Drop cached pages but keep the count (a record changed in place)."""
        self._pages.clear()
        if self._total:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._total - 1, len(self._columns) - 1)
            )

    @property
    def total(self) -> int:
        """Rows in the list."""
        return self._total

    @property
    def columns(self) -> tuple[Column, ...]:
        """The columns, in display order."""
        return self._columns

    @property
    def sort_key(self) -> str:
        """Current sort key."""
        return self._sort_key

    def row_object(self, row: int) -> Any:
        """The DTO shown in ``row`` (fetching its page if needed)."""
        return self._row(row)[0]

    def row_id(self, row: int) -> str:
        """The record id shown in ``row``."""
        return str(self.row_object(row).id)

    def column_index(self, key: str) -> int:
        """Position of the column ``key``."""
        return next(i for i, c in enumerate(self._columns) if c.key == key)

    def find_row(self, record_id: str, *, limit: int = 2000) -> int | None:
        """Row of ``record_id``, if the list holds it.

        With a ``locate`` callback the database says where the record is,
        however far down; without one (or when it cannot tell), the first
        ``limit`` rows are searched.
        """
        if self._locate is not None:
            row = self._locate(record_id, self._sort_key, self._descending)
            if row is not None and row < self._total and self.row_id(row) == record_id:
                return row
        for row in range(min(limit, self._total)):
            if self.row_id(row) == record_id:
                return row
        return None

    # ---- Qt overrides

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._total:
            return None
        col = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._texts(index.row())[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(col.align.value)
        if role == Qt.ItemDataRole.UserRole:
            return self.row_id(index.row())
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(
            self._columns
        ):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].title()
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self._columns[section].align.value)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(
        self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
    ) -> None:
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column].sort_key
        if key is None:
            return
        # A reset, not layoutChanged: the model cannot say where each selected
        # record moved without reading the whole list, and a layout change that
        # leaves persistent indexes on their old row numbers would show another
        # record as selected than the form.
        self.beginResetModel()
        self._sort_key = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._pages.clear()
        self.endResetModel()

    def sort_column(self) -> int:
        """The first column sorted by the current key (for the header indicator)."""
        return next(
            (i for i, c in enumerate(self._columns) if c.sort_key == self._sort_key), 0
        )

    def sort_order(self) -> Qt.SortOrder:
        """The current sort direction."""
        return (
            Qt.SortOrder.DescendingOrder
            if self._descending
            else Qt.SortOrder.AscendingOrder
        )

    def is_sortable(self, column: int) -> bool:
        """Whether clicking the header of ``column`` can sort the list."""
        return 0 <= column < len(self._columns) and bool(self._columns[column].sort_key)

    # ---- internals

    def _texts(self, row: int) -> tuple[str, ...]:
        """The cell texts of ``row``, made when the row is first shown: a page
        holds 200 rows, a view shows some thirty (phone numbers are formatted,
        dates localised — not for rows nobody scrolls to)."""
        entry = self._row(row)
        if entry[1] is None:
            entry[1] = tuple(c.text(entry[0]) for c in self._columns)
        texts: tuple[str, ...] = entry[1]
        return texts

    def _row(self, row: int) -> list[Any]:
        number, offset = divmod(row, self.PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            rows = self._fetch_page(
                number * self.PAGE_SIZE,
                self.PAGE_SIZE,
                self._total,
                self._sort_key,
                self._descending,
            )
            if self._decorate is not None:
                rows = self._decorate(rows)
            page = [[r, None] for r in rows]
            self._pages[number] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        if offset >= len(page):  # the list shrank under us; show an empty row
            return [_Missing(), tuple("" for _ in self._columns)]
        return page[offset]


class _Missing:
    id = ""
