"""How the automation area plugs into the main window: its page, menu
actions, refreshes, and the scheduler that runs date and sequence triggers.

Keys: Ctrl+Shift+A Automation, Ctrl+Shift+M Campaigns.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolButton

from app.domain.changes import Changes, EntityKind
from app.services.container import Services
from app.services.mailer import MailStatus, SendResult
from app.tasks.runner import Pool, TaskRunner
from app.views.automation.page import AutomationPage

if TYPE_CHECKING:
    from app.views.main_window import MainWindow

log = logging.getLogger(__name__)

#: How often the laptop checks date triggers and waiting sequences.
SCHEDULE_MS = 15 * 60 * 1000


class AutomationUi(QObject):
    """The automation page and its menu actions."""

    def __init__(self, services: Services, runner: TaskRunner) -> None:
        super().__init__()
        self.services = services
        self.runner = runner
        self.automation = services.automation
        self.page = AutomationPage(self.automation, services.quality.segments, runner)
        self.pages = (self.page,)
        self.window: MainWindow | None = None
        key = QKeySequence
        self.act_show = QAction(self, shortcut=key("Ctrl+Shift+A"))
        self.act_campaigns = QAction(self, shortcut=key("Ctrl+Shift+M"))
        self.act_mail_server = QAction(self)
        self.bell = QToolButton()
        self.bell.setObjectName("notificationBell")
        self.bell.setAutoRaise(True)
        self.bell.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.bell.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.bell_menu = QMenu(self.bell)
        self.bell_menu.aboutToShow.connect(self._fill_bell)
        self.bell.setMenu(self.bell_menu)
        self.timer = QTimer(self)
        self.timer.setInterval(SCHEDULE_MS)
        self.timer.timeout.connect(self.run_scheduled)

    def retranslate(self) -> None:
        """Menu texts in the current language."""
        self.act_show.setText(self.tr("&Automation"))
        self.act_campaigns.setText(self.tr("Ca&mpaigns"))
        self.act_mail_server.setText(self.tr("&Mail server …"))
        self.page.retranslate()
        self.update_bell()

    def update_bell(self) -> None:
        """The unread-notification count in the status bar."""
        n = self.automation.notifications.unread_count()
        self.bell.setText(self.tr("%n new notification(s)", "", n))
        self.bell.setToolTip(self.tr("Notifications from workflows"))
        self.bell.setVisible(n > 0)

    def _fill_bell(self) -> None:
        self.bell_menu.clear()
        notes = self.automation.notifications.unread(limit=15)
        if not notes:
            action = self.bell_menu.addAction(self.tr("No new notifications"))
            action.setEnabled(False)
            return
        for note in notes:
            when = note.created_at.astimezone().strftime("%d.%m. %H:%M")
            action = self.bell_menu.addAction(f"{when}  {note.title}")
            action.setToolTip(note.body)
            action.triggered.connect(
                lambda _c=False, nid=note.id: self._mark_read([nid])
            )
        self.bell_menu.addSeparator()
        self.bell_menu.addAction(
            self.tr("Mark all as read"), lambda: self._mark_read(None)
        )

    def _mark_read(self, ids: list[str] | None) -> None:
        changes = self.automation.notifications.mark_read(ids)
        self.update_bell()
        if self.window is not None:
            self.window.sig_data_changed.emit(changes, self)

    def install(self, window: MainWindow) -> None:
        """Add actions to ``window``'s menus and connect."""
        self.window = window
        for action in (self.act_show, self.act_campaigns):
            action.setParent(window)
            window.addAction(action)
        window.view_menu.addActions([self.act_show, self.act_campaigns])
        window.edit_menu.addAction(self.act_mail_server)
        self.act_show.triggered.connect(lambda: self.show_page())
        self.act_campaigns.triggered.connect(
            lambda: self.show_page(self.page.campaigns)
        )
        self.act_mail_server.triggered.connect(self.page.edit_mail_server)
        for view in self.page.views():
            view.sig_data_changed.connect(window.sig_data_changed)
        self.page.web_forms.set_server_url(window.server_url)
        window.statusBar().insertPermanentWidget(0, self.bell)
        window.installEventFilter(self)
        self.bell.setIcon(
            window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        )
        self.timer.start()
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Stop the scheduler when the window closes, restart when it is back.

        A running timer must not outlive the window: the Python objects may be
        collected on a worker thread, where Qt cannot stop a timer.
        """
        if watched is self.window:
            if event.type() == QEvent.Type.Close:
                self.timer.stop()
            elif (
                event.type()
                in (
                    QEvent.Type.Show,
                    QEvent.Type.WindowActivate,
                )
                and not self.timer.isActive()
            ):
                self.timer.start()
        return False

    def show_page(self, view: object = None) -> None:
        """Switch to the page (and a tab of it)."""
        if self.window is None:
            return
        self.window.show_page(self.window.pages.indexOf(self.page))
        if view is not None:
            self.page.show_view(view)  # type: ignore[arg-type]

    def run_scheduled(self) -> None:
        """Date triggers, inactivity, overdue tasks and sequences (background)."""
        workflows = self.automation.workflows
        self.runner.run(
            "workflows",
            lambda: workflows.run_scheduled(),
            on_done=self._on_scheduled_done,
            on_error=lambda exc: log.warning("scheduled workflows failed: %s", exc),
        )

    def _on_scheduled_done(self, changes: Changes) -> None:
        if self.window is not None and (changes.kinds or changes.ids):
            self.window.sig_data_changed.emit(changes, self)
        self.send_queued()

    def send_queued(self) -> None:
        """Send waiting mails in the background when a mail server is set up.

        Offline (server unreachable) the mails simply stay queued for the next
        round; nothing is shown unless something was sent.
        """
        mailer = self.automation.mailer
        if not mailer.settings().configured or not mailer.count(
            [MailStatus.QUEUED, MailStatus.FAILED]
        ):
            return
        self.runner.run(
            "send-mail",
            lambda: mailer.send_pending(),
            pool=Pool.IO,
            on_done=self._on_sent,
            on_error=lambda exc: log.info("queued mail not sent: %s", exc),
        )

    def _on_sent(self, result: SendResult) -> None:
        if self.window is None or not (result.sent or result.bounced or result.failed):
            return
        self.window.sig_data_changed.emit(result.changes, self)
        self.window.statusBar().showMessage(
            self.tr("%n e-mail(s) sent from the outbox.", "", result.sent), 8000
        )

    def on_data_changed(self, changes: Changes, initiator: object) -> None:
        """Refresh what shows data another part of the app wrote."""
        page = self.page
        if initiator is not page.workflows:
            page.workflows.on_data_changed(changes)
        if initiator is not page.campaigns:
            page.campaigns.on_data_changed(changes)
        if initiator is not page.outbox:
            page.outbox.on_data_changed(changes)
        if initiator is not page.templates and (
            changes.everything or changes.touches(EntityKind.EMAIL_TEMPLATE)
        ):
            page.templates.reload()
        if initiator is not page.web_forms and (
            changes.everything or changes.touches(EntityKind.CAMPAIGN)
        ):
            page.web_forms.reload()
        if changes.everything or changes.kinds:
            self.update_bell()
