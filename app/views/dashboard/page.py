"""The dashboard page (Analytisches CRM): filters, key figures and chart tiles.

One service call computes every tile (:meth:`DashboardService.compute`, one
read transaction); :meth:`DashboardPage.show_dashboard` draws the result.
Clicking a bar or funnel stage emits :attr:`DashboardPage.sig_drill_requested`
with the records behind it; the integration opens them in a list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
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
    BLUE,
    GREEN,
    GREY,
    ORANGE,
    PURPLE,
    RED,
    SERIES,
    BarChart,
    LineChart,
    theme,
)
from app.views.dashboard.texts import (
    as_of_text,
    nps_text,
    number,
    pct,
    period_text,
    plain_money,
    short_money,
)
from app.views.dashboard.tiles import DASHBOARD_STYLE, Kpi, Tile
from app.views.pipeline.forecast_chart import ForecastChart
from app.views.pipeline.texts import (
    date_text,
    money,
    month_text,
    pipeline_text,
    source_text,
    stage_name_text,
)

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
#: Owners drawn as lines in the activity tile (the busiest; the rest summed).
ACTIVITY_LINES = 6


def _t(text: str) -> str:
    return QCoreApplication.translate("DashboardPage", text)


def _table(headers: Sequence[str], widths: Sequence[int]) -> QTableWidget:
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
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    bold = QFont(table.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    for col, width in enumerate(widths, start=1):  # the heading always fits
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(
            col, max(width, metrics.horizontalAdvance(headers[col]) + 18)
        )
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


def _cell(text: str, *, right: bool = False, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(RIGHT)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class DashboardPage(QWidget):
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
            (52, 96, 112, 96),
        )
        self.sources_table.cellDoubleClicked.connect(self._on_source_activated)
        self.owners_chart = BarChart(horizontal=True)
        self.owners_chart.sig_bar_clicked.connect(self._on_owner_clicked)
        self.activity_chart = LineChart()
        self.customers_table = _table(
            [_t("Organisation"), _t("CLTV (CHF)"), _t("Revenue"), _t("Deals")],
            (96, 96, 66),
        )
        self.customers_table.cellDoubleClicked.connect(self._on_customer_activated)
        self.nps_chart = LineChart(y_range=(-100.0, 100.0))
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
        previous = None if self.stale else self.dashboard
        dash = service.compute(flt, background=not inline, previous=previous)
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
        """Draw ``dash``."""
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
        self._funnel(dash)
        self._forecast(dash)
        self._ytd(dash)
        self._sources(dash)
        self._owners(dash)
        self._activity(dash)
        self._customers(dash)
        self._nps(dash)

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
            _t("%1 vs. same period last year").replace(
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

    def _funnel(self, dash: Dashboard) -> None:
        stages = dash.funnel
        if not stages or not stages[0].reached:
            self.tile_funnel.show_empty(
                _t(
                    "No opportunities close in this period. Create one on the "
                    "Pipeline page (Ctrl+Shift+O) or convert a qualified lead."
                )
            )
            return
        names = [stage_name_text(s.stage_id, s.name) for s in stages]

        def tip(i: int) -> str:
            s = stages[i]
            lines = [
                f"<b>{names[i]}</b>",
                _t("Reached: %1 deals · %2")
                .replace("%1", number(s.reached))
                .replace("%2", money(s.reached_chf, "CHF", whole=True)),
                _t("In this stage now: %1 · %2")
                .replace("%1", number(s.current))
                .replace("%2", money(s.current_chf, "CHF", whole=True)),
            ]
            if s.conversion is not None:
                lines.append(
                    _t("Conversion to the next stage: %1").replace(
                        "%1", pct(100 * s.conversion, decimals=1)
                    )
                )
            lines.append(_t("Click to list the deals in this stage"))
            return "<br>".join(lines)

        labels = [
            f"{names[i]}  {pct(100 * s.conversion) if s.conversion is not None else ''}".strip()
            for i, s in enumerate(stages)
        ]
        self.funnel_chart.set_bars(
            labels, [(_t("Deals"), [float(s.reached) for s in stages], BLUE)], tip=tip
        )
        self.funnel_chart.bars[0].setOpts(
            brushes=[GREEN if s.is_won else BLUE for s in stages]
        )
        won = stages[-1].reached
        self.tile_funnel.show_body(
            _t("%1 deals entered · %2 won · overall %3")
            .replace("%1", number(stages[0].reached))
            .replace("%2", number(won))
            .replace("%3", pct(100 * won / stages[0].reached, decimals=1))
        )

    def _forecast(self, dash: Dashboard) -> None:
        buckets = dash.forecast
        if not any(b.best_case for b in buckets):
            self.tile_forecast.show_empty(
                _t(
                    "Nothing is expected to close in the next 12 months. Give open "
                    "opportunities an expected close date on the Pipeline page."
                )
            )
            return
        self.forecast_chart.show_buckets(buckets, quarterly=False)
        top = max([*(b.best_case for b in buckets), 1]) / 100
        self.forecast_chart.setYRange(0, top * 1.5, padding=0)  # room for the legend
        self.forecast_chart.getPlotItem().getAxis("bottom").setTicks(
            [
                [
                    (float(i), month_text(b.start, short=True))
                    for i, b in enumerate(buckets)
                    if i % 2 == 0
                ]
            ]
        )
        self.forecast_chart.setToolTip(
            "<br>".join(
                f"{month_text(b.start, short=True)}: "
                + _t("weighted %1 · best case %2")
                .replace("%1", money(b.weighted, "CHF", whole=True))
                .replace("%2", money(b.best_case, "CHF", whole=True))
                for b in buckets
            )
        )
        self.tile_forecast.show_body(
            _t("Weighted %1 · best case %2 · click a month for its deals")
            .replace("%1", short_money(sum(b.weighted for b in buckets)))
            .replace("%2", short_money(sum(b.best_case - b.won for b in buckets)))
        )

    def _ytd(self, dash: Dashboard) -> None:
        ytd = dash.ytd
        if not ytd.total and not ytd.total_last:
            self.tile_ytd.show_empty(
                _t(
                    "Nothing won this year or by this day last year. Won deals "
                    "appear here as soon as you move them to Won."
                )
            )
            return
        months = ytd.months
        names = [
            month_text(dt.date(ytd.year, m.month, 1), short=True).split(" ")[0]
            for m in months
        ]

        def tip(i: int) -> str:
            m = months[i]
            return "<br>".join(
                [
                    f"<b>{names[i]}</b>",
                    f"{ytd.year}: {money(m.this_year, 'CHF', whole=True)}",
                    f"{ytd.year - 1}: {money(m.last_year, 'CHF', whole=True)}",
                    _t("Year to date: %1 (last year %2)")
                    .replace("%1", money(m.cumulative, "CHF", whole=True))
                    .replace("%2", money(m.cumulative_last, "CHF", whole=True)),
                ]
            )

        self.ytd_chart.set_bars(
            names,
            [
                (str(ytd.year - 1), [m.last_year / 100 for m in months], GREY),
                (str(ytd.year), [m.this_year / 100 for m in months], GREEN),
            ],
            tip=tip,
        )
        self.tile_ytd.show_body(
            _t("%1 up to %2 · last year %3 · %4")
            .replace("%1", money(ytd.total, "CHF", whole=True))
            .replace("%2", date_text(ytd.as_of))
            .replace("%3", money(ytd.total_last, "CHF", whole=True))
            .replace("%4", pct(ytd.change, signed=True, decimals=1))
        )

    def _sources(self, dash: Dashboard) -> None:
        rows = dash.sources
        table = self.sources_table
        if not rows:
            self.tile_sources.show_empty(
                _t(
                    "No leads or won deals in this period. Record where each lead "
                    "came from on the Leads page (Ctrl+Shift+L)."
                )
            )
            return
        table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            name = source_text(r.source) + (f" · {r.campaign}" if r.campaign else "")
            first = _cell(name, data=i)
            first.setToolTip(
                _t("%1 won deals · double-click to list them").replace(
                    "%1", number(r.won)
                )
            )
            table.setItem(i, 0, first)
            table.setItem(i, 1, _cell(number(r.leads), right=True))
            table.setItem(i, 2, _cell(pct(r.conversion, decimals=1), right=True))
            table.setItem(i, 3, _cell(plain_money(r.won_chf), right=True))
            table.setItem(
                i,
                4,
                _cell(
                    "–" if r.average_deal is None else plain_money(r.average_deal),
                    right=True,
                ),
            )
        self.tile_sources.show_body(
            _t(
                "Amounts in CHF · conversion = leads of the period whose deal "
                "was won ÷ leads"
            )
        )

    def _owners(self, dash: Dashboard) -> None:
        owners = [o for o in dash.owners if o.won + o.lost]
        if not owners:
            self.tile_owners.show_empty(_t("No deals were won or lost in this period."))
            return
        owners = owners[:10]
        names = [o.name or _t("(no owner)") for o in owners]

        def tip(i: int) -> str:
            o = owners[i]
            cycle = (
                "–"
                if o.cycle_days is None
                else _t("%1 days").replace("%1", number(o.cycle_days))
            )
            return "<br>".join(
                [
                    f"<b>{names[i]}</b>",
                    _t("Win rate: %1 (%2 won, %3 lost)")
                    .replace("%1", pct(o.win_rate, decimals=1))
                    .replace("%2", number(o.won))
                    .replace("%3", number(o.lost)),
                    _t("Won: %1").replace("%1", money(o.won_chf, "CHF", whole=True)),
                    _t("Average sales cycle: %1").replace("%1", cycle),
                    _t("Click to list the closed deals"),
                ]
            )

        labels = [
            f"{names[i]}  "
            + (
                "–"
                if o.cycle_days is None
                else _t("%1 d").replace("%1", number(o.cycle_days))
            )
            for i, o in enumerate(owners)
        ]
        self.owners_chart.set_bars(
            labels,
            [(_t("Win rate"), [o.win_rate or 0.0 for o in owners], ORANGE)],
            tip=tip,
        )
        self.tile_owners.show_body(
            _t("Bars: win rate in % · next to the name: average days to win")
        )

    def _activity(self, dash: Dashboard) -> None:
        if dash.pending:
            self.tile_activity.show_empty(_t("Counting the activities …"))
            return
        series = [a for a in dash.activity if a.total]
        if not series:
            self.tile_activity.show_empty(
                _t(
                    "No calls, meetings or e-mails logged in these weeks. Log "
                    "them in the journal (Ctrl+J)."
                )
            )
            return
        shown = series[:ACTIVITY_LINES]
        rest = series[ACTIVITY_LINES:]
        lines = [
            (a.name or _t("(no owner)"), [float(c) for c in a.counts], SERIES[i])
            for i, a in enumerate(shown)
        ]
        if rest:
            totals = [
                float(sum(a.counts[w] for a in rest)) for w in range(len(dash.weeks))
            ]
            lines.append((_t("Others"), totals, GREY))
        labels = [date_text(w)[:6] for w in dash.weeks]

        def tip(i: int) -> str:
            week = dash.weeks[i]
            head = _t("Week of %1").replace("%1", date_text(week))
            body = [f"{name}: {number(vals[i])}" for name, vals, _c in lines]
            return "<br>".join([f"<b>{head}</b>", *body])

        self.activity_chart.set_lines(labels, lines, tip=tip, every=2)
        total = sum(a.total for a in series)
        self.tile_activity.show_body(
            _t("%1 entries in %2 weeks")
            .replace("%1", number(total))
            .replace("%2", str(len(dash.weeks)))
        )

    def _customers(self, dash: Dashboard) -> None:
        rows = dash.top_customers
        table = self.customers_table
        if not rows:
            self.tile_customers.show_empty(
                _t(
                    "No organisation has won business yet. The lifetime value is "
                    "computed from won opportunities."
                )
            )
            return
        table.setRowCount(len(rows))
        for i, c in enumerate(rows):
            first = _cell(c.name, data=c.organisation_id)
            first.setToolTip(
                _t("Customer since %1 · %2 a year · double-click to open")
                .replace("%1", date_text(c.first_won))
                .replace("%2", money(c.yearly, "CHF", whole=True))
            )
            table.setItem(i, 0, first)
            table.setItem(i, 1, _cell(plain_money(c.value), right=True))
            table.setItem(i, 2, _cell(plain_money(c.revenue), right=True))
            table.setItem(i, 3, _cell(number(c.deals), right=True))
        s = dash.cltv_settings
        self.tile_customers.show_body(
            _t("CLTV = average yearly revenue × %1 margin × %2 years")
            .replace("%1", pct(s.margin_bp / 100))
            .replace("%2", str(s.years))
        )

    def _nps(self, dash: Dashboard) -> None:
        points = dash.nps_months
        if not points:
            empty = _t(
                "No survey answers in this period. Record answers on the NPS "
                "page or import a survey file there."
            )
            self.tile_nps.show_empty(empty)
            self.tile_nps_segments.show_empty(empty)
            return
        labels = [
            month_text(p.start, short=True) if p.start else p.label for p in points
        ]

        def tip(i: int) -> str:
            c = points[i].counts
            return "<br>".join(
                [
                    f"<b>{labels[i]}</b>",
                    _t("NPS: %1").replace("%1", nps_text(c.score)),
                    _t("%1 promoters · %2 passives · %3 detractors")
                    .replace("%1", number(c.promoters))
                    .replace("%2", number(c.passives))
                    .replace("%3", number(c.detractors)),
                ]
            )

        self.nps_chart.set_lines(
            labels,
            [("NPS", [p.counts.score or 0.0 for p in points], PURPLE)],
            tip=tip,
            every=max(1, (len(points) + 5) // 6),
        )
        total = dash.nps_total
        self.tile_nps.show_body(
            _t("NPS %1 = %2 promoters − %3 detractors of %4 answers")
            .replace("%1", nps_text(total.score))
            .replace("%2", pct(100 * total.promoters / total.total))
            .replace("%3", pct(100 * total.detractors / total.total))
            .replace("%4", number(total.total))
        )
        segments = [p for p in dash.nps_segments if p.counts.total]
        if dash.pending:
            self.tile_nps_segments.show_empty(_t("Comparing the segments …"))
            return
        if not segments:
            self.tile_nps_segments.show_empty(
                _t(
                    "Save person segments on the Data quality page to compare "
                    "their NPS here."
                )
            )
            return
        names = [p.label for p in segments]

        def seg_tip(i: int) -> str:
            c = segments[i].counts
            return "<br>".join(
                [
                    f"<b>{names[i]}</b>",
                    _t("NPS: %1").replace("%1", nps_text(c.score)),
                    _t("%1 promoters · %2 passives · %3 detractors")
                    .replace("%1", number(c.promoters))
                    .replace("%2", number(c.passives))
                    .replace("%3", number(c.detractors)),
                ]
            )

        self.nps_segments_chart.set_bars(
            [
                f"{n}  {nps_text(p.counts.score)}"
                for n, p in zip(names, segments, strict=True)
            ],
            [("NPS", [p.counts.score or 0.0 for p in segments], BLUE)],
            tip=seg_tip,
        )
        low = min(0.0, *(p.counts.score or 0.0 for p in segments))
        self.nps_segments_chart.setXRange(low * 1.1, 100, padding=0)
        for bar in self.nps_segments_chart.bars:
            bar.setOpts(
                brushes=[GREEN if (p.counts.score or 0) >= 0 else RED for p in segments]
            )
        self.tile_nps_segments.show_body(
            _t("Answers of the period per saved person segment")
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
