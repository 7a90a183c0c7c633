"""The main window: sidebar navigation, pages, menus with shortcuts, status bar."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
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
from app.domain.changes import Changes, EntityKind
from app.domain.progress import ProgressSink
from app.services.container import Services
from app.tasks.runner import TaskHandle, TaskRunner
from app.views.about_dialog import AboutDialog
from app.views.address_book import ORGANISATIONS, PERSONS, AddressBookView
from app.views.home import DemoDataDialog, HomeView
from app.views.navigation import AREAS, BUILD_ORDER, area_titles
from app.views.progress_dialog import TaskProgressDialog
from app.views.prompts import Unsaved, ask_unsaved
from app.views.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from app.services.demo import DemoResult
    from app.views.automation.integration import AutomationUi
    from app.views.dashboard.integration import AnalyticsUi
    from app.views.exchange.integration import ExchangeUi
    from app.views.journal.integration import JournalUi
    from app.views.pipeline.integration import SalesUi
    from app.views.quality.integration import QualityUi
    from app.views.sync.integration import SyncUi

log = logging.getLogger(__name__)

HOME, ADDRESSES = 0, 1
#: How long a deferred window waits after it is shown before building areas.
FIRST_AREA_DELAY_MS = 100


class MainWindow(QMainWindow):
    """Relata's main window.

    Signals:
        sig_data_changed(object, object): any write in the app (Changes, initiator).

    The overview and the address book are built with the window; every other
    area (pipeline, journal, import, quality, automation, reports, sync) is
    built when it is first needed — its page is opened, its attribute is
    used — or, with ``defer_areas``, one per turn of the event loop once the
    window is shown, so the first window appears without waiting for them.
    """

    sig_data_changed = Signal(object, object)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        *,
        server_url: str = "",
        settings: Settings | None = None,
        defer_areas: bool = False,
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
        #: Built areas by attribute name; ``_slots`` holds the stand-in pages
        #: of those not built yet.
        self._areas: dict[str, Any] = {}
        self._slots: dict[str, list[QWidget]] = {}
        self.pages = QStackedWidget()
        for page in (self.home, self.addresses):
            page.setObjectName("page")
            self.pages.addWidget(page)
        for area in AREAS:
            self._slots[area] = []
            for _title in area_titles(area):
                slot = QWidget()
                slot.setObjectName("page")
                self.pages.addWidget(slot)
                self._slots[area].append(slot)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(200)
        self.sidebar.currentRowChanged.connect(self._on_row_changed)
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
        self.retranslate_ui()
        self.sidebar.setCurrentRow(HOME)
        self._defer_areas = defer_areas
        if not defer_areas:
            self.ensure_areas()

    # ---- areas (built on first use)

    @property
    def sales_ui(self) -> SalesUi:
        """Leads, pipeline board and forecast."""
        return cast("SalesUi", self._area("sales_ui"))

    @property
    def journal_ui(self) -> JournalUi:
        """Journal, tasks, service cases and the customer timeline."""
        return cast("JournalUi", self._area("journal_ui"))

    @property
    def exchange_ui(self) -> ExchangeUi:
        """Import and export."""
        return cast("ExchangeUi", self._area("exchange_ui"))

    @property
    def quality_ui(self) -> QualityUi:
        """Duplicates, segments, tags and validation."""
        return cast("QualityUi", self._area("quality_ui"))

    @property
    def automation_ui(self) -> AutomationUi:
        """Workflows, e-mail templates, mail outbox and campaigns."""
        return cast("AutomationUi", self._area("automation_ui"))

    @property
    def analytics_ui(self) -> AnalyticsUi:
        """The dashboard on the overview and the Reports page."""
        return cast("AnalyticsUi", self._area("analytics_ui"))

    @property
    def sync_ui(self) -> SyncUi:
        """Sync status, sign-in and the conflict inbox."""
        return cast("SyncUi", self._area("sync_ui"))

    def ensure_areas(self) -> None:
        """Build every area not built yet (in sidebar order)."""
        for area in AREAS:
            self._area(area)

    def area_built(self, area: str) -> bool:
        """Whether ``area`` (an attribute name such as ``"sales_ui"``) is built."""
        return area in self._areas

    def place_pages(self, area: str, pages: Sequence[QWidget]) -> None:
        """Put ``area``'s pages where the sidebar expects them."""
        current = self.pages.currentIndex()
        for slot, page in zip(self._slots.pop(area), pages, strict=True):
            index = self.pages.indexOf(slot)
            page.setObjectName("page")
            self.pages.insertWidget(index, page)
            self.pages.removeWidget(slot)
            slot.deleteLater()
        self.pages.setCurrentIndex(current)

    def _area(self, area: str) -> Any:
        built = self._areas.get(area)
        return built if built is not None else self._build_area(area)

    def _build_area(self, area: str) -> Any:
        ui: Any
        if area == "sync_ui":
            from app.views.sync.integration import SyncUi

            self._areas[area] = ui = SyncUi(self)  # places its page itself
            return ui
        if area == "sales_ui":
            from app.views.pipeline.integration import SalesUi

            ui = SalesUi(self.services, self.runner)
        elif area == "journal_ui":
            from app.views.journal.integration import JournalUi

            ui = JournalUi(self.services, self.runner)
        elif area == "exchange_ui":
            from app.views.exchange.integration import ExchangeUi

            ui = ExchangeUi(self.services, self.runner)
        elif area == "quality_ui":
            from app.views.quality.integration import QualityUi

            ui = QualityUi(self.services, self.runner)
        elif area == "automation_ui":
            from app.views.automation.integration import AutomationUi

            ui = AutomationUi(self.services, self.runner)
        elif area == "analytics_ui":
            from app.views.dashboard.integration import AnalyticsUi

            ui = AnalyticsUi(self.services, self.runner)
        else:
            raise KeyError(area)
        self._areas[area] = ui
        self.place_pages(area, ui.pages)
        ui.install(self)
        ui.retranslate()
        return ui

    def _build_next_area(self) -> None:
        """Build one pending area, then yield to the event loop for the next."""
        if not self.isVisible():  # closed meanwhile: nothing more to build
            return
        for area in BUILD_ORDER:
            if area not in self._areas:
                self._area(area)
                QTimer.singleShot(0, self, self._build_next_area)
                return

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
        titles = [self.tr("Overview"), self.tr("Addresses")]
        for area in AREAS:
            titles += area_titles(area)
        if self.sidebar.count() == len(titles):
            for row, title in enumerate(titles):
                item = self.sidebar.item(row)
                if item is not None:
                    item.setText(title)
        else:
            self.sidebar.addItems(titles)
        self.online_label.setText(
            self.tr("Offline — no server configured")
            if not self._server_url
            else self.tr("Server: %1 (not signed in)").replace("%1", self._server_url)
        )
        for ui in self._areas.values():
            ui.retranslate()
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
        for ui in list(self._areas.values()):  # the rest load fresh when built
            ui.on_data_changed(changes, initiator)
        # the counts are of persons and organisations: a journal entry, a task
        # or a deal saved does not count a million records again
        if changes.touches(EntityKind.PERSON) or changes.touches(
            EntityKind.ORGANISATION
        ):
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

    def _on_row_changed(self, row: int) -> None:
        page = self.pages.widget(row)
        for area, slots in list(self._slots.items()):
            if page in slots:
                self._area(area)  # replaces the stand-in at the same index
        self.pages.setCurrentIndex(row)

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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._defer_areas:
            self._defer_areas = False
            # after the first frame is on screen; then one area per loop turn
            QTimer.singleShot(FIRST_AREA_DELAY_MS, self, self._build_next_area)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.addresses.form.dirty:
            answer = ask_unsaved(
                self,
                self.tr("Unsaved changes"),
                self.tr("You have unsaved changes. Save them before closing?"),
            )
            if answer is Unsaved.CANCEL or (
                answer is Unsaved.SAVE and not self.addresses.save()
            ):
                event.ignore()
                return
        if self.area_built("journal_ui"):
            self.journal_ui.shutdown()
        event.accept()
