"""The records behind a bar: a windowed list of opportunities, opened by Enter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.pipeline import OpportunityRow
from app.services.dashboard import DashboardService, Drill
from app.views.tablemodels.pipeline import OPPORTUNITY_COLUMNS
from app.views.tablemodels.windowed import WindowedTableModel


def _t(text: str) -> str:
    return QCoreApplication.translate("DrillDialog", text)


class DrillTableModel(WindowedTableModel):
    """The opportunities of a :class:`Drill`, biggest amount first."""

    def __init__(
        self, service: DashboardService, drill: Drill, parent: Any = None
    ) -> None:
        self._service = service
        self.drill = drill
        super().__init__(
            OPPORTUNITY_COLUMNS,
            fetch_count=lambda: service.drill_count(self.drill),
            fetch_page=self._page,
            default_sort="amount",
            parent=parent,
        )

    def _page(
        self, offset: int, limit: int, total: int, _key: str, _desc: bool
    ) -> Sequence[OpportunityRow]:
        return self._service.drill_page(
            self.drill, offset=offset, limit=limit, total=total
        )


class DrillDialog(QDialog):
    """Lists the opportunities behind a clicked bar.

    Signals:
        sig_open_requested(str): open this opportunity (Enter, double-click).
    """

    sig_open_requested = Signal(str)

    def __init__(
        self, service: DashboardService, drill: Drill, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(drill.title or _t("Opportunities"))
        self.resize(1100, 560)
        self.model = DrillTableModel(service, drill, self)
        self.model.refresh()
        self.count = QLabel(
            self.tr("%Ln opportunity(ies), biggest first", "", self.model.total)
        )
        self.count.setObjectName("countLabel")
        self.table = QTableView()
        self.table.setObjectName("recordTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        for i, column in enumerate(OPPORTUNITY_COLUMNS):
            self.table.setColumnWidth(i, column.width)
        self.table.activated.connect(self._on_table_activated)
        self.table.doubleClicked.connect(self._on_table_activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        heading = QLabel(drill.title)
        heading.setObjectName("formHeading")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sig_open_requested.emit(self.model.row_id(index.row()))
