"""The dashboard page (Analytisches CRM): filters, key figures and chart tiles.

One service call computes every tile (:meth:`DashboardService.compute`: the
kept ones from its cache, the rest read now); :meth:`DashboardPage.show_dashboard`
draws the tiles whose figures changed.
Clicking a bar or funnel stage emits :attr:`DashboardPage.sig_drill_requested`
with the records behind it; the integration opens them in a list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.analytics import Dashboard, DashFilter, DashPeriod
from app.domain.pipeline import Outcome, add_months
from app.services.analytics import AnalyticsServices
from app.services.dashboard import BackgroundTiles, Drill
from app.services.sales import SalesServices
from app.tasks.runner import TaskRunner
from app.views.dashboard.charts import (
    BarChart,
    LineChart,
    theme,
)
from app.views.dashboard.drawing import TileDrawing
from app.views.dashboard.texts import (
    as_of_text,
    nps_text,
    number,
    pct,
    period_text,
    short_money,
)
from app.views.dashboard.tiles import DASHBOARD_STYLE, Kpi, Tile
from app.views.pipeline.forecast_chart import ForecastChart
from app.views.pipeline.texts import (
    date_text,
    month_text,
    pipeline_text,
    source_text,
    stage_name_text,
)

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _t(text: str) -> str:
    return QCoreApplication.translate("DashboardPage", text)


def _table(headers: Sequence[str]) -> QTableWidget:
    """A tile's table: the figures as wide as they need, the first column the rest.

    The figure columns are fitted to their heading and values once filled
    (:func:`~app.views.dashboard.drawing.fit_columns`); fixed widths guessed
    in pixels cut the first heading ("Source / campai"). Not
    ``ResizeToContents``: that measures the column again at every cell set
    (14 ms of each drawing).
    """
    table = QTableWidget(0, len(headers))
    table.setObjectName("tileTable")
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for col, _title in enumerate(headers):
        item = table.horizontalHeaderItem(col)
        if item is not None:
            item.setTextAlignment(
                RIGHT
                if col
                else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            )
    table.verticalHeader().setDefaultSectionSize(24)
    return table


class DashboardPage(TileDrawing, QWidget):
    """Filters, key figures and the tiles.

    Signals:
        sig_drill_requested(object): a :class:`Drill` — show these records.
        sig_organisation_requested(str): open this organisation.
        sig_status_message(str): a short message for the status bar.
    """

    sig_drill_requested = Signal(object)
    sig_organisation_requested = Signal(str)
    sig_status_message = Signal(str)

    def __init__(
        self,
        analytics: AnalyticsServices,
        sales: SalesServices,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._analytics = analytics
        self._sales = sales
        #: Runs the NPS-by-segment comparison in the background (None: inline).
        self._runner = runner
        self.dashboard: Dashboard | None = None
        self.stale = True
        self.setStyleSheet(DASHBOARD_STYLE)
        self.heading = QLabel(_t("Dashboard"))
        self.heading.setObjectName("pageHeading")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageLead")
        self.period = QComboBox()
        for period in DashPeriod:
            self.period.addItem(period_text(period), period)
        self.period.setToolTip(
            _t("Period: closed business, leads, activities, answers")
        )
        self.owner = QComboBox()
        self.owner.setToolTip(_t("Owner"))
        self.pipeline = QComboBox()
        self.pipeline.setToolTip(_t("Pipeline"))
        self.segment = QComboBox()
        self.segment.setToolTip(
            _t("Only the deals, answers and activities of a segment")
        )
        self.segment.setMinimumContentsLength(18)
        for combo in (self.period, self.owner, self.pipeline, self.segment):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        for widget in (self.period, self.owner, self.pipeline, self.segment):
            filters.addWidget(widget)
        filters.addStretch(1)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.heading)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        head.addLayout(filters)

        self.kpi_won = Kpi(_t("Won this year"))
        self.kpi_pipeline = Kpi(_t("Weighted pipeline, 12 months"))
        self.kpi_win_rate = Kpi(_t("Win rate"))
        self.kpi_cycle = Kpi(_t("Average sales cycle"))
        self.kpi_nps = Kpi(_t("Net Promoter Score"))
        kpis = QHBoxLayout()
        kpis.setSpacing(12)
        for kpi in (
            self.kpi_won,
            self.kpi_pipeline,
            self.kpi_win_rate,
            self.kpi_cycle,
            self.kpi_nps,
        ):
            kpis.addWidget(kpi, 1)

        self.funnel_chart = BarChart(horizontal=True)
        self.funnel_chart.sig_bar_clicked.connect(self._on_funnel_clicked)
        self.forecast_chart = ForecastChart()
        theme(self.forecast_chart, self.palette())
        self.forecast_chart.scene().sigMouseClicked.connect(self._on_forecast_clicked)
        self.ytd_chart = BarChart(money=True)
        self.ytd_chart.sig_bar_clicked.connect(self._on_ytd_clicked)
        self.sources_table = _table(
            [
                _t("Source / campaign"),
                _t("Leads"),
                _t("Conversion"),
                _t("Won"),
                _t("Avg. deal"),
            ],
        )
        self.sources_table.cellDoubleClicked.connect(self._on_source_activated)
        self.owners_chart = BarChart(horizontal=True)
        self.owners_chart.sig_bar_clicked.connect(self._on_owner_clicked)
        self.activity_chart = LineChart()
        self.customers_table = _table(
            [_t("Organisation"), _t("CLTV (CHF)"), _t("Revenue"), _t("Deals")]
        )
        self.customers_table.cellDoubleClicked.connect(self._on_customer_activated)
        # a little room beyond ±100: a point at +100 was cut by the edge
        self.nps_chart = LineChart(y_range=(-110.0, 112.0))
        self.nps_segments_chart = BarChart(horizontal=True)

        self.tile_funnel = Tile(_t("Sales funnel"), self.funnel_chart)
        self.tile_forecast = Tile(
            _t("Pipeline and weighted forecast"), self.forecast_chart
        )
        self.tile_ytd = Tile(_t("Won revenue year to date"), self.ytd_chart)
        self.tile_sources = Tile(_t("Lead sources"), self.sources_table)
        self.tile_owners = Tile(
            _t("Win rate and sales cycle by owner"), self.owners_chart
        )
        self.tile_activity = Tile(
            _t("Activities per owner and week"), self.activity_chart
        )
        self.tile_customers = Tile(
            _t("Top customers by lifetime value"), self.customers_table
        )
        self.tile_nps = Tile(_t("NPS over time"), self.nps_chart)
        self.tile_nps_segments = Tile(_t("NPS by segment"), self.nps_segments_chart)
        self.tiles = (
            self.tile_funnel,
            self.tile_forecast,
            self.tile_ytd,
            self.tile_sources,
            self.tile_owners,
            self.tile_activity,
            self.tile_customers,
            self.tile_nps,
            self.tile_nps_segments,
        )
        grid = QGridLayout()
        grid.setSpacing(12)
        for i, tile in enumerate(self.tiles[:-1]):
            tile.setMinimumHeight(300)
            grid.addWidget(tile, i // 2, i % 2)
        self.tile_nps_segments.setMinimumHeight(220)
        grid.addWidget(self.tile_nps_segments, 4, 0, 1, 2)
        for tile in self.tiles:
            tile.sig_export_failed.connect(self.sig_status_message)
        canvas = QWidget()
        canvas.setObjectName("page")
        inner = QVBoxLayout(canvas)
        inner.setContentsMargins(24, 16, 24, 24)
        inner.setSpacing(14)
        inner.addLayout(head)
        inner.addLayout(kpis)
        inner.addLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(canvas)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._loading = False
        self.reload_choices()

    # ---- public API

    def value(self) -> DashFilter:
        """The filter the pickers describe."""
        return DashFilter(
            period=DashPeriod(self.period.currentData() or DashPeriod.THIS_YEAR),
            owner_id=self.owner.currentData(),
            pipeline_id=self.pipeline.currentData(),
            segment_id=self.segment.currentData(),
        )

    def reload_choices(self) -> None:
        """Fill owner, pipeline and segment pickers (keeps the choices)."""
        choices = self._analytics.dashboard.choices()
        self._loading = True
        for combo, first, items in (
            (self.owner, _t("All owners"), choices.owners),
            (
                self.pipeline,
                _t("All pipelines"),
                tuple((p.id, pipeline_text(p.id, p.name)) for p in choices.pipelines),
            ),
            (
                self.segment,
                _t("All customers"),
                tuple((sid, name) for sid, name, _kind in choices.segments),
            ),
        ):
            current = combo.currentData()
            combo.clear()
            combo.addItem(first, None)
            for key, text in items:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self.pipeline.setVisible(len(choices.pipelines) > 1)
        self._loading = False

    def refresh(self) -> None:
        """Compute every tile for the current filter and draw it.

        With a task runner, the NPS-by-segment tile follows from the
        background; everything else is drawn at once.
        """
        flt = self.value()
        service = self._analytics.dashboard
        inline = self._runner is None
        dash = service.compute(flt, background=not inline)
        self.show_dashboard(dash)
        if self._runner is None or not dash.pending:
            return
        self._runner.run(
            "dashboard-background-tiles",
            lambda: service.background_tiles(flt),
            on_done=lambda tiles: self._on_background_computed(flt, tiles),
        )

    def _on_background_computed(self, flt: DashFilter, tiles: BackgroundTiles) -> None:
        dash = self.dashboard
        if dash is None or dash.filter != flt or not dash.pending:
            return  # the filter changed meanwhile: a newer run follows
        self.dashboard = replace(
            dash,
            weeks=tiles.weeks,
            activity=tiles.activity,
            nps_segments=tiles.nps_segments,
            pending=False,
        )
        self._activity(self.dashboard)
        self._nps(self.dashboard)

    def refresh_if_stale(self) -> None:
        """Recompute only if data changed since the last drawing."""
        if self.stale:
            self.refresh()

    def show_dashboard(self, dash: Dashboard) -> None:
        """Draw ``dash``; tiles whose figures equal those on screen stay as drawn.

        A period change keeps the forecast and the top customers, for
        example: their charts are neither rebuilt nor painted again.
        """
        old = self.dashboard
        self.dashboard = dash
        self.stale = False
        scope = [f"{date_text(dash.start)} – {date_text(min(dash.end, dash.today))}"]
        if dash.filter.period is DashPeriod.ALL:
            scope = [period_text(DashPeriod.ALL)]
        if dash.segment_name:
            scope.append(_t("segment “%1”").replace("%1", dash.segment_name))
        self.subtitle.setText(" · ".join(scope))
        note = as_of_text(dash.last_sync)
        for tile in self.tiles:
            tile.note.setText(note)
        self._kpis(dash)
        for draw, fields in (
            (self._funnel, ("funnel",)),
            (self._forecast, ("forecast",)),
            (self._ytd, ("ytd",)),
            (self._sources, ("sources",)),
            (self._owners, ("owners",)),
            (self._activity, ("pending", "weeks", "activity")),
            (self._customers, ("top_customers", "cltv_settings")),
            (self._nps, ("pending", "nps_months", "nps_total", "nps_segments")),
        ):
            if old is None or any(
                getattr(old, name) != getattr(dash, name) for name in fields
            ):
                draw(dash)

    def showEvent(self, event: QShowEvent) -> None:
        """Draw (or redraw, after changes elsewhere) when the page comes into view."""
        super().showEvent(event)
        self.refresh_if_stale()

    # ---- drawing

    def _kpis(self, dash: Dashboard) -> None:
        ytd = dash.ytd
        change = ytd.change
        self.kpi_won.title.setText(
            _t("Won %1 year to date").replace("%1", str(ytd.year))
        )
        self.kpi_won.set(
            short_money(ytd.total),
            _t("%1 vs. last year to date").replace(
                "%1", pct(change, signed=True, decimals=1)
            )
            if change is not None
            else _t("nothing won by this day last year"),
            "" if change is None else ("up" if change >= 0 else "down"),
        )
        weighted = sum(b.weighted for b in dash.forecast)
        open_deals = sum(b.open_count for b in dash.forecast)
        self.kpi_pipeline.set(
            short_money(weighted),
            self.tr("%Ln open deal(s) closing", "", open_deals),
        )
        won = sum(o.won for o in dash.owners)
        lost = sum(o.lost for o in dash.owners)
        rate = 100 * won / (won + lost) if won + lost else None
        self.kpi_win_rate.set(
            pct(rate),
            _t("%1 won · %2 lost")
            .replace("%1", number(won))
            .replace("%2", number(lost)),
        )
        days = sum((o.cycle_days or 0) * o.won for o in dash.owners)
        self.kpi_cycle.set(
            _t("%1 days").replace("%1", number(days / won)) if won else "–",
            _t("from creation to won"),
        )
        nps = dash.nps_total
        self.kpi_nps.set(
            nps_text(nps.score),
            self.tr("%Ln answer(s)", "", nps.total)
            if nps.total
            else _t("no answers in this period"),
            "" if nps.score is None else ("up" if nps.score >= 0 else "down"),
        )

    # ---- clicks

    def _on_filter_changed(self, _index: int) -> None:
        if not self._loading:
            self.refresh()

    def _drill(self, **kwargs: object) -> None:
        if self.dashboard is None:
            return
        self.sig_drill_requested.emit(Drill(self.dashboard.filter, **kwargs))  # type: ignore[arg-type]

    def _on_funnel_clicked(self, index: int) -> None:
        dash = self.dashboard
        if dash is None or index >= len(dash.funnel):
            return
        stage = dash.funnel[index]
        self._drill(
            stage_id=stage.stage_id,
            close_from=dash.start,
            close_to=dash.end,
            title=f"{stage_name_text(stage.stage_id, stage.name)} · "
            f"{date_text(dash.start)} – {date_text(dash.end)}",
        )

    def _on_forecast_clicked(self, event: object) -> None:
        dash = self.dashboard
        if dash is None:
            return
        view = self.forecast_chart.getPlotItem().vb
        pos = event.scenePos()  # type: ignore[attr-defined]
        if not view.sceneBoundingRect().contains(pos):
            return
        index = round(view.mapSceneToView(pos).x())
        if not 0 <= index < len(dash.forecast):
            return
        month = dash.forecast[index].start
        self._drill(
            outcome=Outcome.OPEN,
            close_from=month,
            close_to=add_months(month, 1) - dt.timedelta(days=1),
            title=month_text(month),
        )

    def _on_ytd_clicked(self, index: int) -> None:
        dash = self.dashboard
        if dash is None or index >= len(dash.ytd.months):
            return
        month = dt.date(dash.ytd.year, dash.ytd.months[index].month, 1)
        self._drill(
            outcome=Outcome.WON,
            close_from=month,
            close_to=min(add_months(month, 1) - dt.timedelta(days=1), dash.ytd.as_of),
            title=_t("Won in %1").replace("%1", month_text(month)),
        )

    def _on_source_activated(self, row: int, _column: int) -> None:
        dash = self.dashboard
        if dash is None or row >= len(dash.sources):
            return
        r = dash.sources[row]
        self._drill(
            outcome=Outcome.WON,
            closed_from=dash.start,
            closed_to=dash.end,
            source=r.source,
            campaign_id=r.campaign_id,
            title=source_text(r.source) + (f" · {r.campaign}" if r.campaign else ""),
        )

    def _on_owner_clicked(self, index: int) -> None:
        dash = self.dashboard
        if dash is None:
            return
        owners = [o for o in dash.owners if o.won + o.lost][:10]
        if index >= len(owners) or owners[index].owner_id is None:
            return
        o = owners[index]
        self._drill(
            owner_id=o.owner_id,
            closed_from=dash.start,
            closed_to=dash.end,
            title=_t("Closed by %1").replace("%1", o.name),
        )

    def _on_customer_activated(self, row: int, _column: int) -> None:
        item = self.customers_table.item(row, 0)
        if item is not None:
            self.sig_organisation_requested.emit(item.data(Qt.ItemDataRole.UserRole))
