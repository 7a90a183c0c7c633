"""How the quality area plugs into the main window: its page, menu actions,
the address-book additions, refreshes.

The main window builds the area when it is first needed, puts
:attr:`QualityUi.page` where the sidebar's entry (app/views/navigation.py)
expects it, calls :meth:`QualityUi.install` and forwards data changes to
:meth:`QualityUi.on_data_changed`.

Keys: Ctrl+Shift+K Data quality, Ctrl+Shift+D find duplicates, Ctrl+Shift+G segments.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from app.domain.addresses import ListFilter
from app.domain.changes import Changes, EntityKind
from app.services.container import Services
from app.tasks.runner import TaskRunner
from app.views.address_book import ORGANISATIONS, PERSONS
from app.views.quality.book import BookQuality
from app.views.quality.mass_update_dialog import MassUpdateDialog
from app.views.quality.page import QualityPage

if TYPE_CHECKING:
    from app.views.main_window import MainWindow


class QualityUi(QObject):
    """The data-quality page and what it adds to the rest of the window."""

    def __init__(self, services: Services, runner: TaskRunner) -> None:
        super().__init__()
        self.services = services
        self.runner = runner
        self.quality = services.quality
        self.page = QualityPage(self.quality, runner)
        self.pages = (self.page,)
        self.book: BookQuality | None = None
        self.window: MainWindow | None = None
        key = QKeySequence
        self.act_show = QAction(self, shortcut=key("Ctrl+Shift+K"))
        self.act_duplicates = QAction(self, shortcut=key("Ctrl+Shift+D"))
        self.act_segments = QAction(self, shortcut=key("Ctrl+Shift+G"))

    def retranslate(self) -> None:
        """Menu texts in the current language."""
        self.act_show.setText(self.tr("Data &quality"))
        self.act_duplicates.setText(self.tr("Find &duplicates …"))
        self.act_segments.setText(self.tr("Se&gments"))
        self.page.retranslate()

    def install(self, window: MainWindow) -> None:
        """Add actions to ``window``'s menus, extend the address book, connect."""
        self.window = window
        actions = [self.act_show, self.act_duplicates, self.act_segments]
        for action in actions:
            action.setParent(window)
            window.addAction(action)
        window.view_menu.addActions(actions)
        self.act_show.triggered.connect(lambda: self.show_page())
        self.act_duplicates.triggered.connect(
            lambda: self.show_page(self.page.duplicates)
        )
        self.act_segments.triggered.connect(lambda: self.show_page(self.page.segments))
        for view in (*self.page.views(),):
            view.sig_data_changed.connect(window.sig_data_changed)  # type: ignore[attr-defined]
        for view in (self.page.duplicates, self.page.report):
            view.sig_open_requested.connect(self.open_record)
        for view in (self.page.duplicates, self.page.segments):
            view.sig_status_message.connect(
                lambda m: window.statusBar().showMessage(m, 8000)
            )
        self.page.segments.sig_mass_update_requested.connect(self.mass_update)
        self.page.segments.sig_export_requested.connect(self.export)
        self.book = BookQuality(
            self, window.addresses, self.quality, self.services.addresses
        )
        self.retranslate()

    def show_page(self, view: object = None) -> None:
        """Switch to the page (and a tab of it)."""
        if self.window is None:
            return
        self.window.show_page(self.window.pages.indexOf(self.page))
        if view is not None:
            self.page.show_view(view)  # type: ignore[arg-type]

    def open_record(self, kind: str, record_id: str) -> None:
        """Show a person or organisation in the address book."""
        if self.window is None:
            return
        book = self.window.addresses
        if kind == "person":
            self.window.show_addresses(PERSONS)
            book.open_person(record_id)
        else:
            self.window.show_addresses(ORGANISATIONS)
            book.open_organisation(record_id)

    def mass_update(
        self, kind: str, ids: Sequence[str], description: str
    ) -> MassUpdateDialog:
        """Open the mass update for ``ids``."""
        dialog = MassUpdateDialog(
            self.quality.mass_update,
            self.runner,
            kind=kind,
            ids=ids,
            description=description,
            fields=self.quality.custom_fields.definitions(kind, active_only=True),
            tags=self.quality.tags.tags(),
            users=self.services.addresses.users(),
            parent=self.window,
        )
        if self.window is not None:
            dialog.sig_data_changed.connect(self.window.sig_data_changed)
        dialog.open()
        return dialog

    def export(self, kind: str, ids: Sequence[str]) -> None:
        """Export the records ``ids`` (a segment) through the export dialog."""
        from app.views.exchange.export_dialog import ExportDialog

        entity = "persons" if kind == "person" else "organisations"
        dialog = ExportDialog(
            self.services.exports,
            self.runner,
            entity_name=entity,
            flt=ListFilter(),
            selected=ids,
            parent=self.window,
        )
        dialog.open()

    def on_data_changed(self, changes: Changes, initiator: object) -> None:
        """Refresh what shows data another part of the app wrote."""
        fields = changes.touches(EntityKind.CUSTOM_FIELD)
        tags = changes.touches(EntityKind.TAG)
        if fields and self.book is not None:
            self.book.reload_definitions()
        if fields and initiator is not self.page.custom_fields:
            self.page.custom_fields.reload()
        if tags and initiator is not self.page.tags:
            self.page.tags.reload()
        if initiator is not self.page.segments and (
            fields or tags or changes.touches(EntityKind.SEGMENT) or changes.everything
        ):
            self.page.segments.on_data_changed()
        if (
            (
                changes.touches(EntityKind.PERSON)
                or changes.touches(EntityKind.ORGANISATION)
            )
            and self.book is not None
            and initiator is not self.book
        ):
            self.book.load_record()
