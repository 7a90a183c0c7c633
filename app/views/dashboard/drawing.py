"""Drawing the dashboard's tiles from a :class:`Dashboard` (a mixin of the page).

Each method fills one tile: its chart or table, the one-line figure above it
and the tooltips with exact values, or the sentence that says what to do when
there is nothing to show.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QTableWidget,
    QTableWidgetItem,
)

from app.domain.analytics import Dashboard, NpsCounts
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
)
from app.views.dashboard.texts import (
    nps_text,
    number,
    pct,
    plain_money,
    short_money,
)
from app.views.dashboard.tiles import Tile
from app.views.pipeline.forecast_chart import ForecastChart
from app.views.pipeline.texts import (
    date_text,
    money,
    month_text,
    source_text,
    stage_name_text,
)

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
#: Owners drawn as lines in the activity tile (the busiest; the rest summed).
ACTIVITY_LINES = 6


def _t(text: str) -> str:
    return QCoreApplication.translate("DashboardPage", text)


def _cell(text: str, *, right: bool = False, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(RIGHT)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def fit_columns(table: QTableWidget) -> None:
    """Size the figure columns (all but the first) to their heading and cells."""
    for col in range(1, table.columnCount()):
        table.resizeColumnToContents(col)


class TileDrawing:
    """Fills the tiles; mixed into :class:`DashboardPage`, which owns the widgets."""

    tile_funnel: Tile
    tile_forecast: Tile
    tile_ytd: Tile
    tile_sources: Tile
    tile_owners: Tile
    tile_activity: Tile
    tile_customers: Tile
    tile_nps: Tile
    tile_nps_segments: Tile
    funnel_chart: BarChart
    forecast_chart: ForecastChart
    ytd_chart: BarChart
    sources_table: QTableWidget
    owners_chart: BarChart
    activity_chart: LineChart
    customers_table: QTableWidget
    nps_chart: LineChart
    nps_segments_chart: BarChart

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
        fit_columns(table)
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
        fit_columns(table)
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

        self.nps_chart.set_lines(
            labels,
            [("NPS", [p.counts.score or 0.0 for p in points], PURPLE)],
            tip=lambda i: _nps_tip(labels[i], points[i].counts),
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

        self.nps_segments_chart.set_bars(
            [
                f"{n}  {nps_text(p.counts.score)}"
                for n, p in zip(names, segments, strict=True)
            ],
            [("NPS", [p.counts.score or 0.0 for p in segments], BLUE)],
            tip=lambda i: _nps_tip(names[i], segments[i].counts),
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


def _nps_tip(label: str, counts: NpsCounts) -> str:
    """Tooltip of an NPS point or bar: its score and the three counts."""
    return "<br>".join(
        [
            f"<b>{label}</b>",
            _t("NPS: %1").replace("%1", nps_text(counts.score)),
            _t("%1 promoters · %2 passives · %3 detractors")
            .replace("%1", number(counts.promoters))
            .replace("%2", number(counts.passives))
            .replace("%3", number(counts.detractors)),
        ]
    )
