"""The table every record list uses (persons, leads, deals, journal, tasks …).

One look and one behaviour: whole rows selected one at a time, fixed-height
rows (a million-row list must not measure each row), no row numbers, the last
column filling the width, column widths from the model's columns (never
``ResizeToContents``, which reads every row).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.views.tablemodels.windowed import Column, WindowedTableModel

#: Row height of every record list, in pixels.
ROW_HEIGHT = 28


class RecordTable(QTableView):
    """A read-only list of records over ``model``.

    ``columns`` gives the initial column widths; by default a
    :class:`WindowedTableModel`'s own columns.
    """

    def __init__(
        self,
        model: QAbstractItemModel | None = None,
        *,
        columns: Sequence[Column] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        if model is not None:
            self.setModel(model)
            self.set_column_widths(columns)

    def set_column_widths(self, columns: Sequence[Column] | None = None) -> None:
        """Widths from ``columns`` (default: the model's own, if windowed)."""
        if columns is None:
            model = self.model()
            columns = model.columns if isinstance(model, WindowedTableModel) else ()
        for i, column in enumerate(columns):
            self.setColumnWidth(i, column.width)
