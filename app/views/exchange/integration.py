"""How import and export plug into the main window: page, menu actions, dialogs.

The main window creates one :class:`ExchangeUi` when the area is first needed,
puts its page where the sidebar's entry (app/views/navigation.py) expects it
and calls :meth:`ExchangeUi.install`; everything
else (actions, shortcuts, opening the wizard and the export dialog with the
address book's current list) lives here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from app.domain.addresses import ListFilter
from app.domain.changes import Changes
from app.domain.exchange import ExportResult
from app.services.container import Services
from app.tasks.runner import TaskRunner
from app.views.exchange.exchange_page import ExchangePage
from app.views.exchange.export_dialog import ExportDialog
from app.views.exchange.import_wizard import ImportWizard

if TYPE_CHECKING:
    from app.views.main_window import MainWindow

PERSONS_TAB = 0


class ExchangeUi(QObject):
    """The Import & export page plus its actions (Ctrl+Shift+I, Ctrl+Shift+E, Ctrl+8)."""

    def __init__(self, services: Services, runner: TaskRunner) -> None:
        super().__init__()
        self.services = services
        self.runner = runner
        self.page = ExchangePage(services.imports, runner)
        self.pages = (self.page,)
        self.window: MainWindow | None = None
        self.act_import: QAction | None = None
        self.act_export: QAction | None = None
        self.act_page: QAction | None = None

    def install(self, window: MainWindow) -> None:
        """Add the menu actions and connect the page to ``window``."""
        self.window = window
        key = QKeySequence
        self.act_import = QAction(window, shortcut=key("Ctrl+Shift+I"))
        self.act_export = QAction(window, shortcut=key("Ctrl+Shift+E"))
        self.act_page = QAction(window, shortcut=key("Ctrl+8"))
        self.retranslate()
        window.file_menu.insertActions(
            window.act_demo, [self.act_import, self.act_export]
        )
        window.file_menu.insertSeparator(window.act_demo)
        window.view_menu.addAction(self.act_page)
        self.act_import.triggered.connect(lambda: self.open_import())
        self.act_export.triggered.connect(lambda: self.open_export())
        self.act_page.triggered.connect(self.show_page)
        self.page.sig_import_requested.connect(lambda: self.open_import())
        self.page.sig_export_requested.connect(lambda name: self.open_export(name))
        self.page.sig_data_changed.connect(window.sig_data_changed)
        self.page.sig_status_message.connect(
            lambda m: window.statusBar().showMessage(m, 8000)
        )

    def retranslate(self) -> None:
        """Menu texts in the current language."""
        if self.act_import is None or self.act_export is None or self.act_page is None:
            return
        self.act_import.setText(self.tr("I&mport file …"))
        self.act_export.setText(self.tr("&Export list …"))
        self.act_page.setText(self.tr("&Import && export"))

    def on_data_changed(self, changes: Changes, initiator: object) -> None:
        """Keep the page's lists (templates, past runs) current."""
        self.page.on_data_changed(changes, initiator)

    def show_page(self) -> None:
        """Ctrl+8: the Import & export page."""
        if self.window is not None:
            self.window.show_page(self.window.pages.indexOf(self.page))

    def _book_entity(self) -> str:
        assert self.window is not None
        return (
            "persons" if self.window.addresses.kind == PERSONS_TAB else "organisations"
        )

    def open_import(self) -> ImportWizard:
        """Open the import wizard (for the kind the address book shows)."""
        assert self.window is not None
        wizard = ImportWizard(
            self.services.imports,
            self.runner,
            entity_name=self._book_entity(),
            parent=self.window,
        )
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.sig_data_changed.connect(self.window.sig_data_changed)
        wizard.open()
        return wizard

    def open_export(self, entity_name: str | None = None) -> ExportDialog:
        """Open the export dialog on the address book's current list and selection."""
        window = self.window
        assert window is not None
        book = self._book_entity()
        name = entity_name or book
        flt, selected = ListFilter(), []
        if name == book:
            flt = window.addresses.current_filter()
            if window.addresses.form.record_id:
                selected = [window.addresses.form.record_id]
        dialog = ExportDialog(
            self.services.exports,
            self.runner,
            entity_name=name,
            flt=flt,
            selected=selected,
            parent=window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_exported.connect(self._on_exported)
        dialog.open()
        return dialog

    def _on_exported(self, result: ExportResult) -> None:
        if self.window is not None:
            self.window.statusBar().showMessage(
                self.tr("%1 records exported to %2")
                .replace("%1", QLocale().toString(result.rows))
                .replace("%2", str(result.path)),
                10000,
            )
