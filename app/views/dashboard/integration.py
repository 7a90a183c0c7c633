"""How the analytics area plugs into the main window.

The dashboard lives on the start page (the overview, Ctrl+1): the home page
shows it once the database holds records and keeps its "load demo data"
offer while it is empty. The Reports page (Ctrl+Shift+R) holds the report
builder, the customer lifetime value list (Ctrl+Shift+V) and the NPS answers
(Ctrl+Shift+P). Clicking a bar opens the records behind it in a list; Enter
there opens the opportunity on the Pipeline page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabBar, QVBoxLayout, QWidget

from app.domain.changes import Changes, EntityKind
from app.services.container import Services
from app.services.dashboard import Drill
from app.tasks.runner import TaskRunner
from app.views.dashboard.cltv_view import CltvView
from app.views.dashboard.drill import DrillDialog
from app.views.dashboard.nps_view import NpsView
from app.views.dashboard.page import DashboardPage
from app.views.dashboard.report_builder import ReportBuilder
from app.views.dashboard.tiles import DASHBOARD_STYLE

if TYPE_CHECKING:
    from app.views.main_window import MainWindow

REPORTS, CUSTOMER_VALUE, NPS = 0, 1, 2
#: What the dashboard and reports show; a write to any of these makes them stale.
SHOWN = (
    EntityKind.OPPORTUNITY,
    EntityKind.LEAD,
    EntityKind.PIPELINE,
    EntityKind.JOURNAL_ENTRY,
    EntityKind.NPS_RESPONSE,
    EntityKind.ANALYTICS,
    EntityKind.SEGMENT,
    EntityKind.ORGANISATION,
    EntityKind.PERSON,
    EntityKind.USER,
    EntityKind.EXCHANGE_RATE,
    EntityKind.CAMPAIGN,
    EntityKind.REPORT,
)


def _t(text: str) -> str:
    return QCoreApplication.translate("AnalyticsUi", text)


class ReportsPage(QWidget):
    """Report builder, customer value and NPS under one tab bar."""

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setStyleSheet(DASHBOARD_STYLE)
        analytics = services.analytics
        self.heading = QLabel(_t("Reports and analyses"))
        self.heading.setObjectName("pageHeading")
        self.tabs = QTabBar()
        self.tabs.setObjectName("kindTabs")
        self.tabs.addTab(_t("Report builder"))
        self.tabs.addTab(_t("Customer lifetime value"))
        self.tabs.addTab(_t("Net Promoter Score"))
        self.builder = ReportBuilder(analytics, runner)
        self.cltv = CltvView(analytics.cltv)
        self.nps = NpsView(services, runner)
        self.stack = QStackedWidget()
        for view in (self.builder, self.cltv, self.nps):
            self.stack.addWidget(view)
        self.tabs.currentChanged.connect(self.stack.setCurrentIndex)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs)
        layout.addWidget(self.stack, 1)
        self.builder.run()

    def show_tab(self, index: int) -> None:
        """Switch to one of the tabs."""
        self.tabs.setCurrentIndex(index)


class AnalyticsUi(QObject):
    """The dashboard on the start page, the Reports page and their actions."""

    def __init__(self, services: Services, runner: TaskRunner) -> None:
        super().__init__()
        self.services = services
        self.runner = runner
        self.dashboard = DashboardPage(services.analytics, services.sales, runner)
        self.reports = ReportsPage(services, runner)
        self.pages: tuple[QWidget, ...] = (self.reports,)
        self.window: MainWindow | None = None
        self.drill: DrillDialog | None = None
        key = QKeySequence
        self.act_reports = QAction(self, shortcut=key("Ctrl+Shift+R"))
        self.act_cltv = QAction(self, shortcut=key("Ctrl+Shift+V"))
        self.act_nps = QAction(self, shortcut=key("Ctrl+Shift+P"))

    def retranslate(self) -> None:
        """Menu texts in the current language."""
        self.act_reports.setText(_t("R&eports"))
        self.act_cltv.setText(_t("Customer lifetime val&ue"))
        self.act_nps.setText(_t("Net Promoter &Score"))

    def install(self, window: MainWindow) -> None:
        """Put the dashboard on the start page, add actions, connect the views."""
        self.window = window
        window.home.set_dashboard(self.dashboard)
        actions = [self.act_reports, self.act_cltv, self.act_nps]
        for action in actions:
            action.setParent(window)
            window.addAction(action)
        window.view_menu.addActions(actions)
        self.act_reports.triggered.connect(lambda: self.show_reports(REPORTS))
        self.act_cltv.triggered.connect(lambda: self.show_reports(CUSTOMER_VALUE))
        self.act_nps.triggered.connect(lambda: self.show_reports(NPS))
        self.dashboard.sig_drill_requested.connect(self.open_drill)
        self.dashboard.sig_organisation_requested.connect(self.open_organisation)
        self.reports.cltv.sig_organisation_requested.connect(self.open_organisation)
        for view in (self.reports.builder, self.reports.cltv, self.reports.nps):
            view.sig_data_changed.connect(window.sig_data_changed)
        for source in (self.dashboard, self.reports.builder, self.reports.nps):
            source.sig_status_message.connect(
                lambda m: window.statusBar().showMessage(m, 8000)
            )
        window.pages.currentChanged.connect(self._on_page_changed)
        self.retranslate()

    def show_reports(self, tab: int = REPORTS) -> None:
        """Switch to the Reports page on ``tab``."""
        if self.window is None:
            return
        self.window.show_page(self.window.pages.indexOf(self.reports))
        self.reports.show_tab(tab)

    def open_drill(self, drill: Drill) -> DrillDialog:
        """List the opportunities behind a bar."""
        dialog = DrillDialog(self.services.analytics.dashboard, drill, self.window)
        dialog.sig_open_requested.connect(self.open_opportunity)
        self.drill = dialog
        dialog.open()
        return dialog

    def open_opportunity(self, opportunity_id: str) -> None:
        """Show the opportunity on the Pipeline page."""
        if self.window is None:
            return
        if self.drill is not None:
            self.drill.close()
        sales = self.window.sales_ui
        sales.show(sales.pipeline)
        sales.pipeline.open_opportunity(opportunity_id)

    def open_organisation(self, organisation_id: str) -> None:
        """Show the organisation in the address book."""
        if self.window is None:
            return
        from app.views.address_book import ORGANISATIONS

        self.window.show_addresses(ORGANISATIONS)
        self.window.addresses.open_organisation(organisation_id)

    def on_data_changed(self, changes: Changes, initiator: object) -> None:
        """Mark what changed as stale; redraw what is on screen."""
        if not any(changes.touches(kind) for kind in SHOWN):
            return
        self.dashboard.stale = True
        if changes.touches(EntityKind.SEGMENT) or changes.touches(EntityKind.USER):
            self.dashboard.reload_choices()
            self.reports.builder.reload()
        if changes.touches(EntityKind.REPORT) and initiator is not self.reports.builder:
            self.reports.builder.reload()
        if changes.touches(EntityKind.ANALYTICS) and initiator is not self.reports.cltv:
            self.reports.cltv.load_settings()
        if (
            changes.touches(EntityKind.NPS_RESPONSE)
            and initiator is not self.reports.nps
        ):
            self.reports.nps.refresh()
        if self.dashboard.isVisible():
            self.dashboard.refresh()

    def _on_page_changed(self, _index: int) -> None:
        if self.dashboard.isVisible():
            self.dashboard.refresh_if_stale()
