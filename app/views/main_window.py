"""The main window: sidebar navigation, pages, menus with shortcuts, status bar."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.config import Settings
from app.domain.addresses import ListFilter
from app.domain.changes import Changes
from app.domain.progress import ProgressSink
from app.services.container import Services
from app.tasks.runner import TaskHandle, TaskRunner
from app.views.about_dialog import AboutDialog
from app.views.address_book import ORGANISATIONS, PERSONS, AddressBookView
from app.views.automation.integration import AutomationUi
from app.views.dashboard.integration import AnalyticsUi
from app.views.exchange.integration import ExchangeUi
from app.views.home import DemoDataDialog, HomeView
from app.views.journal.integration import JournalUi
from app.views.pipeline.integration import SalesUi
from app.views.progress_dialog import TaskProgressDialog
from app.views.quality.integration import QualityUi
from app.views.settings_dialog import SettingsDialog
from app.views.sync.integration import SyncUi

if TYPE_CHECKING:
    from app.services.demo import DemoResult

log = logging.getLogger(__name__)

HOME, ADDRESSES = 0, 1


class MainWindow(QMainWindow):
    """Relata's main window.

    Signals:
        sig_data_changed(object, object): any write in the app (Changes, initiator).
    """

    sig_data_changed = Signal(object, object)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        *,
        server_url: str = "",
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.settings = settings
        self._server_url = server_url
        self.setWindowTitle("Relata")
        self.resize(1360, 840)
        self.home = HomeView(services)
        self.addresses = AddressBookView(services.addresses)
        self.exchange_ui = ExchangeUi(services, runner)
        self.sales_ui = SalesUi(services, runner)
        self.journal_ui = JournalUi(services, runner)
        self.quality_ui = QualityUi(services, runner)
        self.automation_ui = AutomationUi(services, runner)
        self.analytics_ui = AnalyticsUi(services, runner)
        self.pages = QStackedWidget()
        for page in (
            self.home,
            self.addresses,
            *self.sales_ui.pages,
            *self.journal_ui.pages,
            self.exchange_ui.page,
            self.quality_ui.page,
            self.automation_ui.page,
            *self.analytics_ui.pages,
        ):
            page.setObjectName("page")
            self.pages.addWidget(page)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(200)
        self.sidebar.currentRowChanged.connect(self.pages.setCurrentIndex)
        brand = QLabel("Relata")
        brand.setObjectName("brand")
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(brand)
        side_layout.addWidget(self.sidebar, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        self._build_menus()
        self._connect()
        self.exchange_ui.install(self)
        self.sales_ui.install(self)
        self.journal_ui.install(self)
        self.quality_ui.install(self)
        self.automation_ui.install(self)
        self.analytics_ui.install(self)
        self.sync_ui = SyncUi(self)
        self.retranslate_ui()
        self.sidebar.setCurrentRow(HOME)

    # ---- construction

    def _build_status_bar(self) -> None:
        self.online_label = QLabel()
        self.online_label.setObjectName("onlineLabel")
        self.counts_label = QLabel()
        self.db_label = QLabel(Path(self.services.db_path).name)
        self.db_label.setToolTip(str(self.services.db_path))
        bar = self.statusBar()
        bar.addPermanentWidget(self.counts_label)
        bar.addPermanentWidget(self.online_label)
        bar.addPermanentWidget(self.db_label)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.edit_menu = bar.addMenu("")
        self.view_menu = bar.addMenu("")
        self.help_menu = bar.addMenu("")
        key = QKeySequence
        self.act_new_person = QAction(self, shortcut=key(key.StandardKey.New))
        self.act_new_org = QAction(self, shortcut=key("Ctrl+Shift+N"))
        self.act_demo = QAction(self)
        self.act_quit = QAction(self, shortcut=key(key.StandardKey.Quit))
        if self.act_quit.shortcut().isEmpty():  # Windows and some Linux desktops
            self.act_quit.setShortcut(key("Ctrl+Q"))
        # Ctrl+F works on every page (it opens the address book), so the window
        # owns it and the book's own Find action goes: two would be ambiguous.
        self.act_find = QAction(self, shortcut=key(key.StandardKey.Find))
        self.addresses.removeAction(self.addresses.act_find)
        # Save, Delete and Undo act on the address book while the focus is in
        # it; the menu shows the book's own actions, so each key has one owner.
        self.act_save = self.addresses.act_save
        self.act_delete = self.addresses.act_delete
        self.act_undo = self.addresses.act_undo
        self.act_home = QAction(self, shortcut=key("Ctrl+1"))
        self.act_persons = QAction(self, shortcut=key("Ctrl+2"))
        self.act_orgs = QAction(self, shortcut=key("Ctrl+3"))
        self.act_about = QAction(self)
        self.act_settings = QAction(self, shortcut=key(key.StandardKey.Preferences))
        if self.act_settings.shortcut().isEmpty():
            self.act_settings.setShortcut(key("Ctrl+,"))
        self.file_menu.addActions([self.act_new_person, self.act_new_org])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_demo)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)
        self.edit_menu.addActions(
            [self.act_find, self.act_save, self.act_delete, self.act_undo]
        )
        self.view_menu.addActions([self.act_home, self.act_persons, self.act_orgs])
        self.help_menu.addAction(self.act_about)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.act_settings)

    def _connect(self) -> None:
        self.act_new_person.triggered.connect(lambda: self.new_record(PERSONS))
        self.act_new_org.triggered.connect(lambda: self.new_record(ORGANISATIONS))
        self.act_demo.triggered.connect(self.ask_demo_data)
        self.act_quit.triggered.connect(self.close)
        self.act_find.triggered.connect(self._find)
        self.act_home.triggered.connect(lambda: self.show_page(HOME))
        self.act_persons.triggered.connect(lambda: self.show_addresses(PERSONS))
        self.act_orgs.triggered.connect(lambda: self.show_addresses(ORGANISATIONS))
        self.act_about.triggered.connect(self.about)
        self.act_settings.triggered.connect(self.edit_settings)
        self.home.sig_new_person_requested.connect(lambda: self.new_record(PERSONS))
        self.home.sig_new_organisation_requested.connect(
            lambda: self.new_record(ORGANISATIONS)
        )
        self.home.sig_addresses_requested.connect(lambda: self.show_addresses(PERSONS))
        self.home.sig_demo_requested.connect(self.ask_demo_data)
        self.addresses.sig_data_changed.connect(self.sig_data_changed)
        self.addresses.sig_status_message.connect(
            lambda m: self.statusBar().showMessage(m, 5000)
        )
        self.sig_data_changed.connect(self._on_data_changed)
        self.runner.sig_task_crashed.connect(self._on_runner_task_crashed)

    def retranslate_ui(self) -> None:
        """(Re)set every visible text in the current language."""
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.act_new_person.setText(self.tr("New &person"))
        self.act_new_org.setText(self.tr("New &organisation"))
        self.act_demo.setText(self.tr("Load &demo data …"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_find.setText(self.tr("&Find"))
        self.act_save.setText(self.tr("&Save"))
        self.act_delete.setText(self.tr("&Delete record"))
        self.act_undo.setText(self.tr("&Undo delete"))
        self.act_home.setText(self.tr("&Overview"))
        self.act_persons.setText(self.tr("&Persons"))
        self.act_orgs.setText(self.tr("O&rganisations"))
        self.act_about.setText(self.tr("&About Relata"))
        self.act_settings.setText(self.tr("Se&ttings …"))
        current = max(self.sidebar.currentRow(), 0)
        self.sidebar.clear()
        self.sidebar.addItems(
            [
                self.tr("Overview"),
                self.tr("Addresses"),
                *self.sales_ui.titles(),
                *self.journal_ui.titles(),
                self.exchange_ui.title(),
                self.quality_ui.title(),
                self.automation_ui.title(),
                *self.analytics_ui.titles(),
            ]
        )
        self.sidebar.setCurrentRow(current)
        self.sales_ui.retranslate()
        self.journal_ui.retranslate()
        if hasattr(self, "quality_ui"):
            self.quality_ui.retranslate()
        if hasattr(self, "automation_ui"):
            self.automation_ui.retranslate()
        if hasattr(self, "analytics_ui"):
            self.analytics_ui.retranslate()
        self.online_label.setText(
            self.tr("Offline — no server configured")
            if not self._server_url
            else self.tr("Server: %1 (not signed in)").replace("%1", self._server_url)
        )
        if hasattr(self, "sync_ui"):
            self.sync_ui.retranslate()
        self._update_counts()

    # ---- public API

    @property
    def server_url(self) -> str:
        """The configured sync server ('' = offline only)."""
        return self._server_url

    def show_page(self, index: int) -> None:
        """Switch to a sidebar page."""
        self.sidebar.setCurrentRow(index)

    def show_addresses(self, kind: int) -> None:
        """Open the address book on persons or organisations."""
        self.show_page(ADDRESSES)
        self.addresses.show_kind(kind)

    def new_record(self, kind: int) -> None:
        """Ctrl+N / Ctrl+Shift+N: start a new person or organisation."""
        self.show_addresses(kind)
        self.addresses.new_record()

    def ask_demo_data(self) -> None:
        """Ask for sizes, then generate demo data in the background."""
        dialog = DemoDataDialog(self)
        if dialog.exec() != DemoDataDialog.DialogCode.Accepted:
            return
        self.generate_demo(dialog.organisations.value(), dialog.persons.value())

    def generate_demo(self, organisations: int, persons: int) -> TaskHandle:
        """Run demo-data generation with progress and Cancel."""
        services = self.services

        def work(progress: ProgressSink) -> DemoResult:
            return services.generate_demo(
                organisations=organisations, persons=persons, progress=progress
            )

        # The callbacks run on the GUI thread after this method has returned,
        # so ``dialog`` below is always bound by then.
        handle = self.runner.run(
            "demo",
            work,
            with_progress=True,
            on_done=lambda result: self._on_demo_finished(dialog, result),
            on_error=lambda exc: self._on_demo_failed(dialog, exc),
            on_cancelled=lambda: self._on_demo_cancelled(dialog),
        )
        dialog = TaskProgressDialog(handle, self.tr("Generating demo data …"), self)
        return handle

    def about(self) -> None:
        """Help → About: version, build, data location, licences."""
        AboutDialog(
            db_path=self.services.db_path, server_url=self._server_url, parent=self
        ).exec()

    def edit_settings(self) -> None:
        """Edit → Settings (keys set by IT's policy are shown locked)."""
        if self.settings is None:
            return
        if SettingsDialog(self.settings, parent=self).exec():
            self.statusBar().showMessage(
                self.tr("Settings saved. Some take effect after a restart."), 8000
            )

    # ---- slots

    def _on_data_changed(self, changes: Changes, initiator: object) -> None:
        self.addresses.on_data_changed(changes, initiator)
        self.exchange_ui.page.on_data_changed(changes, initiator)
        self.sales_ui.on_data_changed(changes, initiator)
        self.journal_ui.on_data_changed(changes, initiator)
        self.quality_ui.on_data_changed(changes, initiator)
        self.automation_ui.on_data_changed(changes, initiator)
        self.analytics_ui.on_data_changed(changes, initiator)
        self.sync_ui.on_data_changed(changes, initiator)
        self.home.refresh()
        self._update_counts()

    def _on_demo_finished(
        self, dialog: TaskProgressDialog, _result: DemoResult
    ) -> None:
        dialog.finish()
        self.sig_data_changed.emit(Changes.all(), self)
        self.statusBar().showMessage(self.tr("Demo data loaded."), 8000)

    def _on_demo_failed(self, dialog: TaskProgressDialog, exc: BaseException) -> None:
        dialog.finish()
        log.error("demo data failed", exc_info=exc)
        QMessageBox.critical(
            self,
            self.tr("Demo data"),
            self.tr("Demo data could not be generated: %1").replace("%1", str(exc)),
        )

    def _on_demo_cancelled(self, dialog: TaskProgressDialog) -> None:
        dialog.finish()
        self.statusBar().showMessage(self.tr("Cancelled — nothing was added."), 8000)

    def _on_runner_task_crashed(self, name: str, exc: object) -> None:
        QMessageBox.critical(
            self,
            self.tr("Unexpected error"),
            self.tr("The task “%1” failed: %2\nYour data is unchanged.")
            .replace("%1", name)
            .replace("%2", str(exc)),
        )

    def _find(self) -> None:
        if self.pages.currentIndex() != ADDRESSES:
            self.show_page(ADDRESSES)
        self.addresses.focus_search()

    def _update_counts(self) -> None:
        svc = self.services.addresses
        persons = self.tr("%Ln person(s)", "", svc.count_persons(ListFilter()))
        orgs = self.tr("%Ln organisation(s)", "", svc.count_organisations(ListFilter()))
        self.counts_label.setText(f"{persons} · {orgs}")

    # ---- Qt overrides

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.addresses.form.dirty:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("You have unsaved changes. Save them before closing?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and not self.addresses.save()
            ):
                event.ignore()
                return
        self.journal_ui.shutdown()
        event.accept()
