"""The Forecast page: weighted pipeline by month or quarter, and re-planning.

Above, key figures and the chart; below, the open opportunities of the next
six months in a column per close month. Dragging a card to another month (or
Ctrl+Shift+→/← on a selected card) moves its expected close date there, and
chart and figures follow at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.changes import Changes, EntityKind
from app.domain.pipeline import BoardFilter, Forecast, add_months, month_start
from app.services.addresses import AddressService
from app.services.pipeline import BOARD_LIMIT
from app.services.sales import SalesServices
from app.views.lazy import when_shown
from app.views.pipeline.cards import CardColumn
from app.views.pipeline.filters import FilterBar
from app.views.pipeline.forecast_chart import ForecastChart
from app.views.pipeline.look import SALES_STYLE
from app.views.pipeline.texts import money, month_label, month_text

MONTHS, QUARTERS = 0, 1
REPLAN_MONTHS = 6


def _t(text: str) -> str:
    return QCoreApplication.translate("ForecastView", text)


class Figure(QFrame):
    """A key figure card: title, value, a small note."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.title = QLabel(title)
        self.title.setObjectName("cardTitle")
        self.value = QLabel()
        self.value.setObjectName("figureValue")
        self.note = QLabel()
        self.note.setObjectName("cardTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.note)


class ForecastView(QWidget):
    """Forecast figures, chart and the re-planning board.

    Signals:
        sig_data_changed(object, object): a close date was moved (Changes, self).
        sig_open_requested(str): open this opportunity.
        sig_status_message(str): a short message for the status bar.
    """

    sig_data_changed = Signal(object, object)
    sig_open_requested = Signal(str)
    sig_status_message = Signal(str)

    def __init__(
        self,
        sales: SalesServices,
        addresses: AddressService,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._sales = sales
        self._addresses = addresses
        self._today = today
        self._now = now
        self.forecast: Forecast | None = None
        self._limits: dict[str, int] = {}
        self.setStyleSheet(SALES_STYLE)
        self.period_tabs = QTabBar()
        self.period_tabs.setObjectName("kindTabs")
        self.period_tabs.addTab(_t("By month"))
        self.period_tabs.addTab(_t("By quarter"))
        self.filters = FilterBar(periods=False, search=False, today=today)
        self.won = Figure(_t("Won this year"))
        self.weighted = Figure(_t("Weighted pipeline"))
        self.commit = Figure(_t("Commit"))
        self.best = Figure(_t("Best case"))
        self.overdue = Figure(_t("Overdue"))
        self.overdue.setToolTip(
            _t("Open opportunities whose expected close has passed")
        )
        self.chart = ForecastChart()
        self.chart.setMinimumHeight(230)
        self.columns: list[CardColumn] = []
        row = QHBoxLayout()
        row.setSpacing(10)
        for i in range(REPLAN_MONTHS):
            column = CardColumn(str(i), now, show_age=False)
            column.model.sig_card_dropped.connect(self.replan)
            column.list.sig_move_requested.connect(
                lambda step, i=i: self._move_from(i, step)
            )
            column.list.sig_open_requested.connect(self.sig_open_requested)
            column.sig_more_requested.connect(self._on_more_requested)
            row.addWidget(column, 1)
            self.columns.append(column)
        canvas = QWidget()
        canvas.setObjectName("boardCanvas")
        canvas.setLayout(row)
        self.replan_area = QScrollArea()
        self.replan_area.setWidgetResizable(True)
        self.replan_area.setWidget(canvas)
        self.replan_area.setFrameShape(QScrollArea.Shape.NoFrame)
        replan_title = QLabel(
            _t("Re-plan: drag an opportunity to another month (or Ctrl+Shift+→ / ←)")
        )
        replan_title.setObjectName("sectionTitle")
        top = QHBoxLayout()
        top.addWidget(self.period_tabs)
        top.addWidget(self.filters, 1)
        figures = QHBoxLayout()
        for figure in (self.won, self.weighted, self.commit, self.best, self.overdue):
            figures.addWidget(figure, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(top)
        layout.addLayout(figures)
        layout.addWidget(self.chart, 3)
        layout.addWidget(replan_title)
        layout.addWidget(self.replan_area, 4)
        self.period_tabs.currentChanged.connect(lambda _i: self.refresh())
        self.filters.sig_filter_changed.connect(self.refresh)
        self.reload_pick_lists()
        when_shown(self, self.refresh)

    # ---- public API

    def reload_pick_lists(self) -> None:
        """Pipelines and owners."""
        self.filters.set_pipelines(self._sales.pipeline.pipelines())
        self.filters.set_users(self._addresses.users())

    def month_of(self, column: int) -> dt.date:
        """The first day of the month shown in re-planning column ``column``."""
        return add_months(month_start(self._today()), column)

    def refresh(self) -> None:
        """Read the forecast and the re-planning columns again."""
        flt = self.filters.value()
        quarterly = self.period_tabs.currentIndex() == QUARTERS
        months = 12
        forecast = self._sales.forecast.forecast(
            flt, months=months, quarterly=quarterly
        )
        self.forecast = forecast
        self.chart.show_buckets(forecast.buckets, quarterly=quarterly)
        total = {
            "weighted": sum(b.weighted for b in forecast.buckets),
            "commit": sum(b.commit - b.won for b in forecast.buckets),
            "best": sum(b.best_case - b.won for b in forecast.buckets),
            "open": sum(b.open_count for b in forecast.buckets),
        }
        locale = QLocale()
        span = _t("12 months")
        self.won.value.setText(money(forecast.won_to_date, "CHF", whole=True))
        self.won.note.setText(_t("since 1 January"))
        self.weighted.value.setText(money(total["weighted"], "CHF", whole=True))
        self.weighted.note.setText(
            _t("%1 open, %2")
            .replace("%1", locale.toString(total["open"]))
            .replace("%2", span)
        )
        self.commit.value.setText(money(total["commit"], "CHF", whole=True))
        self.commit.note.setText(_t("open at 75 % or more"))
        self.best.value.setText(money(total["best"], "CHF", whole=True))
        self.best.note.setText(_t("every open opportunity"))
        self.overdue.value.setText(locale.toString(forecast.overdue_count))
        self.overdue.note.setText(
            _t("weighted %1").replace(
                "%1", money(forecast.overdue_weighted, "CHF", whole=True)
            )
        )
        self._show_columns(flt)

    def _on_more_requested(self, key: str) -> None:
        self._limits[key] = self._limits.get(key, BOARD_LIMIT) + 50
        self._show_columns(self.filters.value())

    def replan(self, card_id: str, column_key: str) -> None:
        """Move a card's close date into the month of ``column_key`` (drop)."""
        target = self.month_of(int(column_key))
        day = 15
        for column in self.columns:
            row = column.model.row_of(card_id)
            if row is not None:
                close = column.model.card(row).close_date
                day = close.day if close else day
        changes = self._sales.forecast.replan(card_id, target, day=day)
        self.refresh()
        self.select(card_id)
        self.sig_data_changed.emit(changes, self)
        self.sig_status_message.emit(
            _t("Expected close moved to %1.").replace("%1", month_text(target))
        )

    def _move_from(self, column: int, step: int) -> None:
        """Ctrl+Shift+→/← in a month column: its selected card a month later/earlier."""
        card = self.columns[column].list.current_card()
        target = column + step
        if card is not None and 0 <= target < len(self.columns):
            self.replan(card.id, str(target))

    def select(self, card_id: str) -> bool:
        """Select ``card_id`` in its month column."""
        for column in self.columns:
            if column.select(card_id):
                column.list.setFocus()
                return True
        return False

    def on_data_changed(self, changes: Changes, initiator: object) -> None:
        """Re-read after writes elsewhere."""
        if initiator is self:
            return
        if changes.touches(EntityKind.USER) or changes.touches(EntityKind.PIPELINE):
            self.reload_pick_lists()
        if any(
            changes.touches(k)
            for k in (
                EntityKind.OPPORTUNITY,
                EntityKind.PIPELINE,
                EntityKind.EXCHANGE_RATE,
            )
        ):
            self.refresh()

    # ---- internals

    def _show_columns(self, flt: BoardFilter) -> None:
        locale = QLocale()
        monthly = (
            self.forecast
            if self.forecast and self.period_tabs.currentIndex() == MONTHS
            else self._sales.forecast.forecast(flt, months=REPLAN_MONTHS)
        )
        by_month = {b.start: b for b in monthly.buckets}
        for i, column in enumerate(self.columns):
            month = self.month_of(i)
            limit = self._limits.get(column.key, BOARD_LIMIT)
            count, cards = self._sales.forecast.month_cards(flt, month, limit=limit)
            bucket = by_month.get(month)
            column.title.setText(month_label(month))
            column.badge.setText(locale.toString(count))
            column.total.setText(
                money(bucket.best_case - bucket.won if bucket else 0, "CHF", whole=True)
            )
            column.weighted.setText(
                _t("weighted %1").replace(
                    "%1", money(bucket.weighted if bucket else 0, "CHF", whole=True)
                )
            )
            column.show_cards(cards, count - len(cards))
