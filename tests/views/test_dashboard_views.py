"""Dashboard, drill-down, report builder, CLTV and NPS views (pytest-qt)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from app.domain.analytics import DashPeriod, Measure, ReportDef
from app.domain.journal import LinkKind, LinkRef
from app.domain.pipeline import Outcome
from app.services.container import Services
from app.services.dashboard import Drill
from app.services.nps import NpsAnswer
from app.tasks.runner import TaskRunner
from app.views.dashboard.cltv_view import CltvView
from app.views.dashboard.drill import DrillDialog
from app.views.dashboard.integration import CUSTOMER_VALUE, NPS
from app.views.dashboard.nps_view import NpsView
from app.views.dashboard.page import DashboardPage
from app.views.dashboard.report_builder import ReportBuilder
from app.views.i18n import install_translations
from app.views.main_window import HOME, MainWindow
from tests.helpers.factories import make_organisation, make_person
from tests.helpers.pipeline import make_opportunity, stage_id, won_stage
from tests.views.support import OFFSCREEN_NOISE

pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]


@pytest.fixture
def sales_data(services: Services) -> dict[str, str]:
    """Two organisations, open and won deals, a lost one, NPS answers."""
    pipeline = services.sales.pipeline
    p = pipeline.pipeline()
    big = make_organisation(services.addresses, name="Gross AG")
    small = make_organisation(services.addresses, name="Klein GmbH")
    today = dt.date.today()
    for amount in (500_000, 700_000):
        opp = make_opportunity(pipeline, organisation_id=big.id, amount_minor=amount)
        pipeline.move_to_stage(opp.id, won_stage(p))
    lost = make_opportunity(pipeline, organisation_id=small.id)
    pipeline.move_to_stage(lost.id, stage_id(p, "Lost"), lost_reason="Price")
    make_opportunity(
        pipeline,
        organisation_id=small.id,
        stage_id=stage_id(p, "Offer"),
        close_date=today + dt.timedelta(days=20),
    )
    person = make_person(services.addresses, last_name="Keller")
    for score in (10, 9, 3):
        services.analytics.nps.record(NpsAnswer(person.id, score, today))
    return {"big": big.id, "small": small.id, "person": person.id}


def test_empty_dashboard_says_what_to_do(qtbot: QtBot, services: Services) -> None:
    page = DashboardPage(services.analytics, services.sales)
    qtbot.addWidget(page)
    page.refresh()
    assert all(tile.is_empty for tile in page.tiles)
    assert "Pipeline" in page.tile_funnel.empty.text()
    assert "NPS" in page.tile_nps.empty.text()
    assert page.kpi_nps.value.text() == "–"
    assert "not synced" in page.tile_funnel.note.text()


def test_dashboard_tiles_and_drill_down(
    qtbot: QtBot, services: Services, sales_data: dict[str, str], qtmodeltester: object
) -> None:
    page = DashboardPage(services.analytics, services.sales)
    qtbot.addWidget(page)
    page.resize(1160, 1500)
    page.show()
    page.refresh()
    for tile in (
        page.tile_funnel,
        page.tile_forecast,
        page.tile_ytd,
        page.tile_sources,
        page.tile_owners,
        page.tile_customers,
        page.tile_nps,
    ):
        assert not tile.is_empty, tile.title.text()
    assert page.kpi_nps.value.text() == "+33"  # 2 promoters, 1 detractor of 3
    assert page.customers_table.item(0, 0).text() == "Gross AG"
    assert "CHF" in page.kpi_won.value.text()
    # the Won bar of the funnel: its records, in a list
    with qtbot.waitSignal(page.sig_drill_requested) as caught:
        page.funnel_chart.sig_bar_clicked.emit(len(page.dashboard.funnel) - 1)
    drill: Drill = caught.args[0]
    assert drill.stage_id == page.dashboard.funnel[-1].stage_id
    dialog = DrillDialog(services.analytics.dashboard, drill)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
    assert dialog.model.rowCount() == 2
    with qtbot.waitSignal(dialog.sig_open_requested) as opened:
        dialog.table.doubleClicked.emit(dialog.model.index(0, 0))
    assert opened.args[0] == dialog.model.row_id(0)


def test_forecast_bar_opens_the_open_deals_of_its_month(
    qtbot: QtBot, services: Services, sales_data: dict[str, str]
) -> None:
    page = DashboardPage(services.analytics, services.sales)
    qtbot.addWidget(page)
    page.refresh()
    drills: list[Drill] = []
    page.sig_drill_requested.connect(drills.append)
    page._on_ytd_clicked(dt.date.today().month - 1)
    assert drills[-1].outcome is Outcome.WON
    assert services.analytics.dashboard.drill_count(drills[-1]) == 2


def test_filter_changes_every_tile(
    qtbot: QtBot, services: Services, sales_data: dict[str, str]
) -> None:
    page = DashboardPage(services.analytics, services.sales)
    qtbot.addWidget(page)
    page.refresh()
    assert page.dashboard is not None
    page.period.setCurrentIndex(page.period.findData(DashPeriod.LAST_YEAR))
    assert page.dashboard.filter.period is DashPeriod.LAST_YEAR
    assert page.tile_ytd.is_empty  # nothing won last year
    assert page.dashboard.nps_total.total == 0


def test_chart_exports_png_and_svg(
    qtbot: QtBot, services: Services, sales_data: dict[str, str], tmp_path: Path
) -> None:
    page = DashboardPage(services.analytics, services.sales)
    qtbot.addWidget(page)
    page.resize(1160, 1500)
    page.show()
    page.refresh()
    png = page.tile_funnel.export_to(tmp_path / "funnel.png")
    svg = page.tile_ytd.export_to(tmp_path / "ytd.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in svg.read_text(encoding="utf-8")


def test_report_builder_runs_saves_and_exports(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    sales_data: dict[str, str],
    tmp_path: Path,
    qtmodeltester: object,
) -> None:
    builder = ReportBuilder(services.analytics, runner)
    qtbot.addWidget(builder)
    builder.set_definition(ReportDef(dims=("outcome", "stage"), measure=Measure.SUM))
    builder.run()
    qtmodeltester.check(builder.model)  # type: ignore[attr-defined]
    result = builder.result
    assert result is not None
    assert result.total.count == 4
    last = builder.model.rowCount() - 1
    assert builder.model.data(builder.model.index(last, 0)) == "Total"
    # saving without a name: the error stays next to the field, nothing saved
    dialog = builder.save_report()
    qtbot.addWidget(dialog)
    dialog.name.setText("")
    dialog.accept()
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert services.analytics.reports.saved() == []
    dialog.name.setText("Deals by outcome")
    dialog.accept()
    assert [r.name for r in services.analytics.reports.saved()] == ["Deals by outcome"]
    assert builder.saved.count() == 1
    # Excel through the task runner, PDF directly
    target = tmp_path / "report.xlsx"
    builder.export_xlsx(target)
    qtbot.waitUntil(target.exists, timeout=10_000)
    qtbot.waitUntil(lambda: target.stat().st_size > 0, timeout=10_000)
    qtbot.wait(200)
    book = openpyxl.load_workbook(target)
    assert book.active["A4"].value == "Outcome"
    pdf = builder.export_pdf(tmp_path / "report.pdf")
    assert pdf.read_bytes()[:4] == b"%PDF"


def test_cltv_settings_errors_show_next_to_the_fields(
    qtbot: QtBot, services: Services, sales_data: dict[str, str], qtmodeltester: object
) -> None:
    view = CltvView(services.analytics.cltv)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    assert view.model.rowCount() == 1  # only Gross AG has won business
    view.margin.setValue(101)
    view.years.setValue(0)
    assert not view.save_settings()
    assert view.margin_error.isVisibleTo(view)
    assert view.years_error.isVisibleTo(view)
    assert services.analytics.cltv.settings().margin_bp == 3500  # unchanged
    assert view.margin.value() == 101  # what was typed stays
    view.margin.setValue(50)
    view.years.setValue(4)
    assert view.save_settings()
    assert "50 %" in view.formula.text()
    assert services.analytics.cltv.settings().years == 4


def test_nps_view_records_with_inline_errors(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    sales_data: dict[str, str],
    tmp_path: Path,
    qtmodeltester: object,
) -> None:
    view = NpsView(services, runner)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    assert view.model.total == 3
    view.comment.setText("Schnell geliefert")
    assert not view.save()  # no person, no score
    assert view.errors["person"].isVisibleTo(view)
    assert view.errors["score"].isVisibleTo(view)
    assert view.comment.text() == "Schnell geliefert"  # the input stays
    person = LinkRef(LinkKind.PERSON, sales_data["person"], "Hans Keller")
    view.person.set_choices([person], current=person)
    view.score.setValue(8)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    view.answered.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert not view.save()
    assert view.errors["answered_on"].isVisibleTo(view)
    today = dt.date.today()
    view.answered.setDate(QDate(today.year, today.month, today.day))
    assert view.save()
    assert view.model.total == 4
    assert not view.errors["person"].isVisibleTo(view)
    # import a CSV in the background
    path = tmp_path / "answers.csv"
    path.write_text(
        f"Relata ID;Score\n{sales_data['person']};6\nunknown;5\n", encoding="utf-8"
    )
    view.import_file(path)
    qtbot.waitUntil(lambda: view.last_import is not None, timeout=10_000)
    assert view.last_import is not None
    assert view.last_import.imported == 1
    assert len(view.last_import.issues) == 1
    assert view.model.total == 5
    for box in view.findChildren(QDialog):
        box.close()


def test_home_shows_the_dashboard_once_there_is_data(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    window.show()
    home = window.home
    assert home.stack.currentWidget() is home.welcome  # demo data offer stays
    make_organisation(services.addresses, name="Erste AG")
    from app.domain.changes import Changes

    window.sig_data_changed.emit(Changes.all(), None)
    assert home.stack.currentWidget() is window.analytics_ui.dashboard
    window.show_page(HOME)
    assert window.analytics_ui.dashboard.dashboard is not None
    window.analytics_ui.act_nps.trigger()
    assert window.pages.currentWidget() is window.analytics_ui.reports
    assert window.analytics_ui.reports.stack.currentIndex() == NPS
    window.analytics_ui.act_cltv.trigger()
    assert window.analytics_ui.reports.tabs.currentIndex() == CUSTOMER_VALUE
    keys = {a.shortcut().toString() for a in window.view_menu.actions()}
    assert {"Ctrl+Shift+R", "Ctrl+Shift+V", "Ctrl+Shift+P"} <= keys


def test_dashboard_follows_a_dark_palette(qtbot: QtBot, services: Services) -> None:
    """The theme's palette is set before the window is built (apply_style)."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    dark = QPalette(before)
    dark.setColor(QPalette.ColorRole.Base, QColor("#0d1117"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6edf3"))
    app.setPalette(dark)
    try:
        page = DashboardPage(services.analytics, services.sales)
        qtbot.addWidget(page)
    finally:
        app.setPalette(before)
    for chart in (page.ytd_chart, page.funnel_chart, page.activity_chart):
        assert chart.backgroundBrush().color() == QColor("#0d1117")
    axis = page.ytd_chart.getPlotItem().getAxis("left")
    assert axis.textPen().color().lightness() > 200  # light text on dark


def test_slow_tiles_follow_from_the_background(
    qtbot: QtBot, services: Services, runner: TaskRunner, sales_data: dict[str, str]
) -> None:
    from app.domain.segments import Condition, Group, Op, SegmentData

    services.quality.segments.save(
        SegmentData(
            "Kellers", "person", Group(items=(Condition("last_name", Op.EQ, "Keller"),))
        )
    )
    page = DashboardPage(services.analytics, services.sales, runner)
    qtbot.addWidget(page)
    page.refresh()
    assert page.dashboard is not None
    assert page.dashboard.pending  # drawn without waiting for them
    assert not page.tile_funnel.is_empty
    qtbot.waitUntil(lambda: not page.dashboard.pending, timeout=10_000)
    assert not page.tile_nps_segments.is_empty
    assert page.dashboard.nps_segments[0].label == "Kellers"


@pytest.fixture
def german(qapp: QApplication) -> Iterator[QApplication]:
    locale = QLocale()
    translators = install_translations(qapp, "de")
    yield qapp
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def test_millions_read_mio_in_german_and_axes_group_thousands(
    german: QApplication,
) -> None:
    from app.views.dashboard.charts import NumberAxis
    from app.views.dashboard.texts import plain_money, short_money
    from app.views.pipeline.forecast_chart import MoneyAxis

    assert short_money(123_456_789) == "CHF\u00a01.23\u00a0Mio."
    assert plain_money(-250_000_000).endswith("2.50\u00a0Mio.")
    assert plain_money(99_999_900) == QLocale().toString(999_999)  # no "Mio."
    assert MoneyAxis("left").tickStrings([2_000_000.0], 1.0, 500_000.0) == ["2.0 Mio."]
    ticks = NumberAxis("bottom").tickStrings([10_000.0, 20_000.0], 1.0, 10_000.0)
    assert ticks == [QLocale().toString(10_000), QLocale().toString(20_000)]
    assert "'" in ticks[0] or "’" in ticks[0]  # grouped, not pyqtgraph's "10000"
    assert NumberAxis("left").tickStrings([2.5], 1.0, 0.5) == ["2.5"]


@pytest.mark.parametrize("language", ["en", "de"])
def test_tile_tables_show_their_whole_headings(
    qtbot: QtBot,
    qapp: QApplication,
    services: Services,
    sales_data: dict[str, str],
    language: str,
) -> None:
    """The figures take what they need, the first column the rest: its
    heading ("Source / campai") was cut in the app's style."""
    from app.views.style import apply_style

    locale = QLocale()
    sheet, palette, font = qapp.styleSheet(), qapp.palette(), qapp.font()
    translators = install_translations(qapp, language)
    apply_style(qapp)
    try:
        page = DashboardPage(services.analytics, services.sales)
        qtbot.addWidget(page)
        page.resize(1146, 1500)  # the smoke test's window
        page.show()
        page.refresh()
        qtbot.wait(10)
        for table in (page.sources_table, page.customers_table):
            assert table.isVisible()
            header = table.horizontalHeader()
            for col in range(table.columnCount()):
                item = table.horizontalHeaderItem(col)
                assert item is not None
                needed = header.sectionSizeFromContents(col).width()
                assert header.sectionSize(col) >= needed, (language, item.text())
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)
        qapp.setStyleSheet(sheet)
        qapp.setPalette(palette)
        qapp.setFont(font)


def test_tiles_whose_figures_did_not_change_are_not_drawn_again(
    qtbot: QtBot, services: Services, sales_data: dict[str, str]
) -> None:
    page = DashboardPage(services.analytics, services.sales)
    qtbot.addWidget(page)
    page.refresh()
    first = page.customers_table.item(0, 0)
    # another period: the top customers do not depend on it
    page.period.setCurrentIndex(page.period.findData(DashPeriod.LAST_12_MONTHS))
    assert page.customers_table.item(0, 0) is first
    # new figures (CLTV settings changed): drawn again
    from app.domain.analytics import CltvSettings

    services.analytics.cltv.save_settings(CltvSettings(margin_bp=5000, years=3))
    page.refresh()
    assert page.customers_table.item(0, 0) is not first
    assert "50\u00a0%" in page.tile_customers.figure.text()


def test_charts_update_their_items_for_the_same_series(qtbot: QtBot) -> None:
    from app.views.dashboard.charts import BarChart, LineChart

    bars = BarChart()
    qtbot.addWidget(bars)
    bars.set_bars(
        ["a", "b"], [("2025", [1.0, 2.0], "#111111"), ("2026", [3.0, 4.0], "#222222")]
    )
    first = list(bars.bars)
    legend = bars.getPlotItem().legend
    assert legend is not None
    bars.set_bars(
        ["a", "b"], [("2025", [5.0, 6.0], "#111111"), ("2026", [7.0, 8.0], "#222222")]
    )
    assert bars.bars == first  # updated in place, the legend kept
    assert list(first[0].opts["height"]) == [5.0, 6.0]
    assert len(legend.items) == 2
    bars.set_bars(["a"], [("Deals", [9.0], "#111111")])
    assert bars.bars[0] is not first[0]  # other series: built anew
    assert len(legend.items) == 0  # one series needs no legend
    lines = LineChart()
    qtbot.addWidget(lines)
    lines.set_lines(["w1", "w2"], [("Anna", [1.0, 2.0], "#111111")])
    line = lines.lines[0]
    lines.set_lines(["w1", "w2"], [("Anna", [3.0, 4.0], "#111111")])
    assert lines.lines[0] is line
    assert list(line.yData) == [3.0, 4.0]
    lines.set_lines(["w1", "w2"], [("Beat", [3.0, 4.0], "#111111")])
    assert lines.lines[0] is not line


def test_a_key_figure_shows_its_whole_text_on_hover(qtbot: QtBot) -> None:
    from app.views.dashboard.tiles import Kpi

    kpi = Kpi("Net Promoter Score")
    qtbot.addWidget(kpi)
    kpi.resize(130, 80)  # narrow: the note is cut
    kpi.set("+12", "24 answers in this period", "up")
    assert kpi.toolTip() == "Net Promoter Score: +12\n24 answers in this period"
    kpi.set("–")
    assert kpi.toolTip() == "Net Promoter Score: –"
