"""How the sales pages plug into the main window: pages, menu actions, refreshes.

The main window builds the area when it is first needed, puts
:attr:`SalesUi.pages` where the sidebar's entries (app/views/navigation.py)
expect them, calls :meth:`SalesUi.install` and forwards data changes to
:meth:`SalesUi.on_data_changed`;
everything else lives here.

Keys: Ctrl+Shift+L new lead, Ctrl+Shift+O new opportunity, Ctrl+4 Leads,
Ctrl+5 Pipeline, Ctrl+6 Forecast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from app.domain.changes import Changes
from app.domain.pipeline import ConvertResult
from app.services.container import Services
from app.tasks.runner import TaskRunner
from app.views.pipeline.forecast_view import ForecastView
from app.views.pipeline.leads_page import LeadsPage
from app.views.pipeline.pipeline_page import BOARD, PipelinePage
from app.views.pipeline.sales_settings import SalesSettingsDialog

if TYPE_CHECKING:
    from app.views.main_window import MainWindow


class SalesUi(QObject):
    """The Leads, Pipeline and Forecast pages and their actions."""

    def __init__(self, services: Services, runner: TaskRunner) -> None:
        super().__init__()
        sales = services.sales
        self._sales = sales
        self.leads = LeadsPage(sales, services.addresses)
        self.pipeline = PipelinePage(sales, services.addresses, runner)
        self.forecast = ForecastView(sales, services.addresses)
        self.pages: tuple[QWidget, ...] = (self.leads, self.pipeline, self.forecast)
        self.window: MainWindow | None = None
        key = QKeySequence
        self.act_new_lead = QAction(self, shortcut=key("Ctrl+Shift+L"))
        self.act_new_opportunity = QAction(self, shortcut=key("Ctrl+Shift+O"))
        self.act_leads = QAction(self, shortcut=key("Ctrl+4"))
        self.act_pipeline = QAction(self, shortcut=key("Ctrl+5"))
        self.act_forecast = QAction(self, shortcut=key("Ctrl+6"))
        self.act_settings = QAction(self)

    def retranslate(self) -> None:
        """Menu texts in the current language."""
        self.act_new_lead.setText(self.tr("New le&ad"))
        self.act_new_opportunity.setText(self.tr("New opport&unity"))
        self.act_leads.setText(self.tr("&Leads"))
        self.act_pipeline.setText(self.tr("Pipeli&ne"))
        self.act_forecast.setText(self.tr("Fore&cast"))
        self.act_settings.setText(self.tr("Sales settin&gs …"))

    def install(self, window: MainWindow) -> None:
        """Add the actions to ``window``'s menus and connect the pages."""
        self.window = window
        new_actions = [self.act_new_lead, self.act_new_opportunity]
        page_actions = [self.act_leads, self.act_pipeline, self.act_forecast]
        for action in (*new_actions, *page_actions):
            action.setParent(window)
            window.addAction(action)
        window.file_menu.insertActions(window.act_demo, new_actions)
        window.file_menu.insertSeparator(window.act_demo)
        window.view_menu.addActions(page_actions)
        self.act_settings.setParent(window)
        window.edit_menu.insertAction(window.act_settings, self.act_settings)
        self.act_settings.triggered.connect(self.edit_settings)
        self.act_new_lead.triggered.connect(self.new_lead)
        self.act_new_opportunity.triggered.connect(self.new_opportunity)
        self.act_leads.triggered.connect(lambda: self.show(self.leads))
        self.act_pipeline.triggered.connect(self.show_board)
        self.act_forecast.triggered.connect(lambda: self.show(self.forecast))
        for page in (self.leads, self.pipeline, self.forecast):
            page.sig_data_changed.connect(window.sig_data_changed)
            page.sig_status_message.connect(
                lambda m: window.statusBar().showMessage(m, 8000)
            )
        self.forecast.sig_open_requested.connect(self.pipeline.open_opportunity)
        self.leads.sig_converted.connect(self._on_converted)
        self.retranslate()

    def show(self, page: QWidget) -> None:
        """Switch to one of the sales pages."""
        if self.window is not None:
            self.window.show_page(self.window.pages.indexOf(page))

    def show_board(self) -> None:
        """Ctrl+5: the board, keyboard focus on its first card."""
        self.show(self.pipeline)
        self.pipeline.show_view(BOARD)
        self.pipeline.board.focus_first_card()

    def edit_settings(self) -> SalesSettingsDialog:
        """Edit → Sales settings: stages, products, exchange rates."""
        dialog = SalesSettingsDialog(self._sales, self.window)
        if self.window is not None:
            dialog.sig_data_changed.connect(self.window.sig_data_changed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def new_lead(self) -> None:
        """Ctrl+Shift+L."""
        self.show(self.leads)
        self.leads.new_lead()

    def new_opportunity(self) -> None:
        """Ctrl+Shift+O."""
        self.show(self.pipeline)
        self.pipeline.new_opportunity()

    def on_data_changed(self, changes: Changes, initiator: object) -> None:
        """Forward a write anywhere in the app to the pages that show it."""
        self.leads.on_data_changed(changes, initiator)
        self.pipeline.on_data_changed(changes, initiator)
        self.forecast.on_data_changed(changes, initiator)

    def _on_converted(self, result: ConvertResult) -> None:
        """After a conversion, show the new opportunity on the board."""
        if result.opportunity_id is None:
            return
        self.show(self.pipeline)
        self.pipeline.show_view(BOARD)
        self.pipeline.apply_filter()
        self.pipeline.board.select(result.opportunity_id)
