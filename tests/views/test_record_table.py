"""The shared record list: one behaviour for every list, widths from the model."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView
from pytestqt.qtbot import QtBot

from app.services.addresses import AddressService
from app.views.record_table import ROW_HEIGHT, RecordTable
from app.views.tablemodels.addresses import PersonTableModel
from app.views.tablemodels.windowed import Column


def test_record_table_behaves_like_every_list(
    qtbot: QtBot, addresses: AddressService
) -> None:
    model = PersonTableModel(addresses)
    table = RecordTable(model)
    qtbot.addWidget(table)
    assert table.objectName() == "recordTable"
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert table.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert not table.verticalHeader().isVisible()
    assert table.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert table.verticalHeader().defaultSectionSize() == ROW_HEIGHT
    assert table.horizontalHeader().stretchLastSection()
    widths = [table.columnWidth(i) for i in range(len(model.columns) - 1)]
    assert widths == [c.width for c in model.columns[:-1]]


def test_record_table_takes_widths_given_for_a_plain_model(qtbot: QtBot) -> None:
    from PySide6.QtGui import QStandardItemModel

    plain = QStandardItemModel(3, 3)
    columns = [
        Column(key, lambda k=key: k, str, width=width)
        for key, width in (("a", 77), ("b", 133), ("c", 60))
    ]
    table = RecordTable(plain, columns=columns)
    qtbot.addWidget(table)
    assert [table.columnWidth(0), table.columnWidth(1)] == [77, 133]
    no_widths = RecordTable(QStandardItemModel(2, 2))
    qtbot.addWidget(no_widths)
    assert no_widths.model().columnCount() == 2  # a plain model keeps Qt's widths
