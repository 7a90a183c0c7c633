"""The filter bar shared by board, list and forecast: pipeline, owner, period, search."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from app.domain.addresses import UserRef
from app.domain.pipeline import BoardFilter, Period, Pipeline, period_range
from app.views.pipeline.texts import period_text, pipeline_text


def _t(text: str) -> str:
    return QCoreApplication.translate("PipelineFilters", text)


class FilterBar(QWidget):
    """Pickers that make a :class:`BoardFilter`.

    Signals:
        sig_filter_changed(): any picker changed (search: after a pause).
    """

    sig_filter_changed = Signal()

    def __init__(
        self,
        *,
        periods: bool = True,
        search: bool = True,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.pipeline = QComboBox()
        self.pipeline.setToolTip(_t("Pipeline"))
        self.owner = QComboBox()
        self.owner.setToolTip(_t("Owner"))
        self.owner.addItem(_t("All owners"), None)
        self.period = QComboBox()
        self.period.setToolTip(_t("Expected close"))
        for period in Period:
            self.period.addItem(period_text(period), period)
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(_t("Search title or organisation …"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.sig_filter_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pipeline)
        layout.addWidget(self.owner)
        layout.addWidget(self.period)
        layout.addWidget(self.search, 1)
        self._periods, self._search = periods, search
        if not search:
            layout.addStretch(1)
        self.period.setVisible(periods)
        self.search.setVisible(search)
        for combo in (self.pipeline, self.owner, self.period):
            combo.currentIndexChanged.connect(lambda _i: self.sig_filter_changed.emit())
        self.search.textChanged.connect(lambda _t: self._timer.start())

    def set_pipelines(self, pipelines: list[Pipeline]) -> None:
        """Fill the pipeline picker (keeps the choice)."""
        current = self.pipeline.currentData()
        self.pipeline.blockSignals(True)
        self.pipeline.clear()
        for p in pipelines:
            self.pipeline.addItem(pipeline_text(p.id, p.name), p.id)
        self.pipeline.setCurrentIndex(max(0, self.pipeline.findData(current)))
        self.pipeline.blockSignals(False)
        self.pipeline.setVisible(len(pipelines) > 1)

    def set_users(self, users: list[UserRef]) -> None:
        """Fill the owner picker (keeps the choice)."""
        current = self.owner.currentData()
        self.owner.blockSignals(True)
        while self.owner.count() > 1:
            self.owner.removeItem(1)
        for user in users:
            self.owner.addItem(user.display_name, user.id)
        self.owner.setCurrentIndex(max(0, self.owner.findData(current)))
        self.owner.blockSignals(False)

    def value(self) -> BoardFilter:
        """The filter the pickers describe."""
        period = self.period.currentData() if self._periods else Period.ANY
        start, end = period_range(Period(period or Period.ANY), self._today())
        return BoardFilter(
            pipeline_id=self.pipeline.currentData(),
            owner_id=self.owner.currentData(),
            close_from=start,
            close_to=end,
            search=self.search.text().strip() if self._search else "",
        )
