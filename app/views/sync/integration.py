"""Wiring sync into the main window: page, sidebar entry, F5, status bar, timer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from app.domain.changes import Changes
from app.domain.sync import SyncReport
from app.sync.client import SyncError
from app.views.sync.controller import SyncController
from app.views.sync.page import SyncPage
from app.views.sync.widgets import SignInDialog, SyncStatusWidget, error_message

if TYPE_CHECKING:
    from app.views.main_window import MainWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("Sync", text)


class SyncUi(QObject):
    """The sync parts of a main window (kept together so the window stays small)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        service = window.services.sync
        service.configure(server_url=window.server_url)
        self.service = service
        self.controller = SyncController(service, window.runner, parent=self)
        self.page = SyncPage(service)
        self.pages = (self.page,)
        window.place_pages("sync_ui", self.pages)
        self.index = window.pages.indexOf(self.page)
        self.status = SyncStatusWidget()
        window.online_label.hide()
        window.statusBar().addPermanentWidget(self.status)
        self.act_sync = QAction(window, shortcut=QKeySequence("F5"))
        self.act_show = QAction(window, shortcut=QKeySequence("Ctrl+9"))
        self.act_sign_in = QAction(window)
        window.file_menu.insertActions(
            window.act_quit, [self.act_sync, self.act_sign_in]
        )
        window.file_menu.insertSeparator(window.act_quit)
        window.view_menu.addAction(self.act_show)
        self.act_sync.triggered.connect(self.controller.sync_now)
        self.act_show.triggered.connect(self.show_page)
        self.act_sign_in.triggered.connect(self.sign_in)
        self.page.sig_sync_requested.connect(self.controller.sync_now)
        self.page.sig_sign_in_requested.connect(self.sign_in)
        self.page.sig_sign_out_requested.connect(self.sign_out)
        self.page.sig_data_changed.connect(window.sig_data_changed)
        self.status.sig_open_requested.connect(self.show_page)
        self.controller.sig_status_changed.connect(self.status.show_status)
        self.controller.sig_status_changed.connect(self.page.show_status)
        self.controller.sig_busy_changed.connect(self.status.set_busy)
        self.controller.sig_busy_changed.connect(
            lambda busy: self.page.btn_sync.setDisabled(busy)
        )
        self.controller.sig_data_changed.connect(
            lambda changes: window.sig_data_changed.emit(changes, self.controller)
        )
        self.controller.sig_sync_finished.connect(self._on_finished)
        self.controller.sig_sync_failed.connect(self._on_failed)
        self.retranslate()
        self.controller.start()

    def retranslate(self) -> None:
        """Texts in the current language (the window calls this from its own)."""
        self.act_sync.setText(_t("S&ync now"))
        self.act_show.setText(_t("S&ync and conflicts"))
        self.act_sign_in.setText(_t("Sign &in to server …"))
        self.controller.refresh_status()

    def show_page(self) -> None:
        """Open the sync page (conflict inbox)."""
        self.window.sidebar.setCurrentRow(self.index)

    def sign_in(self) -> bool:
        """Show the sign-in dialog; on success sync right away."""
        dialog = SignInDialog(self.service, self.window.runner, self.window)
        accepted = dialog.exec() == SignInDialog.DialogCode.Accepted
        if accepted:
            self.controller.signed_in()
        self.controller.refresh_status()
        return accepted

    def sign_out(self) -> None:
        """Forget the sign-in (changes stay queued)."""
        self.controller.stop()
        self.service.sign_out()
        self.controller.refresh_status()

    def on_data_changed(self, _changes: Changes, initiator: object) -> None:
        """Local edits schedule a sync; news from a sync refresh the inbox."""
        if initiator is self.controller:
            self.page.refresh()
        elif initiator is not self.page:
            self.controller.local_change()
        else:
            self.controller.local_change()

    def shutdown(self) -> None:
        """Stop timers (window closes)."""
        self.controller.stop()

    def _on_finished(self, report: SyncReport) -> None:
        self.page.refresh()
        if report.new_conflicts:
            text = QCoreApplication.translate(
                "Sync",
                "Synced — %n conflict(s) need your decision.",
                "",
                report.new_conflicts,
            )
        else:
            text = _t("Synced.")
        self.window.statusBar().showMessage(text, 6000)

    def _on_failed(self, exc: object) -> None:
        if isinstance(exc, SyncError):
            self.window.statusBar().showMessage(
                error_message(exc.code, exc.message), 8000
            )
